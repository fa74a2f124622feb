import type { CreatedAt, Timestamp } from '../../db/columns';

export interface VisitOverdueTable {
  account_id: number;
  frequency_days: number;
  last_visit_at: Timestamp | null;
  overdue_since: Timestamp;
  notified_at: CreatedAt;
}

/** The tables the visit-policy room owns (composed into the database's type in db/schema.ts). */
export interface VisitPolicyTables {
  visit_overdue: VisitOverdueTable;
}
export const VISIT_POLICY_TABLES = ['visit_overdue'] as const satisfies readonly (keyof VisitPolicyTables)[];
