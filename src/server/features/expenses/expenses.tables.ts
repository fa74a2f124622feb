import type { Generated } from 'kysely';
import type { Id } from '../../db/columns';

export interface ExpenseClaimTable {
  id: Id;
  owner_id: number;
  unit_id: number;
  title: string;
  total: Generated<number>;
  status: Generated<string>;
  approval_id: number | null;
  submitted_at: Date | null;
  decided_at: Date | null;
  paid_at: Date | null;
  paid_by: number | null;
  /** the part of the phone lines above the monthly allowance at the last submission, fen */
  phone_over: Generated<number>;
  version: Generated<number>;
  created_at: Generated<Date>;
  updated_at: Generated<Date>;
}

/** Which claim holds a linked record: one at a time (primary key), while the claim is not rejected. */
export interface ExpenseClaimHoldTable {
  kind: string;
  ref_id: number;
  claim_id: number;
}

export interface ExpenseClaimLineTable {
  id: Id;
  claim_id: number;
  seq: number;
  kind: string;
  ref_id: number | null;
  category: string;
  amount: number;
  note: string | null;
  occurred_on: string;
}

export interface ExpenseBudgetTable {
  id: Id;
  user_id: number | null;
  unit_id: number | null;
  category: string;
  period: string;
  amount: number;
  version: Generated<number>;
  created_by: number | null;
  created_at: Generated<Date>;
  updated_at: Generated<Date>;
}

/** The tables the expenses room owns (composed into the database's type in db/schema.ts). */
export interface ExpensesTables {
  expense_claims: ExpenseClaimTable;
  expense_claim_lines: ExpenseClaimLineTable;
  expense_claim_holds: ExpenseClaimHoldTable;
  expense_budgets: ExpenseBudgetTable;
}
export const EXPENSES_TABLES = ['expense_claims', 'expense_claim_lines', 'expense_claim_holds', 'expense_budgets'] as const satisfies readonly (keyof ExpensesTables)[];
