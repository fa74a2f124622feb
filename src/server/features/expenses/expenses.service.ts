import { defineApprovable, field, stepBy, stampedBy } from '../../platform/approvals/approvable';
import { z } from 'zod';
import type { Executor, Kdb, Trx } from '../../db/client';
import { AppError, validationError, issue } from '../../../shared/errors';
import { DEFAULT_EXPENSE_CATEGORIES, expenseCategory, PHONE_CATEGORY, withPhoneCategory, type budgetInput, type budgetUpdate, type ControlRow, type expenseClaimCreate, type expenseClaimListQuery, type ExpenseCategories, type expenseCategoriesUpdate, type ExpenseLineInput, type PhoneAllowanceSettings } from '../../../shared/contracts/expenses';
import type { Permission } from '../../../shared/permissions';
import { can, type Actor } from '../../platform/actor';
import { audit } from '../../platform/audit';
import type { ApprovalEngine } from '../../platform/approvals/engine';
import { scopeWhere } from '../../platform/scope';
import { withVersioned } from '../../platform/versioned';
import { expensesRepo, type LinkedKind, type OwnerScope } from './expenses.repo';
import { defineSetting } from '../../platform/settings';
import { CLAIM_DOC_TYPES, DOC_TYPE, DOC_TYPE_PHONE, DOC_TYPE_PHONE_OVER, categoryIssues, claimDocType, isLinkedKind, claimStatusFor, claimTotal, controlRate, EDITABLE_CLAIM_STATUSES, isClaimable, lineIssues, periodRange, phoneByPeriod, phoneOverBy, refKey, unknownCategory, type LinkedRecord } from './expenses.rules';

const notFound = () => new AppError('NOT_FOUND', 'Expense claim not found', undefined, { key: 'expenses.claimNotFound' });
const budgetNotFound = () => new AppError('NOT_FOUND', 'Budget not found', undefined, { key: 'expenses.budgetNotFound' });
const stale = () => new AppError('STALE_VERSION', 'The record was changed by someone else; reload and try again', undefined, { key: 'common.staleVersion' });
const notEditable = (status: string) => new AppError('INVALID_STATE', `The claim is ${status}; it can be changed or submitted only as a draft or after a rejection`, undefined, { key: 'expenses.notEditable', params: { status } });

const scopeFor =
  (actor: Actor, permission: Permission): OwnerScope =>
  (owner, unit) =>
    scopeWhere(undefined as never, actor, permission, { owner, unit });

const LINKED_KINDS: LinkedKind[] = ['visit', 'reception', 'trip', 'gift'];

// ---- approval engine ----

/**
 * 费用报销 (ACT-10): 客户总监 then 财务经理; the GM joins above ¥20,000 at the 通用审批 threshold.
 * The seeds name no claim chain of its own, so the reception form's signatures and the 通用审批 amounts apply.
 * 手机费 (seed 003 第19条: 销售员应在核定范围内报销手机费，超标准需客户总监审批): a claim of phone lines
 * within the person's monthly allowance goes to finance alone; one above it needs the KA director.
 */
const EXPENSE_CLAIM_STEPS = [stepBy('ka_director', '客户总监'), stepBy('finance_manager', '财务经理'), stepBy('gm', '总经理', 2_000_000)];
const EXPENSE_CLAIM_PHONE_STEPS = [stepBy('finance_manager', '财务经理')];

/** One claim, three chains: the ordinary claim, phone within the allowance (finance alone), phone over it (the director). */
export const claimApprovable = defineApprovable({
  async summary(db, id) {
    const c = await expensesRepo.claimById(db, id);
    if (!c) return undefined;
    const lines = await expensesRepo.lines(db, id);
    return {
      fields: [
        field.text('expenses:fields.title', c.title),
        field.text('expenses:fields.owner', `${c.owner_name} · ${c.unit_name}`),
        field.money('expenses:fields.total', Number(c.total)),
        ...(Number(c.phone_over) > 0 ? [field.money('approvals:summary.phoneOver', Number(c.phone_over))] : []),
      ],
      linesLabel: 'approvals:summary.claimLines',
      lines: lines.map((l) => ({ item: l.category, note: [l.occurred_on, l.ref_label, l.note].filter(Boolean).join(' · ') || null, amount: Number(l.amount) })),
      attachments: [],
    };
  },
  types: CLAIM_DOC_TYPES,
  defaultChains: { [DOC_TYPE]: { name: '费用报销审批', steps: EXPENSE_CLAIM_STEPS }, [DOC_TYPE_PHONE]: { name: '手机费报销审批（核定范围内）', steps: EXPENSE_CLAIM_PHONE_STEPS }, [DOC_TYPE_PHONE_OVER]: { name: '手机费报销审批（超标准）', steps: EXPENSE_CLAIM_STEPS } },
  amount: { label: 'approvals:amounts.claimed' },
  link: (id) => `/expenses/${id}`,
  table: 'expense_claims',
  entity: 'expense_claim',
  statusValues: stampedBy(claimStatusFor, ['draft']),
  auditData: (approval, values) => ({ status: values.status, approval }),
  async onStatus({ trx, docId, approval, engine }) {
    const to = claimStatusFor(approval);
    // a rejected claim lets its records go; an approved one is finance's to pay
    if (to === 'rejected') await expensesRepo.releaseRecords(trx, docId);
    if (to === 'approved') {
      const title = await expensesRepo.title(trx, docId);
      await engine.notifier.notify(trx, { userIds: await expensesRepo.financeIds(trx), kind: 'expense.toPay', params: { title }, link: `/expenses/${docId}` });
    }
  },
});

// ---- phone allowance ----

const PHONE_ALLOWANCE_KEY = 'expenses.phoneAllowance';
/** ¥300 a month until finance sets the 核定标准 (the seed names the rule, not the amount). */
export const DEFAULT_PHONE_ALLOWANCE: PhoneAllowanceSettings = { monthlyLimit: 30_000 };

const phoneAllowanceSetting = defineSetting(PHONE_ALLOWANCE_KEY, z.object({ monthlyLimit: z.number().int().min(0) }), DEFAULT_PHONE_ALLOWANCE);

export async function getPhoneAllowance(db: Executor): Promise<PhoneAllowanceSettings> {
  return (await phoneAllowanceSetting.get(db)).value;
}

export async function putPhoneAllowance(db: Kdb, actor: Actor, input: PhoneAllowanceSettings) {
  return (await phoneAllowanceSetting.put(db, actor, { monthlyLimit: input.monthlyLimit })).value;
}

/** A person's allowance for a month: their 手机费 budget of the month when set, else the default; and what their submitted claims use. */
export async function phoneAllowanceFor(db: Executor, userId: number, period: string, exceptClaimId = 0) {
  const { from, to } = periodRange(period);
  const [budget, used] = await Promise.all([expensesRepo.personalBudget(db, userId, PHONE_CATEGORY, period), expensesRepo.phoneUsed(db, userId, from, to, exceptClaimId)]);
  const limit = budget ?? (await getPhoneAllowance(db)).monthlyLimit;
  return { period, limit, source: budget === null ? ('default' as const) : ('budget' as const), used };
}

/** How much of the claim's phone lines lies above the owner's allowance, over all months the lines fall in. */
async function phoneOverOf(trx: Executor, ownerId: number, claimId: number, lines: ExpenseLineInput[]): Promise<number> {
  let over = 0;
  for (const [period, added] of phoneByPeriod(lines)) {
    const a = await phoneAllowanceFor(trx, ownerId, period, claimId);
    over += phoneOverBy(a.limit, a.used, added);
  }
  return over;
}

// ---- categories ----

/** 费用类别: the list claim lines and budgets choose from; finance (budget:manage) keeps it. */
const categoriesSetting = defineSetting('expenses.categories', z.array(expenseCategory).min(1), [...DEFAULT_EXPENSE_CATEGORIES]);

export async function getCategories(db: Executor): Promise<ExpenseCategories> {
  const stored = await categoriesSetting.get(db);
  return { items: withPhoneCategory(stored.value), version: stored.version };
}

/**
 * Replaces the list (409 on a stale version). A category taken off it stays on the claims and
 * budgets that carry it — they read as before — but new lines and budgets can no longer choose it.
 */
export async function putCategories(db: Kdb, actor: Actor, input: z.infer<typeof expenseCategoriesUpdate>): Promise<ExpenseCategories> {
  const saved = await categoriesSetting.put(db, actor, withPhoneCategory(input.items), input.version);
  return { items: saved.value, version: saved.version };
}

/** 400 at lines.N.category for a category not in the list, nor among `kept` (what the claim already carries). */
async function checkCategories(trx: Executor, lines: ExpenseLineInput[], kept: readonly string[] = []) {
  const known = new Set([...(await getCategories(trx)).items, ...kept]);
  const issues = categoryIssues(lines, known);
  if (issues.length) throw validationError(issues);
}

// ---- lines ----

/**
 * Checks the lines against their linked records (locked): scope, report approved, amount cap → 400
 * with lines.N paths; a record another non-rejected claim holds → 409.
 */
async function checkLines(trx: Executor, actor: Actor, lines: ExpenseLineInput[], selfId: number | null) {
  const records = new Map<string, LinkedRecord>();
  for (const kind of LINKED_KINDS) {
    const ids = [...new Set(lines.filter((l) => l.kind === kind && l.refId != null).map((l) => l.refId!))];
    for (const r of await expensesRepo.linked(trx, kind, ids, scopeFor(actor, 'expense:write'), selfId)) records.set(refKey(kind, r.id), { state: r.state, spent: r.spent, claimedElsewhere: r.claimed });
  }
  const issues = lineIssues(lines, records);
  if (issues.length) throw validationError(issues);
  const held = lines.findIndex((l) => l.refId != null && records.get(refKey(l.kind, l.refId))?.claimedElsewhere);
  if (held >= 0) throw new AppError('CONFLICT', 'This record is already claimed by another claim', { path: `lines.${held}.refId` }, { key: 'expenses.alreadyClaimed', params: { line: held + 1 } });
}

/**
 * Takes hold of the lines' records for the claim; a record another claim got first — even one
 * committed a moment ago by another server — is the same 409 as the check above, naming the line.
 */
async function holdLines(trx: Executor, claimId: number, lines: ExpenseLineInput[]) {
  const refs = lines.flatMap((l) => (isLinkedKind(l.kind) && l.refId != null ? [{ kind: l.kind, refId: l.refId }] : []));
  const taken = await expensesRepo.holdRecords(trx, claimId, refs);
  if (!taken.length) return;
  const held = lines.findIndex((l) => taken.some((t) => t.kind === l.kind && t.refId === l.refId));
  throw new AppError('CONFLICT', 'This record is already claimed by another claim', { path: `lines.${held}.refId` }, { key: 'expenses.alreadyClaimed', params: { line: held + 1 } });
}

// a phone line always carries the 手机费 category, so its budget and the control rate meet it
const lineRows = (lines: ExpenseLineInput[]) =>
  lines.map((l, i) => ({ seq: i + 1, kind: l.kind, ref_id: isLinkedKind(l.kind) ? (l.refId ?? null) : null, category: l.kind === 'phone' ? PHONE_CATEGORY : l.category, amount: l.amount, note: l.note ?? null, occurred_on: l.occurredOn }));

// ---- claims ----

export async function listClaims(db: Kdb, actor: Actor, q: z.infer<typeof expenseClaimListQuery>) {
  if (q.box === 'finance') {
    if (!can(actor, 'expense:pay')) throw new AppError('FORBIDDEN', 'Only finance sees the payment box', undefined, { key: 'expenses.financeOnly' });
    return expensesRepo.list(db, { scope: scopeFor(actor, 'expense:read'), statuses: ['approved'] });
  }
  return expensesRepo.list(db, { scope: scopeFor(actor, 'expense:read'), ownerId: q.box === 'mine' ? actor.userId : undefined, statuses: q.status ? [q.status] : undefined });
}

export async function getClaim(db: Executor, actor: Actor, id: number) {
  const row = await expensesRepo.claim(db, id, scopeFor(actor, 'expense:read'));
  if (!row) throw notFound();
  return { ...row, lineRows: await expensesRepo.lines(db, id) };
}
export type ClaimView = Awaited<ReturnType<typeof getClaim>>;

/** The caller's unclaimed records: ready to claim, or still waiting for their report's (gift: application's) approval. */
export const claimable = async (db: Kdb, actor: Actor, tz: string) =>
  (await Promise.all(LINKED_KINDS.map((k) => expensesRepo.claimable(db, k, actor.userId, tz)))).flat().map((r) => ({ ...r, ready: isClaimable(r.kind, r.state) }));

export async function createClaim(db: Kdb, actor: Actor, input: z.infer<typeof expenseClaimCreate>) {
  return db.transaction().execute(async (trx) => {
    await checkCategories(trx, input.lines);
    await checkLines(trx, actor, input.lines, null);
    const row = await expensesRepo.insertClaim(trx, { owner_id: actor.userId, unit_id: actor.unitId, title: input.title, total: claimTotal(input.lines) });
    await expensesRepo.replaceLines(trx, row.id, lineRows(input.lines));
    await holdLines(trx, row.id, input.lines);
    await audit(trx, actor, { entity: 'expense_claim', entityId: row.id, action: 'create', after: row, data: { lines: input.lines } });
    return row.id;
  });
}

/** Only the claimant changes their claim; others in scope get 404. */
const lockOwn = async (trx: Executor, actor: Actor, id: number) => {
  const row = await expensesRepo.claimForUpdate(trx, id, scopeFor(actor, 'expense:write'));
  return row && row.owner_id === actor.userId ? row : undefined;
};

export async function updateClaim(db: Kdb, actor: Actor, id: number, input: z.infer<typeof expenseClaimCreate> & { version: number }) {
  await withVersioned(db, (trx) => lockOwn(trx, actor, id), input.version, { notFound, stale }, async (trx, before) => {
    if (!EDITABLE_CLAIM_STATUSES.has(before.status)) throw notEditable(before.status);
    // a category taken off the list since the claim was written may stay on it
    await checkCategories(trx, input.lines, (await expensesRepo.lines(trx, id)).map((l) => l.category));
    await checkLines(trx, actor, input.lines, id);
    const after = await expensesRepo.updateClaim(trx, id, { title: input.title, total: claimTotal(input.lines) });
    await expensesRepo.replaceLines(trx, id, lineRows(input.lines));
    // a draft holds its records; a rejected claim takes them again when it is submitted
    if (before.status === 'draft') await holdLines(trx, id, input.lines);
    await audit(trx, actor, { entity: 'expense_claim', entityId: id, action: 'update', before, after, data: { lines: input.lines } });
  });
}

/** Submits to the approval engine; the lines are checked again (a record may have been claimed meanwhile). */
export async function submitClaim(db: Kdb, engine: ApprovalEngine, actor: Actor, id: number, version: number) {
  await withVersioned(db, (trx) => lockOwn(trx, actor, id), version, { notFound, stale }, async (trx, row) => {
    if (!EDITABLE_CLAIM_STATUSES.has(row.status)) throw notEditable(row.status);
    const lines = (await expensesRepo.lines(trx, id)).map((l) => ({ kind: l.kind as ExpenseLineInput['kind'], refId: l.ref_id, category: l.category, amount: Number(l.amount), note: l.note, occurredOn: l.occurred_on }));
    await checkLines(trx, actor, lines, id);
    await holdLines(trx, id, lines);
    await expensesRepo.lockOwner(trx, row.owner_id);
    const phoneOver = await phoneOverOf(trx, row.owner_id, id, lines);
    const docType = claimDocType(lines, phoneOver);
    const title = phoneOver > 0 ? `费用报销（手机费超标准 ¥${(phoneOver / 100).toFixed(2)}）：${row.title}` : `费用报销：${row.title}`;
    const approvalId = await claimApprovable.submit(trx as Trx, engine, actor, { type: docType, docId: id, title, amount: Number(row.total), submitterId: actor.userId, unitId: row.unit_id, values: { phone_over: phoneOver } });
    await audit(trx, actor, { entity: 'expense_claim', entityId: id, action: 'submit', data: { approvalId, docType, total: Number(row.total), phoneOver } });
  });
}

/**
 * The claimant deletes a draft that never went to approval (one that did keeps its history: it is
 * changed instead); its records are free to claim again.
 */
export async function deleteClaim(db: Kdb, actor: Actor, id: number, version: number) {
  await withVersioned(db, (trx) => lockOwn(trx, actor, id), version, { notFound, stale }, async (trx, before) => {
    if (before.status !== 'draft' || before.approval_id !== null) throw new AppError('INVALID_STATE', `The claim is ${before.status}; only a draft never submitted is deleted`, undefined, { key: 'expenses.notDeletable', params: { status: before.status } });
    const lines = await expensesRepo.lines(trx, id);
    await expensesRepo.deleteClaim(trx, id);
    await audit(trx, actor, { entity: 'expense_claim', entityId: id, action: 'delete', before, data: { lines: lines.map((l) => ({ kind: l.kind, refId: l.ref_id, amount: Number(l.amount) })) } });
  });
}

/** Takes a pending claim back from the approvers (its claimant); it becomes a draft again and keeps its records. */
export async function withdrawClaim(db: Kdb, engine: ApprovalEngine, actor: Actor, id: number, version: number) {
  await claimApprovable.withdrawSeen(db, engine, actor, id, { lock: (trx) => lockOwn(trx, actor, id), version, pending: (c) => c.status === 'pending', notFound, stale });
}

/** Finance pays an approved claim; anything else is a 409. */
export async function payClaim(db: Kdb, actor: Actor, id: number, version: number) {
  await withVersioned(db, (trx) => expensesRepo.claimForUpdate(trx, id, scopeFor(actor, 'expense:read')), version, { notFound, stale }, async (trx, row) => {
    if (row.status !== 'approved') throw new AppError('INVALID_STATE', `The claim is ${row.status}; only an approved claim is paid`, undefined, { key: 'expenses.notApproved', params: { status: row.status } });
    await expensesRepo.updateClaim(trx, id, { status: 'paid', paid_at: new Date(), paid_by: actor.userId });
    await audit(trx, actor, { entity: 'expense_claim', entityId: id, action: 'pay', data: { total: Number(row.total) } });
  });
}

export const exportRows = (db: Kdb, period: string) => {
  const { from, to } = periodRange(period);
  return expensesRepo.exportRows(db, from, to);
};

// ---- budgets ----

export const listBudgets = (db: Kdb, period: string) => expensesRepo.budgets(db, period);

export async function createBudget(db: Kdb, actor: Actor, input: z.infer<typeof budgetInput>) {
  return db.transaction().execute(async (trx) => {
    const key = { userId: input.userId ?? null, unitId: input.unitId ?? null, category: input.category, period: input.period };
    // a budget's category is one of the list (its key and field come from unknownCategory)
    const issues = (await getCategories(trx)).items.includes(key.category) ? [] : [unknownCategory('category', key.category)];
    if (issues.length) throw validationError(issues);
    if (key.userId && !(await expensesRepo.userExists(trx, key.userId))) throw validationError([issue('userId', 'expenses.userNotFound', 'Choose a user')]);
    if (key.unitId && !(await expensesRepo.unitExists(trx, key.unitId))) throw validationError([issue('unitId', 'expenses.unitNotFound', 'Choose a unit')]);
    if (await expensesRepo.budgetByKey(trx, key)) throw validationError([issue('category', 'expenses.budgetExists', 'This budget is already set; change its amount instead')]);
    const row = await expensesRepo.insertBudget(trx, { user_id: key.userId, unit_id: key.unitId, category: key.category, period: key.period, amount: input.amount, created_by: actor.userId });
    await audit(trx, actor, { entity: 'expense_budget', entityId: row.id, action: 'create', after: row });
    return row.id;
  });
}

export async function updateBudget(db: Kdb, actor: Actor, id: number, input: z.infer<typeof budgetUpdate>) {
  return withVersioned(db, (trx) => expensesRepo.budget(trx, id, true), input.version, { notFound: budgetNotFound, stale }, async (trx, before) => {
    const after = await expensesRepo.updateBudget(trx, id, input.amount);
    await audit(trx, actor, { entity: 'expense_budget', entityId: id, action: 'update', before, after });
    return after;
  });
}

/** 商务费用控制率 per person and per unit and category: every budget of the month, and every actual without one. */
export async function control(db: Kdb, period: string): Promise<ControlRow[]> {
  const { from, to } = periodRange(period);
  const [budgets, actuals] = await Promise.all([expensesRepo.budgets(db, period), expensesRepo.actuals(db, from, to)]);
  const rows = new Map<string, { subject: 'user' | 'unit'; subjectId: number; category: string; budget: number | null; actual: number }>();
  const at = (subject: 'user' | 'unit', subjectId: number, category: string) => {
    const k = `${subject}:${subjectId}:${category}`;
    if (!rows.has(k)) rows.set(k, { subject, subjectId, category, budget: null, actual: 0 });
    return rows.get(k)!;
  };
  for (const b of budgets) at(b.user_id ? 'user' : 'unit', (b.user_id ?? b.unit_id)!, b.category).budget = Number(b.amount);
  for (const a of actuals.byUser) at('user', a.id, a.category).actual = a.actual;
  for (const a of actuals.byUnit) at('unit', a.id, a.category).actual = a.actual;
  const list = [...rows.values()];
  const names = await expensesRepo.names(db, list.filter((r) => r.subject === 'user').map((r) => r.subjectId), list.filter((r) => r.subject === 'unit').map((r) => r.subjectId));
  return list
    .map((r) => ({ ...r, subjectName: (r.subject === 'user' ? names.users : names.units).get(r.subjectId) ?? '', rate: controlRate(r.actual, r.budget) }))
    .sort((a, b) => a.subject.localeCompare(b.subject) || a.subjectName.localeCompare(b.subjectName) || a.category.localeCompare(b.category));
}
