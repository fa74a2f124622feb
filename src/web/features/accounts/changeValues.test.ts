import i18next from 'i18next';
import { describe, expect, it } from 'vitest';
import accounts from '../../../shared/locales/zh-CN/accounts.json';
import portfolio from '../../../shared/locales/zh-CN/portfolio.json';
import { accountChangeValue } from './changeValues';

describe('the words for an account change', () => {
  it('translates classification values, lists of categories and quadrants; other fields as stored', async () => {
    const i18n = i18next.createInstance();
    await i18n.init({ lng: 'zh-CN', resources: { 'zh-CN': { accounts, portfolio } } });
    const t = i18n.t.bind(i18n);
    expect(accountChangeValue(t, 'quadrant', 'cash_cow')).toBe(portfolio.quadrants.cash_cow);
    expect(accountChangeValue(t, 'tier', 'large')).toBe(accounts.tiers.large);
    expect(accountChangeValue(t, 'categories', 'premium,group')).toBe(`${accounts.categories.premium}、${accounts.categories.group}`);
    expect(accountChangeValue(t, 'merged', '某公司')).toBe('某公司');
  });
});
