import type { z } from 'zod';
import type { Kdb } from '../../db/client';
import { AppError, issue, validationError } from '../../../shared/errors';
import type { invoiceCreate, invoiceListQuery } from '../../../shared/contracts/collections';
import type { Actor } from '../../platform/actor';
import { audit } from '../../platform/audit';
import { pageWindow } from '../../platform/listing';
import { ownedScope } from '../../platform/scope';
import { collectionsRepo } from './collections.repo';
import { INVOICING_CONTRACT_STATUSES, invoiceFits } from './collections.rules';

/**
 * 发票 per instalment. An invoice is reached through its contract: read under receipt:read, issued
 * and voided under receipt:write, each over the contract's owner and unit (the receivables room reads
 * ageing the same way) — finance and the owner's line see them; outside the scope: 404.
 */
export const instalmentNotFound = () => new AppError('NOT_FOUND', 'Instalment not found', undefined, { key: 'collections.instalmentNotFound' });
const invoiceNotFound = () => new AppError('NOT_FOUND', 'Invoice not found', undefined, { key: 'collections.invoiceNotFound' });
const numberTaken = () => new AppError('CONFLICT', 'An issued invoice already has this number', { path: 'number' }, { key: 'collections.invoiceNumberTaken' });

export async function createInvoice(db: Kdb, actor: Actor, input: z.output<typeof invoiceCreate>): Promise<number> {
  try {
    return await db.transaction().execute(async (trx) => {
      // locked: two invoices of one instalment at once are counted one after the other
      const inst = await collectionsRepo.instalment(trx, input.instalmentId, ownedScope('contracts', actor, 'receipt:write'), true);
      if (!inst) throw instalmentNotFound();
      if (!INVOICING_CONTRACT_STATUSES.includes(inst.contract_status)) {
        throw new AppError('INVALID_STATE', `The contract is ${inst.contract_status}; invoices go to signed, running or completed contracts`, undefined, { key: 'collections.contractNotInvoicing', params: { status: inst.contract_status } });
      }
      const invoiced = await collectionsRepo.invoicedOn(trx, inst.id);
      if (!invoiceFits(Number(inst.amount), invoiced, input.amount)) {
        throw validationError([issue('amount', 'collections.invoiceOverAmount', 'The instalment’s invoices would add up to more than its amount', { invoiced, amount: Number(inst.amount) })]);
      }
      if (await collectionsRepo.invoiceNumberTaken(trx, input.number)) throw numberTaken();
      const row = await collectionsRepo.insertInvoice(trx, { instalment_id: inst.id, contract_id: inst.contract_id, number: input.number, issued_on: input.issuedOn, amount: input.amount, type: input.type, created_by: actor.userId });
      await audit(trx, actor, { entity: 'invoice', entityId: row.id, action: 'create', after: row });
      return row.id;
    });
  } catch (err) {
    // the same number issued twice at once: the partial unique index decides
    if ((err as { code?: string; constraint?: string }).code === '23505' && (err as { constraint?: string }).constraint === 'invoices_number_key') throw numberTaken();
    throw err;
  }
}

export async function voidInvoice(db: Kdb, actor: Actor, id: number, reason: string) {
  await db.transaction().execute(async (trx) => {
    const before = await collectionsRepo.invoiceForUpdate(trx, id, ownedScope('contracts', actor, 'receipt:write'));
    if (!before) throw invoiceNotFound();
    if (before.status !== 'issued') throw new AppError('INVALID_STATE', 'The invoice is already void', undefined, { key: 'collections.invoiceVoid' });
    const after = await collectionsRepo.voidInvoice(trx, id, reason);
    await audit(trx, actor, { entity: 'invoice', entityId: id, action: 'void', before, after, data: { reason } });
  });
}

export async function getInvoice(db: Kdb, actor: Actor, id: number) {
  const row = await collectionsRepo.invoice(db, id, ownedScope('contracts', actor, 'receipt:read'));
  if (!row) throw invoiceNotFound();
  return row;
}
export type InvoiceView = Awaited<ReturnType<typeof getInvoice>>;

export const listInvoices = (db: Kdb, actor: Actor, q: z.output<typeof invoiceListQuery>) =>
  collectionsRepo.invoices(db, ownedScope('contracts', actor, 'receipt:read'), { contractId: q.contractId, instalmentId: q.instalmentId, status: q.status }, pageWindow(q));
