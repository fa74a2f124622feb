import { type MergePart } from '../../platform/parts';
import { seesAccount } from '../../platform/scope';
import { accountTab, wanted, when, type SourceEvent, type TimelineSource } from '../../platform/timeline';
import { needsRepo } from './needs.repo';

/** The account timeline (动态) of this room. */
export const timelineSources: TimelineSource[] = [
  {
    name: 'needs',
    kinds: ['need_added', 'need_closed', 'countermeasure_added', 'countermeasure_closed'],
    async events(db, actor, q) {
      if (!(await seesAccount(db, actor, 'account:read', q.accountId))) return [];
      const out: SourceEvent[] = [];
      const link = accountTab(q, 'needs');
      for (const closed of [false, true]) {
        const needKind = closed ? 'need_closed' : 'need_added';
        if (wanted(q, needKind)) {
          for (const r of await needsRepo.needEvents(db, q, closed, q.limit)) {
            out.push({ kind: needKind, id: r.id, at: when(r.at), dateOnly: false, actorId: r.actor_id, actorName: r.actor_name, params: { productType: r.product_type, status: r.status }, link });
          }
        }
        const measureKind = closed ? 'countermeasure_closed' : 'countermeasure_added';
        if (wanted(q, measureKind)) {
          for (const r of await needsRepo.countermeasureEvents(db, q, closed, q.limit)) {
            out.push({
              kind: measureKind,
              id: r.id,
              at: when(r.at),
              dateOnly: false,
              actorId: r.actor_id,
              actorName: r.actor_name,
              params: { problem: r.problem, status: r.status, direction: r.direction, name: r.contact_name },
              link,
            });
          }
        }
      }
      return out;
    },
  },
];

/** What moves from a duplicate account onto the one that stays. */
export const mergeParts: MergePart[] = [
  {
    name: 'needs',
    async count(trx, sourceId) {
      return (await needsRepo.countOfAccount(trx, sourceId)).needs;
    },
    move: (trx, ctx) => needsRepo.moveNeeds(trx, ctx.sourceId, ctx.targetId),
  },
  {
    name: 'countermeasures',
    async count(trx, sourceId) {
      return (await needsRepo.countOfAccount(trx, sourceId)).countermeasures;
    },
    move: (trx, ctx) => needsRepo.moveCountermeasures(trx, ctx.sourceId, ctx.targetId),
  },
];
