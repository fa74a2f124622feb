import { describe, expect, it } from 'vitest';
import { at, load, type Tree } from '../../../../tests/support/locales';
import {
  ACCOUNT_CATEGORIES,
  ACCOUNT_CHANGE_FIELDS,
  ACCOUNT_NATURES,
  ACCOUNT_TIERS,
  COMPLETENESS_FIELDS,
  CREDIT_STANDINGS,
  FUND_STATUSES,
  INDUSTRY_POSITIONS,
  LIFECYCLE_STAGES,
  PAYMENT_ATTITUDES,
  LEDGER_SOURCES,
  SOURCE_CHANNELS,
  SYSTEM_REASON_KEYS,
  TEAM_ROLES,
} from '../../../shared/contracts/accounts';
import { PROFILE_SECTIONS } from './fields';

const zh = load('zh-CN', 'accounts');
const en = load('en', 'accounts');

describe('accounts locales', () => {

  it.each([
    ['tiers', ACCOUNT_TIERS],
    ['categories', ACCOUNT_CATEGORIES],
    ['lifecycles', LIFECYCLE_STAGES],
    ['natures', ACCOUNT_NATURES],
    ['industryPositions', INDUSTRY_POSITIONS],
    ['creditStandings', CREDIT_STANDINGS],
    ['fundStatuses', FUND_STATUSES],
    ['paymentAttitudes', PAYMENT_ATTITUDES],
    ['sourceChannels', SOURCE_CHANNELS],
    ['teamRoles', TEAM_ROLES],
    ['revenueSources', LEDGER_SOURCES],
    ['changes.fields', ACCOUNT_CHANGE_FIELDS],
    ['changes.reasons', SYSTEM_REASON_KEYS],
  ] as const)('labels every value of %s', (prefix, values) => {
    for (const tree of [zh, en]) expect(Object.keys(at(tree, prefix) as Tree).sort()).toEqual([...values].sort());
  });

  it('labels every profile field and every completeness field the 360 page may list as missing', () => {
    const fields = [...PROFILE_SECTIONS.flatMap((s) => s.fields), ...COMPLETENESS_FIELDS];
    for (const tree of [zh, en]) expect(fields.filter((f) => typeof at(tree, `fields.${f}`) !== 'string')).toEqual([]);
  });

  it('names every section of the profile form', () => {
    for (const tree of [zh, en]) expect(Object.keys(at(tree, 'sections') as Tree)).toEqual(PROFILE_SECTIONS.map((s) => s.key));
  });
});
