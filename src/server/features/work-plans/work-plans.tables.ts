import type { Generated } from 'kysely';
import type { CreatedAt, Id, Timestamp, UpdatedAt, Version } from '../../db/columns';

export interface MonthlyPlanTable {
  id: Id;
  owner_id: number;
  unit_id: number;
  /** 'YYYY-MM' */
  month: string;
  status: Generated<string>;
  submitted_at: Timestamp | null;
  late: Generated<boolean>;
  planned_visits: Generated<number>;
  planned_expansions: Generated<number>;
  planned_deals: Generated<number>;
  note: string | null;
  version: Version;
  created_at: CreatedAt;
  updated_at: UpdatedAt;
}

export interface MonthlyPlanItemTable {
  id: Id;
  plan_id: number;
  kind: string;
  account_id: number | null;
  target_name: string;
  /** 'YYYY-MM-DD' */
  planned_on: string | null;
  note: string | null;
  sort_order: Generated<number>;
}

/** The tables the work-plans room owns (composed into the database's type in db/schema.ts). */
export interface WorkPlansTables {
  monthly_plans: MonthlyPlanTable;
  monthly_plan_items: MonthlyPlanItemTable;
}
export const WORK_PLANS_TABLES = ['monthly_plans', 'monthly_plan_items'] as const satisfies readonly (keyof WorkPlansTables)[];
