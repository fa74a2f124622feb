import type { Generated } from 'kysely';
import type { CreatedAt, Id, Json, Timestamp, UpdatedAt, Version } from '../../db/columns';

export interface VisitResource {
  item: string;
  quantity: number | null;
  readyBy: string | null;
  department: string | null;
  note: string | null;
}

export interface VisitExpense {
  item: string;
  amount: number;
  note: string | null;
}

export interface VisitTable {
  id: Id;
  account_id: number;
  owner_id: number;
  unit_id: number;
  purpose: string;
  method: string;
  planned_at: Timestamp;
  plan_note: string | null;
  resources: Json<VisitResource[]>;
  budget: number;
  cash_advance: number;
  status: Generated<string>;
  approval_id: number | null;
  submitted_at: Date | string | null;
  decided_at: Date | string | null;
  checked_in_at: Date | string | null;
  check_in_lat: number | null;
  check_in_lng: number | null;
  check_in_accuracy: number | null;
  check_in_place: string | null;
  recorded_at: Date | string | null;
  met_name: string | null;
  met_title: string | null;
  contact_seq: number | null;
  customer_situation: string | null;
  discussed: string | null;
  concerns: string | null;
  solved: string | null;
  to_watch: string | null;
  other: string | null;
  result: string | null;
  expenses: Json<VisitExpense[]>;
  cost_total: Generated<number>;
  next_visit_at: Date | string | null;
  report_status: Generated<string>;
  report_submitted_at: Date | string | null;
  report_reviewed_at: Date | string | null;
  report_reviewer_id: number | null;
  report_comment: string | null;
  cancel_reason: string | null;
  version: Version;
  created_by: number | null;
  created_at: CreatedAt;
  updated_at: UpdatedAt;
}

export interface VisitContactTable {
  visit_id: number;
  contact_id: number;
  met: Generated<boolean>;
}

/** The tables the visits room owns (composed into the database's type in db/schema.ts). */
export interface VisitsTables {
  visits: VisitTable;
  visit_contacts: VisitContactTable;
}
export const VISITS_TABLES = ['visits', 'visit_contacts'] as const satisfies readonly (keyof VisitsTables)[];
