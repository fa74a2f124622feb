import type { Generated } from 'kysely';
import type { CreatedAt, Id, Json, UpdatedAt, Version } from '../../db/columns';

export interface OpportunityPlanTable {
  id: Id;
  opportunity_id: number;
  strategy: string;
  advantages: Json<string[]>;
  steps: Json<{ title: string; ownerId: number; dueOn: string | null; stage: number | null; done: boolean }[]>;
  support: Json<string[]>;
  resources: string | null;
  budget: number | null;
  sales: number | null;
  profit: number | null;
  staff_cost: number | null;
  travel_cost: number | null;
  operating_cost: number | null;
  risk_coefficient: number | null;
  status: Generated<string>;
  approval_id: number | null;
  submitted_at: Date | string | null;
  decided_at: Date | string | null;
  version: Version;
  created_by: number;
  created_at: CreatedAt;
  updated_at: UpdatedAt;
}

/** The tables the dev-plans room owns (composed into the database's type in db/schema.ts). */
export interface DevPlansTables {
  opportunity_plans: OpportunityPlanTable;
}
export const DEV_PLANS_TABLES = ['opportunity_plans'] as const satisfies readonly (keyof DevPlansTables)[];
