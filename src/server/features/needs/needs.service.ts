import { orgReads } from '../../platform/org.repo';
import type { z } from 'zod';
import type { Executor, Kdb } from '../../db/client';
import { AppError, issue, validationError } from '../../../shared/errors';
import { businessDate, isPastDue } from '../../../shared/domain/business-time';
import type { countermeasureCreate, countermeasureUpdate, needCreate, needUpdate } from '../../../shared/contracts/needs';
import type { Actor } from '../../platform/actor';
import { audit } from '../../platform/audit';
import { columnValues } from '../../platform/columns';
import { withVersioned } from '../../platform/versioned';
import { contactAccountOf } from '../contacts';
import { needsRepo, type CountermeasureValues, type NeedValues } from './needs.repo';
import { accountScope } from '../../platform/scope';

const accountNotFound = () => new AppError('NOT_FOUND', 'Account not found', undefined, { key: 'accounts.notFound' });
const needNotFound = () => new AppError('NOT_FOUND', 'Need not found', undefined, { key: 'needs.notFound' });
const measureNotFound = () => new AppError('NOT_FOUND', 'Countermeasure not found', undefined, { key: 'needs.countermeasureNotFound' });
const stale = () => new AppError('STALE_VERSION', 'The record was changed by someone else; reload and try again', undefined, { key: 'common.staleVersion' });
const NEED_ERRORS = { notFound: needNotFound, stale };
const MEASURE_ERRORS = { notFound: measureNotFound, stale };

// ---------------------------------------------------------------- reads

export async function accountNeeds(db: Kdb, actor: Actor, accountId: number, tz: string, now = new Date()) {
  if (!(await needsRepo.accountInScope(db, accountId, accountScope(actor, 'account:read')))) throw accountNotFound();
  const [needs, measures] = await Promise.all([needsRepo.needsOf(db, accountId), needsRepo.countermeasuresOf(db, accountId)]);
  const today = businessDate(now, tz);
  return { needs, countermeasures: measures.map((m) => ({ ...m, overdue: isPastDue(m.due_on, m.status === 'open', today) })) };
}

export async function getNeed(db: Executor, id: number) {
  return (await needsRepo.need(db, id))!;
}

export async function getCountermeasure(db: Executor, id: number, tz: string, now = new Date()) {
  const m = (await needsRepo.countermeasure(db, id))!;
  return { ...m, overdue: isPastDue(m.due_on, m.status === 'open', businessDate(now, tz)) };
}
export type CountermeasureView = Awaited<ReturnType<typeof getCountermeasure>>;

// ---------------------------------------------------------------- checks

function checkPriceRange(min: number | null | undefined, max: number | null | undefined) {
  if (min !== null && min !== undefined && max !== null && max !== undefined && min > max) {
    throw validationError([issue('priceMax', 'needs.priceRange', 'The upper price must not be below the lower one')]);
  }
}

async function checkContact(trx: Executor, accountId: number, contactId: number | null | undefined) {
  if (contactId === null || contactId === undefined) return;
  const c = await contactAccountOf(trx, contactId);
  if (!c || c.account_id !== accountId) throw validationError([issue('contactId', 'needs.contactOtherAccount', 'Pick a contact of this account')]);
}

async function checkOwner(trx: Executor, ownerId: number | undefined) {
  if (ownerId === undefined) return;
  if (!(await orgReads.activeUser(trx, ownerId))) throw validationError([issue('ownerId', 'needs.ownerNotActive', 'Not an active user')]);
}

/** The audit action of a write: closing and reopening are named, anything else is an update. */
function actionOf(wasOpen: boolean, nowOpen: boolean) {
  return wasOpen === nowOpen ? 'update' : nowOpen ? 'reopen' : 'close';
}

/** closed_at/closed_by for a status change between open and closed. */
function closing(actor: Actor, wasOpen: boolean, nowOpen: boolean) {
  if (wasOpen && !nowOpen) return { closed_at: new Date(), closed_by: actor.userId };
  if (!wasOpen && nowOpen) return { closed_at: null, closed_by: null };
  return {};
}

// ---------------------------------------------------------------- needs

export async function createNeed(db: Kdb, actor: Actor, accountId: number, input: z.infer<typeof needCreate>) {
  checkPriceRange(input.priceMin, input.priceMax);
  return db.transaction().execute(async (trx) => {
    if (!(await needsRepo.accountInScope(trx, accountId, accountScope(actor, 'account:update')))) throw accountNotFound();
    const row = await needsRepo.insertNeed(trx, {
      account_id: accountId,
      product_type: input.productType,
      quantity: input.quantity ?? null,
      unit: input.unit ?? null,
      region: input.region ?? null,
      price_min: input.priceMin ?? null,
      price_max: input.priceMax ?? null,
      reason: input.reason ?? null,
      created_by: actor.userId,
    });
    await audit(trx, actor, { entity: 'account_need', entityId: row.id, action: 'create', after: row, data: { accountId } });
    return row.id;
  });
}

const NEED_COLUMNS = {
  productType: 'product_type',
  quantity: 'quantity',
  unit: 'unit',
  region: 'region',
  priceMin: 'price_min',
  priceMax: 'price_max',
  reason: 'reason',
  status: 'status',
} as const;


export async function updateNeed(db: Kdb, actor: Actor, id: number, input: z.infer<typeof needUpdate>) {
  return withVersioned(db, (trx) => needsRepo.needForUpdate(trx, id, accountScope(actor, 'account:update')), input.version, NEED_ERRORS, async (trx, before) => {
    checkPriceRange(input.priceMin === undefined ? before.price_min : input.priceMin, input.priceMax === undefined ? before.price_max : input.priceMax);
    const status = input.status ?? before.status;
    const values = { ...columnValues(input, NEED_COLUMNS), ...closing(actor, before.status === 'open', status === 'open') } as NeedValues;
    const after = await needsRepo.updateNeed(trx, id, values);
    await audit(trx, actor, { entity: 'account_need', entityId: id, action: actionOf(before.status === 'open', after.status === 'open'), before, after });
    return id;
  });
}

export async function deleteNeed(db: Kdb, actor: Actor, id: number, version: number) {
  await withVersioned(db, (trx) => needsRepo.needForUpdate(trx, id, accountScope(actor, 'account:update')), version, NEED_ERRORS, async (trx, before) => {
    await needsRepo.deleteNeed(trx, id);
    await audit(trx, actor, { entity: 'account_need', entityId: id, action: 'delete', before });
  });
}

// ---------------------------------------------------------------- countermeasures

export async function createCountermeasure(db: Kdb, actor: Actor, accountId: number, input: z.infer<typeof countermeasureCreate>) {
  return db.transaction().execute(async (trx) => {
    if (!(await needsRepo.accountInScope(trx, accountId, accountScope(actor, 'account:update')))) throw accountNotFound();
    await checkContact(trx, accountId, input.contactId);
    const ownerId = input.ownerId ?? actor.userId;
    await checkOwner(trx, ownerId);
    const row = await needsRepo.insertCountermeasure(trx, {
      account_id: accountId,
      contact_id: input.contactId ?? null,
      direction: input.direction ?? null,
      direction_note: input.directionNote ?? null,
      problem: input.problem,
      measure: input.measure,
      owner_id: ownerId,
      due_on: input.dueOn ?? null,
      created_by: actor.userId,
    });
    await audit(trx, actor, { entity: 'account_countermeasure', entityId: row.id, action: 'create', after: row, data: { accountId } });
    return row.id;
  });
}

const COUNTERMEASURE_COLUMNS = {
  contactId: 'contact_id',
  direction: 'direction',
  directionNote: 'direction_note',
  problem: 'problem',
  measure: 'measure',
  ownerId: 'owner_id',
  dueOn: 'due_on',
  status: 'status',
} as const;

export async function updateCountermeasure(db: Kdb, actor: Actor, id: number, input: z.infer<typeof countermeasureUpdate>) {
  return withVersioned(db, (trx) => needsRepo.countermeasureForUpdate(trx, id, accountScope(actor, 'account:update')), input.version, MEASURE_ERRORS, async (trx, before) => {
    if (input.contactId !== before.contact_id) await checkContact(trx, before.account_id, input.contactId);
    if (input.ownerId !== before.owner_id) await checkOwner(trx, input.ownerId);
    const status = input.status ?? before.status;
    const values = { ...columnValues(input, COUNTERMEASURE_COLUMNS), ...closing(actor, before.status === 'open', status === 'open') } as CountermeasureValues;
    const after = await needsRepo.updateCountermeasure(trx, id, values);
    await audit(trx, actor, { entity: 'account_countermeasure', entityId: id, action: actionOf(before.status === 'open', after.status === 'open'), before, after });
    return id;
  });
}

export async function deleteCountermeasure(db: Kdb, actor: Actor, id: number, version: number) {
  await withVersioned(db, (trx) => needsRepo.countermeasureForUpdate(trx, id, accountScope(actor, 'account:update')), version, MEASURE_ERRORS, async (trx, before) => {
    await needsRepo.deleteCountermeasure(trx, id);
    await audit(trx, actor, { entity: 'account_countermeasure', entityId: id, action: 'delete', before });
  });
}
