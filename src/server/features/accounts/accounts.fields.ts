import type { AccountTable } from '../../db/schema';
import type { SystemReasonKey } from '../../../shared/contracts/accounts';
import type { AccountValues } from './accounts.repo';
import { pinyinKeys } from './accounts.rules';

/** The English text of each system reason key, for API readers; the web translates the key. */
export const SYSTEM_REASONS: Record<SystemReasonKey, string> = {
  created: 'created',
  profileUpdate: 'profile update',
  teamUpdate: 'team update',
  revenueUpdate: 'revenue ledger update',
  groupChange: 'group hierarchy change',
  nightly: 'nightly recompute',
  settingsChange: 'settings change',
  upgrade: 'recomputed after an upgrade',
  contactChange: 'contact change',
  lifecycleChange: 'lifecycle change',
  categoriesChange: 'category change',
  autoActivate: 'revenue recorded for the current or previous year',
  handover: 'handover',
  merge: 'merge',
  assessment: 'value assessment of a development project',
  contracts: 'contracts and collections',
  healthRed: 'health turned red',
};

/** Contract field → column, for the profile fields a create or PATCH may carry. */
export const PROFILE_COLUMNS = {
  name: 'name',
  shortName: 'short_name',
  creditCode: 'credit_code',
  nature: 'nature',
  industry: 'industry',
  industryPosition: 'industry_position',
  foundedYear: 'founded_year',
  registeredCapital: 'registered_capital',
  employees: 'employees',
  address: 'address',
  postalCode: 'postal_code',
  phone: 'phone',
  fax: 'fax',
  website: 'website',
  email: 'email',
  legalRepresentative: 'legal_representative',
  superiorOrg: 'superior_org',
  businessScope: 'business_scope',
  developmentPlans: 'development_plans',
  mainProducts: 'main_products',
  marketShare: 'market_share',
  annualSales: 'annual_sales',
  bankName: 'bank_name',
  bankAccount: 'bank_account',
  creditStanding: 'credit_standing',
  fundStatus: 'fund_status',
  paymentAttitude: 'payment_attitude',
  paymentTermDays: 'payment_term_days',
  discountBp: 'discount_bp',
  targetMarket: 'target_market',
  customerStrategy: 'customer_strategy',
  sourceChannel: 'source_channel',
  province: 'province',
  city: 'city',
  parentId: 'parent_id',
  vip: 'vip',
} as const satisfies Record<string, keyof AccountTable>;
export type ProfileKey = keyof typeof PROFILE_COLUMNS;
export const TRADE_TERMS = ['paymentTermDays', 'discountBp'] as const;

/** Columns for the given profile fields, with the pinyin search keys of name and short name. */
export function profileValues(input: Partial<Record<ProfileKey, unknown>>): AccountValues {
  const values: Record<string, unknown> = {};
  for (const [field, column] of Object.entries(PROFILE_COLUMNS)) {
    const v = input[field as ProfileKey];
    if (v !== undefined) values[column] = v;
  }
  if (input.name !== undefined) {
    const p = pinyinKeys(input.name as string);
    values.name_pinyin = p.full;
    values.name_initials = p.initials;
  }
  if (input.shortName !== undefined) {
    const p = pinyinKeys(input.shortName as string | null);
    values.short_pinyin = p.full;
    values.short_initials = p.initials;
  }
  return values as AccountValues;
}
