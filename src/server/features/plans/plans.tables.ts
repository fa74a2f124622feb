import type { Generated } from 'kysely';
import type { CreatedAt, Id, UpdatedAt, Version } from '../../db/columns';

export interface AccountPlanItemTable {
  id: Id;
  account_id: number;
  level: string;
  our_relationship: string | null;
  our_stage: string | null;
  competitor: string | null;
  competitor_relationship: string | null;
  owner_id: number;
  measures: string;
  start_on: string | null;
  due_on: string | null;
  notes: string | null;
  status: Generated<string>;
  done_on: string | null;
  outcome: string | null;
  closed_at: Date | string | null;
  closed_by: number | null;
  version: Version;
  created_by: number | null;
  created_at: CreatedAt;
  updated_at: UpdatedAt;
}

export interface AccountPlanItemContactTable {
  item_id: number;
  contact_id: number;
}

/** The tables the plans room owns (composed into the database's type in db/schema.ts). */
export interface PlansTables {
  account_plan_items: AccountPlanItemTable;
  account_plan_item_contacts: AccountPlanItemContactTable;
}
export const PLANS_TABLES = ['account_plan_items', 'account_plan_item_contacts'] as const satisfies readonly (keyof PlansTables)[];
