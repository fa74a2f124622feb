import type { Kdb } from '../../src/server/db/client';

export interface SignedContractSpec {
  accountId: number;
  ownerId: number;
  /** the owner's unit unless given */
  unitId?: number;
  number?: string;
  kind?: 'sales' | 'framework' | 'supplement';
  parentId?: number | null;
  /** 'signed' unless given; 'in_progress', 'completed' and the others are written as they are */
  status?: string;
  signDate?: string;
  /** the instalments (fen); the contract's amount is their sum unless `amount` is given */
  instalments: { dueDate: string; amount: number; milestone?: string }[];
  amount?: number;
}

let seq = 0;

/**
 * A signed sales contract with its payment plan, written straight into the tables — the setup of
 * tests about receipts, ageing and dunning that do not exercise the contract's own approval.
 */
export async function insertSignedContract(db: Kdb, spec: SignedContractSpec): Promise<{ contractId: number; instalmentIds: number[] }> {
  const owner = await db.selectFrom('users').select('unit_id').where('id', '=', spec.ownerId).executeTakeFirstOrThrow();
  const amount = spec.amount ?? spec.instalments.reduce((s, i) => s + i.amount, 0);
  const { id } = await db
    .insertInto('contracts')
    .values({
      number: spec.number ?? `TEST-${process.pid}-${++seq}`,
      kind: spec.kind ?? 'sales',
      parent_id: spec.parentId ?? null,
      // a supplement is the first revision of its parent
      revision: spec.kind === 'supplement' ? 1 : 0,
      account_id: spec.accountId,
      owner_id: spec.ownerId,
      unit_id: spec.unitId ?? owner.unit_id,
      title: `测试合同 ${seq}`,
      amount,
      sign_date: spec.signDate ?? '2026-01-15',
      start_date: spec.signDate ?? '2026-01-15',
      status: spec.status ?? 'signed',
      signed_at: new Date(`${spec.signDate ?? '2026-01-15'}T02:00:00Z`),
      created_by: spec.ownerId,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  const instalmentIds: number[] = [];
  for (const [i, inst] of spec.instalments.entries()) {
    const row = await db
      .insertInto('contract_instalments')
      .values({ contract_id: id, account_id: spec.accountId, seq: i + 1, milestone: inst.milestone ?? `第${i + 1}期`, due_date: inst.dueDate, amount: inst.amount })
      .returning('id')
      .executeTakeFirstOrThrow();
    instalmentIds.push(row.id);
  }
  return { contractId: id, instalmentIds };
}
