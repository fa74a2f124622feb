import type { z } from 'zod';
import type { Executor, Kdb } from '../../db/client';
import { AppError, issue, validationError } from '../../../shared/errors';
import type { mergeBody } from '../../../shared/contracts/merge';
import { can, type Actor } from '../../platform/actor';
import { audit } from '../../platform/audit';
import { accountsRepo } from './accounts.repo';
import { refreshAccount } from './accounts.derived.service';
import { PROFILE_COLUMNS, TRADE_TERMS, profileValues, type ProfileKey } from './accounts.fields';
import { wouldCycle } from './accounts.rules';
import type { MergePart } from '../../platform/parts';
import { mergeRepo } from './merge.repo';
import { fillableFields } from './merge.rules';
import { accountReachable, accountScope } from '../../platform/scope';


const targetNotFound = () => new AppError('NOT_FOUND', 'Account not found', undefined, { key: 'accounts.notFound' });
const sourceNotFound = () => new AppError('NOT_FOUND', 'The account to merge was not found', { path: 'sourceId' }, { key: 'merge.sourceNotFound' });
const stale = () => new AppError('STALE_VERSION', 'One of the accounts was changed by someone else; reload and try again', undefined, { key: 'merge.stale' });

/** vip is a flag rather than a value one side may lack, so the target's stays. */
const FILL_FIELDS = (Object.keys(PROFILE_COLUMNS) as ProfileKey[]).filter((f) => f !== 'vip');

type Locked = Awaited<ReturnType<typeof mergeRepo.lockPair>>[number];
const asFields = (row: Locked) => Object.fromEntries(FILL_FIELDS.map((f) => [f, row[PROFILE_COLUMNS[f]]])) as Record<ProfileKey, unknown>;

/** Both accounts in the caller's account:merge scope, checked for a self-merge and a group loop. */
async function pair(trx: Executor, actor: Actor, targetId: number, sourceId: number) {
  const rows = await mergeRepo.lockPair(trx, [targetId, sourceId], accountScope(actor, 'account:merge'));
  const target = rows.find((r) => r.id === targetId);
  if (!target) throw targetNotFound();
  if (targetId === sourceId) throw validationError([issue('sourceId', 'merge.self', 'An account cannot be merged into itself')]);
  const source = rows.find((r) => r.id === sourceId);
  if (!source) throw sourceNotFound();
  // the source's children come under the target: if the target is one of them (or below one), it would be its own ancestor
  if ((await accountsRepo.ancestors(trx, targetId)).includes(sourceId)) {
    throw validationError([issue('sourceId', 'merge.cycle', 'The target belongs to the group under this account; merge the other way round')]);
  }
  return { target, source };
}

/**
 * The target's empty fields the source can fill. The source's parent is left out when it is the
 * target, would loop the group, or lies outside what the caller may see (as when editing a parent).
 */
async function fillPlan(trx: Executor, actor: Actor, target: Locked, source: Locked) {
  const fields = fillableFields(asFields(target), asFields(source), FILL_FIELDS);
  const parentId = source.parent_id;
  const parentOk =
    parentId !== null &&
    !wouldCycle(target.id, parentId, await accountsRepo.ancestors(trx, parentId)) &&
    (await accountReachable(trx, parentId, accountScope(actor, 'account:read')));
  return fields.filter((f) => f !== 'parentId' || parentOk);
}

export async function previewMerge(db: Kdb, actor: Actor, mergeParts: readonly MergePart[], targetId: number, sourceId: number) {
  return db.transaction().execute(async (trx) => {
    const { target, source } = await pair(trx, actor, targetId, sourceId);
    const parts = [];
    for (const part of mergeParts) parts.push({ key: part.name, count: await part.count(trx, sourceId) });
    const tradeTerms = can(actor, 'account:trade-terms');
    const fields = [];
    for (const field of await fillPlan(trx, actor, target, source)) {
      const hidden = !tradeTerms && (TRADE_TERMS as readonly string[]).includes(field);
      const raw = source[PROFILE_COLUMNS[field]] as string | number | boolean | null;
      const value = hidden ? null : field === 'parentId' ? await mergeRepo.accountName(trx, raw as number) : raw;
      fields.push({ field, value, hidden });
    }
    return { target, source, parts, fields };
  });
}

/**
 * Moves everything of the source onto the target in one transaction: every registered part,
 * then the target's empty profile fields, then deletes the source. The source's full row stays
 * in the audit trail; the target's history gets a 'merged' entry and its classification and
 * completeness are recomputed.
 */
export async function mergeAccounts(db: Kdb, actor: Actor, mergeParts: readonly MergePart[], targetId: number, input: z.infer<typeof mergeBody>, tz: string) {
  return db.transaction().execute(async (trx) => {
    const { target, source } = await pair(trx, actor, targetId, input.sourceId);
    if (target.version !== input.version || source.version !== input.sourceVersion) throw stale();
    const filled = await fillPlan(trx, actor, target, source);

    const ctx = { actor, targetId, sourceId: source.id };
    const moved: { key: string; count: number }[] = [];
    for (const part of mergeParts) moved.push({ key: part.name, count: await part.move(trx, ctx) });

    const sourceFields = asFields(source);
    // the credit code is unique: the source lets go of it before the target takes it
    if (filled.includes('creditCode')) await mergeRepo.clearCreditCode(trx, source.id);
    const values = profileValues(Object.fromEntries(filled.map((f) => [f, sourceFields[f]])));
    if (!(await accountsRepo.update(trx, targetId, input.version, values))) throw stale();
    await accountsRepo.insertChanges(trx, [{ accountId: targetId, field: 'merged', from: source.name, to: target.name, reason: input.reason, reasonKey: null, actorId: actor.userId }]);

    const { owner_name: _o, unit_name: _u, ...sourceRow } = source;
    await audit(trx, actor, { entity: 'account', entityId: source.id, action: 'merged_into', before: sourceRow, data: { targetId, reason: input.reason, parts: moved } });
    await mergeRepo.deleteAccount(trx, source.id);

    await refreshAccount(trx, targetId, actor, 'merge', tz);
    // the source's parent lost a child (and gained the target when that parent was filled in)
    if (source.parent_id !== null && source.parent_id !== targetId) await refreshAccount(trx, source.parent_id, actor, 'groupChange', tz);

    const { owner_name: _to, unit_name: _tu, ...targetRow } = target;
    const after = await accountsRepo.findForUpdate(trx, targetId, accountScope(actor, 'account:merge'));
    await audit(trx, actor, { entity: 'account', entityId: targetId, action: 'merge', before: targetRow, after, data: { sourceId: source.id, sourceName: source.name, reason: input.reason, parts: moved, filledFields: filled } });
    return { targetId, sourceId: source.id, parts: moved, filledFields: filled };
  });
}
