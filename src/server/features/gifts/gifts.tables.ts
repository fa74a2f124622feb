import type { Generated } from 'kysely';
import type { CreatedAt, Id, UpdatedAt, Version } from '../../db/columns';

export interface GiftItemTable {
  id: Id;
  name: string;
  name_key: string;
  spec: string | null;
  unit: Generated<string>;
  unit_value: number;
  stock: Generated<number>;
  active: Generated<boolean>;
  note: string | null;
  version: Version;
  created_by: number | null;
  created_at: CreatedAt;
  updated_at: UpdatedAt;
}

export interface GiftPlanTable {
  id: Id;
  account_id: number;
  cooperation_status: string | null;
  item_id: number;
  quantity: number;
  budget: number | null;
  responsible_id: number;
  remark: string | null;
  version: Version;
  created_by: number | null;
  created_at: CreatedAt;
  updated_at: UpdatedAt;
}

export interface GiftApplicationTable {
  id: Id;
  account_id: number;
  contact_id: number;
  item_id: number;
  quantity: number;
  unit_value: number;
  value: number;
  gift_on: string;
  managing_dept: string | null;
  remark: string | null;
  owner_id: number;
  unit_id: number;
  status: Generated<string>;
  over_cap: Generated<boolean>;
  year_total_before: number | null;
  cap: number | null;
  approval_id: number | null;
  submitted_at: Date | string | null;
  decided_at: Date | string | null;
  issued_at: Date | string | null;
  issued_by: number | null;
  version: Version;
  created_at: CreatedAt;
  updated_at: UpdatedAt;
}

export interface GiftStockMovementTable {
  id: Id;
  item_id: number;
  kind: string;
  quantity: number;
  balance: number;
  application_id: number | null;
  note: string | null;
  actor_id: number | null;
  at: CreatedAt;
}


/** The tables the gifts room owns (composed into the database's type in db/schema.ts). */
export interface GiftsTables {
  gift_items: GiftItemTable;
  gift_plans: GiftPlanTable;
  gift_applications: GiftApplicationTable;
  gift_stock_movements: GiftStockMovementTable;
}
export const GIFTS_TABLES = ['gift_items', 'gift_plans', 'gift_applications', 'gift_stock_movements'] as const satisfies readonly (keyof GiftsTables)[];
