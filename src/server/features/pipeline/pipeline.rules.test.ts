import { describe, expect, it } from 'vitest';
import { monthsBetween, rate } from './pipeline.rules';

describe('pipeline rules', () => {
  it('lists months by count or up to an end, across the year', () => {
    expect(monthsBetween('2026-11', 3)).toEqual(['2026-11', '2026-12', '2027-01']);
    expect(monthsBetween('2026-11', 0, '2027-02')).toEqual(['2026-11', '2026-12', '2027-01', '2027-02']);
    expect(monthsBetween('2026-11', 0, '2026-10')).toEqual([]);
    expect(monthsBetween('2020-01', 0, '2099-12')).toHaveLength(120);
  });
  it('rates with three decimals, null over nothing', () => {
    expect(rate(1, 3)).toBe(0.333);
    expect(rate(0, 0)).toBeNull();
  });
});
