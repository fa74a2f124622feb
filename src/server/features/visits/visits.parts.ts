import { can } from '../../platform/actor';
import { audit } from '../../platform/audit';
import { type HandoverPart, type MergePart } from '../../platform/parts';
import { ownedScope } from '../../platform/scope';
import { wanted, when, type TimelineSource } from '../../platform/timeline';
import { visitsRepo } from './visits.repo';

/** The account timeline (动态) of this room. */
export const timelineSources: TimelineSource[] = [
  /** ACT-1..3: the account's recorded visits, in the caller's visit:read scope. */
  {
    name: 'visits',
    kinds: ['visit'],
    async events(db, actor, q) {
      if (!can(actor, 'visit:read') || !wanted(q, 'visit')) return [];
      const rows = await visitsRepo.visitEvents(db, q, ownedScope('visits', actor, 'visit:read'), q.limit);
      return rows.map((r) => ({
        kind: 'visit' as const,
        id: r.id,
        at: when(r.at),
        dateOnly: false,
        actorId: r.actor_id,
        actorName: r.actor_name,
        params: { purpose: r.purpose, result: r.result, n: r.contact_seq, met: r.met_name },
        link: `/visits/${r.id}`,
      }));
    },
  },
];

/** What moves from a duplicate account onto the one that stays. */
export const mergeParts: MergePart[] = [
  /** Visits hang off an account (merge) and belong to their visitor (departure handover). */
  {
    name: 'visits',
    count: (trx, sourceId) => visitsRepo.countOfAccount(trx, sourceId),
    async move(trx, ctx) {
      const rows = await visitsRepo.moveToAccount(trx, ctx.sourceId, ctx.targetId);
      for (const r of rows) await audit(trx, ctx.actor, { entity: 'visit', entityId: r.id, action: 'merge', before: { account_id: ctx.sourceId }, after: { account_id: ctx.targetId } });
      return rows.length;
    },
  },
];

/** What a leaving user of this room holds. */
export const handoverParts: HandoverPart[] = [
  {
    name: 'visits',
    needsSuccessor: true,
    async preview(trx, userId, limit) {
      return { count: await visitsRepo.countLiveOwned(trx, userId), items: await visitsRepo.firstLiveOwned(trx, userId, limit) };
    },
    async transfer(trx, ctx) {
      if (ctx.successorId === null) throw new Error('visits handover needs a successor');
      const to = ctx.successorId;
      const rows = await visitsRepo.moveLiveOwned(trx, ctx.userId, to);
      for (const r of rows) await audit(trx, ctx.actor, { entity: 'visit', entityId: r.id, action: 'handover', before: { owner_id: ctx.userId }, after: { owner_id: to, unit_id: r.unit_id } });
      return rows.length;
    },
  },
];
