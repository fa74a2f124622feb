import { describe, expect, it } from 'vitest';
import {
  ALL_CHECKLIST_ITEMS,
  allFactorScores,
  ASSESSMENT_FACTORS,
  DEFAULT_PIPELINE_SETTINGS,
  STAGE_ITEMS,
  STAGES,
  gradeAssessment,
  itemMet,
  missingForGate,
  weightedValue,
  type FactorScores,
} from './pipeline';

const all = (n: number): FactorScores => Object.fromEntries(ASSESSMENT_FACTORS.map((f) => [f, n]));
/** value factors at `v`, difficulty factors at `d` (supply capacity mirrored so it means the same) */
const vd = (v: number, d: number): FactorScores => ({ share: v, business_value: v, effort: d, deal_risk: d, payment_risk: d, difficulty: d, supply_capacity: 6 - d });
const s = DEFAULT_PIPELINE_SETTINGS;

describe('value assessment grading (seed 003 §3.2.3 (五))', () => {
  it('keeps every factor of a partial assessment (继续收集信息), the open ones null', () => {
    expect(allFactorScores({ share: 4, business_value: 4, effort: 3 })).toEqual({ share: 4, effort: 3, deal_risk: null, business_value: 4, payment_risk: null, supply_capacity: null, difficulty: null });
    expect(Object.keys(allFactorScores(null))).toEqual([...ASSESSMENT_FACTORS]);
    expect(gradeAssessment({ share: 4, business_value: 4, effort: 3 }, s).outcome).toBe('collect');
  });

  it('grades the value × difficulty grid into A/B/C/D and abandon', () => {
    expect(gradeAssessment(vd(5, 1), s).outcome).toBe('A');
    expect(gradeAssessment(vd(5, 5), s).outcome).toBe('B');
    expect(gradeAssessment(vd(3, 2), s).outcome).toBe('B');
    expect(gradeAssessment(vd(3, 4), s).outcome).toBe('C');
    expect(gradeAssessment(vd(1, 2), s).outcome).toBe('D');
    expect(gradeAssessment(vd(1, 5), s).outcome).toBe('abandon');
  });

  it('scales 1–5 scores to 0–100 with the weights', () => {
    const r = gradeAssessment(vd(5, 1), s);
    expect(r.value).toBe(100);
    expect(r.difficulty).toBe(0);
    // share 5 (w3), business value 1 (w3) → 50
    expect(gradeAssessment({ ...vd(1, 1), share: 5 }, s).value).toBe(50);
    // weight 0 leaves a factor out
    const weights = { ...s.weights, business_value: 0 };
    expect(gradeAssessment({ ...vd(1, 1), share: 5 }, { weights, thresholds: s.thresholds }).value).toBe(100);
  });

  it('reads supply capacity inversely: strong capacity lowers difficulty', () => {
    const strong = gradeAssessment({ ...all(3), supply_capacity: 5 }, s).difficulty!;
    const weak = gradeAssessment({ ...all(3), supply_capacity: 1 }, s).difficulty!;
    expect(strong).toBeLessThan(weak);
  });

  it('keeps collecting when a weighted factor is unscored or information is insufficient', () => {
    expect(gradeAssessment({ ...vd(5, 1), payment_risk: null }, s)).toMatchObject({ outcome: 'collect', difficulty: null, value: 100 });
    expect(gradeAssessment(vd(5, 1), s, false).outcome).toBe('collect');
    // an unscored factor with weight 0 does not matter
    const weights = { ...s.weights, payment_risk: 0 };
    expect(gradeAssessment({ ...vd(5, 1), payment_risk: null }, { weights, thresholds: s.thresholds }).outcome).toBe('A');
  });

  it('honours configured thresholds at their edges', () => {
    const thresholds = { valueHigh: 50, valueLow: 25, difficultyHigh: 50 };
    expect(gradeAssessment(vd(3, 3), { weights: s.weights, thresholds }).outcome).toBe('B'); // value 50 high, difficulty 50 hard
    expect(gradeAssessment(vd(3, 2), { weights: s.weights, thresholds }).outcome).toBe('A');
  });
});

describe('stage gates', () => {
  const facts = { assessmentOutcome: null, planStatus: null, parts: ['account_manager'] as const };

  it('lists the missing items of a gate in order', () => {
    expect(missingForGate(1, s.gates, new Set(['initial_contact']), facts)).toEqual(['potential_need', 'chance_judged']);
    expect(missingForGate(1, s.gates, new Set(STAGE_ITEMS[1]), facts)).toEqual([]);
  });

  it('reads auto items from the facts, not from ticks', () => {
    const ticked = new Set(['assessment', 'plan_approved', 'participant_ka_director']);
    expect(missingForGate(3, s.gates, ticked, facts)).toEqual(['assessment', 'plan_approved', 'participant_ka_director']);
    const met = { assessmentOutcome: 'B' as const, planStatus: 'approved' as const, parts: ['account_manager', 'ka_director'] as const };
    expect(missingForGate(3, s.gates, new Set(), met)).toEqual([]);
    expect(itemMet('assessment', new Set(), { ...met, assessmentOutcome: 'collect' })).toBe(false);
    expect(itemMet('assessment', new Set(), { ...met, assessmentOutcome: 'abandon' })).toBe(false);
    expect(itemMet('plan_approved', new Set(), { ...met, planStatus: 'pending' })).toBe(false);
    expect(itemMet('plan_designed', new Set(), { ...met, planStatus: 'draft' })).toBe(true);
  });

  it('default gates only use their own stage items', () => {
    for (const st of STAGES) for (const item of s.gates[st]) expect(STAGE_ITEMS[st]).toContain(item);
    expect(new Set(ALL_CHECKLIST_ITEMS).size).toBe(ALL_CHECKLIST_ITEMS.length);
  });
});

describe('weighted pipeline', () => {
  it('weights the expected value by the stage probability, rounded to the fen', () => {
    expect(weightedValue(1_000_000, 3, s.probabilities)).toBe(400_000);
    expect(weightedValue(333, 1, s.probabilities)).toBe(33);
  });
});
