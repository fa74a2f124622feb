import type { Executor } from '../db/client';
import { TIMELINE_CURSOR, type TimelineKind } from '../../shared/contracts/timeline';
import type { Actor } from './actor';

/**
 * Keyset paging across sources. Events are ordered newest first by (at, kind, id), with `at` in
 * whole milliseconds (what JavaScript and the cursor can carry; the SQL truncates to match), so
 * every event has one place in the order and a cursor splits it without gaps or repeats.
 */
export interface Cursor {
  at: number;
  kind: string;
  id: number;
}

export interface Ordered {
  kind: string;
  id: number;
  at: Date;
}

export function encodeCursor(e: Ordered): string {
  return `${e.at.getTime()}_${e.kind}_${e.id}`;
}

export function decodeCursor(text: string | undefined): Cursor | null {
  if (!text) return null;
  const m = TIMELINE_CURSOR.exec(text);
  if (!m) return null;
  return { at: Number(m[1]), kind: m[2]!, id: Number(m[3]) };
}

/** Descending (at, kind, id): negative when a comes first. */
export function compareEvents(a: Ordered, b: Ordered): number {
  return b.at.getTime() - a.at.getTime() || (a.kind < b.kind ? 1 : a.kind > b.kind ? -1 : 0) || b.id - a.id;
}

/**
 * Which events of one kind come after the cursor: those strictly earlier, and at the cursor's
 * own millisecond those that sort below it — every one of a smaller kind, the smaller ids of the
 * same kind, none of a greater kind.
 */
export type Bound = { at: Date; sameInstant: 'all' } | { at: Date; sameInstant: 'none' } | { at: Date; sameInstant: 'below'; id: number };
export function boundFor(kind: string, cursor: Cursor | null): Bound | null {
  if (!cursor) return null;
  const at = new Date(cursor.at);
  if (kind < cursor.kind) return { at, sameInstant: 'all' };
  if (kind > cursor.kind) return { at, sameInstant: 'none' };
  return { at, sameInstant: 'below', id: cursor.id };
}

/**
 * One page from the sources' lists. Each list holds up to limit + 1 events of its own, so a
 * merged list longer than `limit` proves there is more; otherwise every source ran dry.
 */
export function mergePage<T extends Ordered>(lists: T[][], limit: number): { items: T[]; next: string | null } {
  const all = lists.flat().sort(compareEvents);
  const items = all.slice(0, limit);
  return { items, next: all.length > limit ? encodeCursor(items[items.length - 1]!) : null };
}

/** One event as a source reports it; `id` is unique within its kind. */
export interface SourceEvent {
  kind: TimelineKind;
  id: number;
  at: Date;
  dateOnly: boolean;
  actorId: number | null;
  actorName: string | null;
  params: Record<string, string | number | null>;
  link: string | null;
}

export interface SourceQuery {
  accountId: number;
  /** the page starts strictly below this event (see boundFor) */
  before: Cursor | null;
  /** at most this many events per kind */
  limit: number;
  kinds: ReadonlySet<TimelineKind>;
  tz: string;
}

/**
 * A room's contribution to the account timeline (the 360 page's 动态 tab), declared in its
 * manifest. A source answers for its own kinds, newest first, and decides itself what the caller
 * may see: nothing when the actor's scope for its permission does not reach the account. Add the
 * kind to TIMELINE_KINDS and its text to the timeline locale.
 */
export interface TimelineSource {
  name: string;
  kinds: readonly TimelineKind[];
  events(db: Executor, actor: Actor, q: SourceQuery): Promise<SourceEvent[]>;
}

/** The account 360 page's tab a timeline event links to. */
export const accountTab = (q: SourceQuery, name: string) => `/accounts/${q.accountId}?tab=${name}`;
/** A timestamp as a driver returned it (PGlite: Date; pg: Date or text). */
export const when = (at: Date | string) => (at instanceof Date ? at : new Date(at));
export const wanted = (q: SourceQuery, kind: TimelineKind) => q.kinds.has(kind);
/** A reason the server wrote itself travels as a locale key; a person's reason as typed. */
export function reasonParams(reason: string, reasonKey: string | null): Record<string, string | null> {
  // a system reason is shown by its key; the text travels too, for keys that quote it (healthRed: the drivers)
  return { reasonKey, reason };
}
