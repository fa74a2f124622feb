import { describe, expect, it } from 'vitest';
import type { KpiFigure, KpiKey } from '../../../shared/contracts/kpis';
import { DEFAULT_RULE_SETS } from '../../../shared/domain/scorecards';
import { attendanceOf, cardActions, computedItem, kindOfPositions, kindsOfPeriod, kpisRead, monthsOf, previous, ranked, reopenDocType, ruleSetIssues, sortRows } from './scorecards.rules';

describe('scorecard periods and forms', () => {
  it('a month keeps the account manager’s and the specialist’s forms, a quarter the director’s', () => {
    expect(kindsOfPeriod('2026-11')).toEqual(['account_manager', 'specialist']);
    expect(kindsOfPeriod('2026-Q3')).toEqual(['director']);
    expect(monthsOf('2026-Q3')).toEqual(['2026-07', '2026-08', '2026-09']);
    expect(monthsOf('2026-11')).toEqual(['2026-11']);
  });
  it('a person is scored on the form of their position', () => {
    expect(kindOfPositions(['account_manager'], ['account_manager', 'specialist'])).toBe('account_manager');
    expect(kindOfPositions(['office', 'office_specialist'], ['account_manager', 'specialist'])).toBe('specialist');
    expect(kindOfPositions(['ka_director'], ['account_manager', 'specialist'])).toBeNull();
    expect(kindOfPositions(['ka_director'], ['director'])).toBe('director');
    expect(kindOfPositions(['finance_manager'], ['account_manager', 'specialist'])).toBeNull();
  });
});

describe('who does which step', () => {
  const card = (status: 'draft' | 'self_review' | 'evaluator' | 'director' | 'locked', evaluatorId: number | null = 2) => ({ status, userId: 1, evaluatorId });
  it('the manager sends a draft for self-review; the person cannot', () => {
    expect(cardActions(card('draft'), { userId: 2 }, true).advance).toBe('self_review');
    expect(cardActions(card('draft'), { userId: 1 }, false).advance).toBeNull();
  });
  it('the person hands their self-review on; so may a manager', () => {
    expect(cardActions(card('self_review'), { userId: 1 }, false).advance).toBe('evaluator');
    expect(cardActions(card('self_review'), { userId: 3 }, true).advance).toBe('evaluator');
    expect(cardActions(card('self_review'), { userId: 3 }, false).advance).toBeNull();
  });
  it('the evaluator enters and hands on the judgment items; the person never', () => {
    expect(cardActions(card('evaluator'), { userId: 2 }, false)).toMatchObject({ evaluate: true, advance: 'director', sendBack: true });
    expect(cardActions(card('evaluator'), { userId: 1 }, true)).toMatchObject({ evaluate: false, advance: null, sendBack: false });
    expect(cardActions(card('evaluator', null), { userId: 3 }, true)).toMatchObject({ evaluate: true, advance: 'director' });
  });
  it('a manager locks — not on their own card — and a locked card has no step', () => {
    expect(cardActions(card('director'), { userId: 3 }, true).advance).toBe('locked');
    expect(cardActions({ status: 'director', userId: 3, evaluatorId: null }, { userId: 3 }, true).advance).toBeNull();
    expect(cardActions(card('locked'), { userId: 3 }, true)).toEqual({ refresh: false, evaluate: false, advance: null, sendBack: false, reopen: true });
  });
  it('a locked card is reopened only through a request of its evaluator or a manager, to the GM for a director', () => {
    expect(cardActions(card('locked'), { userId: 1 }, true).reopen).toBe(false);
    expect(cardActions(card('locked'), { userId: 2 }, false).reopen).toBe(true);
    expect(cardActions(card('locked'), { userId: 4 }, false).reopen).toBe(false);
    expect(cardActions(card('director'), { userId: 3 }, true).reopen).toBe(false);
    expect(reopenDocType({ cardKind: 'specialist', requesterIsDirector: false })).toBe('scorecard_reopen');
    expect(reopenDocType({ cardKind: 'specialist', requesterIsDirector: true })).toBe('scorecard_reopen_gm');
    expect(reopenDocType({ cardKind: 'director', requesterIsDirector: false })).toBe('scorecard_reopen_gm');
  });
  it('sending back goes one step', () => {
    expect(previous('director')).toBe('evaluator');
    expect(previous('self_review')).toBe('draft');
    expect(previous('draft')).toBeNull();
    expect(previous('locked')).toBeNull();
  });
});

describe('computed items', () => {
  const figures = { visit_plan_execution: { value: 75, numerator: 3, denominator: 4 } } as unknown as Record<KpiKey, KpiFigure>;
  const [visit, , , daily] = DEFAULT_RULE_SETS.specialist.items;
  const attendance = DEFAULT_RULE_SETS.account_manager.items.find((i) => i.key === 'attendance')!;
  it('a KPI item reads its figure, with its parts', () => {
    expect(computedItem(visit!, figures, null)).toEqual({ value: 75, absent: null, numerator: 3, denominator: 4 });
  });
  it('attendance reads the late times and absent days; a month not there is missing', () => {
    expect(computedItem(attendance, undefined, { late: 4, absent: 1 })).toEqual({ value: 4, absent: 1, numerator: null, denominator: null });
    expect(computedItem(attendance, undefined, null)?.value).toBeNull();
    expect(attendanceOf(['2026-07', '2026-08'], [{ month: '2026-07', late_times: 1, absent_days: 0.5 }])).toBeNull();
    expect(attendanceOf(['2026-07', '2026-08'], [{ month: '2026-07', late_times: 1, absent_days: 0.5 }, { month: '2026-08', late_times: 2, absent_days: 0 }])).toEqual({ late: 3, absent: 0.5 });
  });
  it('the evaluator’s items are not computed', () => {
    expect(computedItem(daily!, figures, null)).toBeNull();
  });
  it('the KPI library measures only what the forms read', () => {
    expect(kpisRead([DEFAULT_RULE_SETS.specialist]).sort()).toEqual(['deal_plan_completion', 'dev_plan_completion', 'visit_plan_execution']);
    expect(kpisRead([DEFAULT_RULE_SETS.account_manager, DEFAULT_RULE_SETS.specialist]).sort()).toEqual(
      ['deal_plan_completion', 'dev_plan_completion', 'new_accounts', 'sales_completion', 'sales_growth', 'valid_complaints', 'visit_plan_execution'],
    );
    expect(kpisRead([DEFAULT_RULE_SETS.director]).sort()).toEqual(['archive_completeness', 'churn_rate', 'new_account_rate', 'sales_completion']);
    expect(kpisRead([])).toEqual([]);
  });
});

describe('the ranking', () => {
  const row = (name: string, total: number, points: Record<string, number | null> = {}) => ({ total, status: 'locked', person: { name }, points });
  it('ties share a rank', () => {
    expect(ranked([row('甲', 80), row('乙', 90), row('丙', 80), row('丁', 70)]).map((r) => [r.person.name, r.rank])).toEqual([
      ['乙', 1],
      ['甲', 2],
      ['丙', 2],
      ['丁', 4],
    ]);
  });
  it('sorts by an item, missing last either way', () => {
    const rows = [row('甲', 80, { a: 3 }), row('乙', 90, { a: null }), row('丙', 70, { a: 5 })];
    expect(sortRows(rows, 'item:a').map((r) => r.person.name)).toEqual(['甲', '丙', '乙']);
    expect(sortRows(rows, '-item:a').map((r) => r.person.name)).toEqual(['丙', '甲', '乙']);
    expect(sortRows(rows, '-total').map((r) => r.person.name)).toEqual(['乙', '甲', '丙']);
  });
});

describe('rule sets an admin saves', () => {
  const defaults = Object.values(DEFAULT_RULE_SETS);
  it('the seeds’ forms are fine', () => {
    expect(ruleSetIssues(defaults)).toEqual([]);
  });
  it('refuses a form twice or missing, a wrong cycle, a duplicate key and a source that does not fit its rule', () => {
    expect(ruleSetIssues([defaults[0]!, defaults[0]!, defaults[2]!]).map((i) => i.key)).toContain('scorecards.eachFormOnce');
    const bad = structuredClone(defaults);
    bad[2]!.cycle = 'month';
    bad[1]!.items[1]!.key = bad[1]!.items[0]!.key;
    bad[0]!.items[3]!.source = 'kpi';
    expect(ruleSetIssues(bad)).toEqual([
      { path: 'ruleSets.0.items.3.source', key: 'scorecards.sourceMismatch' },
      { path: 'ruleSets.1.items.1.key', key: 'scorecards.duplicateItem' },
      { path: 'ruleSets.2.cycle', key: 'scorecards.badCycle' },
    ]);
  });
});
