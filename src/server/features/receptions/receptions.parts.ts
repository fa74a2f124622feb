import { can } from '../../platform/actor';
import { audit } from '../../platform/audit';
import { type HandoverPart, type MergePart } from '../../platform/parts';
import { ownedScope } from '../../platform/scope';
import { boundFor, type TimelineSource } from '../../platform/timeline';
import { receptionsRepo } from './receptions.repo';

/** The account timeline (动态) of this room. */
export const timelineSources: TimelineSource[] = [
  {
    name: 'receptions',
    kinds: ['reception'],
    async events(db, actor, q) {
      if (!can(actor, 'reception:read') || !q.kinds.has('reception')) return [];
      const rows = await receptionsRepo.timelineEvents(db, q.accountId, ownedScope('receptions', actor, 'reception:read'), boundFor('reception', q.before), q.limit);
      return rows.map((r) => ({
        kind: 'reception' as const,
        id: r.id,
        at: r.at instanceof Date ? r.at : new Date(r.at),
        dateOnly: false,
        actorId: r.owner_id,
        actorName: r.owner_name,
        params: { kind: r.kind, status: r.status, reportStatus: r.report_status, level: r.level, place: r.place },
        link: `/receptions/${r.id}`,
      }));
    },
  },
];

/** What moves from a duplicate account onto the one that stays. */
export const mergeParts: MergePart[] = [
  {
    name: 'receptions',
    count: (trx, sourceId) => receptionsRepo.countOfAccount(trx, sourceId),
    async move(trx, ctx) {
      const rows = await receptionsRepo.moveToAccount(trx, ctx.sourceId, ctx.targetId);
      for (const r of rows) await audit(trx, ctx.actor, { entity: 'reception', entityId: r.id, action: 'merge', before: { account_id: ctx.sourceId }, after: { account_id: ctx.targetId } });
      return rows.length;
    },
  },
];

/** What a leaving user of this room holds. */
export const handoverParts: HandoverPart[] = [
  {
    name: 'receptions',
    needsSuccessor: true,
    async preview(trx, userId, limit) {
      return { count: await receptionsRepo.countLiveOwned(trx, userId), items: await receptionsRepo.firstLiveOwned(trx, userId, limit) };
    },
    async transfer(trx, ctx) {
      if (ctx.successorId === null) throw new Error('handover part needs a successor');
      const to = ctx.successorId;
      const rows = await receptionsRepo.moveLiveOwned(trx, ctx.userId, to);
      for (const r of rows) await audit(trx, ctx.actor, { entity: 'reception', entityId: r.id, action: 'handover', before: { owner_id: ctx.userId }, after: { owner_id: to, unit_id: r.unit_id } });
      return rows.length;
    },
  },
];
