import { sql } from 'kysely';
import type { Executor } from '../server/db/client';

/**
 * SQL for the contracts and collections demo (demo-deals.ts): what it needs to find, and which clock
 * columns its steps write (stepper in demo-fieldwork.repo dates them back).
 */
export const dealsSeedRepo = {
  STAMPED: {
    approval_instances: ['created_at', 'updated_at', 'finished_at'],
    approval_steps: ['acted_at'],
    approval_events: ['at'],
    notifications: ['created_at'],
    tasks: ['created_at', 'updated_at', 'completed_at'],
    contracts: ['created_at', 'updated_at', 'submitted_at', 'decided_at', 'signed_at', 'closed_at'],
    receipts: ['created_at', 'updated_at', 'confirmed_at'],
    receipt_allocations: ['allocated_at'],
    invoices: ['created_at'],
    instalment_write_offs: ['created_at', 'updated_at', 'submitted_at', 'decided_at'],
    account_changes: ['at'],
    account_revenue: ['updated_at'],
  } as Record<string, string[]>,
  async anyContractNumbered(db: Executor, numbers: string[]) {
    return Boolean(await db.selectFrom('contracts').select('id').where('number', 'in', numbers).limit(1).executeTakeFirst());
  },
  async accountIdsByName(db: Executor, names: string[]) {
    const rows = await db.selectFrom('accounts').select(['id', 'name']).where('name', 'in', names).execute();
    return new Map(rows.map((r) => [r.name, r.id]));
  },
  /** The account's first active key person, to sign for it. */
  async firstContact(db: Executor, accountId: number): Promise<number | undefined> {
    const row = await db.selectFrom('contacts').select('id').where('account_id', '=', accountId).where('status', '=', 'active').orderBy('id').limit(1).executeTakeFirst();
    return row?.id;
  },
  /** Who holds the approval's current step; undefined once it is decided. */
  async currentApprover(db: Executor, approvalId: number): Promise<number | undefined> {
    const row = await db.selectFrom('approval_steps').select('approver_id').where('instance_id', '=', approvalId).where('status', '=', 'pending').executeTakeFirst();
    return row ? Number(row.approver_id) : undefined;
  },
  async instalments(db: Executor, contractIds: number[]) {
    if (!contractIds.length) return [];
    return db.selectFrom('contract_instalments').select(['id', 'contract_id', 'seq', 'due_date', 'amount', 'paid_amount']).where('contract_id', 'in', contractIds).orderBy('contract_id').orderBy('seq').execute();
  },
  async writeOffApproval(db: Executor, id: number): Promise<number | null> {
    const row = await db.selectFrom('instalment_write_offs').select(sql<string | number | null>`approval_id`.as('approval_id')).where('id', '=', id).executeTakeFirstOrThrow();
    return row.approval_id === null ? null : Number(row.approval_id);
  },
};
