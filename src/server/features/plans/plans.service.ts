import { orgReads } from '../../platform/org.repo';
import type { z } from 'zod';
import type { Executor, Kdb } from '../../db/client';
import { AppError, issue, validationError } from '../../../shared/errors';
import { businessDate } from '../../../shared/domain/business-time';
import type { planItemComplete, planItemCreate, planItemUpdate, PlanStatus } from '../../../shared/contracts/plans';
import type { Actor } from '../../platform/actor';
import { audit } from '../../platform/audit';
import { columnValues } from '../../platform/columns';
import { withVersioned } from '../../platform/versioned';
import type { Notifier } from '../../platform/notifications/notifier';
import { closeTasksFor, createTask } from '../tasks';
import { PLAN_TASK_ENTITY, planLink, plansRepo, type PlanItemValues } from './plans.repo';
import { isOpenPlanStatus, isOverdue, planTaskTitle, planTransition, taskDueAt } from './plans.rules';
import { accountScope } from '../../platform/scope';

const accountNotFound = () => new AppError('NOT_FOUND', 'Account not found', undefined, { key: 'accounts.notFound' });
const notFound = () => new AppError('NOT_FOUND', 'Plan item not found', undefined, { key: 'plans.notFound' });
const stale = () => new AppError('STALE_VERSION', 'The plan item was changed by someone else; reload and try again', undefined, { key: 'common.staleVersion' });

export interface PlanContext {
  tz: string;
  /** for the task.assigned notification; the one bound by the task routes when absent */
  notifier?: Notifier;
}

// ---------------------------------------------------------------- reads

async function withContacts(db: Executor, rows: NonNullable<Awaited<ReturnType<typeof plansRepo.item>>>[], today: string) {
  const links = await plansRepo.contactsOf(db, rows.map((r) => r.id));
  return rows.map((r) => ({
    ...r,
    contacts: links.filter((l) => l.item_id === r.id),
    overdue: isOverdue(r.due_on, isOpenPlanStatus(r.status), today),
  }));
}
export type PlanItemView = Awaited<ReturnType<typeof withContacts>>[number];

export async function accountPlan(db: Kdb, actor: Actor, accountId: number, tz: string, now = new Date()) {
  if (!(await plansRepo.accountInScope(db, accountId, accountScope(actor, 'contact:read')))) throw accountNotFound();
  return withContacts(db, await plansRepo.itemsOf(db, accountId), businessDate(now, tz));
}

export async function getPlanItem(db: Executor, id: number, tz: string, now = new Date()) {
  const [item] = await withContacts(db, [(await plansRepo.item(db, id))!], businessDate(now, tz));
  return item!;
}

// ---------------------------------------------------------------- checks

async function checkContacts(trx: Executor, accountId: number, ids: number[]) {
  const seen = new Set<number>();
  const known = await plansRepo.contactsOfAccount(trx, accountId, ids);
  const issues = ids.flatMap((id, i) => {
    if (seen.has(id)) return [issue(`contactIds.${i}`, 'plans.contactDuplicate', 'The same person is listed twice')];
    seen.add(id);
    return known.has(id) ? [] : [issue(`contactIds.${i}`, 'plans.contactOtherAccount', 'Pick a contact of this account')];
  });
  if (issues.length) throw validationError(issues);
}

async function checkOwner(trx: Executor, ownerId: number) {
  if (!(await orgReads.activeUser(trx, ownerId))) throw validationError([issue('ownerId', 'plans.ownerNotActive', 'Not an active user')]);
}

function checkSchedule(startOn: string | null | undefined, dueOn: string | null | undefined) {
  if (startOn && dueOn && startOn > dueOn) throw validationError([issue('dueOn', 'plans.dueBeforeStart', 'The due date must not be before the start date')]);
}

/** Puts the item on its responsible person's to-do list. */
async function openTask(trx: Executor, actor: Actor, item: { id: number; account_id: number; owner_id: number; measures: string; notes: string | null; due_on: string | null }, accountName: string, ctx: PlanContext) {
  await createTask(
    trx,
    {
      ownerId: item.owner_id,
      title: planTaskTitle(accountName, item.measures),
      description: [item.measures, item.notes].filter(Boolean).join('\n\n'),
      dueAt: taskDueAt(item.due_on, ctx.tz),
      linkEntity: PLAN_TASK_ENTITY,
      linkId: item.id,
      linkUrl: planLink(item.account_id),
      source: 'plan',
      createdBy: actor.userId,
      actor,
    },
    ctx.notifier,
  );
}

// ---------------------------------------------------------------- writes

export async function createPlanItem(db: Kdb, actor: Actor, accountId: number, input: z.infer<typeof planItemCreate>, ctx: PlanContext) {
  checkSchedule(input.startOn, input.dueOn);
  return db.transaction().execute(async (trx) => {
    const account = await plansRepo.accountInScope(trx, accountId, accountScope(actor, 'contact:write'));
    if (!account) throw accountNotFound();
    await checkContacts(trx, accountId, input.contactIds);
    const ownerId = input.ownerId ?? actor.userId;
    await checkOwner(trx, ownerId);
    const row = await plansRepo.insertItem(trx, {
      account_id: accountId,
      level: input.level,
      our_relationship: input.ourRelationship ?? null,
      our_stage: input.ourStage ?? null,
      competitor: input.competitor ?? null,
      competitor_relationship: input.competitorRelationship ?? null,
      owner_id: ownerId,
      measures: input.measures,
      start_on: input.startOn ?? null,
      due_on: input.dueOn ?? null,
      notes: input.notes ?? null,
      status: input.status,
      created_by: actor.userId,
    });
    await plansRepo.setContacts(trx, row.id, input.contactIds);
    await openTask(trx, actor, row, account.name, ctx);
    await audit(trx, actor, { entity: 'account_plan_item', entityId: row.id, action: 'create', after: row, data: { accountId, contactIds: input.contactIds } });
    return row.id;
  });
}

const COLUMNS = {
  level: 'level',
  ourRelationship: 'our_relationship',
  ourStage: 'our_stage',
  competitor: 'competitor',
  competitorRelationship: 'competitor_relationship',
  ownerId: 'owner_id',
  measures: 'measures',
  startOn: 'start_on',
  dueOn: 'due_on',
  notes: 'notes',
  status: 'status',
} as const;

const AUDIT_ACTION = { none: 'update', reopen: 'reopen', cancelled: 'cancel', done: 'complete' } as const;

type Locked = NonNullable<Awaited<ReturnType<typeof plansRepo.itemForUpdate>>>;

const withItem = <T>(db: Kdb, actor: Actor, id: number, version: number, fn: (trx: Executor, before: Locked) => Promise<T>) =>
  withVersioned(db, (trx) => plansRepo.itemForUpdate(trx, id, accountScope(actor, 'contact:write')), version, { notFound, stale }, fn);

/** Closing fields for a transition; a reopened item forgets when and how it was closed. */
function closingValues(actor: Actor, transition: ReturnType<typeof planTransition>, doneOn?: string, outcome?: string): PlanItemValues {
  if (transition === 'done') return { status: 'done', done_on: doneOn, outcome, closed_at: new Date(), closed_by: actor.userId };
  if (transition === 'cancelled') return { status: 'cancelled', done_on: null, closed_at: new Date(), closed_by: actor.userId };
  if (transition === 'reopen') return { done_on: null, outcome: null, closed_at: null, closed_by: null };
  return {};
}

export async function updatePlanItem(db: Kdb, actor: Actor, id: number, input: z.infer<typeof planItemUpdate>, ctx: PlanContext) {
  return withItem(db, actor, id, input.version, async (trx, before) => {
    const { account_name: accountName, ...beforeRow } = before;
    checkSchedule(input.startOn === undefined ? before.start_on : input.startOn, input.dueOn === undefined ? before.due_on : input.dueOn);
    const beforeContacts = await plansRepo.contactIdsOf(trx, id);
    if (input.contactIds) {
      await checkContacts(trx, before.account_id, input.contactIds);
      await plansRepo.setContacts(trx, id, input.contactIds);
    }
    if (input.ownerId !== undefined && input.ownerId !== before.owner_id) await checkOwner(trx, input.ownerId);
    const transition = planTransition(before.status as PlanStatus, (input.status ?? before.status) as PlanStatus);
    const after = await plansRepo.updateItem(trx, id, { ...(columnValues(input, COLUMNS) as PlanItemValues), ...closingValues(actor, transition) });

    const ownerChanged = after.owner_id !== before.owner_id;
    if (transition === 'cancelled') {
      await closeTasksFor(trx, { linkEntity: PLAN_TASK_ENTITY, linkId: id, status: 'cancelled', actor });
    } else if (transition === 'reopen') {
      await openTask(trx, actor, after, accountName, ctx);
    } else if (isOpenPlanStatus(after.status)) {
      if (ownerChanged) {
        // the new responsible person gets a task of their own (and is told); the old one is withdrawn
        await closeTasksFor(trx, { linkEntity: PLAN_TASK_ENTITY, linkId: id, status: 'cancelled', actor });
        await openTask(trx, actor, after, accountName, ctx);
      } else if (after.measures !== before.measures || after.notes !== before.notes || after.due_on !== before.due_on) {
        await plansRepo.syncOpenTask(trx, id, {
          title: planTaskTitle(accountName, after.measures),
          description: [after.measures, after.notes].filter(Boolean).join('\n\n'),
          ...(after.due_on !== before.due_on && { dueAt: taskDueAt(after.due_on, ctx.tz) }),
        });
      }
    }
    const afterContacts = input.contactIds ?? beforeContacts;
    await audit(trx, actor, {
      entity: 'account_plan_item',
      entityId: id,
      action: AUDIT_ACTION[transition],
      before: { ...beforeRow, contact_ids: beforeContacts },
      after: { ...after, contact_ids: afterContacts },
    });
    return id;
  });
}

export async function completePlanItem(db: Kdb, actor: Actor, id: number, input: z.infer<typeof planItemComplete>, ctx: PlanContext, now = new Date()) {
  return withItem(db, actor, id, input.version, async (trx, before) => {
    if (!isOpenPlanStatus(before.status)) {
      throw new AppError('INVALID_STATE', 'Only a planned or running item can be completed', { path: 'status', status: before.status }, { key: 'plans.notOpen' });
    }
    const { account_name: _name, ...beforeRow } = before;
    const doneOn = input.doneOn ?? businessDate(now, ctx.tz);
    const after = await plansRepo.updateItem(trx, id, closingValues(actor, 'done', doneOn, input.outcome));
    await closeTasksFor(trx, { linkEntity: PLAN_TASK_ENTITY, linkId: id, status: 'done', actor });
    await audit(trx, actor, { entity: 'account_plan_item', entityId: id, action: 'complete', before: beforeRow, after });
    return id;
  });
}

export async function deletePlanItem(db: Kdb, actor: Actor, id: number, version: number) {
  await withItem(db, actor, id, version, async (trx, before) => {
    const { account_name: _name, ...beforeRow } = before;
    const contactIds = await plansRepo.contactIdsOf(trx, id);
    await closeTasksFor(trx, { linkEntity: PLAN_TASK_ENTITY, linkId: id, status: 'cancelled', actor });
    await plansRepo.deleteItem(trx, id);
    await audit(trx, actor, { entity: 'account_plan_item', entityId: id, action: 'delete', before: { ...beforeRow, contact_ids: contactIds } });
  });
}
