import { audit } from '../../platform/audit';
import { ownedRecordsPart, type HandoverPart, type MergePart } from '../../platform/parts';
import { seesAccount } from '../../platform/scope';
import { wanted, when, type SourceEvent, type TimelineSource } from '../../platform/timeline';
import { after, ms } from '../../platform/timeline.repo';
import { recoveryRepo as repo } from './recovery.repo';
import { ENTITY } from './recovery.service';

/** The account timeline (动态): a plan opened (by the health or a person, with the reason) and closed (won back or lost, with the reason). */
export const timelineSources: TimelineSource[] = [
  {
    name: 'recovery',
    kinds: ['recovery_opened', 'recovery_closed'],
    async events(db, actor, q) {
      if (!(await seesAccount(db, actor, 'recovery:read', q.accountId))) return [];
      const out: SourceEvent[] = [];
      for (const which of ['opened', 'closed'] as const) {
        const kind = which === 'opened' ? 'recovery_opened' : 'recovery_closed';
        if (!wanted(q, kind)) continue;
        const column = which === 'opened' ? 'p.opened_at' : 'p.closed_at';
        for (const r of await repo.timeline(db, q.accountId, which, after(kind, q, ms(column), 'p.id'), q.limit)) {
          out.push({
            kind,
            id: r.id,
            at: when(r.at),
            dateOnly: false,
            actorId: r.actor_id,
            actorName: r.actor_name,
            params: { trigger: r.trigger, state: r.state, reason: which === 'opened' ? r.reason : (r.outcome_reason ?? '') },
            link: `/recovery/${r.id}`,
          });
        }
      }
      return out;
    },
  },
];

/**
 * A merge moves the duplicate's plans to the account that stays; when both have an open plan, the
 * duplicate's is closed as lost ("merged") first, so the one that stays keeps the single open plan.
 */
export const mergeParts: MergePart[] = [
  {
    name: 'recovery',
    count: (trx, sourceId) => repo.countOfAccount(trx, sourceId),
    async move(trx, ctx) {
      const [source, target] = await Promise.all([repo.openOf(trx, ctx.sourceId), repo.openOf(trx, ctx.targetId)]);
      if (source && target) {
        await repo.update(trx, source.id, { state: 'lost', closed_at: new Date(), closed_by: ctx.actor.userId, outcome_reason: 'merged' });
        await audit(trx, ctx.actor, { entity: ENTITY, entityId: source.id, action: 'merge', before: { state: source.state }, after: { state: 'lost', outcome_reason: 'merged' } });
      }
      const rows = await repo.moveToAccount(trx, ctx.sourceId, ctx.targetId);
      for (const r of rows) await audit(trx, ctx.actor, { entity: ENTITY, entityId: r.id, action: 'merge', before: { account_id: ctx.sourceId }, after: { account_id: ctx.targetId } });
      return rows.length;
    },
  },
];

/** A leaver's open plans go to the successor (their steps, being tasks, go with the tasks part). */
export const handoverParts: HandoverPart[] = [
  ownedRecordsPart({ name: 'recovery', entity: ENTITY, count: (trx, u) => repo.countOpenOwned(trx, u), first: (trx, u, n) => repo.firstOpenOwned(trx, u, n), move: (trx, from, to) => repo.moveOpenOwned(trx, from, to) }),
];
