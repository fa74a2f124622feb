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
  recentRevenue,
  tierOf,
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
  it('VIP is heavy whatever the revenue', () => {
    expect(tierOf({ vip: true, revenueByYear: years([]), currentYear: 2026 }, s)).toBe('heavy');
  });
  it('large from ¥1,000,000 over the current and two previous years', () => {
    const r = years([[2024, yuan(400_000)], [2025, yuan(300_000)], [2026, yuan(300_000)]]);
    expect(recentRevenue(r, 2026, 3)).toBe(yuan(1_000_000));
    expect(tierOf({ vip: false, revenueByYear: r, currentYear: 2026 }, s)).toBe('large');
  });
  it('revenue older than the window or just under the threshold is smb', () => {
    const r = years([[2023, yuan(5_000_000)], [2025, yuan(999_999)]]);
    expect(tierOf({ vip: false, revenueByYear: r, currentYear: 2026 }, s)).toBe('smb');
    expect(tierOf({ vip: false, revenueByYear: r, currentYear: 2025 }, s)).toBe('large');
  });
  it('follows a configured threshold and window', () => {
    const r = years([[2026, yuan(100)]]);
    expect(tierOf({ vip: false, revenueByYear: r, currentYear: 2026 }, { ...s, largeRevenueThreshold: yuan(100), largeRevenueYears: 1 })).toBe('large');
  });
});

describe('value categories', () => {
  const base = { revenueByYear: years([]), creditStanding: null, hasParent: false, childCount: 0, strategic: false, highValue: false };
  it('premium needs ¥10M cumulative and good credit', () => {
    const rich = years([[2020, yuan(6_000_000)], [2026, yuan(4_000_000)]]);
    expect(categoriesOf({ ...base, revenueByYear: rich, creditStanding: 'good' }, DEFAULT_CLASSIFICATION).premium).toBe(true);
    expect(categoriesOf({ ...base, revenueByYear: rich, creditStanding: 'average' }, DEFAULT_CLASSIFICATION).premium).toBe(false);
    expect(categoriesOf({ ...base, revenueByYear: years([[2026, yuan(9_999_999)]]), creditStanding: 'good' }, DEFAULT_CLASSIFICATION).premium).toBe(false);
  });
  it('group when it has a parent or children; manual flags pass through', () => {
    expect(categoryList(categoriesOf({ ...base, hasParent: true }, DEFAULT_CLASSIFICATION))).toEqual(['group']);
    expect(categoryList(categoriesOf({ ...base, childCount: 2, strategic: true, highValue: true }, DEFAULT_CLASSIFICATION))).toEqual(['high_value', 'group', 'strategic']);
    expect(categoryList(categoriesOf(base, DEFAULT_CLASSIFICATION))).toEqual([]);
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
