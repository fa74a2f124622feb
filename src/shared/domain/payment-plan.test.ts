import { describe, expect, it } from 'vitest';
import { generatePlan, planProblems, planTotal, termsProblem } from './payment-plan';

const terms = (...ps: number[]) => ps.map((percent, i) => ({ percent, dueDate: `2026-0${i + 1}-15`, milestone: `第${i + 1}期` }));

describe('payment plan generation (DEAL-2)', () => {
  it('splits the amount by the percents in order, with the milestones and dates of the terms', () => {
    expect(generatePlan(1_000_000, terms(30, 60, 10))).toEqual([
      { seq: 1, milestone: '第1期', dueDate: '2026-01-15', amount: 300_000 },
      { seq: 2, milestone: '第2期', dueDate: '2026-02-15', amount: 600_000 },
      { seq: 3, milestone: '第3期', dueDate: '2026-03-15', amount: 100_000 },
    ]);
  });

  it('rounds each share down to the fen and puts the remainder on the last instalment, so the sum is exact', () => {
    const plan = generatePlan(100_001, terms(30, 60, 10));
    expect(plan.map((x) => x.amount)).toEqual([30_000, 60_000, 10_001]);
    const thirds = generatePlan(100, terms(33.33, 33.33, 33.34));
    expect(thirds.map((x) => x.amount)).toEqual([33, 33, 34]);
    for (const amount of [1, 7, 99_999, 123_456_789, 9_000_000_000_000_000]) expect(planTotal(generatePlan(amount, terms(12.5, 37.25, 50.25)))).toBe(amount);
  });

  it('refuses terms whose percents do not add up to 100', () => {
    expect(termsProblem(terms(30, 60))).toEqual({ path: 'terms', problem: 'percentSum', params: { percent: 90 } });
    expect(termsProblem(terms(50, 50.01))?.params).toEqual({ percent: 100.01 });
    expect(termsProblem(terms(100))).toBeNull();
    expect(() => generatePlan(100, terms(30, 60))).toThrow(RangeError);
  });

  it('one term of 100 is the whole amount', () => {
    expect(generatePlan(5, terms(100))).toEqual([{ seq: 1, milestone: '第1期', dueDate: '2026-01-15', amount: 5 }]);
  });
});

describe('plan problems', () => {
  it('accepts a plan that sums to the amount', () => {
    expect(planProblems(1000, [{ amount: 300 }, { amount: 700 }])).toEqual([]);
  });

  it('names the instalments when the sum differs from the amount', () => {
    expect(planProblems(1000, [{ amount: 300 }, { amount: 600 }])).toEqual([{ path: 'instalments', problem: 'planSum', params: { sum: 900, amount: 1000 } }]);
    expect(planProblems(1000, [{ amount: 1300 }])[0]!.problem).toBe('planSum');
  });

  it('names an instalment that is not above 0', () => {
    expect(planProblems(1000, [{ amount: 1000 }, { amount: 0 }])).toEqual([{ path: 'instalments.1.amount', problem: 'instalmentAmount' }]);
    expect(planProblems(1000, [{ amount: 1001 }, { amount: -1 }]).map((p) => p.path)).toEqual(['instalments.1.amount']);
  });

  it('wants a plan only when required and the amount is above 0', () => {
    expect(planProblems(1000, [])).toEqual([]);
    expect(planProblems(1000, [], true)).toEqual([{ path: 'instalments', problem: 'planMissing', params: { amount: 1000 } }]);
    expect(planProblems(0, [], true)).toEqual([]);
  });
});
