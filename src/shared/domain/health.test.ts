import { describe, expect, it } from 'vitest';
import { bandOf, changesSince, DEFAULT_HEALTH_SETTINGS, groupHealth, healthOf, healthSettingsIssue, HEALTH_MEASURES, measureScore, topDrivers, type HealthProfile } from './health';

const bands = DEFAULT_HEALTH_SETTINGS.bands;
const large = DEFAULT_HEALTH_SETTINGS.profiles.large;
/** a profile of two measures, 60/40 */
const two: HealthProfile = Object.fromEntries(HEALTH_MEASURES.map((m) => [m, { weight: 0, good: 0, bad: 1 }])) as HealthProfile;
two.visit_gap = { weight: 60, good: 100, bad: 200 };
two.satisfaction = { weight: 40, good: 90, bad: 50 };

describe('measureScore', () => {
  it('is 100 at or better than good, 0 at or worse than bad, a straight line between — in either direction', () => {
    const lessIsBetter = { good: 100, bad: 200 };
    expect(measureScore(80, lessIsBetter)).toBe(100);
    expect(measureScore(100, lessIsBetter)).toBe(100);
    expect(measureScore(150, lessIsBetter)).toBe(50);
    expect(measureScore(157, lessIsBetter)).toBe(43);
    expect(measureScore(200, lessIsBetter)).toBe(0);
    expect(measureScore(900, lessIsBetter)).toBe(0);
    const moreIsBetter = { good: 90, bad: 50 };
    expect(measureScore(95, moreIsBetter)).toBe(100);
    expect(measureScore(70, moreIsBetter)).toBe(50);
    expect(measureScore(10, moreIsBetter)).toBe(0);
    expect(measureScore(-20, { good: 0, bad: -40 })).toBe(50);
  });
});

describe('healthOf', () => {
  it('weights the measures with data and drops the rest, renormalising the weights', () => {
    const r = healthOf({ visit_gap: 150, satisfaction: 90 }, two, bands);
    // 50 × 0.6 + 100 × 0.4
    expect(r.score).toBe(70);
    expect(r.band).toBe('green');
    expect(r.measures.map((m) => [m.measure, m.score, m.weight, m.contribution, m.lost])).toEqual([
      ['visit_gap', 50, 0.6, 30, 30],
      ['satisfaction', 100, 0.4, 40, 0],
    ]);
    // without a survey answered, the visit gap is the whole score
    const dropped = healthOf({ visit_gap: 150, satisfaction: null }, two, bands);
    expect(dropped).toMatchObject({ score: 50, band: 'yellow', dropped: ['satisfaction'] });
    expect(dropped.measures[0]!.weight).toBe(1);
  });

  it('has no score when no measure has data; a measure of weight 0 is neither scored nor dropped', () => {
    expect(healthOf({}, two, bands)).toEqual({ score: null, band: null, measures: [], dropped: ['visit_gap', 'satisfaction'] });
    expect(healthOf({ overdue: 400 }, two, bands).measures).toEqual([]);
  });

  it('keeps the detail the words of a driver need', () => {
    const r = healthOf({ visit_gap: 157 }, two, bands, { visit_gap: { days: 47, policyDays: 30 } });
    expect(r.measures[0]!.detail).toEqual({ days: 47, policyDays: 30 });
  });

  it('scores a healthy large account green and a neglected one red with the default profile', () => {
    const healthy = healthOf({ visit_gap: 60, revenue_trend: 8, overdue: 0, complaints: 0, satisfaction: 95, key_contact_left: 0, competitor_leaning: 0, coverage: 85, stalled_development: 10 }, large, bands);
    expect(healthy).toMatchObject({ score: 100, band: 'green', dropped: [] });
    const neglected = healthOf({ visit_gap: 300, revenue_trend: -35, overdue: 75, complaints: 3, satisfaction: 55, key_contact_left: 1, competitor_leaning: 1, coverage: 30, stalled_development: null }, large, bands);
    expect(neglected.band).toBe('red');
    expect(neglected.dropped).toEqual(['stalled_development']);
    // 0 of 20/95, 12.5 of 15/95 and 16.7 of 15/95 points: the visit first, then revenue, then the overdue money
    expect(topDrivers(neglected.measures).map((d) => d.measure)).toEqual(['visit_gap', 'revenue_trend', 'overdue']);
  });
});

describe('bands and drivers', () => {
  it('bands at the thresholds', () => {
    expect(bandOf(70, bands)).toBe('green');
    expect(bandOf(69, bands)).toBe('yellow');
    expect(bandOf(50, bands)).toBe('yellow');
    expect(bandOf(49, bands)).toBe('red');
  });

  it('drivers are the measures that cost most, at least a point each', () => {
    const r = healthOf({ visit_gap: 100, satisfaction: 88 }, two, bands);
    // the visit is on time; satisfaction 88 costs 5 × 0.4 = 2 points
    expect(topDrivers(r.measures).map((d) => [d.measure, d.lost])).toEqual([['satisfaction', 2]]);
    expect(topDrivers(r.measures, 3, 3)).toEqual([]);
  });
});

describe('groupHealth', () => {
  it('weights the members by revenue; one without revenue counts as the smallest; unscored members are left out', () => {
    expect(groupHealth([{ score: 80, revenue: 300 }, { score: 40, revenue: 100 }])).toBe(70);
    // the member without revenue weighs as the smallest one (100): (80 × 300 + 40 × 100 + 40 × 100) / 500
    expect(groupHealth([{ score: 80, revenue: 300 }, { score: 40, revenue: 100 }, { score: 40, revenue: 0 }, { score: null, revenue: 900 }])).toBe(64);
    expect(groupHealth([{ score: 80, revenue: 0 }, { score: 40, revenue: 0 }])).toBe(60);
    expect(groupHealth([{ score: null, revenue: 1 }])).toBeNull();
  });
});

describe('changesSince', () => {
  it('lists the measures that moved, biggest first, with those that came or went', () => {
    const before = healthOf({ visit_gap: 100, satisfaction: 90 }, two, bands).measures;
    const now = healthOf({ visit_gap: 160, satisfaction: 90 }, two, bands).measures;
    expect(changesSince(now, before)).toEqual([{ measure: 'visit_gap', from: 100, to: 40, rawFrom: 100, rawTo: 160 }]);
    const lost = healthOf({ visit_gap: 100 }, two, bands).measures;
    // the visit's share went from 60 to 100 points, satisfaction's from 40 to none: equal moves, in measure order
    expect(changesSince(lost, before).map((c) => [c.measure, c.to])).toEqual([
      ['visit_gap', 100],
      ['satisfaction', null],
    ]);
    expect(changesSince(before, before)).toEqual([]);
  });
});

describe('healthSettingsIssue', () => {
  it('accepts the defaults and names what is wrong otherwise', () => {
    expect(healthSettingsIssue(DEFAULT_HEALTH_SETTINGS)).toBeNull();
    expect(healthSettingsIssue({ ...DEFAULT_HEALTH_SETTINGS, bands: { green: 50, yellow: 60 } })?.path).toBe('bands.green');
    const wrong = structuredClone(DEFAULT_HEALTH_SETTINGS);
    wrong.profiles.large.satisfaction = { weight: 10, good: 50, bad: 90 };
    expect(healthSettingsIssue(wrong)).toEqual({ path: 'profiles.large.satisfaction.bad', key: 'badBelowGood', message: 'bad must be below good' });
    const none = structuredClone(DEFAULT_HEALTH_SETTINGS);
    for (const m of HEALTH_MEASURES) none.profiles.smb[m].weight = 0;
    expect(healthSettingsIssue(none)?.path).toBe('profiles.smb');
  });
});
