import type { Executor } from '../../db/client';
import type { Actor } from '../../platform/actor';
import { audit } from '../../platform/audit';
import { accountsRepo } from '../accounts/accounts.repo';
import { needsRepo } from '../needs/needs.repo';
import { plansRepo } from '../plans/plans.repo';
import { opportunityOwnershipRepo } from '../pipeline/ownership.repo';
import { giftsRepo } from '../gifts/gifts.repo';
import { mergeRepo } from './merge.repo';
import { tripsRepo } from '../trips/trips.repo';
import { contactLogRepo } from '../contact-log/contact-log.repo';
import { mergeLedgers, mergeTeams } from './merge.rules';

export interface MergeContext {
  actor: Actor;
  /** the account that stays */
  targetId: number;
  /** the duplicate that is merged away and deleted */
  sourceId: number;
}

/**
 * One kind of thing that hangs off an account. A feature that adds such a thing (visits,
 * contracts, opportunities …) registers a part here; the merge service and the web dialog pick it
 * up without change. `move` runs inside the one merge transaction, before the source is deleted:
 * whatever a part leaves behind on the source goes with it (or blocks the delete).
 */
export interface MergePart {
  name: string;
  count(trx: Executor, sourceId: number): Promise<number>;
  move(trx: Executor, ctx: MergeContext): Promise<number>;
}

const parts = new Map<string, MergePart>();

export function registerMergePart(part: MergePart): void {
  parts.set(part.name, part);
}

export function mergeParts(): MergePart[] {
  return [...parts.values()];
}

registerMergePart({
  name: 'contacts',
  count: (trx, sourceId) => mergeRepo.countContacts(trx, sourceId),
  async move(trx, ctx) {
    // their relationship history and reporting lines travel with them
    const rows = await mergeRepo.moveContacts(trx, ctx.sourceId, ctx.targetId);
    for (const r of rows) await audit(trx, ctx.actor, { entity: 'contact', entityId: r.id, action: 'merge', before: { account_id: ctx.sourceId }, after: { account_id: ctx.targetId } });
    return rows.length;
  },
});

registerMergePart({
  name: 'revenue',
  async count(trx, sourceId) {
    return (await accountsRepo.revenueRows(trx, sourceId)).length;
  },
  async move(trx, ctx) {
    const [target, source] = await Promise.all([accountsRepo.revenueRows(trx, ctx.targetId), accountsRepo.revenueRows(trx, ctx.sourceId)]);
    if (!source.length) return 0;
    const num = (rows: typeof target) => rows.map((r) => ({ ...r, amount: Number(r.amount) }));
    await accountsRepo.replaceRevenue(trx, ctx.targetId, mergeLedgers(num(target), num(source)));
    await accountsRepo.replaceRevenue(trx, ctx.sourceId, []);
    return source.length;
  },
});

registerMergePart({
  name: 'team',
  async count(trx, sourceId) {
    return (await accountsRepo.team(trx, sourceId)).length;
  },
  async move(trx, ctx) {
    const members = async (id: number) => (await accountsRepo.team(trx, id)).map((m) => ({ userId: m.user_id, role: m.role }));
    const [target, source] = await Promise.all([members(ctx.targetId), members(ctx.sourceId)]);
    if (!source.length) return 0;
    await accountsRepo.replaceTeam(trx, ctx.targetId, mergeTeams(target, source));
    await accountsRepo.replaceTeam(trx, ctx.sourceId, []);
    return source.length;
  },
});

registerMergePart({
  name: 'children',
  count: (trx, sourceId) => mergeRepo.countChildren(trx, sourceId),
  async move(trx, ctx) {
    const rows = await mergeRepo.moveChildren(trx, ctx.sourceId, ctx.targetId);
    for (const r of rows) await audit(trx, ctx.actor, { entity: 'account', entityId: r.id, action: 'merge', before: { parent_id: ctx.sourceId }, after: { parent_id: ctx.targetId } });
    return rows.length;
  },
});

registerMergePart({
  name: 'changes',
  count: (trx, sourceId) => mergeRepo.countChanges(trx, sourceId),
  move: (trx, ctx) => mergeRepo.moveChanges(trx, ctx.sourceId, ctx.targetId),
});

registerMergePart({
  name: 'tasks',
  count: (trx, sourceId) => mergeRepo.countTasks(trx, sourceId),
  async move(trx, ctx) {
    const rows = await mergeRepo.moveTasks(trx, ctx.sourceId, ctx.targetId);
    for (const r of rows) await audit(trx, ctx.actor, { entity: 'task', entityId: r.id, action: 'merge', data: { fromAccount: ctx.sourceId, toAccount: ctx.targetId } });
    return rows.length;
  },
});

registerMergePart({
  name: 'needs',
  async count(trx, sourceId) {
    return (await needsRepo.countOfAccount(trx, sourceId)).needs;
  },
  move: (trx, ctx) => needsRepo.moveNeeds(trx, ctx.sourceId, ctx.targetId),
});

registerMergePart({
  name: 'countermeasures',
  async count(trx, sourceId) {
    return (await needsRepo.countOfAccount(trx, sourceId)).countermeasures;
  },
  move: (trx, ctx) => needsRepo.moveCountermeasures(trx, ctx.sourceId, ctx.targetId),
});

registerMergePart({
  name: 'planItems',
  count: (trx, sourceId) => plansRepo.countOfAccount(trx, sourceId),
  move: (trx, ctx) => plansRepo.moveItems(trx, ctx.sourceId, ctx.targetId),
});

registerMergePart({
  name: 'opportunities',
  count: (trx, sourceId) => opportunityOwnershipRepo.countOfAccount(trx, sourceId),
  async move(trx, ctx) {
    const rows = await opportunityOwnershipRepo.moveToAccount(trx, ctx.sourceId, ctx.targetId);
    for (const r of rows) await audit(trx, ctx.actor, { entity: 'opportunity', entityId: r.id, action: 'merge', before: { account_id: ctx.sourceId }, after: { account_id: ctx.targetId } });
    return rows.length;
  },
});

// ACT-8 gifts: plan lines and applications go with their account (recipients move with the contacts part)
registerMergePart({
  name: 'giftPlans',
  count: async (trx, sourceId) => (await giftsRepo.countOfAccount(trx, sourceId)).plans,
  move: (trx, ctx) => giftsRepo.movePlans(trx, ctx.sourceId, ctx.targetId),
});

registerMergePart({
  name: 'giftApplications',
  count: async (trx, sourceId) => (await giftsRepo.countOfAccount(trx, sourceId)).applications,
  move: (trx, ctx) => giftsRepo.moveApplications(trx, ctx.sourceId, ctx.targetId),
});

/** Business trips that list the duplicate as an account to visit now list the one that stays. */
registerMergePart({
  name: 'tripAccounts',
  count: (trx, sourceId) => tripsRepo.countAccountLinks(trx, sourceId),
  move: (trx, ctx) => tripsRepo.moveAccountLinks(trx, ctx.sourceId, ctx.targetId),
});

registerMergePart({
  name: 'contactLogs',
  count: (trx, sourceId) => contactLogRepo.countOfAccount(trx, sourceId),
  move: (trx, ctx) => contactLogRepo.moveToAccount(trx, ctx.sourceId, ctx.targetId),
});
