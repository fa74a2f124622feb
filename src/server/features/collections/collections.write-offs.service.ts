import type { z } from 'zod';
import type { Kdb, Trx } from '../../db/client';
import { AppError, issue, validationError } from '../../../shared/errors';
import type { writeOffCreate } from '../../../shared/contracts/collections';
import { businessDate } from '../../../shared/domain/business-time';
import type { Actor } from '../../platform/actor';
import { defineApprovable, field, stampedBy, stepBy } from '../../platform/approvals/approvable';
import type { ApprovalEngine } from '../../platform/approvals/engine';
import { audit } from '../../platform/audit';
import { ownedScope } from '../../platform/scope';
import { followUp } from './collections.follow';
import { instalmentNotFound } from './collections.invoices.service';
import { collectionsRepo } from './collections.repo';
import { COLLECTING_CONTRACT_STATUSES, owedOn, WRITE_OFF_GM_ABOVE, writeOffApplied, writeOffStatusFor } from './collections.rules';

export const WRITE_OFF_DOC_TYPE = 'instalment_write_off';

const writeOffNotFound = () => new AppError('NOT_FOUND', 'Write-off not found', undefined, { key: 'collections.writeOffNotFound' });
const stale = () => new AppError('STALE_VERSION', 'The write-off was changed by someone else; reload and try again', undefined, { key: 'common.staleVersion' });
const pendingExists = () => new AppError('CONFLICT', 'A write-off of this instalment is already waiting for approval', { path: 'amount' }, { key: 'collections.writeOffPending' });

/** 坏账核销: 客户总监 → 财务经理, and the GM above ¥100,000. */
const WRITE_OFF_STEPS = [stepBy('ka_director', '客户总监'), stepBy('finance_manager', '财务经理'), stepBy('gm', '总经理', WRITE_OFF_GM_ABOVE)];

/**
 * An instalment's unpaid rest written off through the approval engine. The approval re-reads what the
 * instalment still owes: a receipt allocated meanwhile shrinks the write-off to what is still owed
 * (the record's amount becomes what was written off, the audit keeps what was asked).
 */
export const writeOffApprovable = defineApprovable({
  async summary(db, id) {
    const w = await collectionsRepo.writeOff(db, id);
    if (!w) return undefined;
    return {
      fields: [
        field.text('collections:fields.contract', w.contract_number),
        field.text('collections:fields.account', w.account_name),
        field.text('collections:fields.instalment', `${w.seq} · ${w.milestone}`),
        field.date('collections:fields.dueDate', w.due_date),
        field.money('collections:fields.instalmentAmount', w.instalment_amount),
        field.money('collections:fields.paid', w.paid_amount),
        field.money('collections:fields.outstanding', owedOn({ amount: Number(w.instalment_amount), paid: Number(w.paid_amount), writtenOff: Number(w.written_off) })),
        field.longText('collections:fields.reason', w.reason),
      ],
      linesLabel: null,
      lines: [],
      attachments: [],
    };
  },
  types: [WRITE_OFF_DOC_TYPE],
  defaultChains: { [WRITE_OFF_DOC_TYPE]: { name: '坏账核销', steps: WRITE_OFF_STEPS } },
  amount: { label: 'approvals:amounts.writeOff' },
  link: (id) => `/write-offs/${id}`,
  table: 'instalment_write_offs',
  entity: WRITE_OFF_DOC_TYPE,
  statusValues: stampedBy(writeOffStatusFor),
  auditData: (approval, values) => ({ status: values.status, approval }),
  async onStatus({ trx, docId, approval, actor, engine }) {
    if (approval !== 'approved') return;
    const w = await collectionsRepo.writeOff(trx, docId);
    if (!w) return;
    // contract, then instalment: the order allocations lock them in
    await collectionsRepo.lockContracts(trx, [w.contract_id]);
    const inst = await collectionsRepo.instalmentForUpdate(trx, w.instalment_id);
    if (!inst) return;
    const requested = Number(w.amount);
    const { applied, shrunk } = writeOffApplied(requested, owedOn({ amount: Number(inst.amount), paid: Number(inst.paid_amount), writtenOff: Number(inst.written_off) }));
    if (applied > 0) {
      await collectionsRepo.addWrittenOff(trx, inst.id, applied, businessDate(new Date(), engine.timeZone));
      if (shrunk) await collectionsRepo.setWriteOffAmount(trx, docId, applied);
    }
    await audit(trx, actor, { entity: WRITE_OFF_DOC_TYPE, entityId: docId, action: 'apply', data: { instalmentId: inst.id, requested, applied, shrunk } });
    if (applied > 0) await followUp(trx as Trx, actor, [inst.contract_id], [inst.id], engine.timeZone);
  },
});

/**
 * 申请坏账核销 of an instalment (receipt:write over its contract): at most what it still owes now
 * (400 naming amount), of a signed / in-progress contract, one pending per instalment (409).
 */
export async function requestWriteOff(db: Kdb, engine: ApprovalEngine, actor: Actor, instalmentId: number, input: z.output<typeof writeOffCreate>): Promise<number> {
  try {
    return await db.transaction().execute(async (trx) => {
      const scope = ownedScope('contracts', actor, 'receipt:write');
      const seen = await collectionsRepo.instalment(trx, instalmentId, scope);
      if (!seen) throw instalmentNotFound();
      // contract, then instalment: the order allocations lock them in (an approval may follow at once)
      await collectionsRepo.lockContracts(trx, [seen.contract_id]);
      const inst = await collectionsRepo.instalment(trx, instalmentId, scope, true);
      if (!inst) throw instalmentNotFound();
      if (!COLLECTING_CONTRACT_STATUSES.includes(inst.contract_status)) {
        throw new AppError('INVALID_STATE', `The contract is ${inst.contract_status}; write-offs are of signed or running contracts`, undefined, { key: 'collections.contractNotCollecting', params: { status: inst.contract_status } });
      }
      const owed = owedOn({ amount: Number(inst.amount), paid: Number(inst.paid_amount), writtenOff: Number(inst.written_off) });
      if (input.amount > owed) throw validationError([issue('amount', 'collections.writeOffOverOutstanding', 'At most what the instalment still owes', { outstanding: owed })]);
      if (await collectionsRepo.pendingWriteOff(trx, inst.id)) throw pendingExists();
      const row = await collectionsRepo.insertWriteOff(trx, { instalment_id: inst.id, amount: input.amount, reason: input.reason, requested_by: actor.userId, unit_id: inst.unit_id });
      await audit(trx, actor, { entity: WRITE_OFF_DOC_TYPE, entityId: row.id, action: 'create', after: row });
      const approvalId = await writeOffApprovable.submit(trx, engine, actor, { docId: row.id, title: `坏账核销：${inst.contract_number} 第${inst.seq}期（${inst.account_name}）`, amount: input.amount, submitterId: actor.userId, unitId: inst.unit_id });
      await audit(trx, actor, { entity: WRITE_OFF_DOC_TYPE, entityId: row.id, action: 'submit', data: { approvalId, amount: input.amount } });
      return row.id;
    });
  } catch (err) {
    // two requests at once: the one-pending index refuses the second
    if ((err as { code?: string; constraint?: string }).code === '23505' && (err as { constraint?: string }).constraint === 'instalment_write_offs_pending_key') throw pendingExists();
    throw err;
  }
}

/** Takes a pending write-off back (its requester; the engine checks). */
export async function withdrawWriteOff(db: Kdb, engine: ApprovalEngine, actor: Actor, id: number, version: number) {
  await writeOffApprovable.withdrawSeen(db, engine, actor, id, {
    lock: (trx) => collectionsRepo.writeOffForUpdate(trx, id, ownedScope('contracts', actor, 'receipt:write')),
    version,
    pending: (w) => w.status === 'pending',
    notFound: writeOffNotFound,
    stale,
  });
}

export async function getWriteOff(db: Kdb, actor: Actor, id: number) {
  const row = await collectionsRepo.writeOff(db, id, ownedScope('contracts', actor, 'receipt:read'));
  if (!row) throw writeOffNotFound();
  return row;
}
export type WriteOffView = Awaited<ReturnType<typeof getWriteOff>>;

export async function writeOffsOf(db: Kdb, actor: Actor, instalmentId: number) {
  if (!(await collectionsRepo.instalment(db, instalmentId, ownedScope('contracts', actor, 'receipt:read')))) throw instalmentNotFound();
  return collectionsRepo.writeOffsOf(db, instalmentId);
}
