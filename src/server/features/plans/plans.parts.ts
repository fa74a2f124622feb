import { openCountermeasures } from '../needs';
import { audit } from '../../platform/audit';
import { successorOf, type HandoverPart, type MergePart } from '../../platform/parts';
import { seesAccount } from '../../platform/scope';
import { accountTab, wanted, when, type SourceEvent, type TimelineSource } from '../../platform/timeline';
import { plansRepo } from './plans.repo';

/** The account timeline (动态) of this room. */
export const timelineSources: TimelineSource[] = [
  {
    name: 'plans',
    kinds: ['plan_item_created', 'plan_item_closed'],
    async events(db, actor, q) {
      if (!(await seesAccount(db, actor, 'contact:read', q.accountId))) return [];
      const out: SourceEvent[] = [];
      for (const closed of [false, true]) {
        const kind = closed ? 'plan_item_closed' : 'plan_item_created';
        if (!wanted(q, kind)) continue;
        for (const r of await plansRepo.planItemEvents(db, q, closed, q.limit)) {
          out.push({
            kind,
            id: r.id,
            at: when(r.at),
            dateOnly: false,
            actorId: r.actor_id,
            actorName: r.actor_name,
            params: { level: r.level, measures: r.measures, status: r.status, outcome: r.outcome, owner: r.owner_name, doneOn: r.done_on },
            link: accountTab(q, 'plan'),
          });
        }
      }
      return out;
    },
  },
];

/** What moves from a duplicate account onto the one that stays. */
export const mergeParts: MergePart[] = [
  {
    name: 'planItems',
    count: (trx, sourceId) => plansRepo.countOfAccount(trx, sourceId),
    move: (trx, ctx) => plansRepo.moveItems(trx, ctx.sourceId, ctx.targetId),
  },
];

/** What a leaving user of this room holds. */
export const handoverParts: HandoverPart[] = [
  // After 'tasks': an item's open task follows the item to its successor, whoever took the other tasks.
  {
    name: 'plans',
    needsSuccessor: true,
    async preview(trx, userId, limit) {
      const [items, measures] = await Promise.all([plansRepo.countOpenItems(trx, userId), openCountermeasures.count(trx, userId)]);
      const first = await plansRepo.firstOpenItems(trx, userId, limit);
      const rest = first.length < limit ? await openCountermeasures.first(trx, userId, limit - first.length) : [];
      return { count: items + measures, items: [...first, ...rest] };
    },
    async transfer(trx, ctx) {
      const to = successorOf(ctx);
      const { items, tasks } = await plansRepo.moveOpenItems(trx, ctx.userId, to);
      for (const r of items) await audit(trx, ctx.actor, { entity: 'account_plan_item', entityId: r.id, action: 'handover', before: { owner_id: ctx.userId }, after: { owner_id: to } });
      for (const t of tasks) await audit(trx, ctx.actor, { entity: 'task', entityId: t.id, action: 'handover', before: { owner_id: t.owner_id }, after: { owner_id: to }, data: { reason: 'plan item handover' } });
      const measures = await openCountermeasures.move(trx, ctx.userId, to);
      for (const r of measures) await audit(trx, ctx.actor, { entity: 'account_countermeasure', entityId: r.id, action: 'handover', before: { owner_id: ctx.userId }, after: { owner_id: to } });
      return items.length + measures.length;
    },
  },
];
