import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { idParam, iso, okResponse, versionQuery } from '../../../shared/contracts/common';
import {
  accountContracts,
  contract,
  contractCreate,
  contractExportQuery,
  contractFile,
  contractFileParams,
  contractFileUpload,
  contractListQuery,
  contractPage,
  contractReasonBody,
  contractUpdate,
  contractVersionBody,
  planPreview,
  planPreviewInput,
  type Contract,
  type ContractListItem,
} from '../../../shared/contracts/contracts';
import { daysOverdue, instalmentStatus, outstandingOf } from '../../../shared/domain/receivables';
import contractsZh from '../../../shared/locales/zh-CN/contracts.json';
import { can } from '../../platform/actor';
import { audit } from '../../platform/audit';
import type { Platform } from '../../platform/context';
import { sendFile } from '../../platform/files';
import { actorOf } from '../../platform/http';
import { xlsxFile, type SheetKind } from '../../platform/spreadsheet';
import type { ContractListRow } from './contracts.repo';
import { frameworkRollup, invoicedNotReceived } from './contracts.rules';
import * as service from './contracts.service';

export const listItemOut = (r: ContractListRow): ContractListItem => ({
  id: r.id,
  number: r.number,
  kind: r.kind as ContractListItem['kind'],
  parentId: r.parent_id,
  parentNumber: r.parent_number,
  revision: r.revision,
  accountId: r.account_id,
  accountName: r.account_name,
  ownerId: r.owner_id,
  ownerName: r.owner_name,
  unitId: r.unit_id,
  unitName: r.unit_name,
  title: r.title,
  amount: r.amount,
  effectiveAmount: Number(r.effective_amount),
  currency: 'CNY',
  signDate: r.sign_date,
  startDate: r.start_date,
  endDate: r.end_date,
  status: r.status as ContractListItem['status'],
  statusReason: r.status_reason,
  money: {
    contracted: r.kind === 'framework' ? Number(r.fulfilled) : Number(r.effective_amount),
    invoiced: Number(r.invoiced),
    received: Number(r.received),
    invoicedNotReceived: invoicedNotReceived(Number(r.invoiced), Number(r.received)),
    writtenOff: Number(r.written_off),
    outstanding: Number(r.outstanding),
    overdue: Number(r.overdue),
  },
  createdAt: iso(r.created_at),
  updatedAt: iso(r.updated_at),
  version: r.version,
});

const contractOut = (c: service.ContractView): Contract => {
  const hide = <T>(v: T): T | null => (c.pricesHidden ? null : v);
  return {
    ...listItemOut(c),
    signatory: c.signatory_contact_id === null ? null : { id: c.signatory_contact_id, name: c.signatory_name ?? '' },
    paymentTerms: c.payment_terms,
    note: c.note,
    approvalId: c.approval_id,
    submittedAt: iso(c.submitted_at),
    decidedAt: iso(c.decided_at),
    signedAt: iso(c.signed_at),
    closedAt: iso(c.closed_at),
    settledBy: c.settled_by === null ? null : { id: c.settled_by, name: c.settled_by_name ?? '' },
    createdBy: { id: c.created_by, name: c.created_by_name },
    pricesHidden: c.pricesHidden,
    lines: c.lines.map((l) => ({ id: l.id, seq: l.seq, product: l.product, spec: l.spec, unit: l.unit, quantity: Number(l.quantity), unitPrice: hide(l.unit_price), discount: hide(Number(l.discount)), amount: hide(l.amount) })),
    instalments: c.instalments.map((i) => {
      const figures = { amount: i.amount, paid: i.paid_amount, writtenOff: i.written_off, dueDate: i.due_date };
      return {
        id: i.id,
        seq: i.seq,
        milestone: i.milestone,
        dueDate: i.due_date,
        amount: i.amount,
        paid: i.paid_amount,
        writtenOff: i.written_off,
        outstanding: outstandingOf(figures),
        invoiced: Number(i.invoiced),
        status: instalmentStatus(figures, c.today),
        daysOverdue: daysOverdue(figures, c.today),
        settledOn: i.settled_on,
      };
    }),
    supplements: c.supplements.map(listItemOut),
    salesContracts: c.salesContracts.map(listItemOut),
    framework: c.kind === 'framework' ? frameworkRollup(c.amount, Number(c.fulfilled)) : null,
    files: c.files.map((f) => ({ id: f.id, name: f.name, mime: f.mime, size: Number(f.size), uploadedBy: { id: f.uploaded_by, name: f.uploaded_by_name }, createdAt: iso(f.created_at) })),
  };
};

/** The export is in the business language: its words come from the zh-CN resources. */
const XLSX_TEXT = contractsZh.export;
const KIND_WORDS = contractsZh.kinds as Record<string, string>;
const STATUS_WORDS = contractsZh.statuses as Record<string, string>;
const CONTRACT_KINDS_XLSX: SheetKind[] = ['text', 'text', 'text', 'text', 'text', 'text', 'text', 'money', 'money', 'date', 'date', 'date', 'text', 'money', 'money', 'money', 'money', 'money'];
const LINE_KINDS_XLSX: SheetKind[] = ['text', 'text', 'number', 'text', 'text', 'text', 'number', 'money', 'number', 'money'];
const yuan = (fen: number | null) => (fen === null ? null : fen / 100);
const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

/** 合同 (DEAL-1): contracts, their lines, plan, files and states. */
export async function contractsRoutes(fastify: FastifyInstance, p: Platform) {
  const app = fastify.withTypeProvider<ZodTypeProvider>();
  const db = p.db;
  const tz = p.config.BUSINESS_TZ;
  const tags = ['contracts'];
  const read = async (req: FastifyRequest, id: number) => contractOut(await service.get(db, actorOf(req), id, tz));

  app.get('/api/contracts', {
    config: { access: 'contract:read' },
    schema: { tags, summary: 'Contracts in scope: q (number, title, account name), kind, status (comma list), account, owner, unit subtree, parent, sign dates, overdue; sorted and paged', querystring: contractListQuery, response: { 200: contractPage } },
  }, async (req) => {
    const r = await service.list(db, actorOf(req), req.query, tz);
    return { ...r, items: r.items.map(listItemOut) };
  });

  app.get('/api/contracts/export', {
    config: { access: 'contract:read' },
    schema: { tags, summary: 'XLSX of the contracts of the filter in scope; lines=true: one row per product line (prices only with contract:prices); audited', querystring: contractExportQuery, produces: [XLSX] },
  }, async (req, reply) => {
    const actor = actorOf(req);
    const rows = await service.exportRows(db, actor, req.query, tz);
    const prices = can(actor, 'contract:prices');
    const withLines = req.query.lines === 'true';
    let buf: Buffer;
    let count = rows.length;
    if (withLines) {
      const lines = await service.linesOf(db, rows.map((r) => r.id));
      count = lines.length;
      const columns = XLSX_TEXT.lineColumns.map((header, i) => ({ header, kind: LINE_KINDS_XLSX[i]! }));
      buf = await xlsxFile(
        { sheetName: XLSX_TEXT.linesSheet, columns, timeZone: tz },
        lines.map((l) => ({ values: [l.number, l.title, l.seq, l.product, l.spec, l.unit, Number(l.quantity), prices ? yuan(l.unit_price) : null, prices ? Number(l.discount) : null, prices ? yuan(l.amount) : null] })),
      );
    } else {
      const columns = XLSX_TEXT.columns.map((header, i) => ({ header, kind: CONTRACT_KINDS_XLSX[i]! }));
      buf = await xlsxFile(
        { sheetName: XLSX_TEXT.sheet, columns, timeZone: tz },
        rows.map(listItemOut).map((c) => ({
          values: [c.number, KIND_WORDS[c.kind] ?? c.kind, c.parentNumber, c.accountName, c.title, c.ownerName, c.unitName, yuan(c.amount), yuan(c.effectiveAmount), c.signDate, c.startDate, c.endDate, STATUS_WORDS[c.status] ?? c.status, yuan(c.money.invoiced), yuan(c.money.received), yuan(c.money.invoicedNotReceived), yuan(c.money.outstanding), yuan(c.money.overdue)],
        })),
      );
    }
    // ORG-4: an export of contracts (and of prices, when the lines are in it) is on the record
    const { lines: _lines, ...filter } = req.query;
    await audit(db, actor, { entity: 'export', entityId: 'contracts', action: 'export', data: { filter, rows: count, lines: withLines, prices: withLines && prices } });
    return reply.header('content-type', XLSX).header('content-disposition', `attachment; filename="${withLines ? 'contract-lines' : 'contracts'}.xlsx"`).send(buf);
  });

  app.post('/api/contracts/plan-preview', {
    config: { access: 'contract:read' },
    schema: { tags, summary: 'The instalments payment terms give for an amount (percents must add up to 100; the remainder of the rounding on the last)', body: planPreviewInput, response: { 200: planPreview } },
  }, async (req) => service.planPreview(req.body));

  app.post('/api/contracts', {
    config: { access: 'contract:write' },
    schema: { tags, summary: 'Write a contract as a draft (framework, sales, supplement); the number is generated unless typed; lines need contract:prices', body: contractCreate, response: { 201: contract } },
  }, async (req, reply) => reply.code(201).send(await read(req, await service.create(db, actorOf(req), req.body, tz))));

  app.get('/api/contracts/:id', {
    config: { access: 'contract:read' },
    schema: { tags, summary: 'One contract: lines, plan with derived figures, supplements, a framework’s sales contracts and roll-up, files, money summary', params: idParam, response: { 200: contract } },
  }, async (req) => read(req, req.params.id));

  app.put('/api/contracts/:id', {
    config: { access: 'contract:write' },
    schema: { tags, summary: 'Change a draft or rejected contract (version); lines and plan are replaced when sent', params: idParam, body: contractUpdate, response: { 200: contract } },
  }, async (req) => {
    await service.update(db, actorOf(req), req.params.id, req.body);
    return read(req, req.params.id);
  });

  app.delete('/api/contracts/:id', {
    config: { access: 'contract:write' },
    schema: { tags, summary: 'Delete a draft never submitted', params: idParam, querystring: versionQuery, response: { 200: okResponse } },
  }, async (req) => {
    await service.remove(db, actorOf(req), req.params.id, req.query.version);
    return { ok: true as const };
  });

  // the moves that take only the version the caller saw
  for (const [action, summary, run] of [
    ['submit', 'Submit for approval (合同审批: 客户总监; 财务经理 above ¥500,000; 总经理 above ¥5,000,000); a sales contract or supplement above 0 needs a plan summing to its amount', (req: FastifyRequest, id: number, version: number) => service.submit(db, p.approvals, actorOf(req), id, version)],
    ['withdraw', 'Withdraw a pending contract from the approvers (its submitter); it becomes a draft again', (req: FastifyRequest, id: number, version: number) => service.withdraw(db, p.approvals, actorOf(req), id, version)],
    ['start', 'Start a signed contract (→ in progress)', (req: FastifyRequest, id: number, version: number) => service.move(db, actorOf(req), id, 'start', { version }, p.config.BUSINESS_TZ)],
  ] as const) {
    app.post(`/api/contracts/:id/${action}`, {
      config: { access: 'contract:write' },
      schema: { tags, summary, params: idParam, body: contractVersionBody, response: { 200: contract } },
    }, async (req) => {
      await run(req, req.params.id, req.body.version);
      return read(req, req.params.id);
    });
  }

  for (const [action, summary] of [
    ['terminate', 'Terminate a signed or in-progress contract, with the reason'],
    ['void', 'Void a signed or in-progress contract on which nothing was received, with the reason'],
    ['settle', '合同结算 by hand: a signed or in-progress contract is completed, with the reason'],
  ] as const) {
    app.post(`/api/contracts/:id/${action}`, {
      config: { access: 'contract:manage' },
      schema: { tags, summary, params: idParam, body: contractReasonBody, response: { 200: contract } },
    }, async (req) => {
      await service.move(db, actorOf(req), req.params.id, action, req.body, p.config.BUSINESS_TZ);
      return read(req, req.params.id);
    });
  }

  app.post('/api/contracts/:id/files', {
    config: { access: 'contract:write' },
    schema: { tags, summary: 'Attach a file at any state (base64, ≤ 10 MB; PDF, images, Office documents, text, zip)', params: idParam, body: contractFileUpload, response: { 201: contractFile } },
  }, async (req, reply) => {
    const actor = actorOf(req);
    const fileId = await service.addFile(db, actor, req.params.id, req.body);
    const view = await service.get(db, actor, req.params.id, tz);
    return reply.code(201).send(contractOut(view).files.find((f) => f.id === fileId)!);
  });

  app.get('/api/contracts/:id/files/:fileId', {
    config: { access: 'contract:read' },
    schema: { tags, summary: 'Download a file of the contract, in the type it was uploaded with', params: contractFileParams, produces: ['*/*'] },
  }, async (req, reply) => {
    return sendFile(reply, await service.file(db, actorOf(req), req.params.id, req.params.fileId));
  });

  app.delete('/api/contracts/:id/files/:fileId', {
    config: { access: 'contract:write' },
    schema: { tags, summary: 'Remove a file (its uploader, or contract:manage)', params: contractFileParams, response: { 200: okResponse } },
  }, async (req) => {
    await service.removeFile(db, actorOf(req), req.params.id, req.params.fileId);
    return { ok: true as const };
  });

  app.get('/api/accounts/:id/contracts', {
    config: { access: 'contract:read' },
    schema: { tags, summary: "The account's contracts in scope with each one's money summary (the 360 page)", params: idParam, response: { 200: accountContracts } },
  }, async (req) => ({ items: (await service.ofAccount(db, actorOf(req), req.params.id, tz)).map(listItemOut) }));
}
