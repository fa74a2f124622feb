import type { AccountDetail } from '../../../shared/contracts/accounts';

/** The sections of the seed's 客户档案表, in order; the form, the read-only profile and the missing-field links share them. */
export const PROFILE_SECTIONS = [
  {
    key: 'basic',
    fields: ['name', 'shortName', 'creditCode', 'nature', 'industry', 'industryPosition', 'foundedYear', 'registeredCapital', 'employees', 'superiorOrg', 'parentId'],
  },
  { key: 'contact', fields: ['address', 'postalCode', 'phone', 'fax', 'website', 'email', 'legalRepresentative'] },
  { key: 'business', fields: ['businessScope', 'developmentPlans', 'mainProducts', 'marketShare', 'annualSales'] },
  { key: 'finance', fields: ['bankName', 'bankAccount', 'creditStanding', 'fundStatus', 'paymentAttitude'] },
  { key: 'trade', fields: ['paymentTermDays', 'discountBp'] },
  { key: 'strategy', fields: ['targetMarket', 'customerStrategy', 'sourceChannel'] },
  { key: 'ownership', fields: ['ownerId', 'unitId', 'province', 'city', 'vip'] },
] as const satisfies readonly { key: string; fields: readonly (keyof AccountDetail)[] }[];

export type SectionKey = (typeof PROFILE_SECTIONS)[number]['key'];

/** Fields whose value is a code shown through a label list in the locale file. */
export const ENUM_FIELDS: Partial<Record<keyof AccountDetail, string>> = {
  nature: 'natures',
  industryPosition: 'industryPositions',
  creditStanding: 'creditStandings',
  fundStatus: 'fundStatuses',
  paymentAttitude: 'paymentAttitudes',
  sourceChannel: 'sourceChannels',
};

export const MONEY_FIELDS = new Set<string>(['registeredCapital', 'annualSales']);
export const LONG_TEXT_FIELDS = new Set<string>(['businessScope', 'developmentPlans', 'mainProducts', 'targetMarket', 'customerStrategy', 'address']);
