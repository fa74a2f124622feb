import { describe, expect, it } from 'vitest';
import { wholeSum } from './StatCard';

describe('a home figure’s sum of money', () => {
  it('is the page’s sum only when the whole list is on it', () => {
    expect(wholeSum({ total: 2, items: [{ a: 100 }, { a: 250 }] }, (x) => x.a)).toBe(350);
    expect(wholeSum({ total: 3, items: [{ a: 100 }, { a: 250 }] }, (x) => x.a)).toBeUndefined();
    expect(wholeSum({ total: 0, items: [] as { a: number }[] }, (x) => x.a)).toBe(0);
    expect(wholeSum(undefined, (x: { a: number }) => x.a)).toBeUndefined();
  });
});
