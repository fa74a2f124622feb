import { describe, expect, it } from 'vitest';
import { parsePeriod } from '../../../shared/domain/kpi-period';
import { keyOf, kindOf, partsOf, switchKind, withYear, yearsAround } from './period';

describe('kpi period pickers', () => {
  it('reads each form of key, and nothing else', () => {
    expect(kindOf('2026-12')).toBe('month');
    expect(kindOf('2026-Q4')).toBe('quarter');
    expect(kindOf('2026-H2')).toBe('half');
    expect(kindOf('2026')).toBe('year');
    expect(kindOf('2026-03..2026-08')).toBe('custom');
    for (const bad of ['2026-13', '2026-Q5', '2025-03..2026-08', 'x', '']) expect(kindOf(bad)).toBeUndefined();
    expect(partsOf('2026-Q4')).toEqual({ kind: 'quarter', year: 2026, first: 10, last: 12 });
  });

  it('writes back the key it read', () => {
    for (const key of ['2026-01', '2026-12', '2026-Q1', '2026-Q4', '2026-H1', '2026-H2', '2026', '2026-03..2026-08']) expect(keyOf(partsOf(key)!)).toBe(key);
    expect(keyOf({ kind: 'custom', year: 2026, first: 8, last: 3 })).toBe('2026-03..2026-08');
  });

  it('switches kind around today while the period holds it, else around its first day', () => {
    const dec = parsePeriod('2026-12')!;
    expect(switchKind(dec, 'quarter', '2026-12-08')).toBe('2026-Q4');
    expect(switchKind(parsePeriod('2026')!, 'month', '2026-12-08')).toBe('2026-12');
    expect(switchKind(parsePeriod('2026-H1')!, 'quarter', '2026-12-08')).toBe('2026-Q1');
    expect(switchKind(parsePeriod('2026-Q2')!, 'custom', '2026-12-08')).toBe('2026-04..2026-06');
    expect(switchKind(parsePeriod('2025-Q3')!, 'year', '2026-12-08')).toBe('2025');
  });

  it('moves a period to another year, and offers the years around today and the one shown', () => {
    expect(withYear('2026-Q4', 2025)).toBe('2025-Q4');
    expect(withYear('2026-03..2026-08', 2024)).toBe('2024-03..2024-08');
    expect(withYear('nonsense', 2024)).toBeUndefined();
    expect(yearsAround('2026-12-08', 2026)).toEqual([2027, 2026, 2025, 2024, 2023]);
    expect(yearsAround('2026-12-08', 2019)).toEqual([2027, 2026, 2025, 2024, 2023, 2019]);
  });
});
