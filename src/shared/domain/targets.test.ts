import { describe, expect, it } from 'vitest';
import { levelOf, periodSum, split, sumRows, unallocated } from './targets';

const c = (base: number, stretch: number | null = null, challenge: number | null = null) => ({ base, stretch, challenge });
const months = (f: (m: number) => ReturnType<typeof c>) => Array.from({ length: 12 }, (_, m) => f(m));

describe('target arithmetic', () => {
  it('reads an unset level as the one below it', () => {
    expect(levelOf(c(10), 'stretch')).toBe(10);
    expect(levelOf(c(10, 12), 'challenge')).toBe(12);
    expect(levelOf(c(10, null, 15), 'challenge')).toBe(15);
  });

  it('sums quarters, halves and the year (seed 000: 5万 a month for the second half is 30万)', () => {
    const row = months((m) => c(m >= 6 ? 5_000_000 : 0));
    expect(periodSum(row, 'base', 'h2')).toBe(30_000_000);
    expect(periodSum(row, 'base', 'h1')).toBe(0);
    expect(periodSum(row, 'base', 'q3')).toBe(15_000_000);
    expect(periodSum(row, 'base', 'year')).toBe(30_000_000);
  });

  it('shows the unallocated rest per month: 60万 for the department, 30万 each to two people leaves nothing', () => {
    const total = months((m) => c(m >= 6 ? 10_000_000 : 0));
    const person = months((m) => c(m >= 6 ? 5_000_000 : 0));
    expect(unallocated(total, [person], 'base').slice(6)).toEqual(Array(6).fill(5_000_000));
    expect(unallocated(total, [person, person], 'base')).toEqual(Array(12).fill(0));
    expect(unallocated(total, [person, person, person], 'base')[6]).toBe(-5_000_000);
  });

  it('splits evenly in whole units, the rest to the earliest months, always adding up', () => {
    expect(split(30_000_000, [6, 7, 8, 9, 10, 11]).slice(6)).toEqual(Array(6).fill(5_000_000));
    const odd = split(100, [0, 1, 2]);
    expect(odd.slice(0, 3)).toEqual([34, 33, 33]);
    expect(odd.reduce((s, x) => s + x, 0)).toBe(100);
    expect(split(0, [0, 1])).toEqual(Array(12).fill(0));
  });

  it('splits by last year’s seasonality, and evenly when there is no history', () => {
    const last = Array(12).fill(0);
    last[6] = 100;
    last[7] = 300;
    expect(split(1000, [6, 7], last).slice(6, 8)).toEqual([250, 750]);
    const parts = split(1001, [6, 7, 8], [0, 0, 0, 0, 0, 0, 1, 1, 1, 0, 0, 0]);
    expect(parts.reduce((s, x) => s + x, 0)).toBe(1001);
    expect(split(90, [0, 1, 2], Array(12).fill(0)).slice(0, 3)).toEqual([30, 30, 30]);
  });

  it('sums rows level by level, an unset level counting as the one below', () => {
    const s = sumRows([months(() => c(10, 12)), months(() => c(5))]);
    expect(s[0]).toEqual({ base: 15, stretch: 17, challenge: null });
  });
});
