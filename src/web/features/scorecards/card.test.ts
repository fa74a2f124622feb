import { describe, expect, it } from 'vitest';
import type { ScorecardItem } from '../../../shared/contracts/scorecards';
import { DEFAULT_RULE_SETS } from '../../../shared/domain/scorecards';
import { changedEntries, entryIssue, fitPeriod, fmtPercent, fmtPoints, inputSpec, isPercent, liveTotal, periodStart, sortAfter, sortOrderOf, SORT_PATTERN } from './card';

const defs = DEFAULT_RULE_SETS.account_manager.items;
const item = (key: string, value: number | null, points: number | null, extra: Partial<ScorecardItem> = {}): ScorecardItem => {
  const def = defs.find((d) => d.key === key)!;
  return { key, source: def.source, rule: def.rule, value, absent: null, numerator: null, denominator: null, points, comment: null, enteredBy: null, enteredAt: null, ...extra };
};

describe('numbers on the card', () => {
  it('writes points with up to 2 decimals and no trailing zeros, percents with a %', () => {
    expect(fmtPoints(25)).toBe('25');
    expect(fmtPoints(96.5)).toBe('96.5');
    expect(fmtPoints(3.256)).toBe('3.26');
    expect(fmtPoints(-0.001)).toBe('0');
    expect(fmtPoints(null)).toBe('—');
    expect(fmtPercent(96.5)).toBe('96.5%');
    expect(fmtPercent(null)).toBe('—');
  });

  it('tells percents from counts', () => {
    expect(isPercent(defs.find((d) => d.key === 'sales_completion')!.rule)).toBe(true);
    expect(isPercent(defs.find((d) => d.key === 'new_accounts')!.rule)).toBe(false);
    expect(isPercent(defs.find((d) => d.key === 'teamwork')!.rule)).toBe(false);
  });
});

describe('the evaluator’s entries', () => {
  it('takes a judgment in its steps up to its points, a count whole', () => {
    const judgment = defs.find((d) => d.key === 'judgment')!.rule;
    expect(inputSpec(judgment)).toEqual({ min: 0, max: 4, step: 0.5 });
    expect(entryIssue(judgment, 3.5)).toBeNull();
    expect(entryIssue(judgment, 3.3)).toBe('scorecards.notAStep');
    expect(entryIssue(judgment, 5)).toBe('scorecards.outOfRange');
    const conduct = defs.find((d) => d.key === 'conduct')!.rule;
    expect(inputSpec(conduct)).toMatchObject({ step: 1, precision: 0 });
    expect(entryIssue(conduct, 1.5)).toBe('scorecards.outOfRange');
    expect(entryIssue(conduct, null)).toBeNull();
  });

  it('scores the edits live and totals them; a missing item leaves it incomplete', () => {
    const items = [item('sales_completion', 100, 25), item('teamwork', null, null), item('conduct', null, null)];
    expect(liveTotal(items, {}, 60)).toMatchObject({ total: 25, complete: false, missing: 2, warning: false });
    const edited = liveTotal(items, { teamwork: { value: 8, comment: '' }, conduct: { value: 2, comment: '' } }, 60);
    expect(edited).toMatchObject({ total: 34, complete: true, warning: true });
  });

  it('sends only what changed, comments trimmed', () => {
    const items = [item('teamwork', 8, 8, { comment: 'ok' }), item('knowledge', null, null)];
    expect(changedEntries(items, { teamwork: { value: 8, comment: ' ok ' } })).toEqual([]);
    expect(changedEntries(items, { teamwork: { value: 9, comment: 'ok' }, knowledge: { value: 7, comment: '' } })).toEqual([
      { key: 'teamwork', value: 9, comment: 'ok' },
      { key: 'knowledge', value: 7, comment: null },
    ]);
  });
});

describe('periods and sorts', () => {
  it('fits a period to the kind’s cycle', () => {
    expect(fitPeriod('2026-05', 'director', '2026-11-15')).toBe('2026-Q2');
    expect(fitPeriod('2026-Q2', 'director', '2026-11-15')).toBe('2026-Q2');
    expect(fitPeriod('2026-Q2', 'account_manager', '2026-11-15')).toBe('2026-04');
    expect(fitPeriod('2026-Q4', 'specialist', '2026-11-15')).toBe('2026-11');
    expect(fitPeriod('', 'specialist', '2026-11-15')).toBe('2026-11');
    expect(periodStart('2026-Q3')).toBe('2026-07-01');
    expect(periodStart('2026-11')).toBe('2026-11-01');
  });

  it('sorts by a column in the contract’s form, none back to -total', () => {
    expect(sortAfter('item:sales_completion', 'descend')).toBe('-item:sales_completion');
    expect(sortAfter('name', 'ascend')).toBe('name');
    expect(sortAfter('name', null)).toBe('-total');
    expect(sortOrderOf('-item:teamwork', 'item:teamwork')).toBe('descend');
    expect(sortOrderOf('-total', 'name')).toBeNull();
    expect(SORT_PATTERN.test('-item:sales_completion')).toBe(true);
    expect(SORT_PATTERN.test('item:Bad')).toBe(false);
  });
});
