import type { z } from 'zod';
import type { Executor, Kdb } from '../../db/client';
import { AppError, issue, validationError } from '../../../shared/errors';
import type { accountAssign, categoriesChange, gradeChange, lifecycleChange, revenueUpdate, teamUpdate, LifecycleStage, SystemReasonKey } from '../../../shared/contracts/accounts';
import type { quadrantOverride } from '../../../shared/contracts/quadrant';
import type { Actor } from '../../platform/actor';
import { audit } from '../../platform/audit';
import { accountsRepo } from './accounts.repo';
import { canMoveLifecycle } from './accounts.rules';
import { SYSTEM_REASONS } from './accounts.fields';
import { categoriesText, clockOf, refreshDerived } from './accounts.derived.service';
import { loadSettings } from './accounts.settings.service';
import { assignableOwner, trueExpr, withAccount } from './accounts.service';

export async function changeLifecycle(db: Kdb, actor: Actor, id: number, input: z.infer<typeof lifecycleChange>, tz: string) {
  await withAccount(db, actor, id, 'account:update', input.version, 'lifecycle', async (trx, before) => {
    const from = before.lifecycle as LifecycleStage;
    if (!canMoveLifecycle(from, input.to)) {
      throw new AppError('INVALID_STATE', `Cannot move from ${from} to ${input.to}`, { path: 'to', from, to: input.to }, { key: 'accounts.lifecycleNotAllowed', params: { from, to: input.to } });
    }
    await accountsRepo.update(trx, id, input.version, { lifecycle: input.to });
    await accountsRepo.insertChanges(trx, [{ accountId: id, field: 'lifecycle', from, to: input.to, reason: input.reason, reasonKey: null, actorId: actor.userId }]);
    await refreshDerived(trx, id, actor, 'lifecycleChange', await loadSettings(trx), clockOf(tz));
  }, { reason: input.reason });
}

export async function changeGrade(db: Kdb, actor: Actor, id: number, input: z.infer<typeof gradeChange>) {
  await withAccount(db, actor, id, 'account:assign', input.version, 'grade', async (trx, before) => {
    await accountsRepo.update(trx, id, input.version, { grade: input.grade });
    if (before.grade !== input.grade) await accountsRepo.insertChanges(trx, [{ accountId: id, field: 'grade', from: before.grade, to: input.grade, reason: input.reason, reasonKey: null, actorId: actor.userId }]);
  }, { reason: input.reason });
}

/**
 * For the pipeline: a development project's value assessment grades its account (PIPE-3). In the
 * caller's transaction; a new grade bumps the account's version, is recorded in the change
 * history with reason key 'assessment' and audited. Returns whether the grade changed.
 */
export async function gradeFromAssessment(trx: Executor, actor: Actor, accountId: number, grade: string, data?: Record<string, unknown>): Promise<boolean> {
  const before = await accountsRepo.findForUpdate(trx, accountId, trueExpr);
  if (!before || before.grade === grade) return false;
  await accountsRepo.update(trx, accountId, before.version, { grade });
  await accountsRepo.insertChanges(trx, [{ accountId, field: 'grade', from: before.grade, to: grade, reason: SYSTEM_REASONS.assessment, reasonKey: 'assessment', actorId: actor.userId }]);
  const after = await accountsRepo.findForUpdate(trx, accountId, trueExpr);
  await audit(trx, actor, { entity: 'account', entityId: accountId, action: 'grade', before, after, data: { reasonKey: 'assessment', ...data } });
  return true;
}

export async function changeCategories(db: Kdb, actor: Actor, id: number, input: z.infer<typeof categoriesChange>, tz: string) {
  await withAccount(db, actor, id, 'account:assign', input.version, 'categories', async (trx, before) => {
    // 高价值: true/false is the director's override, null hands it back to the contracts (decision 014; the recompute below derives it)
    const override = input.highValue === undefined ? before.high_value_override : input.highValue;
    const next = { ...before, cat_strategic: input.strategic ?? before.cat_strategic, cat_high_value: input.highValue ?? before.cat_high_value, high_value_override: override };
    await accountsRepo.update(trx, id, input.version, { cat_strategic: next.cat_strategic, cat_high_value: next.cat_high_value, high_value_override: override });
    const from = categoriesText(before);
    const to = categoriesText(next);
    if (from !== to) await accountsRepo.insertChanges(trx, [{ accountId: id, field: 'categories', from, to, reason: input.reason, reasonKey: null, actorId: actor.userId }]);
    await refreshDerived(trx, id, actor, 'categoriesChange', await loadSettings(trx), clockOf(tz));
  }, { reason: input.reason });
}

/** The director sets the quadrant by hand (kept until cleared) or clears it; either way with a reason in the history. */
export async function overrideQuadrant(db: Kdb, actor: Actor, id: number, input: z.infer<typeof quadrantOverride>) {
  await withAccount(db, actor, id, 'account:assign', input.version, 'quadrant', async (trx, before) => {
    if (input.quadrant === null && before.quadrant_override === null) {
      throw validationError([issue('quadrant', 'accounts.quadrantNoOverride', 'The quadrant is not set by hand; there is nothing to clear')]);
    }
    const set = input.quadrant !== null;
    await accountsRepo.update(trx, id, input.version, {
      quadrant_override: input.quadrant,
      quadrant_override_reason: set ? input.reason : null,
      quadrant_override_by: set ? actor.userId : null,
      quadrant_override_at: set ? new Date() : null,
      quadrant: input.quadrant ?? before.quadrant_computed,
    });
    const to = input.quadrant ?? before.quadrant_computed;
    await accountsRepo.insertChanges(trx, [{ accountId: id, field: 'quadrant', from: before.quadrant, to, reason: input.reason, reasonKey: null, actorId: actor.userId }]);
  }, { reason: input.reason, quadrant: input.quadrant });
}

export async function assignAccount(db: Kdb, actor: Actor, id: number, input: z.infer<typeof accountAssign>) {
  await withAccount(db, actor, id, 'account:assign', input.version, 'assign', async (trx, before) => {
    const owner = await assignableOwner(trx, actor, input.ownerId, 'ownerId');
    let unitId = owner.unit_id;
    if (input.unitId !== undefined) {
      if (!(await accountsRepo.unitExists(trx, input.unitId))) throw validationError([issue('unitId', 'accounts.unitNotFound', 'No such org unit')]);
      unitId = input.unitId;
    }
    await accountsRepo.update(trx, id, input.version, { owner_id: owner.id, unit_id: unitId });
    const changes = [];
    if (before.owner_id !== owner.id) changes.push({ accountId: id, field: 'owner', from: String(before.owner_id), to: String(owner.id), reason: input.reason, reasonKey: null, actorId: actor.userId });
    if (before.unit_id !== unitId) changes.push({ accountId: id, field: 'unit', from: String(before.unit_id), to: String(unitId), reason: input.reason, reasonKey: null, actorId: actor.userId });
    await accountsRepo.insertChanges(trx, changes);
  }, { reason: input.reason });
}

export async function replaceTeam(db: Kdb, actor: Actor, id: number, input: z.infer<typeof teamUpdate>, tz: string) {
  const seen = new Set<string>();
  input.members.forEach((m, i) => {
    const k = `${m.userId}:${m.role}`;
    if (seen.has(k)) throw validationError([issue(`members.${i}`, 'accounts.teamDuplicate', 'The same person is listed twice in this role')]);
    seen.add(k);
  });
  await withAccount(db, actor, id, 'account:update', input.version, 'team', async (trx) => {
    const ids = [...new Set(input.members.map((m) => m.userId))];
    const active = new Set((await accountsRepo.activeUsers(trx, ids)).map((u) => u.id));
    const bad = input.members.findIndex((m) => !active.has(m.userId));
    if (bad >= 0) throw validationError([issue(`members.${bad}.userId`, 'accounts.teamUserInactive', 'Not an active user')]);
    await accountsRepo.replaceTeam(trx, id, input.members);
    await accountsRepo.update(trx, id, input.version, {});
    await refreshDerived(trx, id, actor, 'teamUpdate', await loadSettings(trx), clockOf(tz));
  }, { members: input.members });
}

export async function replaceRevenue(db: Kdb, actor: Actor, id: number, input: z.infer<typeof revenueUpdate>, tz: string) {
  const seen = new Set<string>();
  input.rows.forEach((r, i) => {
    const k = `${r.year}:${r.source}`;
    if (seen.has(k)) throw validationError([issue(`rows.${i}`, 'accounts.revenueDuplicate', 'One row per year and source')]);
    seen.add(k);
  });
  await withAccount(db, actor, id, 'account:update', input.version, 'revenue', async (trx) => {
    await accountsRepo.replaceRevenue(trx, id, input.rows);
    await accountsRepo.update(trx, id, input.version, {});
    await refreshDerived(trx, id, actor, 'revenueUpdate', await loadSettings(trx), clockOf(tz));
  }, { rows: input.rows });
}

/**
 * For the rooms that move an account's lifecycle as part of their own change (the recovery plan: 预警 when
 * it opens, 挽回 or 流失 when it closes), in their transaction. Moves only along LIFECYCLE_TRANSITIONS
 * (returns the stage it left, or null when the move is not allowed or the account is already there);
 * records the change with the person's reason, or with a system reason key (actor null) whose text the
 * reason carries; audited. Like the automatic moves it leaves the version alone, so open editors stay valid.
 */
export async function moveLifecycle(
  trx: Executor,
  input: { accountId: number; to: LifecycleStage; reason: string; reasonKey?: SystemReasonKey | null; actor: Actor | null; at?: Date },
): Promise<LifecycleStage | null> {
  const before = await accountsRepo.findForUpdate(trx, input.accountId, trueExpr);
  if (!before) return null;
  const from = before.lifecycle as LifecycleStage;
  if (!canMoveLifecycle(from, input.to)) return null;
  await accountsRepo.setLifecycle(trx, input.accountId, input.to);
  await accountsRepo.insertChanges(trx, [{ accountId: input.accountId, field: 'lifecycle', from, to: input.to, reason: input.reason, reasonKey: input.reasonKey ?? null, actorId: input.actor?.userId ?? null, at: input.at }]);
  await audit(trx, input.actor, { entity: 'account', entityId: input.accountId, action: 'lifecycle', before: { lifecycle: from }, after: { lifecycle: input.to }, data: { reason: input.reason, reasonKey: input.reasonKey ?? null } });
  return from;
}
