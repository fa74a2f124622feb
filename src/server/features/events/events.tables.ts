import type { Generated } from 'kysely';
import type { CreatedAt, Id, Timestamp, UpdatedAt, Version } from '../../db/columns';

/** 客户活动: a seminar, salon or other event with its approved budget (migration 0037). */
export interface CustomerEventTable {
  id: Id;
  kind: string;
  title: string;
  owner_id: number;
  unit_id: number;
  starts_at: Timestamp;
  ends_at: Timestamp;
  venue: Generated<string>;
  capacity: number | null;
  budget: Generated<number>;
  agenda: Generated<string>;
  status: Generated<string>;
  approval_id: number | null;
  submitted_at: Timestamp | null;
  decided_at: Timestamp | null;
  held_at: Timestamp | null;
  closed_at: Timestamp | null;
  summary: Generated<string>;
  cancel_reason: string | null;
  over_budget_noticed: Generated<boolean>;
  version: Version;
  created_by: number | null;
  created_at: CreatedAt;
  updated_at: UpdatedAt;
}

/** A contact invited to an event: the response, the attendance, the follow-up it became. */
export interface EventInvitationTable {
  id: Id;
  event_id: number;
  contact_id: number;
  account_id: number;
  invited_by: number;
  invited_at: CreatedAt;
  response: Generated<string>;
  responded_at: Timestamp | null;
  attended: boolean | null;
  checked_in_at: Timestamp | null;
  note: Generated<string>;
  followup_kind: string | null;
  followup_id: number | null;
  followup_at: Timestamp | null;
  followup_by: number | null;
  version: Version;
}

/** One cost of an event, against its budget. */
export interface EventCostTable {
  id: Id;
  event_id: number;
  category: string;
  amount: number;
  spent_on: string;
  note: Generated<string>;
  over_budget_reason: string | null;
  created_by: number;
  created_at: CreatedAt;
}

/** 增值服务记录: a value-added service given to an account. */
export interface ServiceLogTable {
  id: Id;
  account_id: number;
  contact_id: number | null;
  kind: string;
  title: string;
  provided_on: string;
  cost: Generated<number>;
  note: Generated<string>;
  owner_id: number;
  version: Version;
  created_at: CreatedAt;
  updated_at: UpdatedAt;
}

export interface EventsTables {
  customer_events: CustomerEventTable;
  event_invitations: EventInvitationTable;
  event_costs: EventCostTable;
  service_logs: ServiceLogTable;
}

export const EVENTS_TABLES = ['customer_events', 'event_invitations', 'event_costs', 'service_logs'] as const satisfies readonly (keyof EventsTables)[];
