import { can } from '../../platform/actor';
import { audit } from '../../platform/audit';
import { ownedRecordsPart, type HandoverPart, type MergePart } from '../../platform/parts';
import { ownedScope } from '../../platform/scope';
import { boundFor, when, type TimelineSource } from '../../platform/timeline';
import { collectionsRepo } from './collections.repo';

/** ¥ with two decimals and thousands separators, for the timeline sentence (the amount in fen travels beside it). */
const yuan = (fen: number) => (fen / 100).toLocaleString('en-US', { minimumFractionDigits: 2, maximumFractionDigits: 2 });

/** The account timeline (动态): a receipt when finance confirmed it ("回款 ¥X 已确认"), for those who read it under receipt:read. */
export const timelineSources: TimelineSource[] = [
  {
    name: 'collections',
    kinds: ['receipt'],
    async events(db, actor, q) {
      if (!can(actor, 'receipt:read') || !q.kinds.has('receipt')) return [];
      const rows = await collectionsRepo.timelineEvents(db, q.accountId, ownedScope('receipts', actor, 'receipt:read'), boundFor('receipt', q.before), q.limit);
      return rows.map((r) => ({
        kind: 'receipt' as const,
        id: r.id,
        at: when(r.at),
        dateOnly: false,
        actorId: r.confirmed_by,
        actorName: r.confirmed_by_name,
        params: { number: r.number, amount: Number(r.amount), yuan: yuan(Number(r.amount)), receivedOn: r.received_on },
        link: `/receipts/${r.id}`,
      }));
    },
  },
];

/** A duplicate account's receipts move to the account that stays (the contracts room moves its contracts and instalments). */
export const mergeParts: MergePart[] = [
  {
    name: 'receipts',
    count: (trx, sourceId) => collectionsRepo.countOfAccount(trx, sourceId),
    async move(trx, ctx) {
      const rows = await collectionsRepo.moveToAccount(trx, ctx.sourceId, ctx.targetId);
      for (const r of rows) await audit(trx, ctx.actor, { entity: 'receipt', entityId: r.id, action: 'merge', before: { account_id: ctx.sourceId }, after: { account_id: ctx.targetId } });
      return rows.length;
    },
  },
];

/** A leaver's receipts still waiting for finance (recorded) go to the successor, who chases them; confirmed ones stay as history. */
export const handoverParts: HandoverPart[] = [
  ownedRecordsPart({
    name: 'receipts',
    entity: 'receipt',
    count: (trx, userId) => collectionsRepo.countRecordedOwned(trx, userId),
    first: (trx, userId, limit) => collectionsRepo.firstRecordedOwned(trx, userId, limit),
    move: (trx, from, to) => collectionsRepo.moveRecordedOwned(trx, from, to),
  }),
];
