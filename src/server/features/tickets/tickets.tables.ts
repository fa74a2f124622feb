import type { Generated } from 'kysely';
import type { CreatedAt, Id, Json, Timestamp, UpdatedAt, Version } from '../../db/columns';

/** 服务请求与投诉 (SVC-1): one ticket; its SLA milestones, escalations and history in the tables below. */
export interface TicketTable {
  id: Id;
  number: string;
  kind: string;
  severity: string;
  channel: string;
  account_id: number;
  contact_id: number | null;
  owner_id: number;
  unit_id: number;
  title: string;
  description: Generated<string>;
  status: Generated<string>;
  received_at: Timestamp;
  paused_at: Timestamp | null;
  resolution: string | null;
  resolved_at: Timestamp | null;
  closed_at: Timestamp | null;
  reopened: Generated<number>;
  validity: string | null;
  validity_reason: string | null;
  responsible_id: number | null;
  judged_by: number | null;
  judged_at: Timestamp | null;
  version: Version;
  created_by: number;
  created_at: CreatedAt;
  updated_at: UpdatedAt;
}

/** A milestone's clock: budget and paused working minutes (numeric: arrives as a string), warning and due instants. */
export interface TicketMilestoneTable {
  ticket_id: number;
  milestone: string;
  budget_minutes: number;
  paused_minutes: Generated<string | number>;
  warn_at: Timestamp;
  due_at: Timestamp;
  met_at: Timestamp | null;
  breached_at: Timestamp | null;
}

/** One escalation level of one milestone, recorded once. */
export interface TicketEscalationTable {
  ticket_id: number;
  milestone: string;
  level: string;
  at: Generated<Date>;
  notified_id: number | null;
  task_id: number | null;
}

export interface TicketHistoryTable {
  id: Id;
  ticket_id: number;
  at: Generated<Date>;
  actor_id: number | null;
  event: string;
  from_status: string | null;
  to_status: string | null;
  changes: Json<Record<string, unknown>>;
  note: string | null;
}

/** The tables the tickets room owns (composed into the database's type in db/schema.ts). */
export interface TicketsTables {
  tickets: TicketTable;
  ticket_milestones: TicketMilestoneTable;
  ticket_escalations: TicketEscalationTable;
  ticket_history: TicketHistoryTable;
}
export const TICKETS_TABLES = ['tickets', 'ticket_milestones', 'ticket_escalations', 'ticket_history'] as const satisfies readonly (keyof TicketsTables)[];
