import { describe, expect, it } from 'vitest';
import {
  addMonths,
  allRatingKeys,
  answerProblems,
  cadenceMonths,
  countsOf,
  CURRENT_QUESTION_SET,
  DEFAULT_SURVEY_SETTINGS,
  invitationStatus,
  meetsTarget,
  QUESTION_SETS,
  questionSet,
  readSurveySettings,
  responseRate,
  scoresOf,
  shortestCadence,
  surveyDue,
} from './surveys';

describe('survey scores', () => {
  it('CSAT is the mean, 满意率 the share of 4 and 5, NPS promoters (9–10) minus detractors (0–6) in points', () => {
    const answers = [
      { csat: 5, nps: 10 },
      { csat: 4, nps: 9 },
      { csat: 4, nps: 8 },
      { csat: 3, nps: 7 },
      { csat: 2, nps: 6 },
      { csat: 1, nps: 0 },
    ];
    const c = countsOf(answers);
    expect(c).toEqual({ answers: 6, csatSum: 19, satisfied: 3, promoters: 2, detractors: 2 });
    expect(scoresOf(c)).toEqual({ answers: 6, csat: 3.17, satisfiedRate: 50, nps: 0 });
  });

  it('NPS spans −100 to 100; passives (7–8) count in the base only', () => {
    expect(scoresOf(countsOf([{ csat: 5, nps: 10 }, { csat: 5, nps: 9 }])).nps).toBe(100);
    expect(scoresOf(countsOf([{ csat: 1, nps: 0 }, { csat: 2, nps: 6 }])).nps).toBe(-100);
    expect(scoresOf(countsOf([{ csat: 4, nps: 7 }, { csat: 4, nps: 8 }, { csat: 5, nps: 10 }])).nps).toBe(33.3);
    expect(scoresOf(countsOf([{ csat: 4, nps: 6 }, { csat: 4, nps: 8 }, { csat: 5, nps: 10 }])).nps).toBe(0);
  });

  it('without answers every score is null, not zero', () => {
    expect(scoresOf(countsOf([]))).toEqual({ answers: 0, csat: null, satisfiedRate: null, nps: null });
  });

  it('rounds 满意率 to one decimal and CSAT to two', () => {
    const s = scoresOf(countsOf([{ csat: 5, nps: 9 }, { csat: 4, nps: 9 }, { csat: 3, nps: 9 }]));
    expect(s.satisfiedRate).toBe(66.7);
    expect(s.csat).toBe(4);
    expect(scoresOf({ answers: 3, csatSum: 13, satisfied: 2, promoters: 0, detractors: 0 }).csat).toBe(4.33);
  });

  it('response rate is answered ÷ sent; the target is met at or above it', () => {
    expect(responseRate(3, 4)).toBe(75);
    expect(responseRate(0, 0)).toBeNull();
    expect(responseRate(1, 3)).toBe(33.3);
    expect(meetsTarget(90, 90)).toBe(true);
    expect(meetsTarget(89.9, 90)).toBe(false);
    expect(meetsTarget(null, 90)).toBeNull();
  });
});

describe('question sets', () => {
  it('version 1 asks CSAT, NPS, the four items of seed 003 and a comment; keys are unique', () => {
    const set = questionSet(CURRENT_QUESTION_SET)!;
    expect(set.questions.map((q) => q.kind)).toEqual(['csat', 'nps', 'rating', 'rating', 'rating', 'rating', 'comment']);
    expect(new Set(set.questions.map((q) => q.key)).size).toBe(set.questions.length);
    expect(allRatingKeys()).toEqual(['service', 'care', 'competitive', 'industry']);
    for (const q of set.questions) expect(q.text['zh-CN'] && q.text.en && q.name['zh-CN'] && q.name.en, q.key).toBeTruthy();
    expect(new Set(QUESTION_SETS.map((s) => s.version)).size).toBe(QUESTION_SETS.length);
  });

  it('answers may leave items out; an item the set does not ask or off the scale is named', () => {
    const set = questionSet(1)!;
    expect(answerProblems(set, {})).toEqual([]);
    expect(answerProblems(set, { items: { service: 5, care: null } })).toEqual([]);
    expect(answerProblems(set, { items: { price: 3, service: 6, care: 0 } })).toEqual([
      { path: 'items.price', problem: 'unknownItem' },
      { path: 'items.service', problem: 'outOfRange' },
      { path: 'items.care', problem: 'outOfRange' },
    ]);
    const strict = { ...set, questions: set.questions.map((q) => (q.key === 'care' ? { ...q, required: true } : q)) };
    expect(answerProblems(strict, { items: { service: 4 } })).toEqual([{ path: 'items.care', problem: 'required' }]);
  });
});

describe('survey cadence', () => {
  const c = DEFAULT_SURVEY_SETTINGS.cadence;

  it('the strictest rule that asks wins: 战略 or grade A every 3 months, otherwise the tier’s 6', () => {
    expect(cadenceMonths(c, { tier: 'heavy', strategic: false, grade: null })).toBe(6);
    expect(cadenceMonths(c, { tier: 'smb', strategic: true, grade: 'C' })).toBe(3);
    expect(cadenceMonths(c, { tier: 'large', strategic: false, grade: 'A' })).toBe(3);
    expect(cadenceMonths(c, { tier: 'large', strategic: false, grade: 'B' })).toBe(6);
    const none = { tiers: { heavy: null, large: null, smb: null }, strategic: null, grades: { A: null, B: null, C: null, D: null } };
    expect(cadenceMonths(none, { tier: 'heavy', strategic: true, grade: 'A' })).toBeNull();
    expect(shortestCadence(c)).toBe(3);
    expect(shortestCadence(none)).toBeNull();
    expect(cadenceMonths({ ...none, tiers: { heavy: 12, large: null, smb: null } }, { tier: 'heavy', strategic: false, grade: 'D' })).toBe(12);
  });

  it('adds months with the day clamped to the month’s end, and backwards', () => {
    expect(addMonths('2026-01-31', 1)).toBe('2026-02-28');
    expect(addMonths('2024-01-31', 1)).toBe('2024-02-29');
    expect(addMonths('2026-11-15', 3)).toBe('2027-02-15');
    expect(addMonths('2026-03-31', -1)).toBe('2026-02-28');
    expect(addMonths('2026-01-10', -13)).toBe('2024-12-10');
  });

  it('an account is due when never invited, or on the day its cadence after the last invitation comes', () => {
    expect(surveyDue(6, null, '2026-12-01')).toBe(true);
    expect(surveyDue(6, '2026-06-01', '2026-11-30')).toBe(false);
    expect(surveyDue(6, '2026-06-01', '2026-12-01')).toBe(true);
    expect(surveyDue(3, '2026-08-31', '2026-11-30')).toBe(true);
    expect(surveyDue(3, '2026-08-31', '2026-11-29')).toBe(false);
    expect(surveyDue(null, null, '2026-12-01')).toBe(false);
  });

  it('settings keep the defaults for what is missing or malformed', () => {
    expect(readSurveySettings(undefined)).toEqual(DEFAULT_SURVEY_SETTINGS);
    const s = readSurveySettings({ expiryDays: 0, targetSatisfiedRate: 85, cadence: { tiers: { heavy: 4, large: null, smb: 'x' }, strategic: 99 }, lifecycles: ['active', 'nonsense'], maxPerRun: 10 });
    expect(s).toEqual({
      expiryDays: 14,
      targetSatisfiedRate: 85,
      cadence: { tiers: { heavy: 4, large: null, smb: 6 }, strategic: 3, grades: DEFAULT_SURVEY_SETTINGS.cadence.grades },
      lifecycles: ['active'],
      maxPerRun: 10,
    });
  });
});

describe('invitation status', () => {
  const now = new Date('2026-12-01T08:00:00Z');
  it('answered and revoked stay; pending until its expiry, expired after', () => {
    expect(invitationStatus({ answeredAt: '2026-11-30T00:00:00Z', revokedAt: null, expiresAt: '2026-11-01T00:00:00Z' }, now)).toBe('answered');
    expect(invitationStatus({ answeredAt: null, revokedAt: '2026-11-30T00:00:00Z', expiresAt: '2026-12-10T00:00:00Z' }, now)).toBe('revoked');
    expect(invitationStatus({ answeredAt: null, revokedAt: null, expiresAt: '2026-12-01T08:00:01Z' }, now)).toBe('pending');
    expect(invitationStatus({ answeredAt: null, revokedAt: null, expiresAt: '2026-12-01T08:00:00Z' }, now)).toBe('expired');
  });
});
