import { can } from '../../platform/actor';
import { audit } from '../../platform/audit';
import { successorOf, type HandoverPart, type MergePart } from '../../platform/parts';
import { ownedScope } from '../../platform/scope';
import { wanted, when, type TimelineSource } from '../../platform/timeline';
import { after, ms } from '../../platform/timeline.repo';
import { ticketsRepo } from './tickets.repo';

const text = (v: unknown): string | null => (v === null || v === undefined ? null : String(v));

/**
 * The account timeline (动态): every entry of the history of the account's tickets the caller reads
 * (ticket:read in scope) — logged, assigned, each move, field changes, files, the judgement, escalations.
 */
export const timelineSources: TimelineSource[] = [
  {
    name: 'tickets',
    kinds: ['ticket'],
    async events(db, actor, q) {
      if (!can(actor, 'ticket:read') || !wanted(q, 'ticket')) return [];
      const rows = await ticketsRepo.timelineEvents(db, q.accountId, ownedScope('tickets', actor, 'ticket:read'), after('ticket', q, ms('h.at'), 'h.id'), q.limit);
      return rows.map((r) => {
        const changes = (r.changes ?? {}) as Record<string, unknown>;
        const pair = (k: string) => (Array.isArray(changes[k]) ? (changes[k] as unknown[]) : null);
        return {
          kind: 'ticket' as const,
          id: r.id,
          at: when(r.at),
          dateOnly: false,
          actorId: r.actor_id,
          actorName: r.actor_name,
          params: {
            event: r.event,
            number: r.number,
            title: r.title,
            ticketKind: r.kind,
            severity: r.severity,
            toStatus: r.to_status,
            owner: text(pair('owner')?.[1]),
            validity: text(pair('validity')?.[1]),
            milestone: text(changes.milestone),
            level: text(changes.level),
            note: r.note,
          },
          link: `/tickets/${r.ticket_id}`,
        };
      });
    },
  },
];

/** A merge moves the duplicate's tickets (with their history) to the account that stays. */
export const mergeParts: MergePart[] = [
  {
    name: 'tickets',
    count: (trx, sourceId) => ticketsRepo.countOfAccount(trx, sourceId),
    async move(trx, ctx) {
      const rows = await ticketsRepo.moveToAccount(trx, ctx.sourceId, ctx.targetId, new Date());
      for (const r of rows) await audit(trx, ctx.actor, { entity: 'ticket', entityId: r.id, action: 'merge', before: { account_id: ctx.sourceId }, after: { account_id: ctx.targetId } });
      return rows.length;
    },
  },
];

/** A leaver's open tickets (new, assigned, in progress, waiting) go to the successor and the successor's unit, each in its history. */
export const handoverParts: HandoverPart[] = [
  {
    name: 'tickets',
    needsSuccessor: true,
    async preview(trx, userId, limit) {
      return { count: await ticketsRepo.countOpenOwned(trx, userId), items: await ticketsRepo.firstOpenOwned(trx, userId, limit) };
    },
    async transfer(trx, ctx) {
      const to = successorOf(ctx);
      const names = await ticketsRepo.names(trx, 'users', [ctx.userId, to]);
      const rows = await ticketsRepo.moveOpenOwned(trx, ctx.userId, to);
      const at = new Date();
      for (const r of rows) {
        await ticketsRepo.addHistory(trx, { ticketId: r.id, at, actorId: ctx.actor.userId, event: 'assigned', changes: { owner: [names.get(ctx.userId) ?? null, names.get(to) ?? null] }, note: ctx.note || null });
        await audit(trx, ctx.actor, { entity: 'ticket', entityId: r.id, action: 'handover', before: { owner_id: ctx.userId }, after: { owner_id: to } });
      }
      return rows.length;
    },
  },
];
