import { describe, expect, it } from 'vitest';
import { scorecardSettingsSave } from '../../../shared/contracts/scorecards';
import { DEFAULT_RULE_SETS } from '../../../shared/domain/scorecards';
import { attendanceIssue, attendanceRows } from './attendance';
import { numberAt, ruleFields, withItemRule, withNumber, withThreshold } from './settings';

const sets = Object.values(DEFAULT_RULE_SETS);

describe('the rules’ numbers', () => {
  it('finds every number a rule has beyond its points, and each path reads a number', () => {
    for (const set of sets) for (const item of set.items) for (const f of ruleFields(item.rule)) expect(numberAt(item.rule, f.path), `${item.key} ${f.path.join('.')}`).toBeTypeOf('number');
    const churn = DEFAULT_RULE_SETS.director.items.find((i) => i.key === 'churn_rate')!.rule;
    expect(ruleFields(churn).map((f) => f.path.join('.'))).toEqual(['bands.0.at', 'bands.0.points', 'bands.1.at', 'bands.1.points', 'bands.2.at', 'bands.2.points']);
    const judgment = DEFAULT_RULE_SETS.account_manager.items.find((i) => i.key === 'teamwork')!.rule;
    expect(ruleFields(judgment).map((f) => f.label)).toEqual(['stepOf']);
  });

  it('changes a number in a copy, and the sets stay valid for the save', () => {
    const attendance = DEFAULT_RULE_SETS.account_manager.items.find((i) => i.key === 'attendance')!.rule;
    const changed = withNumber(attendance, ['tiers', 1, 'deduct'], 3);
    expect(numberAt(changed, ['tiers', 1, 'deduct'])).toBe(3);
    expect(numberAt(attendance, ['tiers', 1, 'deduct'])).toBe(2);
    let next = withItemRule(sets, 'account_manager', 'attendance', () => changed);
    next = withThreshold(next, 'director', 55);
    expect(next.find((s) => s.kind === 'director')!.threshold).toBe(55);
    expect(next.find((s) => s.kind === 'account_manager')!.items.find((i) => i.key === 'attendance')!.rule).toEqual(changed);
    expect(sets.find((s) => s.kind === 'director')!.threshold).toBe(60);
    expect(scorecardSettingsSave.safeParse({ ruleSets: next, version: 0 }).success).toBe(true);
  });
});

describe('attendance rows', () => {
  const row = (id: number, lateTimes: number | null, absentDays: number | null, source: 'entry' | 'import' | null = 'entry') => ({
    person: { id, name: `p${id}`, username: `p${id}` },
    unit: { id: 1, name: 'u' },
    lateTimes,
    absentDays,
    source,
    updatedAt: null,
  });

  it('sends the rows edited and changed, an empty number as 0', () => {
    const items = [row(1, 2, 0), row(2, null, null, null), row(3, 1, 1)];
    expect(attendanceRows(items, { 1: { lateTimes: 2, absentDays: 0 }, 2: { lateTimes: 3, absentDays: null }, 3: { lateTimes: 1, absentDays: 1.5 } })).toEqual([
      { userId: 2, lateTimes: 3, absentDays: 0 },
      { userId: 3, lateTimes: 1, absentDays: 1.5 },
    ]);
  });

  it('refuses a fraction of a late time and absence not in half days', () => {
    expect(attendanceIssue({ lateTimes: 1, absentDays: 0.5 })).toBeNull();
    expect(attendanceIssue({ lateTimes: 1.5, absentDays: 0 })).toBe('lateRange');
    expect(attendanceIssue({ lateTimes: 1, absentDays: 0.3 })).toBe('halfDays');
  });
});
