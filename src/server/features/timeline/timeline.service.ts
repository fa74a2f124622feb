import type { z } from 'zod';
import type { Kdb } from '../../db/client';
import { AppError, issue, validationError } from '../../../shared/errors';
import { TIMELINE_KINDS, type timelineQuery } from '../../../shared/contracts/timeline';
import type { Actor } from '../../platform/actor';
import { decodeCursor, mergePage, type TimelineSource } from '../../platform/timeline';
import { accountReachable, accountScope } from '../../platform/scope';

const notFound = () => new AppError('NOT_FOUND', 'Account not found', undefined, { key: 'accounts.notFound' });

/** One page of the account's timeline, newest first, from every registered source. */
export async function accountTimeline(db: Kdb, actor: Actor, sources: readonly TimelineSource[], accountId: number, q: z.infer<typeof timelineQuery>, tz: string) {
  if (!(await accountReachable(db, accountId, accountScope(actor, 'account:read')))) throw notFound();
  const before = decodeCursor(q.before);
  if (q.before && !before) throw validationError([issue('before', 'timeline.badCursor', 'Not a cursor from nextBefore')]);
  const kinds = new Set(q.kinds?.length ? q.kinds : TIMELINE_KINDS);
  // one more than the page per kind: a longer merged list proves there is a next page
  const query = { accountId, before, limit: q.limit + 1, kinds, tz };
  const lists = await Promise.all(sources.filter((s) => s.kinds.some((k) => kinds.has(k))).map((s) => s.events(db, actor, query)));
  return mergePage(lists, q.limit);
}
