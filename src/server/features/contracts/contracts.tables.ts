import type { Generated } from 'kysely';
import type { CreatedAt, Id, UpdatedAt, Version } from '../../db/columns';

/** 合同 (DEAL-1): 战略合作协议 (framework), 销售合同 (sales), 补充协议 (supplement). Money in fen. */
export interface ContractTable {
  id: Id;
  number: string;
  kind: string;
  parent_id: number | null;
  revision: Generated<number>;
  account_id: number;
  owner_id: number;
  unit_id: number;
  signatory_contact_id: number | null;
  title: string;
  amount: number;
  currency: Generated<string>;
  sign_date: string | null;
  start_date: string | null;
  end_date: string | null;
  payment_terms: Generated<string>;
  note: Generated<string>;
  status: Generated<string>;
  status_reason: string | null;
  approval_id: number | null;
  submitted_at: Date | string | null;
  decided_at: Date | string | null;
  signed_at: Date | string | null;
  closed_at: Date | string | null;
  settled_by: number | null;
  version: Version;
  created_by: number;
  created_at: CreatedAt;
  updated_at: UpdatedAt;
}

/** 产品明细: quantity (numeric, arrives as a string), unit price in fen, discount in percent off. */
export interface ContractLineTable {
  id: Id;
  contract_id: number;
  seq: number;
  product: string;
  spec: Generated<string>;
  unit: Generated<string>;
  quantity: string | number;
  unit_price: number;
  discount: Generated<string | number>;
  amount: number;
}

/** 回款计划: one instalment; paid_amount is kept by the collections room from confirmed receipts' allocations. */
export interface ContractInstalmentTable {
  id: Id;
  contract_id: number;
  account_id: number;
  seq: number;
  milestone: Generated<string>;
  due_date: string;
  amount: number;
  paid_amount: Generated<number>;
  written_off: Generated<number>;
  written_off_on: string | null;
  settled_on: string | null;
}

/** The tables the contracts room owns (composed into the database's type in db/schema.ts). */
export interface ContractsTables {
  contracts: ContractTable;
  contract_lines: ContractLineTable;
  contract_instalments: ContractInstalmentTable;
}
export const CONTRACTS_TABLES = ['contracts', 'contract_lines', 'contract_instalments'] as const satisfies readonly (keyof ContractsTables)[];
