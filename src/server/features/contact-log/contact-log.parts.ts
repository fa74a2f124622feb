import { type MergePart } from '../../platform/parts';
import { seesAccount } from '../../platform/scope';
import { accountTab, wanted, when, type TimelineSource } from '../../platform/timeline';
import { contactLogRepo } from './contact-log.repo';

/** The account timeline (动态) of this room. */
export const timelineSources: TimelineSource[] = [
  /** ACT-5: the account's calls, e-mails and meetings, read like its contacts (contact:read). */
  {
    name: 'contact-log',
    kinds: ['contact_log'],
    async events(db, actor, q) {
      if (!wanted(q, 'contact_log') || !(await seesAccount(db, actor, 'contact:read', q.accountId))) return [];
      const rows = await contactLogRepo.timelineEvents(db, q, q.limit);
      return rows.map((r) => ({
        kind: 'contact_log' as const,
        id: r.id,
        at: when(r.at),
        dateOnly: false,
        actorId: r.user_id,
        actorName: r.user_name,
        params: { logKind: r.kind, summary: r.summary, place: r.place, contact: r.contact_name },
        link: accountTab(q, 'contactLog'),
      }));
    },
  },
];

/** What moves from a duplicate account onto the one that stays. */
export const mergeParts: MergePart[] = [
  {
    name: 'contactLogs',
    count: (trx, sourceId) => contactLogRepo.countOfAccount(trx, sourceId),
    move: (trx, ctx) => contactLogRepo.moveToAccount(trx, ctx.sourceId, ctx.targetId),
  },
];
