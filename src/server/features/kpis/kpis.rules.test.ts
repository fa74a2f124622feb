import { describe, expect, it } from 'vitest';
import { figureOf, growthOf, isCorrection, rolledUpTargets } from './kpis.rules';

describe('KPI figures', () => {
  it('a percent is numerator ÷ denominator × 100 to two decimals, none over a zero denominator', () => {
    expect(figureOf('collection_rate', 2, 3)).toEqual({ value: 66.67, numerator: 2, denominator: 3 });
    expect(figureOf('collection_rate', 5, 0)).toEqual({ value: null, numerator: 5, denominator: 0 });
    expect(figureOf('archive_completeness', 170, 200)).toEqual({ value: 85, numerator: 170, denominator: 200 });
  });
  it('an amount or a count is its numerator, without a denominator', () => {
    expect(figureOf('sales', 1_250_000, 0)).toEqual({ value: 1_250_000, numerator: 1_250_000, denominator: null });
    expect(figureOf('valid_complaints', 2, 0)).toEqual({ value: 2, numerator: 2, denominator: null });
  });
  it('growth is relative to last year, none without last year', () => {
    expect(growthOf(120, 100)).toEqual({ value: 20, numerator: 20, denominator: 100 });
    expect(growthOf(80, 100).value).toBe(-20);
    expect(growthOf(80, 0).value).toBeNull();
  });
  it('a correction is a changed value, numerator or denominator — not a rounding crumb', () => {
    const kept = { value: 50, numerator: 1, denominator: 2 };
    expect(isCorrection(null, kept)).toBe(false);
    expect(isCorrection(kept, { ...kept })).toBe(false);
    expect(isCorrection(kept, { value: 50.001, numerator: 1, denominator: 2 })).toBe(false);
    expect(isCorrection(kept, { value: 100, numerator: 2, denominator: 2 })).toBe(true);
    expect(isCorrection(kept, { value: 50, numerator: 2, denominator: 4 })).toBe(true);
    expect(isCorrection(kept, { value: null, numerator: 1, denominator: 0 })).toBe(true);
  });
});

describe('targets of units without a row', () => {
  it('a unit with its own row keeps it; one without sums its sub-units, recursively; none when nothing is set', () => {
    const own = new Map([
      ['unit:3', 100],
      ['unit:5', 40],
    ]);
    const children = new Map([
      [1, [2, 6]],
      [2, [3, 4]],
      [4, [5]],
    ]);
    const t = rolledUpTargets(own, children, [1, 2, 3, 4, 5, 6, 7]);
    expect(t.get(3)).toBe(100);
    expect(t.get(4)).toBe(40);
    expect(t.get(2)).toBe(140);
    expect(t.get(1)).toBe(140);
    expect(t.get(6)).toBeNull();
    expect(t.get(7)).toBeNull();
  });
});
