import { can } from '../../platform/actor';
import { audit } from '../../platform/audit';
import { ownedRecordsPart, type HandoverPart, type MergePart } from '../../platform/parts';
import { seesAccount } from '../../platform/scope';
import { wanted, when, type SourceEvent, type TimelineSource } from '../../platform/timeline';
import { eventsRepo as repo } from './events.repo';
import { ENTITY } from './events.rules';
import { readScope } from './events.service';

/** The account timeline (动态): a value-added service given; one of its people came to an event. */
export const timelineSources: TimelineSource[] = [
  {
    name: 'events',
    kinds: ['service_logged', 'event_attended'],
    async events(db, actor, q) {
      if (!can(actor, 'event:read') || !(await seesAccount(db, actor, 'event:read', q.accountId))) return [];
      const out: SourceEvent[] = [];
      if (wanted(q, 'service_logged')) {
        for (const r of await repo.timelineServices(db, q, q.limit)) {
          out.push({ kind: 'service_logged', id: r.id, at: when(r.at), dateOnly: true, actorId: r.owner_id, actorName: r.owner_name, params: { kind: r.kind, title: r.title, cost: Number(r.cost), contact: r.contact_name ?? '' }, link: null });
        }
      }
      if (wanted(q, 'event_attended')) {
        for (const r of await repo.timelineAttendance(db, q, readScope(actor), q.limit)) {
          out.push({ kind: 'event_attended', id: r.id, at: when(r.at), dateOnly: false, actorId: r.owner_id, actorName: r.owner_name, params: { kind: r.kind, title: r.title, contact: r.contact_name }, link: `/events/${r.event_id}` });
        }
      }
      return out;
    },
  },
];

/** A merge moves the duplicate's service records and its people's invitations onto the account that stays. */
export const mergeParts: MergePart[] = [
  {
    name: 'events',
    count: (trx, sourceId) => repo.countOfAccount(trx, sourceId),
    async move(trx, ctx) {
      const { logs, invs } = await repo.moveToAccount(trx, ctx.sourceId, ctx.targetId);
      for (const r of logs) await audit(trx, ctx.actor, { entity: 'service_log', entityId: r.id, action: 'merge', before: { account_id: ctx.sourceId }, after: { account_id: ctx.targetId } });
      for (const r of invs) await audit(trx, ctx.actor, { entity: 'event_invitation', entityId: r.id, action: 'merge', before: { account_id: ctx.sourceId }, after: { account_id: ctx.targetId } });
      return logs.length + invs.length;
    },
  },
];

/** A leaver's events not yet closed or cancelled go to the successor to run. */
export const handoverParts: HandoverPart[] = [
  ownedRecordsPart({ name: 'events', entity: ENTITY, count: (trx, u) => repo.countOpenOwned(trx, u), first: (trx, u, n) => repo.firstOpenOwned(trx, u, n), move: (trx, from, to) => repo.moveOpenOwned(trx, from, to) }),
];
