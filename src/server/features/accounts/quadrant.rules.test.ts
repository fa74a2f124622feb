import { describe, expect, it } from 'vitest';
import { quadrantSettings } from '../../../shared/contracts/quadrant';
import { DEFAULT_QUADRANT, quadrantFor, quadrantOf, readQuadrantSettings, type QuadrantInput } from './quadrant.rules';

const yuan = (n: number) => n * 100;
const Y = 2026;
const none = { premium: false, high_value: false, group: false, strategic: false };

/** A large, leading, growing account where we are well placed. */
const strongBig: QuadrantInput = {
  annualSales: yuan(1_200_000_000),
  registeredCapital: yuan(400_000_000),
  employees: 5000,
  tier: 'large',
  industryPosition: 'leading',
  categories: { ...none, strategic: true },
  revenueByYear: new Map([
    [Y - 2, yuan(400_000)],
    [Y - 1, yuan(500_000)],
    [Y, yuan(300_000)],
  ]),
  // the running year counts (a rolling window), so 1.2M over three years
  window: { kind: 'rollingMonths', years: 3, year: Y, month0: 11 },
  coverageScore: 90,
  decisionPeople: [{ stage: 'ally', support: 2 }],
  lifecycle: 'maintaining',
};

const factor = (r: ReturnType<typeof quadrantOf>, name: string) => r.factors.find((f) => f.factor === name)!;

describe('portfolio quadrant (ACC-4, seed 004)', () => {
  it('the defaults are valid settings and weigh each axis to 100', () => {
    expect(quadrantSettings.safeParse(DEFAULT_QUADRANT).success).toBe(true);
    expect(Object.values(DEFAULT_QUADRANT.attractivenessWeights).reduce((a, b) => a + b, 0)).toBe(100);
    expect(Object.values(DEFAULT_QUADRANT.strengthWeights).reduce((a, b) => a + b, 0)).toBe(100);
    expect(readQuadrantSettings({ split: 'nonsense' })).toEqual(DEFAULT_QUADRANT);
  });

  it('splits the plane at the configured points: high/high star, high/low question, low/high cash cow, low/low dog', () => {
    const split = { attractiveness: 50, strength: 60 };
    expect(quadrantFor(50, 60, split)).toBe('star');
    expect(quadrantFor(80, 59, split)).toBe('question');
    expect(quadrantFor(49, 90, split)).toBe('cash_cow');
    expect(quadrantFor(10, 10, split)).toBe('dog');
  });

  it('a big leading account where we are strong is a star, with every factor explained', () => {
    const r = quadrantOf(strongBig, DEFAULT_QUADRANT);
    expect(r.quadrant).toBe('star');
    // size: sales capped at 100, capital 100, employees 100 → 100
    expect(factor(r, 'size')).toMatchObject({ axis: 'attractiveness', score: 100, weight: 30 });
    expect(factor(r, 'tier').score).toBe(70);
    expect(factor(r, 'industryPosition').score).toBe(100);
    expect(factor(r, 'category')).toMatchObject({ score: 100, basis: { category: 'strategic' } });
    // 400k → 500k is +25 %, beyond the ±20 % range → 100
    expect(factor(r, 'trend')).toMatchObject({ score: 100, basis: { previous: yuan(400_000), last: yuan(500_000), growthPct: 25 } });
    // (30·100 + 20·70 + 20·100 + 15·100 + 15·100) / 100 = 94
    expect(r.attractiveness).toBe(94);
    // revenue 1.2M over 3 years ≥ 1M reference → 100; decision makers: ally + strongly for → 100
    expect(factor(r, 'revenue')).toMatchObject({ axis: 'strength', score: 100, basis: { amount: yuan(1_200_000), reference: yuan(1_000_000), years: 3, window: 'rollingMonths' } });
    expect(factor(r, 'decisionMakers')).toMatchObject({ score: 100, basis: { count: 1 } });
    // (35·100 + 20·90 + 30·100 + 15·90) / 100 = 96.5 → 97
    expect(r.strength).toBe(97);
  });

  it('the same account without our revenue or allies there is a question mark', () => {
    const r = quadrantOf({ ...strongBig, revenueByYear: new Map(), coverageScore: 35, decisionPeople: [], lifecycle: 'developing' }, DEFAULT_QUADRANT);
    expect(r.quadrant).toBe('question');
    expect(factor(r, 'trend').score).toBeNull();
    expect(factor(r, 'decisionMakers')).toMatchObject({ score: 0, basis: { count: 0 } });
  });

  it('a small account in decline where we hold the relationship is a cash cow; without it a dog', () => {
    const small: QuadrantInput = {
      ...strongBig,
      annualSales: yuan(20_000_000),
      registeredCapital: null,
      employees: 300,
      tier: 'smb',
      industryPosition: 'trailing',
      categories: none,
      revenueByYear: new Map([
        [Y - 2, yuan(500_000)],
        [Y - 1, yuan(400_000)],
        [Y, yuan(200_000)],
      ]),
    };
    const cow = quadrantOf(small, DEFAULT_QUADRANT);
    // size: sales 20M of 1B → 2, employees 300 of 3000 → 10; mean 6 (registered capital unknown, not counted)
    expect(factor(cow, 'size')).toMatchObject({ score: 6, basis: { annualSales: yuan(20_000_000), registeredCapital: null, employees: 300 } });
    // −20 % → 0
    expect(factor(cow, 'trend')).toMatchObject({ score: 0, basis: { growthPct: -20 } });
    expect(cow.quadrant).toBe('cash_cow');
    const dog = quadrantOf({ ...small, revenueByYear: new Map(), coverageScore: 35, decisionPeople: [{ stage: 'acquainted', support: -1 }], lifecycle: 'at_risk' }, DEFAULT_QUADRANT);
    expect(dog.quadrant).toBe('dog');
    // 0.6·25 + 0.4·25 = 25
    expect(factor(dog, 'decisionMakers').score).toBe(25);
  });

  it('unknown factors are left out and the known weights count fully', () => {
    const r = quadrantOf({ ...strongBig, annualSales: null, registeredCapital: null, employees: null, industryPosition: null, revenueByYear: new Map() }, DEFAULT_QUADRANT);
    for (const f of ['size', 'industryPosition', 'trend']) expect(factor(r, f).score).toBeNull();
    // only tier (20·70) and category (15·100) count: 2900 / 35 = 82.9 → 83
    expect(r.attractiveness).toBe(83);
  });

  it('weights set to 0 drop a factor; new business after a year of nothing trends up', () => {
    const s = { ...DEFAULT_QUADRANT, attractivenessWeights: { size: 0, tier: 0, industryPosition: 0, category: 0, trend: 100 } };
    const r = quadrantOf({ ...strongBig, revenueByYear: new Map([[Y - 1, yuan(10)]]) }, s);
    expect(factor(r, 'trend').score).toBe(100);
    expect(r.attractiveness).toBe(100);
  });
});
