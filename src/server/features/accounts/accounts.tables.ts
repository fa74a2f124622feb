import type { ColumnType, Generated } from 'kysely';
import type { CreatedAt, Id, Timestamp, UpdatedAt, Version } from '../../db/columns';

/** The account archive (migration 0005). */
export interface AccountTable {
  id: Id;
  name: string;
  short_name: string | null;
  credit_code: string | null;
  nature: string | null;
  industry: string | null;
  industry_position: string | null;
  founded_year: number | null;
  registered_capital: number | null;
  employees: number | null;
  address: string | null;
  postal_code: string | null;
  phone: string | null;
  fax: string | null;
  website: string | null;
  email: string | null;
  legal_representative: string | null;
  superior_org: string | null;
  business_scope: string | null;
  development_plans: string | null;
  main_products: string | null;
  market_share: string | null;
  annual_sales: number | null;
  bank_name: string | null;
  bank_account: string | null;
  credit_standing: string | null;
  fund_status: string | null;
  payment_attitude: string | null;
  payment_term_days: number | null;
  discount_bp: number | null;
  target_market: string | null;
  customer_strategy: string | null;
  source_channel: string | null;
  province: string | null;
  city: string | null;
  owner_id: number;
  unit_id: number;
  parent_id: number | null;
  vip: Generated<boolean>;
  tier: Generated<string>;
  cat_premium: Generated<boolean>;
  cat_high_value: Generated<boolean>;
  /** the director's 高价值 choice overriding the derived one (decision 014); null: derived */
  high_value_override: boolean | null;
  cat_group: Generated<boolean>;
  cat_strategic: Generated<boolean>;
  grade: string | null;
  lifecycle: Generated<string>;
  completeness: Generated<number>;
  coverage_score: Generated<number>;
  coverage_flags: ColumnType<{ code: string; contactIds: number[] }[], string | undefined, string>;
  active_contacts: Generated<number>;
  attractiveness: Generated<number>;
  strength: Generated<number>;
  quadrant_computed: Generated<string>;
  quadrant_override: string | null;
  quadrant_override_reason: string | null;
  quadrant_override_by: number | null;
  quadrant_override_at: Timestamp | null;
  quadrant: Generated<string>;
  quadrant_factors: ColumnType<unknown[], string | undefined, string>;
  derived_at: Timestamp | null;
  name_pinyin: Generated<string>;
  name_initials: Generated<string>;
  short_pinyin: Generated<string>;
  short_initials: Generated<string>;
  version: Version;
  created_by: number | null;
  created_at: CreatedAt;
  updated_at: UpdatedAt;
}

export interface AccountTeamTable {
  account_id: number;
  user_id: number;
  role: string;
}

export interface AccountRevenueTable {
  account_id: number;
  year: number;
  source: string;
  amount: number;
  note: Generated<string>;
  updated_at: UpdatedAt;
}

export interface AccountChangeTable {
  id: Id;
  account_id: number;
  field: string;
  from_value: string | null;
  to_value: string | null;
  reason: string;
  reason_key: string | null;
  actor_id: number | null;
  at: CreatedAt;
}

/** The tables the accounts room owns (composed into the database's type in db/schema.ts). */
export interface AccountsTables {
  accounts: AccountTable;
  account_team: AccountTeamTable;
  account_revenue: AccountRevenueTable;
  account_changes: AccountChangeTable;
}
export const ACCOUNTS_TABLES = ['accounts', 'account_team', 'account_revenue', 'account_changes'] as const satisfies readonly (keyof AccountsTables)[];
