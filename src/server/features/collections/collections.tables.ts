import type { Generated } from 'kysely';
import type { CreatedAt, Id, UpdatedAt, Version } from '../../db/columns';

/** 回款单: recorded by the owner or imported, confirmed by finance; `allocated` is its live allocations' sum. */
export interface ReceiptTable {
  id: Id;
  number: string;
  account_id: number;
  owner_id: number;
  unit_id: number;
  received_on: string;
  amount: number;
  method: Generated<string>;
  bank_ref: string | null;
  payer: Generated<string>;
  note: Generated<string>;
  source: Generated<string>;
  status: Generated<string>;
  allocated: Generated<number>;
  recorded_by: number;
  confirmed_by: number | null;
  confirmed_at: Date | string | null;
  void_reason: string | null;
  version: Version;
  created_at: CreatedAt;
  updated_at: UpdatedAt;
}

/** A part of a receipt put against one instalment; undone with a reason, never deleted. */
export interface ReceiptAllocationTable {
  id: Id;
  receipt_id: number;
  instalment_id: number;
  amount: number;
  received_on: string;
  allocated_by: number;
  allocated_at: CreatedAt;
  undone_at: Date | string | null;
  undone_by: number | null;
  undo_reason: string | null;
}

/** 发票 of one instalment: normal 普票 / special 专票. */
export interface InvoiceTable {
  id: Id;
  instalment_id: number;
  contract_id: number;
  number: string;
  issued_on: string;
  amount: number;
  type: string;
  status: Generated<string>;
  void_reason: string | null;
  created_by: number;
  created_at: CreatedAt;
  version: Version;
}

/** 坏账核销 of an instalment's unpaid rest, through the approval engine. */
export interface InstalmentWriteOffTable {
  id: Id;
  instalment_id: number;
  amount: number;
  reason: string;
  status: Generated<string>;
  approval_id: number | null;
  requested_by: number;
  unit_id: number;
  submitted_at: Date | string | null;
  decided_at: Date | string | null;
  version: Version;
  created_at: CreatedAt;
  updated_at: UpdatedAt;
}

/** The tables the collections room owns (composed into the database's type in db/schema.ts). */
export interface CollectionsTables {
  receipts: ReceiptTable;
  receipt_allocations: ReceiptAllocationTable;
  invoices: InvoiceTable;
  instalment_write_offs: InstalmentWriteOffTable;
}
export const COLLECTIONS_TABLES = ['receipts', 'receipt_allocations', 'invoices', 'instalment_write_offs'] as const satisfies readonly (keyof CollectionsTables)[];
