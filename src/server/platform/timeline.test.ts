import { describe, expect, it } from 'vitest';
import { boundFor, compareEvents, decodeCursor, encodeCursor, mergePage, type Cursor, type Ordered } from './timeline';

const ev = (kind: string, id: number, ms: number): Ordered => ({ kind, id, at: new Date(ms) });

/** What a source holding `events` of its kinds answers for a cursor: the rows after it, newest first, at most `limit`. */
function answer(events: Ordered[], cursor: Cursor | null, limit: number): Ordered[] {
  return events
    .filter((e) => {
      const b = boundFor(e.kind, cursor);
      if (!b) return true;
      const t = e.at.getTime();
      const c = b.at.getTime();
      if (b.sameInstant === 'all') return t <= c;
      if (b.sameInstant === 'none') return t < c;
      return t < c || (t === c && e.id < b.id);
    })
    .sort(compareEvents)
    .slice(0, limit);
}

describe('timeline cursor', () => {
  it('round-trips and rejects anything else', () => {
    const e = ev('relationship_change', 42, 1_700_000_000_123);
    expect(decodeCursor(encodeCursor(e))).toEqual({ at: 1_700_000_000_123, kind: 'relationship_change', id: 42 });
    expect(decodeCursor('yesterday')).toBeNull();
    expect(decodeCursor(undefined)).toBeNull();
  });

  it('orders newest first, then by kind and id, so ties have one place', () => {
    const list = [ev('need_added', 1, 10), ev('contact_added', 5, 20), ev('need_added', 2, 10), ev('account_change', 9, 10)];
    expect(list.sort(compareEvents).map((e) => `${e.kind}:${e.id}`)).toEqual(['contact_added:5', 'need_added:2', 'need_added:1', 'account_change:9']);
  });

  it('bounds each kind at the cursor instant', () => {
    const cursor = { at: 100, kind: 'need_added', id: 7 };
    expect(boundFor('account_change', cursor)).toMatchObject({ sameInstant: 'all' });
    expect(boundFor('plan_item_created', cursor)).toMatchObject({ sameInstant: 'none' });
    expect(boundFor('need_added', cursor)).toMatchObject({ sameInstant: 'below', id: 7 });
    expect(boundFor('need_added', null)).toBeNull();
  });
});

describe('paging across sources', () => {
  // two sources whose events collide on the same milliseconds
  const a = [ev('account_change', 1, 50), ev('account_change', 2, 50), ev('account_created', 1, 10), ev('account_change', 3, 30)];
  const b = [ev('need_added', 1, 50), ev('need_closed', 1, 50), ev('need_added', 2, 30), ev('need_added', 3, 5)];
  const everything = [...a, ...b].sort(compareEvents);

  it.each([1, 2, 3, 5, 8, 20])('walks every event exactly once in pages of %i', (limit) => {
    const seen: Ordered[] = [];
    let cursor: Cursor | null = null;
    for (let guard = 0; guard < 50; guard++) {
      const page = mergePage([answer(a, cursor, limit + 1), answer(b, cursor, limit + 1)], limit);
      expect(page.items.length).toBeLessThanOrEqual(limit);
      seen.push(...page.items);
      if (!page.next) break;
      cursor = decodeCursor(page.next);
    }
    expect(seen.map((e) => `${e.kind}:${e.id}`)).toEqual(everything.map((e) => `${e.kind}:${e.id}`));
  });

  it('has no next page when the sources ran dry exactly at the limit', () => {
    expect(mergePage([answer(a, null, 9), answer(b, null, 9)], 8).next).toBeNull();
    expect(mergePage([answer(a, null, 8), answer(b, null, 8)], 7).next).not.toBeNull();
  });
});
