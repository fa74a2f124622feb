import { describe, expect, it } from 'vitest';
import { ruleSet, type RuleSet, type ScoreRule } from '../contracts/scorecards';
import { DEFAULT_RULE_SETS, fullMarks, judgmentIssue, scoreOf, totalOf } from './scorecards';

const rule = (set: RuleSet, key: string): ScoreRule => set.items.find((i) => i.key === key)!.rule;
const am = DEFAULT_RULE_SETS.account_manager;
const score = (key: string, value: number | null, absent: number | null = null) => scoreOf(rule(am, key), value, absent);

describe('the account manager’s form (seed 003 §2.2)', () => {
  it('has the seed’s 12 items worth 100 points, each default rule set valid', () => {
    expect(am.items.map((i) => [i.key, i.rule.points])).toEqual([
      ['sales_completion', 25],
      ['sales_growth', 10],
      ['new_accounts', 5],
      ['market_information', 10],
      ['teamwork', 10],
      ['knowledge', 10],
      ['judgment', 4],
      ['communication', 6],
      ['attendance', 5],
      ['conduct', 5],
      ['responsibility', 5],
      ['service', 5],
    ]);
    for (const set of Object.values(DEFAULT_RULE_SETS)) {
      expect(ruleSet.safeParse(set).success, set.kind).toBe(true);
      expect(fullMarks(set), set.kind).toBe(100);
    }
  });

  it('sales completion: 25 at 100 %, one point per whole 5 % step either way, within 0..30', () => {
    const cases: [number, number][] = [
      [100, 25],
      [99.99, 25],
      [95.01, 25],
      [95, 24],
      [94.99, 24],
      [90, 23],
      [104.99, 25],
      [105, 26],
      [110, 27],
      [150, 30],
      [0, 5],
      [-10, 3],
    ];
    for (const [value, points] of cases) expect(score('sales_completion', value), `${value} %`).toBe(points);
    expect(score('sales_completion', null), 'no target: not computed').toBeNull();
    expect(scoreOf({ ...rule(am, 'sales_completion'), step: 5, start: 25, min: 0, max: 30 } as ScoreRule, 10)).toBe(7);
    expect(scoreOf({ ...rule(am, 'sales_completion'), min: 0 } as ScoreRule, -1000)).toBe(0);
  });

  it('new accounts: one point each up to 5; fewer than 2 costs one more', () => {
    expect([0, 1, 2, 3, 4, 5, 6, 9].map((n) => score('new_accounts', n))).toEqual([-1, 0, 2, 3, 4, 5, 5, 5]);
  });

  it('sales growth: 5 at no change, ±1 per whole 5 %, within 0..10', () => {
    expect([0, 4.99, 5, 12, 25, 60, -5, -4.99, -25, -80].map((g) => score('sales_growth', g))).toEqual([5, 5, 6, 7, 10, 10, 4, 5, 0, 0]);
  });

  it('attendance: late 0 → 5, 1–3 → 4, 4–6 → 3, more → 0; each day short −1; not under 0', () => {
    expect([0, 1, 3, 4, 6, 7, 20].map((n) => score('attendance', n))).toEqual([5, 4, 4, 3, 3, 0, 0]);
    expect(score('attendance', 0, 2)).toBe(3);
    expect(score('attendance', 4, 2)).toBe(1);
    expect(score('attendance', 5, 9)).toBe(0);
  });

  it('conduct −2 per violation (not under 0); service −5 per valid complaint, with no floor', () => {
    expect([0, 1, 2, 3].map((n) => score('conduct', n))).toEqual([5, 3, 1, 0]);
    expect([0, 1, 2, 3].map((n) => score('service', n))).toEqual([5, 0, -5, -10]);
  });

  it('judgment items take the evaluator’s points: within 0..the item’s points, in half points', () => {
    expect(score('judgment', 3.5)).toBe(3.5);
    expect(judgmentIssue(rule(am, 'judgment'), 3.5)).toBeNull();
    expect(judgmentIssue(rule(am, 'judgment'), 4.5)).toBe('scorecards.outOfRange');
    expect(judgmentIssue(rule(am, 'judgment'), -0.5)).toBe('scorecards.outOfRange');
    expect(judgmentIssue(rule(am, 'judgment'), 3.3)).toBe('scorecards.notAStep');
    expect(judgmentIssue(rule(am, 'judgment'), Number.NaN)).toBe('scorecards.outOfRange');
    expect(judgmentIssue(rule(am, 'sales_completion'), 3)).toBe('scorecards.notJudgment');
  });

  it('a full card: the sum; under 60 a warning; a missing item leaves it incomplete and raises none', () => {
    const full = [score('sales_completion', 100), score('sales_growth', 25), score('new_accounts', 5), 10, 10, 10, 4, 6, score('attendance', 0), score('conduct', 0), 5, score('service', 0)];
    expect(totalOf(full, am.threshold)).toEqual({ total: 100, complete: true, missing: 0, warning: false });
    const poor = [score('sales_completion', 40), score('sales_growth', -30), score('new_accounts', 0), 5, 5, 5, 2, 3, score('attendance', 7), score('conduct', 2), 3, score('service', 2)];
    // 13 + 0 − 1 + 5 + 5 + 5 + 2 + 3 + 0 + 1 + 3 − 5 = 31
    expect(totalOf(poor, am.threshold)).toEqual({ total: 31, complete: true, missing: 0, warning: true });
    expect(totalOf([...poor.slice(0, 11), null], am.threshold)).toMatchObject({ complete: false, missing: 1, warning: false });
    expect(totalOf([-3, -10], 60).total).toBe(0);
    expect(totalOf([59.99], 60).warning).toBe(true);
    expect(totalOf([60], 60).warning).toBe(false);
  });
});

describe('the specialist’s monthly form (seed 001) and the director’s quarterly form (seed 003 §1.2.1)', () => {
  const sp = DEFAULT_RULE_SETS.specialist;
  const dir = DEFAULT_RULE_SETS.director;
  it('the specialist’s parts are weighted completions, each up to 100 %', () => {
    expect(scoreOf(rule(sp, 'visit_plan'), 75)).toBe(22.5);
    expect(scoreOf(rule(sp, 'visit_plan'), 130)).toBe(30);
    expect(scoreOf(rule(sp, 'deal_plan'), 0)).toBe(0);
    expect(scoreOf(rule(sp, 'expansion_plan'), 50)).toBe(15);
    expect(scoreOf(rule(sp, 'visit_plan'), null)).toBeNull();
  });
  it('the director’s churn and new-account rates score by bands', () => {
    expect([0, 2, 2.01, 5, 9.99, 10, 10.01].map((v) => scoreOf(rule(dir, 'churn_rate'), v))).toEqual([20, 20, 15, 15, 8, 8, 0]);
    expect([15, 10, 9.99, 5, 2, 1.99, 0].map((v) => scoreOf(rule(dir, 'new_account_rate'), v))).toEqual([20, 20, 15, 15, 8, 0, 0]);
    expect(scoreOf(rule(dir, 'sales_completion'), 85)).toBe(34);
    expect(scoreOf(rule(dir, 'archive_completeness'), 73.71)).toBe(14.74);
  });
  it('a changed rule set is refused when it is malformed', () => {
    expect(ruleSet.safeParse({ ...am, threshold: 120 }).success).toBe(false);
    expect(ruleSet.safeParse({ ...am, items: [] }).success).toBe(false);
    expect(ruleSet.safeParse({ ...am, items: [{ key: 'Bad Key', source: 'kpi', rule: { kind: 'judgment', points: 5, stepOf: 1 } }] }).success).toBe(false);
    expect(ruleSet.safeParse({ ...am, items: [{ key: 'x', source: 'kpi', rule: { kind: 'ratio', input: 'nothing', points: 5, cap: 100 } }] }).success).toBe(false);
  });
});

describe('the words', () => {
  it('every default item has a name and its reading in both languages', async () => {
    const { readFileSync } = await import('node:fs');
    const keys = new Set(Object.values(DEFAULT_RULE_SETS).flatMap((s) => s.items.map((i) => i.key)));
    for (const lng of ['zh-CN', 'en']) {
      const words = JSON.parse(readFileSync(new URL(`../locales/${lng}/scorecards.json`, import.meta.url), 'utf8')) as { items: Record<string, { name: string; reading: string }> };
      for (const k of keys) expect(words.items[k]?.name && words.items[k]?.reading, `${lng} ${k}`).toBeTruthy();
      expect(Object.keys(words.items).sort()).toEqual([...keys].sort());
    }
  });
});
