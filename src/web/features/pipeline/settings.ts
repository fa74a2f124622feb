import { gradeAssessment, type AssessmentOutcome, type GradingThresholds } from '../../../shared/domain/pipeline';

export interface GridRow {
  value: 'high' | 'medium' | 'low';
  /** the value band in numbers, for the row's label */
  range: { from: number; to: number };
  easy: AssessmentOutcome;
  hard: AssessmentOutcome;
}

/**
 * The A/B/C/D grid the thresholds make, read off the shared grading itself (so the explanation
 * cannot drift from what the server does): a value and a difficulty just inside each band.
 */
export function gradeGrid(t: GradingThresholds): GridRow[] {
  // Only value and difficulty matter: score the grid with one factor per dimension.
  const weights = { share: 1, effort: 0, deal_risk: 0, business_value: 0, payment_risk: 0, supply_capacity: 0, difficulty: 1 };
  const toScore = (pct: number) => 1 + (Math.min(100, Math.max(0, pct)) / 100) * 4;
  const grade = (value: number, difficulty: number) => gradeAssessment({ share: toScore(value), difficulty: toScore(difficulty) }, { weights, thresholds: t }).outcome;
  const easy = Math.max(0, t.difficultyHigh - 1);
  const hard = Math.min(100, t.difficultyHigh);
  const bands: { value: GridRow['value']; at: number; range: GridRow['range'] }[] = [
    { value: 'high', at: t.valueHigh, range: { from: t.valueHigh, to: 100 } },
    { value: 'medium', at: t.valueLow, range: { from: t.valueLow, to: t.valueHigh } },
    { value: 'low', at: Math.max(0, t.valueLow - 1), range: { from: 0, to: t.valueLow } },
  ];
  return bands.map((b) => ({ value: b.value, range: b.range, easy: grade(b.at, easy), hard: grade(b.at, hard) }));
}
