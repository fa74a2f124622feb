import { describe, expect, it } from 'vitest';
import { COMPLETENESS_FIELDS, LIFECYCLE_STAGES } from '../../../shared/contracts/accounts';
import {
  DEFAULT_CLASSIFICATION,
  DEFAULT_COMPLETENESS_WEIGHTS,
  DEFAULT_LIFECYCLE,
  autoLifecycle,
  canMoveLifecycle,
  categoriesOf,
  categoryList,
  completenessOf,
  contactSearchTerms,
  pinyinKeys,
  pinyinSearchKey,
  readClassificationSettings,
  readCompletenessSettings,
  tierOf,
  tierWindowOf,
  windowRevenue,
  wouldCycle,
} from './accounts.rules';

const years = (entries: [number, number][]) => new Map(entries);
const yuan = (n: number) => n * 100;

describe('pinyin keys', () => {
  it('gives full pinyin and initials of 江南会', () => {
    expect(pinyinKeys('江南会')).toEqual({ full: 'jiangnanhui', initials: 'jnh' });
  });
  it('reads words (银行 hang, 重庆 chong) and drops punctuation, keeps Latin letters lower-case', () => {
    expect(pinyinKeys('招商银行（南京）')).toEqual({ full: 'zhaoshangyinhangnanjing', initials: 'zsyhnj' });
    expect(pinyinKeys('ABC重庆')).toEqual({ full: 'abcchongqing', initials: 'abccq' });
    expect(pinyinKeys(null)).toEqual({ full: '', initials: '' });
  });
  it('turns a search term into the stored form', () => {
    expect(pinyinSearchKey(' JNH ')).toBe('jnh');
    expect(pinyinSearchKey('江南')).toBe('');
  });
});

describe('completeness', () => {
  it('default weights cover every field and sum to 100', () => {
    expect(Object.keys(DEFAULT_COMPLETENESS_WEIGHTS).sort()).toEqual([...COMPLETENESS_FIELDS].sort());
    expect(Object.values(DEFAULT_COMPLETENESS_WEIGHTS).reduce((a, b) => a + b, 0)).toBe(100);
  });
  it('scores the filled weight share and lists the missing fields heaviest first', () => {
    const weights = { ...Object.fromEntries(COMPLETENESS_FIELDS.map((f) => [f, 0])), name: 50, creditCode: 30, phone: 20 } as typeof DEFAULT_COMPLETENESS_WEIGHTS;
    expect(completenessOf({ name: '江南会', creditCode: null, phone: '  ' }, weights)).toEqual({
      score: 50,
      missing: [
        { field: 'creditCode', weight: 30 },
        { field: 'phone', weight: 20 },
      ],
    });
    expect(completenessOf({ name: 'x', creditCode: 'y', phone: '1' }, weights).score).toBe(100);
  });
  it('counts the team as filled only with members, and zero and false as filled values', () => {
    const weights = { ...Object.fromEntries(COMPLETENESS_FIELDS.map((f) => [f, 0])), team: 40, employees: 60 } as typeof DEFAULT_COMPLETENESS_WEIGHTS;
    expect(completenessOf({ team: [], employees: 0 }, weights)).toEqual({ score: 60, missing: [{ field: 'team', weight: 40 }] });
  });
  it('with the defaults an empty profile scores 0 and a name alone its weight', () => {
    expect(completenessOf({}, DEFAULT_COMPLETENESS_WEIGHTS).score).toBe(0);
    expect(completenessOf({ name: 'a' }, DEFAULT_COMPLETENESS_WEIGHTS).score).toBe(DEFAULT_COMPLETENESS_WEIGHTS.name);
  });
  it('stored weights override defaults field by field; junk falls back', () => {
    expect(readCompletenessSettings({ weights: { fax: 0 } }).weights).toEqual({ ...DEFAULT_COMPLETENESS_WEIGHTS, fax: 0 });
    expect(readCompletenessSettings('junk').weights).toEqual(DEFAULT_COMPLETENESS_WEIGHTS);
    expect(readClassificationSettings({ largeRevenueThreshold: -1 })).toEqual(DEFAULT_CLASSIFICATION);
  });
});

describe('tier (seed 004)', () => {
  const s = DEFAULT_CLASSIFICATION;
  const rolling = { ...s, revenueWindow: 'rollingMonths' as const };
  /** The business month `yyyy-mm` (January is 01). */
  const on = (month: string, settings = s) => tierWindowOf(settings, { year: Number(month.slice(0, 4)), month0: Number(month.slice(5)) - 1 });
  const tier = (r: Map<number, number>, month: string, settings = s) => tierOf({ vip: false, revenueByYear: r, window: on(month, settings) }, settings);

  it('VIP is heavy whatever the revenue', () => {
    expect(tierOf({ vip: true, revenueByYear: years([]), window: on('2026-05') }, s)).toBe('heavy');
  });
  it('by default "三年内" is the last three complete years, as the seed read its 2013–2015 data', () => {
    expect(s.revenueWindow).toBe('completeYears');
    const r = years([[2013, yuan(400_000)], [2014, yuan(300_000)], [2015, yuan(300_000)], [2016, yuan(5_000_000)]]);
    expect(windowRevenue(r, on('2016-06'))).toBe(yuan(1_000_000));
    expect(tier(r, '2016-06')).toBe('large');
  });
  it('complete years: the window moves on 1 January, not before, and the running year never counts', () => {
    const r = years([[2022, yuan(400_000)], [2023, yuan(300_000)], [2024, yuan(300_000)], [2025, yuan(200_000)], [2026, yuan(900_000)]]);
    // all of 2025 reads 2022–2024
    expect(windowRevenue(r, on('2025-01'))).toBe(yuan(1_000_000));
    expect(windowRevenue(r, on('2025-12'))).toBe(yuan(1_000_000));
    expect(tier(r, '2025-12')).toBe('large');
    // from January 2026: 2023–2025; 2026's own ¥900,000 so far is not a complete year
    expect(windowRevenue(r, on('2026-01'))).toBe(yuan(800_000));
    expect(tier(r, '2026-01')).toBe('smb');
  });
  it('complete years: revenue of the running year alone never makes an account large', () => {
    const r = years([[2026, yuan(5_000_000)]]);
    expect(tier(r, '2026-12')).toBe('smb');
    expect(tier(r, '2027-01')).toBe('large');
  });
  it('rolling 36 months: the running year counts to date, so the same revenue is large a year earlier', () => {
    const r = years([[2025, yuan(1_000_000)]]);
    expect(tier(r, '2025-12', rolling)).toBe('large');
    expect(tier(r, '2025-12')).toBe('smb');
    expect(tier(r, '2026-01', rolling)).toBe('large');
  });
  it('rolling 36 months: the oldest year counts for its months inside the window, pro rata', () => {
    const r = years([[2022, yuan(1_200_000)]]);
    // December 2024: January 2022 – December 2024, all of 2022
    expect(windowRevenue(r, on('2024-12', rolling))).toBe(yuan(1_200_000));
    // January 2025: February 2022 – January 2025, 11 of 2022's 12 months
    expect(windowRevenue(r, on('2025-01', rolling))).toBe(yuan(1_100_000));
    expect(tier(r, '2025-01', rolling)).toBe('large');
    expect(windowRevenue(r, on('2025-02', rolling))).toBe(yuan(1_000_000));
    expect(tier(r, '2025-02', rolling)).toBe('large');
    expect(windowRevenue(r, on('2025-03', rolling))).toBe(yuan(900_000));
    expect(tier(r, '2025-03', rolling)).toBe('smb');
    expect(windowRevenue(r, on('2025-12', rolling))).toBe(0);
    expect(windowRevenue(r, on('2026-01', rolling))).toBe(0);
  });
  it('revenue just under the threshold is smb', () => {
    const r = years([[2025, yuan(999_999)]]);
    expect(tier(r, '2026-03')).toBe('smb');
    expect(tier(r, '2026-03', { ...s, largeRevenueThreshold: yuan(999_999) })).toBe('large');
  });
  it('follows a configured number of years in both windows', () => {
    const r = years([[2024, yuan(60)], [2025, yuan(100)], [2026, yuan(40)]]);
    const oneYear = { ...s, largeRevenueThreshold: yuan(100), largeRevenueYears: 1 };
    expect(windowRevenue(r, on('2026-07', oneYear))).toBe(yuan(100));
    // the last 12 months in July: 2026 to date, and August–December of 2025
    expect(windowRevenue(r, on('2026-07', { ...oneYear, revenueWindow: 'rollingMonths' }))).toBe(yuan(40) + Math.round((yuan(100) * 5) / 12));
    expect(windowRevenue(r, on('2026-07', { ...s, largeRevenueYears: 2 }))).toBe(yuan(160));
  });
  it('a value stored before the window was a setting keeps its figures and reads the default window; an unknown window is refused', () => {
    const { revenueWindow: _, ...old } = { ...s, largeRevenueThreshold: yuan(2_000_000) };
    expect(readClassificationSettings(old)).toEqual({ ...s, largeRevenueThreshold: yuan(2_000_000), revenueWindow: 'completeYears' });
    expect(readClassificationSettings({ ...s, revenueWindow: 'rollingMonths' }).revenueWindow).toBe('rollingMonths');
    expect(readClassificationSettings({ ...s, revenueWindow: 'lastYear' })).toEqual(DEFAULT_CLASSIFICATION);
  });
});

describe('value categories', () => {
  const base = { revenueByYear: years([]), creditStanding: null, hasParent: false, childCount: 0, strategic: false, highValueOverride: null, largestContract: 0, maxOverdueDays: 0 };
  it('premium needs ¥10M cumulative and good credit', () => {
    const rich = years([[2020, yuan(6_000_000)], [2026, yuan(4_000_000)]]);
    expect(categoriesOf({ ...base, revenueByYear: rich, creditStanding: 'good' }, DEFAULT_CLASSIFICATION).premium).toBe(true);
    expect(categoriesOf({ ...base, revenueByYear: rich, creditStanding: 'average' }, DEFAULT_CLASSIFICATION).premium).toBe(false);
    expect(categoriesOf({ ...base, revenueByYear: years([[2026, yuan(9_999_999)]]), creditStanding: 'good' }, DEFAULT_CLASSIFICATION).premium).toBe(false);
  });
  it('group when it has a parent or children; manual flags pass through', () => {
    expect(categoryList(categoriesOf({ ...base, hasParent: true }, DEFAULT_CLASSIFICATION))).toEqual(['group']);
    expect(categoryList(categoriesOf({ ...base, childCount: 2, strategic: true, highValueOverride: true }, DEFAULT_CLASSIFICATION))).toEqual(['high_value', 'group', 'strategic']);
    expect(categoryList(categoriesOf(base, DEFAULT_CLASSIFICATION))).toEqual([]);
  });
  it('high value: a single contract of ¥10M with good payment credit (seed 003 §3.2.2), the director overriding either way', () => {
    const big = { ...base, largestContract: yuan(10_000_000), creditStanding: 'good' as const };
    expect(categoriesOf(big, DEFAULT_CLASSIFICATION).high_value).toBe(true);
    expect(categoriesOf({ ...big, largestContract: yuan(9_999_999.99) }, DEFAULT_CLASSIFICATION).high_value).toBe(false);
    // payment credit: the credit standing and nothing owed more than 90 days overdue
    expect(categoriesOf({ ...big, creditStanding: 'average' }, DEFAULT_CLASSIFICATION).high_value).toBe(false);
    expect(categoriesOf({ ...big, creditStanding: null }, DEFAULT_CLASSIFICATION).high_value).toBe(false);
    expect(categoriesOf({ ...big, maxOverdueDays: 90 }, DEFAULT_CLASSIFICATION).high_value).toBe(true);
    expect(categoriesOf({ ...big, maxOverdueDays: 91 }, DEFAULT_CLASSIFICATION).high_value).toBe(false);
    expect(categoriesOf({ ...big, maxOverdueDays: 91 }, { ...DEFAULT_CLASSIFICATION, highValueMaxOverdueDays: 120 }).high_value).toBe(true);
    // the override wins both ways
    expect(categoriesOf({ ...big, highValueOverride: false }, DEFAULT_CLASSIFICATION).high_value).toBe(false);
    expect(categoriesOf({ ...base, highValueOverride: true }, DEFAULT_CLASSIFICATION).high_value).toBe(true);
  });
});

describe('lifecycle graph (seed 002)', () => {
  it('allows the forward chain and the documented returns', () => {
    const chain = ['prospect', 'developing', 'active', 'maintaining', 'at_risk', 'lost', 'recovered'] as const;
    for (let i = 0; i < chain.length - 1; i++) expect(canMoveLifecycle(chain[i], chain[i + 1]), `${chain[i]}→${chain[i + 1]}`).toBe(true);
    expect(canMoveLifecycle('at_risk', 'active')).toBe(true);
    expect(canMoveLifecycle('recovered', 'active')).toBe(true);
  });
  it('refuses skipping ahead, leaving lost other than by recovery or re-qualification, and standing still', () => {
    expect(canMoveLifecycle('prospect', 'active')).toBe(false);
    expect(canMoveLifecycle('lost', 'active')).toBe(false);
    expect(canMoveLifecycle('lost', 'prospect')).toBe(true);
    for (const s of LIFECYCLE_STAGES) expect(canMoveLifecycle(s, s)).toBe(false);
  });
  it('every stage except lost can be lost', () => {
    for (const s of LIFECYCLE_STAGES) if (s !== 'lost') expect(canMoveLifecycle(s, 'lost'), s).toBe(true);
  });
});

describe('group hierarchy', () => {
  it('refuses self-parenting and loops through ancestors', () => {
    expect(wouldCycle(1, 1, [])).toBe(true);
    expect(wouldCycle(1, 3, [2, 1])).toBe(true);
    expect(wouldCycle(1, 3, [2])).toBe(false);
  });
});

describe('automatic lifecycle move (ACC-5)', () => {
  const Y = 2026;
  const base = { revenueByYear: years([]), currentYear: Y, requalifiedYear: null };
  it('moves a prospect or developing account with revenue this year or last year to active', () => {
    expect(autoLifecycle({ ...base, lifecycle: 'prospect', revenueByYear: years([[Y, 1]]) }, DEFAULT_LIFECYCLE)).toBe('active');
    expect(autoLifecycle({ ...base, lifecycle: 'developing', revenueByYear: years([[Y - 1, yuan(5)]]) }, DEFAULT_LIFECYCLE)).toBe('active');
  });
  it('ignores older or zero revenue, other stages, and a disabled setting', () => {
    expect(autoLifecycle({ ...base, lifecycle: 'developing', revenueByYear: years([[Y - 2, yuan(100)], [Y, 0]]) }, DEFAULT_LIFECYCLE)).toBeNull();
    for (const stage of LIFECYCLE_STAGES.filter((s) => s !== 'prospect' && s !== 'developing')) {
      expect(autoLifecycle({ ...base, lifecycle: stage, revenueByYear: years([[Y, yuan(100)]]) }, DEFAULT_LIFECYCLE), stage).toBeNull();
    }
    expect(autoLifecycle({ ...base, lifecycle: 'prospect', revenueByYear: years([[Y, yuan(100)]]) }, { autoActivate: false })).toBeNull();
  });
  it('after coming back from lost, only revenue of later years counts', () => {
    const revenue = years([[Y - 1, yuan(100)]]);
    expect(autoLifecycle({ ...base, lifecycle: 'prospect', revenueByYear: revenue, requalifiedYear: Y - 1 }, DEFAULT_LIFECYCLE)).toBeNull();
    expect(autoLifecycle({ ...base, lifecycle: 'prospect', revenueByYear: years([[Y - 1, yuan(100)], [Y, 1]]), requalifiedYear: Y - 1 }, DEFAULT_LIFECYCLE)).toBe('active');
    expect(autoLifecycle({ ...base, lifecycle: 'prospect', revenueByYear: revenue, requalifiedYear: Y - 2 }, DEFAULT_LIFECYCLE)).toBe('active');
  });
});

describe('contact search terms (ACC-7)', () => {
  it('searches phone digits only when q is a phone number of four digits or more', () => {
    expect(contactSearchTerms('139-1234 5678')).toEqual({ name: '139-1234 5678', digits: '13912345678' });
    expect(contactSearchTerms(' (025) 8888 ')).toEqual({ name: '(025) 8888', digits: '0258888' });
    expect(contactSearchTerms('138')).toEqual({ name: '138' });
    expect(contactSearchTerms('王建国')).toEqual({ name: '王建国' });
    expect(contactSearchTerms('江南1号2345')).toEqual({ name: '江南1号2345' });
  });
});
