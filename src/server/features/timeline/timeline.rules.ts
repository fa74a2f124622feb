import { TIMELINE_CURSOR } from '../../../shared/contracts/timeline';

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

/** What a development project's stage-history row says: created, moved, closed, paused or reopened. */
export type OpportunityEvent = 'created' | 'stage' | 'won' | 'lost' | 'abandoned' | 'paused' | 'reopened';
export function opportunityEventOf(r: { from_status: string | null; to_status: string }): OpportunityEvent {
  if (r.from_status === null) return 'created';
  if (r.to_status !== 'open') return r.to_status === r.from_status ? 'stage' : (r.to_status as OpportunityEvent);
  return r.from_status === 'open' ? 'stage' : 'reopened';
}
