import { z } from 'zod';
import { normalizeCreditCode } from '../domain/credit-code';
import { fen, isoDateTime, listQuery, optionalText as text } from './common';
import { QUADRANTS, quadrantSettings } from './quadrant';

/**
 * The account archive (客户档案, SPEC ACC-1..5, ORG-4).
 *
 * Money is integer fen. `discountBp` is the discount off list price in basis points
 * (1/10000): 1000 = 10 % off = 九折; 0 = no discount; 10000 = free.
 * Trade terms (`paymentTermDays`, `discountBp`) come back as null unless the caller holds
 * `account:trade-terms`; `tradeTermsVisible` says which case applies.
 */

/** 国企 / 合资 / 民营 / 股份 / 外资 / 事业单位 / 政府机关 */
export const ACCOUNT_NATURES = ['soe', 'jv', 'private', 'joint_stock', 'foreign', 'institution', 'government'] as const;
/** 领先 / 居中 / 末流 */
export const INDUSTRY_POSITIONS = ['leading', 'middle', 'trailing'] as const;
/** 好 / 一般 / 差 / 很差 */
export const CREDIT_STANDINGS = ['good', 'average', 'poor', 'very_poor'] as const;
/** 充足 / 一般 / 不足 / 紧张 */
export const FUND_STATUSES = ['ample', 'average', 'insufficient', 'tight'] as const;
/** 爽快 / 一般 / 迟缓 / 困难 / 嗜欠 */
export const PAYMENT_ATTITUDES = ['prompt', 'average', 'slow', 'difficult', 'chronic_arrears'] as const;
/** 约 / 会 / 联 / 养 / 挖 / 等 (seed 003 §3.3.3 二.2) */
export const SOURCE_CHANNELS = ['appointment', 'meeting', 'alliance', 'cultivate', 'poach', 'wait'] as const;
/** 重型 / 大型 / 中小微 (seed 004) */
export const ACCOUNT_TIERS = ['heavy', 'large', 'smb'] as const;
/** 优质 / 高价值 / 集团 / 战略 (seed 003 §3.2.2) */
export const ACCOUNT_CATEGORIES = ['premium', 'high_value', 'group', 'strategic'] as const;
export const ACCOUNT_GRADES = ['A', 'B', 'C', 'D'] as const;
/** 潜在 / 开发中 / 合作 / 维护 / 预警 / 流失 / 挽回 (seed 002) */
export const LIFECYCLE_STAGES = ['prospect', 'developing', 'active', 'maintaining', 'at_risk', 'lost', 'recovered'] as const;
/** 项目经理 / 客户经理 / 技术实施 / 客户专员 / 投诉受理 (seed 003 form 1) */
export const TEAM_ROLES = ['project_manager', 'account_manager', 'technical', 'specialist', 'complaints'] as const;
/** the ledger's sources a person types or imports */
export const REVENUE_SOURCES = ['import', 'contract', 'manual'] as const;
/** and the one the system keeps from the signed contracts (decision 014): a year reads the larger of it and the rest, never their sum */
export const LEDGER_SOURCES = [...REVENUE_SOURCES, 'signed'] as const;

export type AccountNature = (typeof ACCOUNT_NATURES)[number];
export type AccountTier = (typeof ACCOUNT_TIERS)[number];
export type AccountCategory = (typeof ACCOUNT_CATEGORIES)[number];
export type AccountGrade = (typeof ACCOUNT_GRADES)[number];
export type LifecycleStage = (typeof LIFECYCLE_STAGES)[number];
export type TeamRole = (typeof TEAM_ROLES)[number];
export type RevenueSource = (typeof REVENUE_SOURCES)[number];
export type LedgerSource = (typeof LEDGER_SOURCES)[number];
export type CreditStanding = (typeof CREDIT_STANDINGS)[number];

/**
 * Allowed lifecycle moves. Forward along the seed 002 chain, back to an earlier stage when a
 * deal stalls, and to `lost` from anywhere except `lost` itself; a lost account comes back
 * only through `recovered` (or is re-qualified as a prospect).
 */
export const LIFECYCLE_TRANSITIONS: Record<LifecycleStage, readonly LifecycleStage[]> = {
  prospect: ['developing', 'lost'],
  developing: ['prospect', 'active', 'lost'],
  active: ['maintaining', 'at_risk', 'lost'],
  maintaining: ['active', 'at_risk', 'lost'],
  at_risk: ['active', 'maintaining', 'recovered', 'lost'],
  lost: ['recovered', 'prospect'],
  recovered: ['active', 'maintaining', 'at_risk', 'lost'],
};

/** Profile fields that count towards completeness (ACC-3); the settings give their weights. */
export const COMPLETENESS_FIELDS = [
  'name',
  'shortName',
  'creditCode',
  'nature',
  'industry',
  'industryPosition',
  'foundedYear',
  'registeredCapital',
  'employees',
  'address',
  'postalCode',
  'phone',
  'fax',
  'website',
  'email',
  'legalRepresentative',
  'superiorOrg',
  'businessScope',
  'developmentPlans',
  'mainProducts',
  'marketShare',
  'annualSales',
  'bankName',
  'bankAccount',
  'creditStanding',
  'fundStatus',
  'paymentAttitude',
  'targetMarket',
  'customerStrategy',
  'sourceChannel',
  'province',
  'city',
  'team',
] as const;
export type CompletenessField = (typeof COMPLETENESS_FIELDS)[number];

export const ACCOUNT_SORTS = [
  'name',
  'createdAt',
  'updatedAt',
  'completeness',
  'tier',
  'grade',
  'lifecycle',
  'foundedYear',
  'annualSales',
  'coverage',
  'quadrant',
] as const;

/** Editable profile fields (ACC-1). Every field is optional in a PATCH; null clears it. */
export const accountProfileInput = z.object({
  name: z.string().trim().min(1).max(200),
  shortName: text(100),
  /** checked in the service (format, charset and GB 32100-2015 check digit) */
  creditCode: z
    .string()
    .trim()
    .max(50)
    .transform((v) => (v === '' ? null : normalizeCreditCode(v)))
    .nullable()
    .optional(),
  nature: z.enum(ACCOUNT_NATURES).nullable().optional(),
  industry: text(100),
  industryPosition: z.enum(INDUSTRY_POSITIONS).nullable().optional(),
  foundedYear: z.number().int().min(1800).max(2200).nullable().optional(),
  registeredCapital: fen.nullable().optional(),
  employees: z.number().int().min(0).max(100_000_000).nullable().optional(),
  address: text(300),
  postalCode: z
    .string()
    .trim()
    .regex(/^(\d{6})?$/, 'six digits')
    .transform((v) => (v === '' ? null : v))
    .nullable()
    .optional(),
  phone: text(50),
  fax: text(50),
  website: text(300),
  email: z
    .union([z.literal(''), z.string().trim().email().max(200)])
    .transform((v) => (v === '' ? null : v))
    .nullable()
    .optional(),
  legalRepresentative: text(100),
  superiorOrg: text(200),
  businessScope: text(5000),
  developmentPlans: text(5000),
  mainProducts: text(2000),
  marketShare: text(200),
  annualSales: fen.nullable().optional(),
  bankName: text(200),
  bankAccount: text(100),
  creditStanding: z.enum(CREDIT_STANDINGS).nullable().optional(),
  fundStatus: z.enum(FUND_STATUSES).nullable().optional(),
  paymentAttitude: z.enum(PAYMENT_ATTITUDES).nullable().optional(),
  /** trade terms: need account:trade-terms to set (403 otherwise) */
  paymentTermDays: z.number().int().min(0).max(3650).nullable().optional(),
  discountBp: z.number().int().min(0).max(10000).nullable().optional(),
  targetMarket: text(2000),
  customerStrategy: text(5000),
  sourceChannel: z.enum(SOURCE_CHANNELS).nullable().optional(),
  province: text(50),
  city: text(50),
  parentId: z.number().int().positive().nullable().optional(),
  vip: z.boolean().optional(),
});

export const accountCreate = accountProfileInput.extend({
  /** defaults to the caller; another owner needs account:assign */
  ownerId: z.number().int().positive().optional(),
  /** defaults to the owner's unit */
  unitId: z.number().int().positive().optional(),
  lifecycle: z.enum(LIFECYCLE_STAGES).default('prospect'),
});
export type AccountCreate = z.input<typeof accountCreate>;

export const accountUpdate = accountProfileInput.partial().extend({ version: z.number().int().positive() });
export type AccountUpdate = z.input<typeof accountUpdate>;

export const accountListQuery = listQuery.extend({
  tier: z.enum(ACCOUNT_TIERS).optional(),
  vip: z.enum(['true', 'false']).optional(),
  category: z.enum(ACCOUNT_CATEGORIES).optional(),
  grade: z.enum(ACCOUNT_GRADES).optional(),
  lifecycle: z.enum(LIFECYCLE_STAGES).optional(),
  nature: z.enum(ACCOUNT_NATURES).optional(),
  industry: z.string().trim().max(100).optional(),
  ownerId: z.coerce.number().int().positive().optional(),
  /** the unit and its subtree */
  unitId: z.coerce.number().int().positive().optional(),
  province: z.string().trim().max(50).optional(),
  city: z.string().trim().max(50).optional(),
  parentId: z.coerce.number().int().positive().optional(),
  /** ACC-4 portfolio quadrant (effective: the director's override or the computed one) */
  quadrant: z.enum(QUADRANTS).optional(),
  /** stored relationship coverage score (REL-5) strictly below this */
  coverageBelow: z.coerce.number().int().min(1).max(101).optional(),
  /** sort: one of ACCOUNT_SORTS, `-` prefix for descending; default `-updatedAt` */
});
export type AccountListQuery = z.infer<typeof accountListQuery>;

export const accountListItem = z.object({
  id: z.number(),
  name: z.string(),
  shortName: z.string().nullable(),
  creditCode: z.string().nullable(),
  nature: z.enum(ACCOUNT_NATURES).nullable(),
  industry: z.string().nullable(),
  province: z.string().nullable(),
  city: z.string().nullable(),
  vip: z.boolean(),
  tier: z.enum(ACCOUNT_TIERS),
  categories: z.array(z.enum(ACCOUNT_CATEGORIES)),
  grade: z.enum(ACCOUNT_GRADES).nullable(),
  lifecycle: z.enum(LIFECYCLE_STAGES),
  completeness: z.number().int(),
  /** stored relationship coverage score (REL-5), refreshed on every contact write and nightly */
  coverageScore: z.number().int(),
  quadrant: z.enum(QUADRANTS),
  ownerId: z.number(),
  ownerName: z.string(),
  unitId: z.number(),
  unitName: z.string(),
  parentId: z.number().nullable(),
  version: z.number(),
  updatedAt: isoDateTime,
  /** when `q` found the account through one of its contacts (ACC-7): which one */
  matchedContact: z.object({ id: z.number(), name: z.string(), title: z.string().nullable(), status: z.enum(['active', 'left']) }).nullable().optional(),
});
export type AccountListItem = z.infer<typeof accountListItem>;

export const teamMember = z.object({ userId: z.number(), userName: z.string(), role: z.enum(TEAM_ROLES) });
export const accountSummary = z.object({
  id: z.number(),
  name: z.string(),
  tier: z.enum(ACCOUNT_TIERS),
  lifecycle: z.enum(LIFECYCLE_STAGES),
  /** false when the related account is outside the caller's data scope: only the name is shown */
  visible: z.boolean(),
});
export const revenueYear = z.object({ year: z.number().int(), amount: z.number() });

export const accountDetail = accountListItem.omit({ matchedContact: true }).extend({
  industryPosition: z.enum(INDUSTRY_POSITIONS).nullable(),
  foundedYear: z.number().nullable(),
  registeredCapital: z.number().nullable(),
  employees: z.number().nullable(),
  address: z.string().nullable(),
  postalCode: z.string().nullable(),
  phone: z.string().nullable(),
  fax: z.string().nullable(),
  website: z.string().nullable(),
  email: z.string().nullable(),
  legalRepresentative: z.string().nullable(),
  superiorOrg: z.string().nullable(),
  businessScope: z.string().nullable(),
  developmentPlans: z.string().nullable(),
  mainProducts: z.string().nullable(),
  marketShare: z.string().nullable(),
  annualSales: z.number().nullable(),
  bankName: z.string().nullable(),
  bankAccount: z.string().nullable(),
  creditStanding: z.enum(CREDIT_STANDINGS).nullable(),
  fundStatus: z.enum(FUND_STATUSES).nullable(),
  paymentAttitude: z.enum(PAYMENT_ATTITUDES).nullable(),
  paymentTermDays: z.number().nullable(),
  discountBp: z.number().nullable(),
  tradeTermsVisible: z.boolean(),
  targetMarket: z.string().nullable(),
  customerStrategy: z.string().nullable(),
  sourceChannel: z.enum(SOURCE_CHANNELS).nullable(),
  createdBy: z.number().nullable(),
  createdAt: isoDateTime,
  /** the director's 高价值 choice overriding the one derived from the contracts; null: derived (decision 014) */
  highValueOverride: z.boolean().nullable(),
  team: z.array(teamMember),
  /** completeness fields still empty, heaviest first */
  completenessMissing: z.array(z.object({ field: z.enum(COMPLETENESS_FIELDS), weight: z.number() })),
  parent: accountSummary.nullable(),
  children: z.array(accountSummary),
  /** this account's revenue per year (the larger of the signed contracts and the ledger, decision 014), newest first */
  revenueByYear: z.array(revenueYear),
  /** this account plus all its descendants (ACC-2 roll-up), newest first */
  groupRevenueByYear: z.array(revenueYear),
});
export type AccountDetail = z.infer<typeof accountDetail>;

export const lifecycleChange = z.object({
  to: z.enum(LIFECYCLE_STAGES),
  reason: z.string().trim().min(1).max(1000),
  version: z.number().int().positive(),
});
export const gradeChange = z.object({
  grade: z.enum(ACCOUNT_GRADES).nullable(),
  reason: z.string().trim().min(1).max(1000),
  version: z.number().int().positive(),
});
/** The director's categories: strategic is theirs; high_value is derived from the contracts, their choice overrides it (null: derived again). */
export const categoriesChange = z.object({
  strategic: z.boolean().optional(),
  highValue: z.boolean().nullable().optional(),
  reason: z.string().trim().min(1).max(1000),
  version: z.number().int().positive(),
});
export const accountAssign = z.object({
  ownerId: z.number().int().positive(),
  /** defaults to the new owner's unit */
  unitId: z.number().int().positive().optional(),
  reason: z.string().trim().min(1).max(1000),
  version: z.number().int().positive(),
});
export const teamUpdate = z.object({
  members: z
    .array(z.object({ userId: z.number().int().positive(), role: z.enum(TEAM_ROLES) }))
    .max(50),
  version: z.number().int().positive(),
});

export const revenueRow = z.object({
  year: z.number().int().min(1900).max(2200),
  source: z.enum(REVENUE_SOURCES),
  amount: fen,
  note: z.string().trim().max(500).default(''),
});
export const revenueLedger = z.object({
  /** the account's version after the last change (the ledger feeds the classification) */
  version: z.number(),
  rows: z.array(revenueRow.extend({ source: z.enum(LEDGER_SOURCES), note: z.string() })),
});
export type RevenueLedger = z.infer<typeof revenueLedger>;
/** Replaces the whole ledger; one row per year + source. */
export const revenueUpdate = z.object({
  rows: z.array(revenueRow).max(500),
  version: z.number().int().positive(),
});

/** 'merged': another account was merged into this one (from = its name, to = this one's name at the time). */
export const ACCOUNT_CHANGE_FIELDS = ['tier', 'categories', 'grade', 'lifecycle', 'owner', 'unit', 'merged', 'quadrant'] as const;
/**
 * Why the server changed something itself; `reason` carries the English text of the key, and
 * the web shows the translation of the key. A person's reason has no key.
 */
export const SYSTEM_REASON_KEYS = [
  'created',
  'profileUpdate',
  'teamUpdate',
  'revenueUpdate',
  'groupChange',
  'nightly',
  'settingsChange',
  'upgrade',
  'contactChange',
  'lifecycleChange',
  'categoriesChange',
  'autoActivate',
  'handover',
  'merge',
  'assessment',
  'contracts',
  'healthRed',
] as const;
export type SystemReasonKey = (typeof SYSTEM_REASON_KEYS)[number];
export const accountChange = z.object({
  id: z.number(),
  field: z.enum(ACCOUNT_CHANGE_FIELDS),
  from: z.string().nullable(),
  to: z.string().nullable(),
  reason: z.string(),
  reasonKey: z.enum(SYSTEM_REASON_KEYS).nullable(),
  actorId: z.number().nullable(),
  actorName: z.string().nullable(),
  at: isoDateTime,
});
export type AccountChange = z.infer<typeof accountChange>;
export const accountChanges = z.object({ items: z.array(accountChange) });

/**
 * Which revenue the tier's "三年内" (seed 004) counts, over `largeRevenueYears` years (decision 013):
 * the last complete business years before the current one (the seed's own 2013–2015 data, read in
 * 2016), or the last 12 × years months up to and including the current one.
 */
export const REVENUE_WINDOWS = ['completeYears', 'rollingMonths'] as const;
export type RevenueWindow = (typeof REVENUE_WINDOWS)[number];
export const DEFAULT_REVENUE_WINDOW: RevenueWindow = 'completeYears';

/** Admin settings (account:configure), stored in `settings` under accounts.classification / accounts.completeness. */
export const classificationSettings = z.object({
  /** revenue over the tier window for 大型 */
  largeRevenueThreshold: fen,
  /** how many years the tier window spans */
  largeRevenueYears: z.number().int().min(1).max(20),
  revenueWindow: z.enum(REVENUE_WINDOWS),
  /** cumulative revenue for 优质 */
  premiumCumulativeThreshold: fen,
  premiumCreditStandings: z.array(z.enum(CREDIT_STANDINGS)).min(1),
  /** 高价值: a single signed contract at or above this value (seed 003 §3.2.2: 1千万)… */
  highValueContractThreshold: fen,
  /** …with good payment credit: a good credit standing (as 优质 reads it) and nothing owed longer than this many days overdue */
  highValueMaxOverdueDays: z.number().int().min(0).max(3650),
});
export type ClassificationSettings = z.infer<typeof classificationSettings>;
/** The classification as PUT takes it and as releases before the window stored it: without one it is kept (PUT) or the default (stored). */
export const classificationInput = classificationSettings.extend({ revenueWindow: z.enum(REVENUE_WINDOWS).optional(), highValueContractThreshold: fen.optional(), highValueMaxOverdueDays: z.number().int().min(0).max(3650).optional() });
export const completenessSettings = z.object({
  weights: z.partialRecord(z.enum(COMPLETENESS_FIELDS), z.number().int().min(0).max(100)),
  /** an account at or above this completeness counts as complete in the department rate (ACC-3 KPI) */
  completeThreshold: z.number().int().min(1).max(100).optional(),
});
export type CompletenessSettings = z.infer<typeof completenessSettings>;
/** ACC-5 automatic moves. */
export const lifecycleSettings = z.object({
  /** 潜在/开发中 → 合作 when revenue is recorded for the current or the previous business year */
  autoActivate: z.boolean(),
});
export type LifecycleSettings = z.infer<typeof lifecycleSettings>;
export const accountSettings = z.object({
  classification: classificationSettings,
  completeness: completenessSettings.extend({ completeThreshold: z.number().int() }),
  quadrant: quadrantSettings,
  lifecycle: lifecycleSettings,
});
export type AccountSettings = z.infer<typeof accountSettings>;
/** What PUT /api/account-settings takes: quadrant, lifecycle and the tier window may be left out (kept as they are). */
export const accountSettingsInput = z.object({
  classification: classificationInput,
  completeness: completenessSettings,
  quadrant: quadrantSettings.optional(),
  lifecycle: lifecycleSettings.optional(),
});
export type AccountSettingsInput = z.infer<typeof accountSettingsInput>;

/** GET /api/accounts/completeness: the department's 客户档案完整率 (ACC-3 KPI, seed 003 §2.1). */
export const completenessReportQuery = z.object({
  /** the unit and its subtree */
  unitId: z.coerce.number().int().positive().optional(),
  ownerId: z.coerce.number().int().positive().optional(),
});
const completenessRate = z.object({
  accounts: z.number().int(),
  /** mean completeness score, one decimal */
  average: z.number(),
  /** accounts at or above the threshold */
  complete: z.number().int(),
  /** complete / accounts in percent, one decimal; 0 when there are no accounts */
  rate: z.number(),
});
export const completenessReport = completenessRate.extend({
  threshold: z.number().int(),
  byOwner: z.array(completenessRate.extend({ ownerId: z.number(), ownerName: z.string() })),
  /** fields most often empty, most first (fields weighted 0 are left out) */
  missing: z.array(z.object({ field: z.enum(COMPLETENESS_FIELDS), weight: z.number().int(), accounts: z.number().int() })),
});
export type CompletenessReport = z.infer<typeof completenessReport>;
