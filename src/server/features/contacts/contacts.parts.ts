import { audit } from '../../platform/audit';
import { successorOf, type HandoverPart, type MergePart } from '../../platform/parts';
import { seesAccount } from '../../platform/scope';
import { accountTab, wanted, when, type SourceEvent, type TimelineSource } from '../../platform/timeline';
import { contactsRepo } from './contacts.repo';

/** The account timeline (动态) of this room. */
export const timelineSources: TimelineSource[] = [
  {
    name: 'contacts',
    kinds: ['contact_added', 'contact_left', 'relationship_change'],
    async events(db, actor, q) {
      if (!(await seesAccount(db, actor, 'contact:read', q.accountId))) return [];
      const out: SourceEvent[] = [];
      const link = accountTab(q, 'contacts');
      if (wanted(q, 'contact_added')) {
        for (const r of await contactsRepo.contactsAdded(db, q, q.limit)) {
          out.push({ kind: 'contact_added', id: r.id, at: when(r.at), dateOnly: false, actorId: r.actor_id, actorName: r.actor_name, params: { name: r.name, title: r.title }, link });
        }
      }
      if (wanted(q, 'contact_left')) {
        for (const r of await contactsRepo.contactsLeft(db, q, q.limit)) {
          out.push({ kind: 'contact_left', id: r.id, at: when(r.at), dateOnly: true, actorId: null, actorName: null, params: { name: r.name, title: r.title, note: r.left_note }, link });
        }
      }
      if (wanted(q, 'relationship_change')) {
        for (const r of await contactsRepo.relationshipChanges(db, q, q.limit)) {
          out.push({
            kind: 'relationship_change',
            id: r.id,
            at: when(r.at),
            dateOnly: Boolean(r.date_only),
            actorId: r.actor_id,
            actorName: r.actor_name,
            params: { name: r.contact_name, field: r.field, from: r.from_name ?? r.from_value, to: r.to_name ?? r.to_value, evidence: r.evidence, occurredOn: r.occurred_on },
            link,
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
    name: 'contacts',
    count: (trx, sourceId) => contactsRepo.countOfAccount(trx, sourceId),
    async move(trx, ctx) {
      // their relationship history and reporting lines travel with them
      const rows = await contactsRepo.moveToAccount(trx, ctx.sourceId, ctx.targetId);
      for (const r of rows) await audit(trx, ctx.actor, { entity: 'contact', entityId: r.id, action: 'merge', before: { account_id: ctx.sourceId }, after: { account_id: ctx.targetId } });
      return rows.length;
    },
  },
];

/** What a leaving user of this room holds. */
export const handoverParts: HandoverPart[] = [
  {
    name: 'contacts',
    needsSuccessor: true,
    async preview(trx, userId, limit) {
      return { count: await contactsRepo.countOursBy(trx, userId), items: await contactsRepo.firstOursBy(trx, userId, limit) };
    },
    async transfer(trx, ctx) {
      const to = successorOf(ctx);
      const rows = await contactsRepo.moveOursTo(trx, ctx.userId, to);
      for (const r of rows) await audit(trx, ctx.actor, { entity: 'contact', entityId: r.id, action: 'handover', before: { our_owner_id: ctx.userId }, after: { our_owner_id: to } });
      return rows.length;
    },
  },
];
