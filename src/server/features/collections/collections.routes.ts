import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { idParam, iso } from '../../../shared/contracts/common';
import {
  accountCredit,
  allocationProposal,
  allocationsBody,
  allocationUndoBody,
  invoice,
  invoiceCreate,
  invoiceList,
  invoiceListQuery,
  invoiceVoidBody,
  receipt,
  receiptConfirmBody,
  receiptCreate,
  receiptExportQuery,
  receiptList,
  receiptListQuery,
  receiptUpdate,
  receiptVoidBody,
  writeOff,
  writeOffCreate,
  writeOffList,
  writeOffVersionBody,
  type Invoice,
  type Receipt,
  type ReceiptListItem,
  type WriteOff,
} from '../../../shared/contracts/collections';
import collectionsZh from '../../../shared/locales/zh-CN/collections.json';
import type { Platform } from '../../platform/context';
import { actorOf } from '../../platform/http';
import { xlsxFile, type SheetKind } from '../../platform/spreadsheet';
import type { ReceiptRow } from './collections.repo';
import * as invoices from './collections.invoices.service';
import * as service from './collections.service';
import * as writeOffs from './collections.write-offs.service';

const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

const listItemOut = (r: ReceiptRow): ReceiptListItem => ({
  id: r.id,
  number: r.number,
  accountId: r.account_id,
  accountName: r.account_name,
  ownerId: r.owner_id,
  ownerName: r.owner_name,
  unitId: r.unit_id,
  unitName: r.unit_name ?? '',
  receivedOn: r.received_on,
  amount: Number(r.amount),
  method: r.method as ReceiptListItem['method'],
  bankRef: r.bank_ref,
  payer: r.payer,
  source: r.source as ReceiptListItem['source'],
  status: r.status as ReceiptListItem['status'],
  allocated: Number(r.allocated),
  credit: r.status === 'confirmed' ? Number(r.amount) - Number(r.allocated) : 0,
  confirmedAt: iso(r.confirmed_at),
  version: r.version,
});

const receiptOut = (r: service.ReceiptView): Receipt => ({
  ...listItemOut(r),
  note: r.note,
  recordedBy: { id: r.recorded_by, name: r.recorded_by_name ?? '' },
  confirmedBy: r.confirmed_by === null ? null : { id: r.confirmed_by, name: r.confirmed_by_name ?? '' },
  voidReason: r.void_reason,
  createdAt: iso(r.created_at),
  updatedAt: iso(r.updated_at),
  allocations: r.allocationRows.map((a) => ({
    id: a.id,
    receiptId: a.receipt_id,
    receiptNumber: a.receipt_number,
    instalmentId: a.instalment_id,
    contractId: a.contract_id,
    contractNumber: a.contract_number,
    instalmentSeq: a.seq,
    milestone: a.milestone,
    dueDate: a.due_date,
    amount: Number(a.amount),
    receivedOn: a.received_on,
    allocatedBy: { id: a.allocated_by, name: a.allocated_by_name },
    allocatedAt: iso(a.allocated_at),
    undoneAt: iso(a.undone_at),
    undoneBy: a.undone_by === null ? null : { id: a.undone_by, name: a.undone_by_name ?? '' },
    undoReason: a.undo_reason,
  })),
});

const invoiceOut = (r: invoices.InvoiceView): Invoice => ({
  id: r.id,
  instalmentId: r.instalment_id,
  instalmentSeq: r.seq,
  contractId: r.contract_id,
  contractNumber: r.contract_number,
  number: r.number,
  issuedOn: r.issued_on,
  amount: Number(r.amount),
  type: r.type as Invoice['type'],
  status: r.status as Invoice['status'],
  voidReason: r.void_reason,
  createdBy: { id: r.created_by, name: r.created_by_name },
  createdAt: iso(r.created_at),
  version: r.version,
});

const writeOffOut = (r: writeOffs.WriteOffView): WriteOff => ({
  id: r.id,
  instalmentId: r.instalment_id,
  instalmentSeq: r.seq,
  contractId: r.contract_id,
  contractNumber: r.contract_number,
  accountId: r.account_id,
  accountName: r.account_name,
  amount: Number(r.amount),
  reason: r.reason,
  status: r.status as WriteOff['status'],
  approvalId: r.approval_id === null ? null : Number(r.approval_id),
  requestedBy: { id: r.requested_by, name: r.requested_by_name },
  submittedAt: iso(r.submitted_at),
  decidedAt: iso(r.decided_at),
  createdAt: iso(r.created_at),
  version: r.version,
});

/** The receipt export is for finance in the business language: its words come from the zh-CN resources. */
const EXPORT_TEXT = collectionsZh.export;
const EXPORT_KINDS: SheetKind[] = ['text', 'text', 'date', 'money', 'text', 'text', 'text', 'text', 'money', 'money', 'text', 'text', 'datetime', 'text'];

/** DEAL-2 receipts (回款单), their allocation over instalments, the account's credit, invoices and write-offs. */
export async function collectionsRoutes(fastify: FastifyInstance, p: Platform) {
  const app = fastify.withTypeProvider<ZodTypeProvider>();
  const db = p.db;
  const tags = ['collections'];
  const readReceipt = async (req: { user?: unknown } & Parameters<typeof actorOf>[0], id: number) => receiptOut(await service.getReceipt(db, actorOf(req), id));

  // ---- receipts ----
  app.get('/api/receipts', {
    config: { access: 'receipt:read' },
    schema: { tags, summary: 'Receipts in scope (q: number, bank reference, payer or account name; unitId: the subtree; withCredit: confirmed with an unallocated rest)', querystring: receiptListQuery, response: { 200: receiptList } },
  }, async (req) => {
    const r = await service.listReceipts(db, actorOf(req), req.query);
    return { items: r.items.map(listItemOut), total: r.total, page: req.query.page, pageSize: req.query.pageSize };
  });

  app.get('/api/receipts/export', {
    config: { access: 'receipt:read' },
    schema: { tags, summary: 'The receipts of the list’s filters in scope as XLSX', querystring: receiptExportQuery, produces: [XLSX] },
  }, async (req, reply) => {
    const rows = await service.exportReceipts(db, actorOf(req), req.query);
    const methods = collectionsZh.methods as Record<string, string>;
    const statuses = collectionsZh.statuses as Record<string, string>;
    const buf = await xlsxFile(
      { sheetName: EXPORT_TEXT.sheet, columns: EXPORT_TEXT.columns.map((header, i) => ({ header, kind: EXPORT_KINDS[i]! })), timeZone: p.config.BUSINESS_TZ },
      rows.map((r) => {
        const item = listItemOut(r);
        return { values: [item.number, item.accountName, item.receivedOn, item.amount / 100, methods[item.method] ?? item.method, item.bankRef, item.payer, statuses[item.status] ?? item.status, item.allocated / 100, item.credit / 100, item.ownerName, item.unitName, r.confirmed_at, r.note] };
      }),
    );
    return reply.header('content-type', XLSX).header('content-disposition', 'attachment; filename="receipts.xlsx"').send(buf);
  });

  app.post('/api/receipts', {
    config: { access: 'receipt:write' },
    schema: { tags, summary: 'Record a receipt on an account in reach (its owner and unit become the receipt’s); number HK-<year>-<id> unless typed; 409 naming number or bankRef for a duplicate', body: receiptCreate, response: { 201: receipt } },
  }, async (req, reply) => reply.code(201).send(await readReceipt(req, await service.createReceipt(db, actorOf(req), req.body))));

  app.get('/api/receipts/:id', {
    config: { access: 'receipt:read' },
    schema: { tags, summary: 'One receipt with its allocations (undone ones with who, when and why)', params: idParam, response: { 200: receipt } },
  }, async (req) => readReceipt(req, req.params.id));

  app.put('/api/receipts/:id', {
    config: { access: 'receipt:write' },
    schema: { tags, summary: 'Change a recorded receipt (only the fields sent; 409 on a stale version or once confirmed)', params: idParam, body: receiptUpdate, response: { 200: receipt } },
  }, async (req) => {
    await service.updateReceipt(db, actorOf(req), req.params.id, req.body);
    return readReceipt(req, req.params.id);
  });

  app.post('/api/receipts/:id/void', {
    config: { access: 'receipt:write' },
    schema: { tags, summary: 'Void a recorded receipt, or a confirmed one with nothing allocated (receipt:confirm), with a reason', params: idParam, body: receiptVoidBody, response: { 200: receipt } },
  }, async (req) => {
    await service.voidReceipt(db, actorOf(req), req.params.id, req.body.reason);
    return readReceipt(req, req.params.id);
  });

  app.post('/api/receipts/:id/confirm', {
    config: { access: 'receipt:confirm' },
    schema: { tags, summary: 'Finance confirms a recorded receipt (only confirmed receipts count); allocate: none (default), auto (oldest due first) or the lines', params: idParam, body: receiptConfirmBody, response: { 200: receipt } },
  }, async (req) => {
    await service.confirmReceipt(db, actorOf(req), req.params.id, req.body, p.config.BUSINESS_TZ);
    return readReceipt(req, req.params.id);
  });

  app.get('/api/receipts/:id/proposal', {
    config: { access: 'receipt:write' },
    schema: { tags, summary: 'The open instalments of the receipt’s account (signed / in-progress contracts), oldest due first, with what its unallocated rest would give each', params: idParam, response: { 200: allocationProposal } },
  }, async (req) => service.allocationProposal(db, actorOf(req), req.params.id));

  app.post('/api/receipts/:id/allocations', {
    config: { access: 'receipt:write' },
    schema: { tags, summary: 'Allocate a confirmed receipt to instalments of its account (the lines, or auto: oldest due first); 409 naming allocations.<i>.amount when an instalment does not owe that much', params: idParam, body: allocationsBody, response: { 201: receipt } },
  }, async (req, reply) => {
    await service.allocate(db, actorOf(req), req.params.id, req.body, p.config.BUSINESS_TZ);
    return reply.code(201).send(await readReceipt(req, req.params.id));
  });

  app.post('/api/receipt-allocations/:id/undo', {
    config: { access: 'receipt:write' },
    schema: { tags, summary: 'Undo an allocation with a reason: the instalment and the receipt get the amount back; returns the receipt', params: idParam, body: allocationUndoBody, response: { 200: receipt } },
  }, async (req) => readReceipt(req, await service.undoAllocation(db, actorOf(req), req.params.id, req.body.reason, p.config.BUSINESS_TZ)));

  app.get('/api/accounts/:id/credit', {
    config: { access: 'receipt:read' },
    schema: { tags, summary: 'The account’s credit: its confirmed receipts with an unallocated rest, and their total', params: idParam, response: { 200: accountCredit } },
  }, async (req) => service.accountCredit(db, actorOf(req), req.params.id));

  // ---- invoices ----
  app.get('/api/invoices', {
    config: { access: 'receipt:read' },
    schema: { tags, summary: 'Invoices of the contracts in scope (receipt:read over the contract’s owner and unit), by contract or instalment', querystring: invoiceListQuery, response: { 200: invoiceList } },
  }, async (req) => {
    const r = await invoices.listInvoices(db, actorOf(req), req.query);
    return { items: r.items.map(invoiceOut), total: r.total, page: req.query.page, pageSize: req.query.pageSize };
  });

  app.post('/api/invoices', {
    config: { access: 'receipt:write' },
    schema: { tags, summary: 'Issue an invoice of an instalment (its contract in receipt:write scope); the instalment’s issued invoices stay within its amount (400 naming amount); the number is unique among issued invoices (409)', body: invoiceCreate, response: { 201: invoice } },
  }, async (req, reply) => reply.code(201).send(invoiceOut(await invoices.getInvoice(db, actorOf(req), await invoices.createInvoice(db, actorOf(req), req.body)))));

  app.post('/api/invoices/:id/void', {
    config: { access: 'receipt:write' },
    schema: { tags, summary: 'Void an issued invoice with a reason', params: idParam, body: invoiceVoidBody, response: { 200: invoice } },
  }, async (req) => {
    await invoices.voidInvoice(db, actorOf(req), req.params.id, req.body.reason);
    return invoiceOut(await invoices.getInvoice(db, actorOf(req), req.params.id));
  });

  // ---- write-offs ----
  app.post('/api/instalments/:id/write-offs', {
    config: { access: 'receipt:write' },
    schema: { tags, summary: '坏账核销: ask to write off (part of) what the instalment owes, through the approval engine (客户总监 → 财务经理, the GM above ¥100,000); one pending per instalment', params: idParam, body: writeOffCreate, response: { 201: writeOff } },
  }, async (req, reply) => {
    const id = await writeOffs.requestWriteOff(db, p.approvals, actorOf(req), req.params.id, req.body);
    return reply.code(201).send(writeOffOut(await writeOffs.getWriteOff(db, actorOf(req), id)));
  });

  app.get('/api/instalments/:id/write-offs', {
    config: { access: 'receipt:read' },
    schema: { tags, summary: 'The write-offs asked for an instalment, newest first', params: idParam, response: { 200: writeOffList } },
  }, async (req) => ({ items: (await writeOffs.writeOffsOf(db, actorOf(req), req.params.id)).map(writeOffOut) }));

  app.get('/api/instalment-write-offs/:id', {
    config: { access: 'receipt:read' },
    schema: { tags, summary: 'One write-off', params: idParam, response: { 200: writeOff } },
  }, async (req) => writeOffOut(await writeOffs.getWriteOff(db, actorOf(req), req.params.id)));

  app.post('/api/instalment-write-offs/:id/withdraw', {
    config: { access: 'receipt:write' },
    schema: { tags, summary: 'Withdraw a pending write-off (its requester)', params: idParam, body: writeOffVersionBody, response: { 200: writeOff } },
  }, async (req) => {
    await writeOffs.withdrawWriteOff(db, p.approvals, actorOf(req), req.params.id, req.body.version);
    return writeOffOut(await writeOffs.getWriteOff(db, actorOf(req), req.params.id));
  });
}
