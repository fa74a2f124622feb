import { defineApprovable, field, stepBy, stampedBy } from '../../platform/approvals/approvable';
import { orgReads } from '../../platform/org.repo';
import { sql, type SqlBool } from 'kysely';
import { z } from 'zod';
import type { Executor, Kdb, Trx } from '../../db/client';
import { AppError, issue, validationError } from '../../../shared/errors';
import type {
  giftApplicationCreate,
  giftApplicationListQuery,
  giftApplicationUpdate,
  giftItemCreate,
  giftItemUpdate,
  giftMovementCreate,
  giftPlanCreate,
  giftPlanUpdate,
  giftSettingsUpdate,
  GiftCapCheck,
} from '../../../shared/contracts/gifts';
import type { Actor } from '../../platform/actor';
import { audit } from '../../platform/audit';
import type { ApprovalEngine } from '../../platform/approvals/engine';
import { withVersioned } from '../../platform/versioned';
import { defineSetting } from '../../platform/settings';
import { giftsRepo } from './gifts.repo';
import { applicationReadScope } from './gifts.scope';
import { applicationStatusFor, applicationValue, docTypeFor, DOC_TYPE, DOC_TYPE_OVER_CAP, EDITABLE_APPLICATION_STATUSES, isOverCap, manualChange, stockAfter, yearOf } from './gifts.rules';
import { accountScope } from '../../platform/scope';

const NOT_FOUND = {
  item: () => new AppError('NOT_FOUND', 'Gift not found', undefined, { key: 'gifts.itemNotFound' }),
  plan: () => new AppError('NOT_FOUND', 'Gift plan line not found', undefined, { key: 'gifts.planNotFound' }),
  application: () => new AppError('NOT_FOUND', 'Gift application not found', undefined, { key: 'gifts.applicationNotFound' }),
  account: () => new AppError('NOT_FOUND', 'Account not found', undefined, { key: 'gifts.accountNotFound' }),
  contact: () => new AppError('NOT_FOUND', 'Recipient not found', undefined, { key: 'gifts.contactNotFound' }),
};
const notFound = (what: keyof typeof NOT_FOUND) => NOT_FOUND[what]();
const stale = () => new AppError('STALE_VERSION', 'The record was changed by someone else; reload and try again', undefined, { key: 'common.staleVersion' });
const notEditable = (status: string) =>
  new AppError('INVALID_STATE', `The application is ${status}; it can be changed or submitted only as a draft or after a rejection`, undefined, { key: 'gifts.notEditable', params: { status } });
const belowZero = (stock: number) => new AppError('CONFLICT', `Not enough stock: ${stock} on hand`, undefined, { key: 'gifts.stockBelowZero', params: { stock } });

const nameKey = (name: string) => name.trim().toLowerCase();

// ---- approval engine ----

/**
 * 礼品馈赠申请表 by seed 003 form 5: signed by 部门 (the department head), 礼品管理员, 办公室 and 副总经理.
 * An application that takes its recipient above the yearly value cap is its own document type whose
 * chain adds the GM (ACT-8 compliance), so each chain stays editable on its own.
 */
const GIFT_APPLICATION_STEPS = [stepBy('ka_director', '部门负责人'), stepBy('gift_admin', '礼品管理员'), stepBy('office', '办公室'), stepBy('deputy_gm', '副总经理')];
const GIFT_OVER_CAP_STEPS = [...GIFT_APPLICATION_STEPS, stepBy('gm', '总经理')];

/** The application follows its approval; once approved, the gift administrators are told there is something to issue. */
export const giftApprovable = defineApprovable({
  async summary(db, id) {
    const g = await giftsRepo.applicationById(db, id);
    if (!g) return undefined;
    return {
      fields: [
        field.text('gifts:form.account', g.account_name),
        field.text('gifts:form.contact', g.contact_title ? `${g.contact_name}（${g.contact_title}）` : g.contact_name),
        field.text('gifts:form.item', g.item_name),
        field.text('gifts:form.quantity', `${g.quantity} ${g.item_unit}`),
        field.money('gifts:form.value', Number(g.value)),
        field.date('gifts:form.giftOn', g.gift_on),
        field.money('approvals:summary.yearTotalBefore', g.year_total_before),
        field.money('gifts:form.cap', Number(g.cap)),
        field.flag('approvals:summary.overCap', g.over_cap),
        field.longText('gifts:form.remark', g.remark),
      ],
      linesLabel: null,
      lines: [],
      attachments: [],
    };
  },
  types: [DOC_TYPE, DOC_TYPE_OVER_CAP],
  defaultChains: { [DOC_TYPE]: { name: '礼品馈赠申请审批', steps: GIFT_APPLICATION_STEPS }, [DOC_TYPE_OVER_CAP]: { name: '礼品馈赠申请审批（超年度限额）', steps: GIFT_OVER_CAP_STEPS } },
  amount: { label: 'approvals:amounts.applied' },
  link: (id) => `/gifts/applications/${id}`,
  table: 'gift_applications',
  entity: 'gift_application',
  statusValues: stampedBy(applicationStatusFor, ['draft']),
  auditData: (approval, values) => ({ status: values.status, approval }),
  async onStatus({ trx, docId, approval, engine }) {
    if (approval !== 'approved') return;
    const app = await giftsRepo.application(trx, docId, () => sql<SqlBool>`true`);
    if (app) await engine.notifier.notify(trx, { userIds: await giftsRepo.giftAdminIds(trx), kind: 'gift.toIssue', params: { contact: app.contact_name, item: app.item_name, quantity: app.quantity, account: app.account_name }, link: `/gifts/applications/${docId}` });
  },
});

// ---- catalogue and stock ----

export const listItems = (db: Kdb) => giftsRepo.items(db);

async function uniqueName(trx: Executor, name: string, selfId?: number) {
  const hit = await giftsRepo.itemByKey(trx, nameKey(name));
  if (hit && hit.id !== selfId) throw validationError([issue('name', 'gifts.nameTaken', 'A gift with this name is already in the catalogue')]);
}

export async function createItem(db: Kdb, actor: Actor, input: z.infer<typeof giftItemCreate>) {
  return db.transaction().execute(async (trx) => {
    await uniqueName(trx, input.name);
    const row = await giftsRepo.insertItem(trx, {
      name: input.name,
      name_key: nameKey(input.name),
      spec: input.spec ?? null,
      unit: input.unit ?? '件',
      unit_value: input.unitValue,
      note: input.note ?? null,
      active: input.active ?? true,
      created_by: actor.userId,
    });
    await audit(trx, actor, { entity: 'gift_item', entityId: row.id, action: 'create', after: row });
    return row;
  });
}

export async function updateItem(db: Kdb, actor: Actor, id: number, input: z.infer<typeof giftItemUpdate>) {
  return withVersioned(db, (trx) => giftsRepo.item(trx, id, true), input.version, { notFound: () => notFound('item'), stale }, async (trx, before) => {
    if (input.name !== undefined) await uniqueName(trx, input.name, id);
    const after = await giftsRepo.updateItem(trx, id, {
      ...(input.name !== undefined && { name: input.name, name_key: nameKey(input.name) }),
      ...(input.spec !== undefined && { spec: input.spec }),
      ...(input.unit !== undefined && { unit: input.unit }),
      ...(input.unitValue !== undefined && { unit_value: input.unitValue }),
      ...(input.note !== undefined && { note: input.note }),
      ...(input.active !== undefined && { active: input.active }),
    });
    await audit(trx, actor, { entity: 'gift_item', entityId: id, action: 'update', before, after });
    return after;
  });
}

export async function ledger(db: Kdb, id: number) {
  const item = await giftsRepo.item(db, id);
  if (!item) throw notFound('item');
  return { item, movements: await giftsRepo.movements(db, id, 500) };
}

/** Moves the locked item's stock by `change` and writes the ledger row; below zero is a 409. */
async function move(trx: Executor, actor: Actor, item: { id: number; stock: number }, kind: 'in' | 'issue' | 'return' | 'adjust', change: number, note: string | null, applicationId: number | null) {
  const balance = stockAfter(item.stock, change);
  if (balance === null) throw belowZero(item.stock);
  await giftsRepo.updateItem(trx, item.id, { stock: balance });
  const row = await giftsRepo.insertMovement(trx, { item_id: item.id, kind, quantity: change, balance, application_id: applicationId, note, actor_id: actor.userId });
  await audit(trx, actor, { entity: 'gift_item', entityId: item.id, action: 'stock', data: { kind, quantity: change, balance, applicationId, note } });
  return row;
}

export async function addMovement(db: Kdb, actor: Actor, id: number, input: z.infer<typeof giftMovementCreate>) {
  const change = manualChange(input.kind, input.quantity);
  if (change === null) throw validationError([issue('quantity', 'gifts.quantityPositive', 'Stock in and returns take a positive quantity')]);
  return withVersioned(db, (trx) => giftsRepo.item(trx, id, true), input.version, { notFound: () => notFound('item'), stale }, (trx, item) => move(trx, actor, item, input.kind, change, input.note ?? null, null));
}

// ---- settings ----

/** 受礼人年度限额 (ACT-8): the most one recipient may receive in approved gifts per calendar year, fen; ¥2,000 until the gift administrator sets it. */
export const giftSetting = defineSetting('gifts', z.object({ recipientYearCap: z.number().int().min(0) }), { recipientYearCap: 200_000 });

export const getSettings = (db: Kdb) => giftSetting.get(db);

export const updateSettings = (db: Kdb, actor: Actor, input: z.infer<typeof giftSettingsUpdate>) => giftSetting.put(db, actor, { recipientYearCap: input.recipientYearCap }, input.version);

// ---- plans ----

async function account(db: Executor, actor: Actor, accountId: number, permission: 'gift:read' | 'gift:apply') {
  const row = await giftsRepo.accountInScope(db, accountId, accountScope(actor, permission));
  if (!row) throw notFound('account');
  return row;
}

export async function plansOf(db: Kdb, actor: Actor, accountId: number) {
  await account(db, actor, accountId, 'gift:read');
  return giftsRepo.plansOf(db, accountId);
}

async function checkItem(trx: Executor, itemId: number, path = 'itemId') {
  const item = await giftsRepo.item(trx, itemId);
  if (!item || !item.active) throw validationError([issue(path, 'gifts.itemInactive', 'Choose an active gift of the catalogue')]);
  return item;
}
async function checkUser(trx: Executor, userId: number, path: string) {
  const user = await orgReads.activeUser(trx, userId);
  if (!user) throw validationError([issue(path, 'gifts.userNotActive', 'Choose an active user')]);
  return user;
}

export async function createPlan(db: Kdb, actor: Actor, accountId: number, input: z.infer<typeof giftPlanCreate>) {
  return db.transaction().execute(async (trx) => {
    await account(trx, actor, accountId, 'gift:apply');
    await checkItem(trx, input.itemId);
    const responsibleId = input.responsibleId ?? actor.userId;
    await checkUser(trx, responsibleId, 'responsibleId');
    const row = await giftsRepo.insertPlan(trx, {
      account_id: accountId,
      cooperation_status: input.cooperationStatus ?? null,
      item_id: input.itemId,
      quantity: input.quantity,
      budget: input.budget ?? null,
      responsible_id: responsibleId,
      remark: input.remark ?? null,
      created_by: actor.userId,
    });
    await audit(trx, actor, { entity: 'gift_plan', entityId: row.id, action: 'create', after: row, data: { accountId } });
    return giftsRepo.plan(trx, row.id);
  });
}

export async function updatePlan(db: Kdb, actor: Actor, id: number, input: z.infer<typeof giftPlanUpdate>) {
  return withVersioned(db, (trx) => giftsRepo.planForUpdate(trx, id, accountScope(actor, 'gift:apply')), input.version, { notFound: () => notFound('plan'), stale }, async (trx, before) => {
    if (input.itemId !== undefined) await checkItem(trx, input.itemId);
    if (input.responsibleId !== undefined) await checkUser(trx, input.responsibleId, 'responsibleId');
    const after = await giftsRepo.updatePlan(trx, id, {
      ...(input.cooperationStatus !== undefined && { cooperation_status: input.cooperationStatus }),
      ...(input.itemId !== undefined && { item_id: input.itemId }),
      ...(input.quantity !== undefined && { quantity: input.quantity }),
      ...(input.budget !== undefined && { budget: input.budget }),
      ...(input.responsibleId !== undefined && { responsible_id: input.responsibleId }),
      ...(input.remark !== undefined && { remark: input.remark }),
    });
    await audit(trx, actor, { entity: 'gift_plan', entityId: id, action: 'update', before, after });
    return giftsRepo.plan(trx, id);
  });
}

export async function deletePlan(db: Kdb, actor: Actor, id: number, version: number) {
  await withVersioned(db, (trx) => giftsRepo.planForUpdate(trx, id, accountScope(actor, 'gift:apply')), version, { notFound: () => notFound('plan'), stale }, async (trx, before) => {
    await giftsRepo.deletePlan(trx, id);
    await audit(trx, actor, { entity: 'gift_plan', entityId: id, action: 'delete', before });
  });
}

// ---- applications ----

export async function listApplications(db: Kdb, actor: Actor, q: z.infer<typeof giftApplicationListQuery>) {
  return giftsRepo.applicationList(db, { scope: applicationReadScope(actor), accountId: q.accountId, status: q.status, overCap: q.overCap }, q.page, q.pageSize);
}

/** The recipient's year picture for a value; `excludeId` leaves the application itself out. */
async function capCheck(db: Executor, contactId: number, year: number, value: number, excludeId?: number): Promise<GiftCapCheck> {
  const [settings, yearTotal] = await Promise.all([giftSetting.get(db), giftsRepo.recipientYearTotal(db, contactId, year, excludeId)]);
  const cap = settings.value.recipientYearCap;
  return { year, yearTotal, cap, overCap: isOverCap(yearTotal, value, cap) };
}

export async function recipientTotal(db: Kdb, actor: Actor, contactId: number, q: { year: number; value: number; excludeId?: number }) {
  if (!(await giftsRepo.contactInScope(db, contactId, accountScope(actor, 'gift:read')))) throw notFound('contact');
  return capCheck(db, contactId, q.year, q.value, q.excludeId);
}

export async function getApplication(db: Kdb, actor: Actor, id: number) {
  const row = await giftsRepo.application(db, id, applicationReadScope(actor));
  if (!row) throw notFound('application');
  // Once submitted, the check the approval was routed by; before that (or after a rejection), live.
  const cap: GiftCapCheck =
    row.cap !== null && !EDITABLE_APPLICATION_STATUSES.has(row.status)
      ? { year: yearOf(row.gift_on), yearTotal: Number(row.year_total_before ?? 0), cap: Number(row.cap), overCap: row.over_cap }
      : await capCheck(db, row.contact_id, yearOf(row.gift_on), Number(row.value), row.id);
  const signatures = row.approval_id === null ? [] : await giftsRepo.signatures(db, Number(row.approval_id));
  return { ...row, capCheck: cap, signatureRows: signatures };
}
export type ApplicationView = Awaited<ReturnType<typeof getApplication>>;

async function checkContact(trx: Executor, contactId: number, accountId: number) {
  if (!(await giftsRepo.contactOfAccount(trx, contactId, accountId))) throw validationError([issue('contactId', 'gifts.contactNotOfAccount', 'Choose a contact of the account')]);
}

export async function createApplication(db: Kdb, actor: Actor, input: z.infer<typeof giftApplicationCreate>) {
  return db.transaction().execute(async (trx) => {
    const acc = await giftsRepo.accountInScope(trx, input.accountId, accountScope(actor, 'gift:apply'));
    if (!acc) throw validationError([issue('accountId', 'gifts.accountNotVisible', 'Choose an account you may work on')]);
    await checkContact(trx, input.contactId, input.accountId);
    const item = await checkItem(trx, input.itemId);
    const row = await giftsRepo.insertApplication(trx, {
      account_id: input.accountId,
      contact_id: input.contactId,
      item_id: input.itemId,
      quantity: input.quantity,
      unit_value: Number(item.unit_value),
      value: applicationValue(input.quantity, Number(item.unit_value)),
      gift_on: input.giftOn,
      managing_dept: input.managingDept ?? null,
      remark: input.remark ?? null,
      owner_id: actor.userId,
      unit_id: actor.unitId,
    });
    await audit(trx, actor, { entity: 'gift_application', entityId: row.id, action: 'create', after: row, data: { accountId: input.accountId } });
    return row.id;
  });
}

const lockApplication = (trx: Executor, actor: Actor, id: number) => giftsRepo.applicationForUpdate(trx, id, accountScope(actor, 'gift:apply'));

export async function updateApplication(db: Kdb, actor: Actor, id: number, input: z.infer<typeof giftApplicationUpdate>) {
  await withVersioned(db, (trx) => lockApplication(trx, actor, id), input.version, { notFound: () => notFound('application'), stale }, async (trx, before) => {
    if (!EDITABLE_APPLICATION_STATUSES.has(before.status)) throw notEditable(before.status);
    if (input.contactId !== undefined) await checkContact(trx, input.contactId, before.account_id);
    const item = input.itemId !== undefined ? await checkItem(trx, input.itemId) : await giftsRepo.item(trx, before.item_id);
    const unitValue = input.itemId !== undefined ? Number(item!.unit_value) : Number(before.unit_value);
    const quantity = input.quantity ?? before.quantity;
    const { account_name: _name, ...beforeRow } = before;
    void _name;
    const after = await giftsRepo.updateApplication(trx, id, {
      ...(input.contactId !== undefined && { contact_id: input.contactId }),
      ...(input.itemId !== undefined && { item_id: input.itemId }),
      quantity,
      unit_value: unitValue,
      value: applicationValue(quantity, unitValue),
      ...(input.giftOn !== undefined && { gift_on: input.giftOn }),
      ...(input.managingDept !== undefined && { managing_dept: input.managingDept }),
      ...(input.remark !== undefined && { remark: input.remark }),
    });
    await audit(trx, actor, { entity: 'gift_application', entityId: id, action: 'update', before: beforeRow, after });
  });
}

/** A draft that never went to the approvers is removed; anything submitted once stays on record. */
export async function deleteApplication(db: Kdb, actor: Actor, id: number, version: number) {
  await withVersioned(db, (trx) => lockApplication(trx, actor, id), version, { notFound: () => notFound('application'), stale }, async (trx, before) => {
    if (before.status !== 'draft' || before.approval_id !== null) throw new AppError('INVALID_STATE', `The application is ${before.status}; only a draft never submitted can be deleted`, undefined, { key: 'gifts.notDeletable', params: { status: before.status } });
    const { account_name: _name, ...row } = before;
    void _name;
    await giftsRepo.deleteApplication(trx, id);
    await audit(trx, actor, { entity: 'gift_application', entityId: id, action: 'delete', before: row });
  });
}

/**
 * Submits to the approval engine. The recipient's approved total of the gift's calendar year is
 * read under the contact's row lock; above the cap the application is flagged and goes to the
 * over-cap chain, which adds the GM.
 */
export async function submitApplication(db: Kdb, engine: ApprovalEngine, actor: Actor, id: number, version: number) {
  await withVersioned(db, (trx) => lockApplication(trx, actor, id), version, { notFound: () => notFound('application'), stale }, async (trx, row) => {
    if (!EDITABLE_APPLICATION_STATUSES.has(row.status)) throw notEditable(row.status);
    await giftsRepo.lockContact(trx, row.contact_id);
    const check = await capCheck(trx, row.contact_id, yearOf(row.gift_on), Number(row.value), row.id);
    const item = await giftsRepo.item(trx, row.item_id);
    const title = `礼品馈赠申请：${row.account_name} · ${item?.name ?? ''} × ${row.quantity}${check.overCap ? '（超年度限额）' : ''}`;
    const approvalId = await giftApprovable.submit(trx as Trx, engine, actor, {
      type: docTypeFor(check.overCap),
      docId: id,
      title,
      amount: Number(row.value),
      submitterId: actor.userId,
      unitId: row.unit_id,
      values: { over_cap: check.overCap, year_total_before: check.yearTotal, cap: check.cap },
    });
    await audit(trx, actor, { entity: 'gift_application', entityId: id, action: 'submit', data: { approvalId, ...check } });
  });
}

/** Takes a pending application back (its submitter; the engine checks); it becomes a draft again. */
export async function withdrawApplication(db: Kdb, engine: ApprovalEngine, actor: Actor, id: number, version: number) {
  const row = await withVersioned(db, (trx) => lockApplication(trx, actor, id), version, { notFound: () => notFound('application'), stale }, async (_trx, r) => {
    if (r.status !== 'pending' || r.approval_id === null) throw new AppError('INVALID_STATE', `The application is ${r.status}; only a pending one can be withdrawn`, undefined, { key: 'gifts.notPending', params: { status: r.status } });
    return r;
  });
  await engine.withdraw(actor, Number(row.approval_id));
}

/** The gift administrator issues the stock of an approved application; anything else is a 409. */
export async function issueApplication(db: Kdb, actor: Actor, id: number, version: number) {
  await withVersioned(db, (trx) => giftsRepo.applicationForUpdate(trx, id, applicationReadScope(actor)), version, { notFound: () => notFound('application'), stale }, async (trx, row) => {
    if (row.status !== 'approved') throw new AppError('INVALID_STATE', `The application is ${row.status}; stock is issued only against an approved application`, undefined, { key: 'gifts.notApproved', params: { status: row.status } });
    const item = await giftsRepo.item(trx, row.item_id, true);
    if (!item) throw notFound('item');
    await move(trx, actor, { id: item.id, stock: item.stock }, 'issue', -row.quantity, null, id);
    await giftsRepo.updateApplication(trx, id, { status: 'issued', issued_at: new Date(), issued_by: actor.userId });
    await audit(trx, actor, { entity: 'gift_application', entityId: id, action: 'issue', data: { itemId: item.id, quantity: row.quantity, value: Number(row.value) } });
  });
}
