import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { idParam, iso, okResponse, versionQuery } from '../../../shared/contracts/common';
import {
  budget,
  budgetInput,
  budgetList,
  budgetListQuery,
  budgetUpdate,
  claimableList,
  controlReport,
  expenseClaim,
  expenseClaimCreate,
  expenseClaimList,
  expenseClaimListQuery,
  expenseClaimUpdate,
  expenseCategories,
  expenseCategoriesUpdate,
  expenseVersionBody,
  exportQuery,
  phoneAllowanceQuery,
  phoneAllowanceSettings,
  phoneAllowanceUse,
  type Budget,
  type ExpenseClaim,
  type ExpenseClaimListItem,
} from '../../../shared/contracts/expenses';
import type { Platform } from '../../platform/context';
import { actorOf } from '../../platform/http';
import { interpolate } from '../../platform/notifications/email';
import { xlsxFile, type SheetKind } from '../../platform/spreadsheet';
import expensesZh from '../../../shared/locales/zh-CN/expenses.json';
import type { expensesRepo } from './expenses.repo';
import * as service from './expenses.service';

type ListRow = Awaited<ReturnType<typeof expensesRepo.list>>[number];
type BudgetRow = Awaited<ReturnType<typeof expensesRepo.budgets>>[number];

const listItemOut = (r: ListRow): ExpenseClaimListItem => ({
  id: r.id,
  title: r.title,
  ownerId: r.owner_id,
  ownerName: r.owner_name,
  unitName: r.unit_name,
  total: Number(r.total),
  status: r.status as ExpenseClaimListItem['status'],
  submittedAt: iso(r.submitted_at),
  decidedAt: iso(r.decided_at),
  paidAt: iso(r.paid_at),
  version: r.version,
});

const claimOut = (r: service.ClaimView): ExpenseClaim => ({
  ...listItemOut(r),
  approvalId: r.approval_id === null ? null : Number(r.approval_id),
  docType: r.doc_type,
  phoneOver: Number(r.phone_over),
  paidByName: r.paid_by_name,
  lines: r.lineRows.map((l) => ({ id: l.id, seq: l.seq, kind: l.kind as ExpenseClaim['lines'][number]['kind'], refId: l.ref_id === null ? null : Number(l.ref_id), refLabel: l.ref_label, category: l.category, amount: Number(l.amount), note: l.note, occurredOn: l.occurred_on })),
});

const budgetOut = (r: BudgetRow): Budget => ({ id: r.id, userId: r.user_id, unitId: r.unit_id, subjectName: r.subject_name ?? '', category: r.category, period: r.period, amount: Number(r.amount), version: r.version });

/** The reconciliation workbook is for finance in the business language: its words come from the zh-CN resources. */
const XLSX_TEXT = { ...expensesZh.export, kinds: expensesZh.kinds as Record<string, string>, statuses: expensesZh.statuses as Record<string, string> };
/** Its columns' cells, in the order of XLSX_TEXT.columns: 付款时间 a date-time, 金额 money, 发生日期 a date. */
const XLSX_KINDS: SheetKind[] = ['number', 'text', 'text', 'text', 'text', 'datetime', 'number', 'text', 'number', 'text', 'money', 'date', 'text'];

/** ACT-10 expense claims (linked to approved reports), payment by finance, budgets and control rates. */
export async function expensesRoutes(fastify: FastifyInstance, p: Platform) {
  const app = fastify.withTypeProvider<ZodTypeProvider>();
  const db = p.db;
  const tags = ['expenses'];
  const read = async (req: FastifyRequest, id: number) => claimOut(await service.getClaim(db, actorOf(req), id));

  app.get('/api/expense-claims', {
    config: { access: 'expense:read' },
    schema: { tags, summary: 'Claims: mine (default), all in scope, or the finance box (approved, unpaid; expense:pay)', querystring: expenseClaimListQuery, response: { 200: expenseClaimList } },
  }, async (req) => ({ items: (await service.listClaims(db, actorOf(req), req.query)).map(listItemOut) }));

  app.get('/api/expense-claims/claimable', {
    config: { access: 'expense:write' },
    schema: { tags, summary: "The caller's unclaimed records: ready (report approved; gifts: approved or issued) or waiting for that approval", response: { 200: claimableList } },
  }, async (req) => ({ items: await service.claimable(db, actorOf(req), p.config.BUSINESS_TZ) }));

  app.get('/api/expense-claims/export', {
    config: { access: 'expense:pay' },
    schema: { tags, summary: 'XLSX reconciliation of approved and paid claim lines dated in the month', querystring: exportQuery, produces: ['application/vnd.openxmlformats-officedocument.spreadsheetml.sheet'] },
  }, async (req, reply) => {
    const rows = await service.exportRows(db, req.query.period);
    const lines = rows.map((r) => ({
      values: [r.claim_id, r.title, r.owner_name, r.unit_name, XLSX_TEXT.statuses[r.status] ?? r.status, r.paid_at, r.seq, XLSX_TEXT.kinds[r.kind] ?? r.kind, r.ref_id === null ? null : Number(r.ref_id), r.category, Number(r.amount) / 100, r.occurred_on, r.note],
    }));
    const total = rows.reduce((s, r) => s + Number(r.amount), 0);
    const columns = XLSX_TEXT.columns.map((header, i) => ({ header, kind: XLSX_KINDS[i] }));
    const buf = await xlsxFile({ sheetName: interpolate(XLSX_TEXT.sheet, { period: req.query.period }), columns, timeZone: p.config.BUSINESS_TZ }, [
      ...lines,
      { values: [XLSX_TEXT.total, null, null, null, null, null, null, null, null, null, total / 100], style: { bold: true } },
    ]);
    return reply
      .header('content-type', 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet')
      .header('content-disposition', `attachment; filename="expenses-${req.query.period}.xlsx"`)
      .send(buf);
  });

  app.post('/api/expense-claims', {
    config: { access: 'expense:write' },
    schema: { tags, summary: 'Write a claim as a draft; lines on visits/receptions/trips need an approved report, gifts an approved application', body: expenseClaimCreate, response: { 201: expenseClaim } },
  }, async (req, reply) => reply.code(201).send(await read(req, await service.createClaim(db, actorOf(req), req.body))));

  app.get('/api/expense-claims/:id', {
    config: { access: 'expense:read' },
    schema: { tags, summary: 'One claim with its lines', params: idParam, response: { 200: expenseClaim } },
  }, async (req) => read(req, req.params.id));

  app.put('/api/expense-claims/:id', {
    config: { access: 'expense:write' },
    schema: { tags, summary: 'Replace the title and lines of a draft or rejected claim (its owner)', params: idParam, body: expenseClaimUpdate, response: { 200: expenseClaim } },
  }, async (req) => {
    await service.updateClaim(db, actorOf(req), req.params.id, req.body);
    return read(req, req.params.id);
  });

  app.delete('/api/expense-claims/:id', {
    config: { access: 'expense:write' },
    schema: { tags, summary: 'Delete a draft claim that was never submitted (its owner); its records may be claimed again', params: idParam, querystring: versionQuery, response: { 200: okResponse } },
  }, async (req) => {
    await service.deleteClaim(db, actorOf(req), req.params.id, req.query.version);
    return { ok: true as const };
  });

  app.post('/api/expense-claims/:id/submit', {
    config: { access: 'expense:write' },
    schema: { tags, summary: 'Submit for approval (expense_claim: 客户总监 → 财务经理, GM above ¥20,000; phone lines only and within the monthly allowance: expense_claim_phone, 财务经理; phone above the allowance: expense_claim_phone_over, 客户总监 first)', params: idParam, body: expenseVersionBody, response: { 200: expenseClaim } },
  }, async (req) => {
    await service.submitClaim(db, p.approvals, actorOf(req), req.params.id, req.body.version);
    return read(req, req.params.id);
  });

  app.post('/api/expense-claims/:id/withdraw', {
    config: { access: 'expense:write' },
    schema: { tags, summary: 'Withdraw a pending claim from the approvers (its claimant); it becomes a draft again', params: idParam, body: expenseVersionBody, response: { 200: expenseClaim } },
  }, async (req) => {
    await service.withdrawClaim(db, p.approvals, actorOf(req), req.params.id, req.body.version);
    return read(req, req.params.id);
  });

  app.post('/api/expense-claims/:id/pay', {
    config: { access: 'expense:pay' },
    schema: { tags, summary: 'Finance pays an approved claim (409 otherwise)', params: idParam, body: expenseVersionBody, response: { 200: expenseClaim } },
  }, async (req) => {
    await service.payClaim(db, actorOf(req), req.params.id, req.body.version);
    return read(req, req.params.id);
  });

  // ---- categories ----
  app.get('/api/expense-settings/categories', {
    config: { access: 'expense:read' },
    schema: { tags, summary: '费用类别: the categories claim lines and budgets choose from (手机费 always among them)', response: { 200: expenseCategories } },
  }, async () => service.getCategories(db));

  app.put('/api/expense-settings/categories', {
    config: { access: 'budget:manage' },
    schema: { tags, summary: 'Replace the expense categories (409 on a stale version); claims and budgets that carry a removed one keep it', body: expenseCategoriesUpdate, response: { 200: expenseCategories } },
  }, async (req) => service.putCategories(db, actorOf(req), req.body));

  // ---- phone allowance ----
  app.get('/api/expense-claims/phone-allowance', {
    config: { access: 'expense:write' },
    schema: { tags, summary: "The caller's phone allowance (手机费核定标准) for a month and what their submitted claims use of it", querystring: phoneAllowanceQuery, response: { 200: phoneAllowanceUse } },
  }, async (req) => service.phoneAllowanceFor(db, actorOf(req).userId, req.query.period));

  app.get('/api/expense-settings/phone-allowance', {
    config: { access: 'expense:read' },
    schema: { tags, summary: 'The default monthly phone allowance per person (a person’s 手机费 budget of a month overrides it)', response: { 200: phoneAllowanceSettings } },
  }, async () => service.getPhoneAllowance(db));

  app.put('/api/expense-settings/phone-allowance', {
    config: { access: 'budget:manage' },
    schema: { tags, summary: 'Set the default monthly phone allowance', body: phoneAllowanceSettings, response: { 200: phoneAllowanceSettings } },
  }, async (req) => service.putPhoneAllowance(db, actorOf(req), req.body));

  // ---- budgets ----
  app.get('/api/budgets', {
    config: { access: 'budget:manage' },
    schema: { tags, summary: 'Budgets of a month', querystring: budgetListQuery, response: { 200: budgetList } },
  }, async (req) => ({ items: (await service.listBudgets(db, req.query.period)).map(budgetOut) }));

  app.post('/api/budgets', {
    config: { access: 'budget:manage' },
    schema: { tags, summary: 'Set a budget for a person or a unit, category and month', body: budgetInput, response: { 201: budget } },
  }, async (req, reply) => {
    const id = await service.createBudget(db, actorOf(req), req.body);
    const row = (await service.listBudgets(db, req.body.period)).find((b) => b.id === id)!;
    return reply.code(201).send(budgetOut(row));
  });

  app.patch('/api/budgets/:id', {
    config: { access: 'budget:manage' },
    schema: { tags, summary: "Change a budget's amount", params: idParam, body: budgetUpdate, response: { 200: budget } },
  }, async (req) => {
    const row = await service.updateBudget(db, actorOf(req), req.params.id, req.body);
    return budgetOut((await service.listBudgets(db, row.period)).find((b) => b.id === row.id)!);
  });

  app.get('/api/budgets/control', {
    config: { access: 'budget:manage' },
    schema: { tags, summary: '商务费用控制率: actual (approved + paid claims) ÷ budget per person/unit and category', querystring: budgetListQuery, response: { 200: controlReport } },
  }, async (req) => ({ period: req.query.period, items: await service.control(db, req.query.period) }));
}
