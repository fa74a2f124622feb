import { describe, expect, it } from 'vitest';
import { reportingCycle } from './contacts.rules';

describe('reportingCycle', () => {
  // 1 ← 2 ← 3 (3 reports to 2, 2 reports to 1)
  const managers = new Map<number, number | null>([
    [1, null],
    [2, 1],
    [3, 2],
    [4, null],
  ]);
  it('refuses making a manager report to their own report, directly or further down', () => {
    expect(reportingCycle(1, 2, managers)).toBe(true);
    expect(reportingCycle(1, 3, managers)).toBe(true);
    expect(reportingCycle(2, 3, managers)).toBe(true);
  });
  it('allows moves that keep a tree', () => {
    expect(reportingCycle(3, 1, managers)).toBe(false);
    expect(reportingCycle(1, 4, managers)).toBe(false);
    expect(reportingCycle(4, 3, managers)).toBe(false);
  });
  it('stops on an already corrupt loop without hanging', () => {
    const loop = new Map<number, number | null>([
      [1, 2],
      [2, 1],
    ]);
    expect(reportingCycle(9, 1, loop)).toBe(false);
  });
});
