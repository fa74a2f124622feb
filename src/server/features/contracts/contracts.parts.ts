import { can } from '../../platform/actor';
import { audit } from '../../platform/audit';
import { ownedRecordsPart, type HandoverPart, type MergePart } from '../../platform/parts';
import { ownedScope } from '../../platform/scope';
import { boundFor, wanted, when, type TimelineSource } from '../../platform/timeline';
import { contractsRepo } from './contracts.repo';

/** The account timeline (动态): a contract signed (at signed_at) and closed — completed, terminated, void (at closed_at). */
export const timelineSources: TimelineSource[] = [
  {
    name: 'contracts',
    kinds: ['contract'],
    async events(db, actor, q) {
      if (!can(actor, 'contract:read') || !wanted(q, 'contract')) return [];
      const rows = await contractsRepo.timelineEvents(db, q.accountId, ownedScope('contracts', actor, 'contract:read'), boundFor('contract', q.before), q.limit);
      return rows.map((r) => ({
        kind: 'contract' as const,
        id: Number(r.event_id),
        at: when(r.at),
        dateOnly: false,
        actorId: r.owner_id,
        actorName: r.owner_name,
        params: { event: r.event, number: r.number, title: r.title, contractKind: r.kind, status: r.status, amount: r.amount },
        link: `/contracts/${r.id}`,
      }));
    },
  },
];

/** A merge moves the duplicate's contracts and their instalments (which carry the account for ageing) to the account that stays. */
export const mergeParts: MergePart[] = [
  {
    name: 'contracts',
    count: (trx, sourceId) => contractsRepo.countOfAccount(trx, sourceId),
    async move(trx, ctx) {
      const rows = await contractsRepo.moveToAccount(trx, ctx.sourceId, ctx.targetId);
      for (const r of rows) await audit(trx, ctx.actor, { entity: 'contract', entityId: r.id, action: 'merge', before: { account_id: ctx.sourceId }, after: { account_id: ctx.targetId } });
      return rows.length;
    },
  },
];

/** A leaver's contracts that are not completed, terminated or void go to the successor (and the successor's unit). */
export const handoverParts: HandoverPart[] = [
  ownedRecordsPart({
    name: 'contracts',
    entity: 'contract',
    count: (trx, userId) => contractsRepo.countLiveOwned(trx, userId),
    first: (trx, userId, limit) => contractsRepo.firstLiveOwned(trx, userId, limit),
    move: (trx, from, to) => contractsRepo.moveLiveOwned(trx, from, to),
  }),
];
