import type { Generated } from 'kysely';
import type { CreatedAt, Id, UpdatedAt, Version } from '../../db/columns';

export interface AccountNeedTable {
  id: Id;
  account_id: number;
  product_type: string;
  quantity: number | null;
  unit: string | null;
  region: string | null;
  price_min: number | null;
  price_max: number | null;
  reason: string | null;
  status: Generated<string>;
  closed_at: Date | string | null;
  closed_by: number | null;
  version: Version;
  created_by: number | null;
  created_at: CreatedAt;
  updated_at: UpdatedAt;
}

export interface AccountCountermeasureTable {
  id: Id;
  account_id: number;
  contact_id: number | null;
  direction: string | null;
  direction_note: string | null;
  problem: string;
  measure: string;
  owner_id: number;
  due_on: string | null;
  status: Generated<string>;
  closed_at: Date | string | null;
  closed_by: number | null;
  version: Version;
  created_by: number | null;
  created_at: CreatedAt;
  updated_at: UpdatedAt;
}

/** The tables the needs room owns (composed into the database's type in db/schema.ts). */
export interface NeedsTables {
  account_needs: AccountNeedTable;
  account_countermeasures: AccountCountermeasureTable;
}
export const NEEDS_TABLES = ['account_needs', 'account_countermeasures'] as const satisfies readonly (keyof NeedsTables)[];
