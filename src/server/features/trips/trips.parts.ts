import { can } from '../../platform/actor';
import { audit } from '../../platform/audit';
import { successorOf, type HandoverPart, type MergePart } from '../../platform/parts';
import { ownedScope, seesAccount } from '../../platform/scope';
import { wanted, when, type TimelineSource } from '../../platform/timeline';
import { tripsRepo } from './trips.repo';

/** The account timeline (动态) of this room. */
export const timelineSources: TimelineSource[] = [
  /** ACT-9: approved business trips that list the account, at their first day, in the caller's trip:read scope. */
  {
    name: 'trips',
    kinds: ['trip'],
    async events(db, actor, q) {
      if (!wanted(q, 'trip') || !(await seesAccount(db, actor, 'account:read', q.accountId)) || !can(actor, 'trip:read')) return [];
      const rows = await tripsRepo.timelineEvents(db, q, ownedScope('business_trips', actor, 'trip:read'), q.limit);
      return rows.map((r) => ({
        kind: 'trip' as const,
        id: r.id,
        at: when(r.at),
        dateOnly: true,
        actorId: r.owner_id,
        actorName: r.owner_name,
        params: { destination: r.destination, startOn: r.start_on, endOn: r.end_on, purpose: r.purpose, reportStatus: r.report_status },
        link: `/trips/${r.id}`,
      }));
    },
  },
];

/** What moves from a duplicate account onto the one that stays. */
export const mergeParts: MergePart[] = [
  /** Business trips that list the duplicate as an account to visit now list the one that stays. */
  {
    name: 'tripAccounts',
    count: (trx, sourceId) => tripsRepo.countAccountLinks(trx, sourceId),
    move: (trx, ctx) => tripsRepo.moveAccountLinks(trx, ctx.sourceId, ctx.targetId),
  },
];

/** What a leaving user of this room holds. */
export const handoverParts: HandoverPart[] = [
  /** Business trips not yet closed by an approved report (nor cancelled) go to the successor, with the successor's unit. */
  {
    name: 'trips',
    needsSuccessor: true,
    async preview(trx, userId, limit) {
      return { count: await tripsRepo.countOpenOwned(trx, userId), items: await tripsRepo.firstOpenOwned(trx, userId, limit) };
    },
    async transfer(trx, ctx) {
      const to = successorOf(ctx);
      const unitId = await tripsRepo.unitOf(trx, to);
      const rows = await tripsRepo.moveOpenOwned(trx, ctx.userId, to, unitId);
      for (const r of rows) await audit(trx, ctx.actor, { entity: 'business_trip', entityId: r.id, action: 'handover', before: { owner_id: ctx.userId }, after: { owner_id: to, unit_id: unitId } });
      return rows.length;
    },
  },
];
