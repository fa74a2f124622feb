import { describe, expect, it } from 'vitest';
import type { TargetCell } from '../../../shared/contracts/targets';
import { cellIssues, changeDocType, changeIssues, changeStatusFor, lastYear, ownAverage, planDocType, planStatusFor } from './targets.rules';

const cell = (base: number, stretch: number | null = null, challenge: number | null = null): TargetCell => ({ base, stretch, challenge });

describe('targets rules', () => {
  it('follows the approval: returned is rejected (editable), withdrawn a draft; a returned change is over', () => {
    expect(planStatusFor('pending')).toBe('pending');
    expect(planStatusFor('approved')).toBe('approved');
    expect(planStatusFor('returned')).toBe('rejected');
    expect(planStatusFor('withdrawn')).toBe('draft');
    expect(changeStatusFor('returned')).toBe('rejected');
    expect(changeStatusFor('withdrawn')).toBe('withdrawn');
  });

  it('sends a top plan to the GM and a plan under a planned unit to the director above', () => {
    expect(planDocType(false)).toBe('target_plan');
    expect(planDocType(true)).toBe('target_plan_sub');
  });

  it('sends a change to the GM when the director would judge his own target or his own request', () => {
    expect(changeDocType({ requesterIsDirector: false, touchesTotal: false, touchesDirectorRow: false })).toBe('target_change');
    expect(changeDocType({ requesterIsDirector: true, touchesTotal: false, touchesDirectorRow: false })).toBe('target_change_gm');
    expect(changeDocType({ requesterIsDirector: false, touchesTotal: true, touchesDirectorRow: false })).toBe('target_change_gm');
    expect(changeDocType({ requesterIsDirector: false, touchesTotal: false, touchesDirectorRow: true })).toBe('target_change_gm');
  });

  it('refuses a grid write naming a row outside the plan, a month twice or levels out of order, by field', () => {
    const rows = new Set(['user:5', 'unit:2']);
    expect(cellIssues([{ kind: 'user', id: 5, month: 1, ...cell(100, 120, 150) }], rows)).toEqual([]);
    const issues = cellIssues(
      [
        { kind: 'user', id: 9, month: 1, ...cell(1) },
        { kind: 'user', id: 5, month: 2, ...cell(100, 90) },
        { kind: 'unit', id: 2, month: 3, ...cell(100, null, 90) },
        { kind: 'unit', id: 2, month: 3, ...cell(100) },
      ],
      rows,
    );
    expect(issues.map((i) => [i.path, i.key])).toEqual([
      ['cells.0.id', 'targets.rowNotInPlan'],
      ['cells.1.stretch', 'targets.stretchBelowBase'],
      ['cells.2.challenge', 'targets.challengeBelowStretch'],
      ['cells.3.month', 'targets.cellRepeated'],
    ]);
  });

  it('refuses a change that changes nothing, touches a row not the caller’s, or puts the levels out of order', () => {
    const current = () => cell(50_000_00, 60_000_00, null);
    const mine = new Set(['user:6']);
    expect(changeIssues([{ kind: 'user', id: 6, month: 9, level: 'base', value: 40_000_00 }], current, mine)).toEqual([]);
    const issues = changeIssues(
      [
        { kind: 'user', id: 5, month: 9, level: 'base', value: 1 },
        { kind: 'user', id: 6, month: 9, level: 'base', value: 50_000_00 },
        { kind: 'user', id: 6, month: 10, level: 'base', value: 70_000_00 },
        { kind: 'user', id: 6, month: 10, level: 'base', value: 70_000_00 },
      ],
      current,
      mine,
    );
    expect(issues.map((i) => [i.path, i.key])).toEqual([
      ['lines.0.id', 'targets.rowNotChangeable'],
      ['lines.1.value', 'targets.changeUnchanged'],
      ['lines.3.level', 'targets.cellRepeated'],
      ['lines.2.value', 'targets.stretchBelowBase'],
    ]);
    // raising stretch with base in the same request keeps the order
    expect(changeIssues([{ kind: 'user', id: 6, month: 10, level: 'base', value: 70_000_00 }, { kind: 'user', id: 6, month: 10, level: 'stretch', value: 80_000_00 }], current, mine)).toEqual([]);
  });

  it('averages each month over the years of the last three the row recorded anything in', () => {
    const m = new Map([
      ['2023-1', 300],
      ['2024-1', 100],
      ['2025-1', 200],
      ['2025-7', 600],
    ]);
    expect(ownAverage(m, 2026).slice(0, 7)).toEqual([200, 0, 0, 0, 0, 0, 200]);
    // joined last year: averaged over that one year, not three
    expect(ownAverage(new Map([['2025-3', 90]]), 2026)[2]).toBe(90);
    expect(ownAverage(undefined, 2026)).toEqual(Array(12).fill(0));
    expect(lastYear(m, 2026)[6]).toBe(600);
    expect(lastYear(m, 2026)[0]).toBe(200);
  });
});
