import { mergeRepo } from './merge.repo';
import { mergeLedgers, mergeTeams } from './merge.rules';
import { audit } from '../../platform/audit';
import { successorOf, type HandoverPart, type MergePart } from '../../platform/parts';
import { seesAccount } from '../../platform/scope';
import { accountTab, reasonParams, wanted, when, type SourceEvent, type TimelineSource } from '../../platform/timeline';
import { accountsRepo } from './accounts.repo';

/** The account timeline (动态) of this room. */
export const timelineSources: TimelineSource[] = [
  {
    name: 'accounts',
    kinds: ['account_created', 'account_change', 'account_merged'],
    async events(db, actor, q) {
      if (!(await seesAccount(db, actor, 'account:read', q.accountId))) return [];
      const out: SourceEvent[] = [];
      if (wanted(q, 'account_created')) {
        for (const r of await accountsRepo.accountCreated(db, q)) {
          out.push({ kind: 'account_created', id: r.id, at: when(r.at), dateOnly: false, actorId: r.actor_id, actorName: r.actor_name, params: { name: r.name }, link: null });
        }
      }
      if (wanted(q, 'account_change')) {
        for (const r of await accountsRepo.accountChanges(db, q, false, q.limit)) {
          out.push({
            kind: 'account_change',
            id: r.id,
            at: when(r.at),
            dateOnly: false,
            actorId: r.actor_id,
            actorName: r.actor_name,
            params: { field: r.field, from: r.from_name ?? r.from_value, to: r.to_name ?? r.to_value, ...reasonParams(r.reason, r.reason_key) },
            link: accountTab(q, 'changes'),
          });
        }
      }
      if (wanted(q, 'account_merged')) {
        for (const r of await accountsRepo.accountChanges(db, q, true, q.limit)) {
          out.push({ kind: 'account_merged', id: r.id, at: when(r.at), dateOnly: false, actorId: r.actor_id, actorName: r.actor_name, params: { source: r.from_value, reason: r.reason }, link: null });
        }
      }
      return out;
    },
  },
];

/** What moves from a duplicate account onto the one that stays. */
export const mergeParts: MergePart[] = [
  {
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
  },
  {
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
  },
  {
    name: 'children',
    count: (trx, sourceId) => mergeRepo.countChildren(trx, sourceId),
    async move(trx, ctx) {
      const rows = await mergeRepo.moveChildren(trx, ctx.sourceId, ctx.targetId);
      for (const r of rows) await audit(trx, ctx.actor, { entity: 'account', entityId: r.id, action: 'merge', before: { parent_id: ctx.sourceId }, after: { parent_id: ctx.targetId } });
      return rows.length;
    },
  },
  {
    name: 'changes',
    count: (trx, sourceId) => mergeRepo.countChanges(trx, sourceId),
    move: (trx, ctx) => mergeRepo.moveChanges(trx, ctx.sourceId, ctx.targetId),
  },
];

/** What a leaving user of this room holds. */
export const handoverParts: HandoverPart[] = [
  {
    name: 'accounts',
    needsSuccessor: true,
    async preview(trx, userId, limit) {
      return { count: await accountsRepo.countOwnedBy(trx, userId), items: await accountsRepo.firstOwnedBy(trx, userId, limit) };
    },
    async transfer(trx, ctx) {
      const to = successorOf(ctx);
      const rows = await accountsRepo.moveOwnedTo(trx, ctx.userId, to, ctx.actor.via === 'system' ? null : ctx.actor.userId);
      for (const r of rows) await audit(trx, ctx.actor, { entity: 'account', entityId: r.id, action: 'handover', before: { owner_id: ctx.userId }, after: { owner_id: to }, data: { reason: 'handover' } });
      return rows.length;
    },
  },
];
