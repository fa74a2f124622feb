import { z } from 'zod';
import { businessDate, isoDateTime, isoDateTimeInput, isoDateTimeNullable, listQuery, optionalText as text } from './common';

/**
 * Key people and relationships (客情关系, SPEC REL-1..5, ORG-4).
 *
 * A contact belongs to one account and is visible iff its account is. Sensitive profile fields
 * (SENSITIVE_CONTACT_FIELDS) come back as null unless the caller holds `contact:sensitive` or
 * owns the account; `sensitiveVisible` says which case applies. Setting one without that right
 * is a 403.
 */

/** 决策者 / 使用者 / 采购者 / 影响者 */
export const BUYING_ROLES = ['decision_maker', 'user', 'buyer', 'influencer'] as const;
/** 向导 / 内线 / 关键人 / 决策人 (seed 004); a contact may carry several */
export const KEY_ROLES = ['guide', 'insider', 'key_person', 'decider'] as const;
/** 决策层 / 管理层 / 操作层 */
export const CONTACT_LAYERS = ['decision', 'management', 'operation'] as const;
/** 决定权 / 建议权 / 推荐权 / 否决权 */
export const CONTACT_RIGHTS = ['decide', 'suggest', 'recommend', 'veto'] as const;
/** 认识 → 兴趣 → 信赖 → 同盟 (seed 004 客情关系四阶段) */
export const RELATIONSHIP_STAGES = ['acquainted', 'interested', 'trusting', 'ally'] as const;
/** 鹰 / 狐 / 羊 / 驴 (seed 004); the approach advice per type lives in the web locale files */
export const PERSONALITY_TYPES = ['eagle', 'fox', 'sheep', 'donkey'] as const;
/** 稳健 / 保守 / 激进 */
export const THINKING_STYLES = ['steady', 'conservative', 'radical'] as const;
export const CONTACT_STATUSES = ['active', 'left'] as const;
export const GENDERS = ['male', 'female'] as const;

export type BuyingRole = (typeof BUYING_ROLES)[number];
export type KeyRole = (typeof KEY_ROLES)[number];
export type ContactLayer = (typeof CONTACT_LAYERS)[number];
export type ContactRight = (typeof CONTACT_RIGHTS)[number];
export type RelationshipStage = (typeof RELATIONSHIP_STAGES)[number];
export type PersonalityType = (typeof PERSONALITY_TYPES)[number];
export type ContactStatus = (typeof CONTACT_STATUSES)[number];

/** Profile fields shown only to `contact:sensitive` holders and the account's owner (ORG-4). */
export const SENSITIVE_CONTACT_FIELDS = ['birthday', 'family', 'maritalStatus', 'habits', 'personality', 'hobbies'] as const;
export type SensitiveContactField = (typeof SENSITIVE_CONTACT_FIELDS)[number];

/** support: -2 强烈反对, -1 反对, 0 中立, 1 支持, 2 强烈支持 */
export const supportLevel = z.number().int().min(-2).max(2);
export const fivePoint = z.number().int().min(1).max(5);

/** Editable profile fields (REL-1/2). Every field is optional in a PATCH; null clears it. */
export const contactProfileInput = z.object({
  name: z.string().trim().min(1).max(100),
  gender: z.enum(GENDERS).nullable().optional(),
  /** sensitive */
  birthday: businessDate.nullable().optional(),
  nativePlace: text(100),
  department: text(200),
  title: text(100),
  officePhone: text(50),
  mobile: text(50),
  fax: text(50),
  email: z
    .union([z.literal(''), z.string().trim().email().max(200)])
    .transform((v) => (v === '' ? null : v))
    .nullable()
    .optional(),
  /** sensitive */
  personality: text(2000),
  temperament: text(2000),
  /** sensitive */
  maritalStatus: text(100),
  /** sensitive */
  family: text(2000),
  /** sensitive */
  hobbies: text(2000),
  /** sensitive */
  habits: text(2000),
  honoraryPosts: text(2000),
  education: text(2000),
  careerHistory: text(5000),
  background: text(5000),
  expression: text(2000),
  thinkingStyle: z.enum(THINKING_STYLES).nullable().optional(),
  strengths: text(2000),
  weaknesses: text(2000),
  businessFamiliarity: text(2000),
  decisionScope: text(2000),
  influence: fivePoint.nullable().optional(),
  responsibilities: text(2000),
  buyingRole: z.enum(BUYING_ROLES).nullable().optional(),
  keyRoles: z.array(z.enum(KEY_ROLES)).max(KEY_ROLES.length).optional(),
  layer: z.enum(CONTACT_LAYERS).nullable().optional(),
  right: z.enum(CONTACT_RIGHTS).nullable().optional(),
  personalityType: z.enum(PERSONALITY_TYPES).nullable().optional(),
  /** the last time someone of ours was in touch; later fed by activities */
  lastContactAt: isoDateTimeInput.nullable().optional(),
});

/**
 * Relationship state (support, closeness, expertise, stage, competitor leaning, our owner) is set
 * at creation here and afterwards only through POST /api/contacts/:id/relationship, which keeps
 * history. Reporting lines: same account, no cycles (400 naming reportsToId).
 */
export const contactCreate = contactProfileInput.extend({
  accountId: z.number().int().positive(),
  reportsToId: z.number().int().positive().nullable().optional(),
  assistantOfId: z.number().int().positive().nullable().optional(),
  support: supportLevel.default(0),
  closeness: fivePoint.default(1),
  expertise: fivePoint.nullable().optional(),
  stage: z.enum(RELATIONSHIP_STAGES).default('acquainted'),
  competitorLeaning: text(500),
  /** defaults to the caller */
  ownerId: z.number().int().positive().nullable().optional(),
});
export type ContactCreate = z.input<typeof contactCreate>;

export const contactUpdate = contactProfileInput.partial().extend({ version: z.number().int().positive() });
export type ContactUpdate = z.input<typeof contactUpdate>;

export const CONTACT_SORTS = ['name', 'createdAt', 'updatedAt', 'support', 'closeness', 'influence', 'stage', 'lastContactAt'] as const;

export const contactListQuery = listQuery.extend({
  accountId: z.coerce.number().int().positive().optional(),
  buyingRole: z.enum(BUYING_ROLES).optional(),
  stage: z.enum(RELATIONSHIP_STAGES).optional(),
  status: z.enum(CONTACT_STATUSES).optional(),
  /** sort: one of CONTACT_SORTS, `-` prefix for descending; default `name` */
});
export type ContactListQuery = z.infer<typeof contactListQuery>;

export const contactListItem = z.object({
  id: z.number(),
  accountId: z.number(),
  accountName: z.string(),
  name: z.string(),
  gender: z.enum(GENDERS).nullable(),
  department: z.string().nullable(),
  title: z.string().nullable(),
  mobile: z.string().nullable(),
  officePhone: z.string().nullable(),
  email: z.string().nullable(),
  buyingRole: z.enum(BUYING_ROLES).nullable(),
  keyRoles: z.array(z.enum(KEY_ROLES)),
  layer: z.enum(CONTACT_LAYERS).nullable(),
  right: z.enum(CONTACT_RIGHTS).nullable(),
  influence: z.number().nullable(),
  support: z.number(),
  closeness: z.number(),
  expertise: z.number().nullable(),
  stage: z.enum(RELATIONSHIP_STAGES),
  personalityType: z.enum(PERSONALITY_TYPES).nullable(),
  competitorLeaning: z.string().nullable(),
  ownerId: z.number().nullable(),
  ownerName: z.string().nullable(),
  reportsToId: z.number().nullable(),
  assistantOfId: z.number().nullable(),
  status: z.enum(CONTACT_STATUSES),
  leftAt: businessDate.nullable(),
  lastContactAt: isoDateTimeNullable,
  version: z.number(),
  updatedAt: isoDateTime,
});
export type ContactListItem = z.infer<typeof contactListItem>;

export const contactDetail = contactListItem.extend({
  birthday: businessDate.nullable(),
  nativePlace: z.string().nullable(),
  fax: z.string().nullable(),
  personality: z.string().nullable(),
  temperament: z.string().nullable(),
  maritalStatus: z.string().nullable(),
  family: z.string().nullable(),
  hobbies: z.string().nullable(),
  habits: z.string().nullable(),
  honoraryPosts: z.string().nullable(),
  education: z.string().nullable(),
  careerHistory: z.string().nullable(),
  background: z.string().nullable(),
  expression: z.string().nullable(),
  thinkingStyle: z.enum(THINKING_STYLES).nullable(),
  strengths: z.string().nullable(),
  weaknesses: z.string().nullable(),
  businessFamiliarity: z.string().nullable(),
  decisionScope: z.string().nullable(),
  responsibilities: z.string().nullable(),
  leftNote: z.string().nullable(),
  /** false: the sensitive fields above are null because the caller may not see them */
  sensitiveVisible: z.boolean(),
  createdAt: isoDateTime,
});
export type ContactDetail = z.infer<typeof contactDetail>;

/** All contacts of one account (the relationship map), active and left. */
export const accountContacts = z.object({ items: z.array(contactListItem) });

/** At least one of the state fields; `evidence` is required when the stage changes. */
export const relationshipChange = z.object({
  support: supportLevel.optional(),
  closeness: fivePoint.optional(),
  expertise: fivePoint.nullable().optional(),
  stage: z.enum(RELATIONSHIP_STAGES).optional(),
  competitorLeaning: text(500),
  ownerId: z.number().int().positive().nullable().optional(),
  evidence: z.string().trim().max(2000).optional(),
  /** defaults to today in the business time zone */
  occurredOn: businessDate.optional(),
  version: z.number().int().positive(),
});
export type RelationshipChange = z.input<typeof relationshipChange>;

export const RELATIONSHIP_FIELDS = ['support', 'closeness', 'expertise', 'stage', 'competitorLeaning', 'owner'] as const;
export type RelationshipField = (typeof RELATIONSHIP_FIELDS)[number];
export const relationshipHistoryItem = z.object({
  id: z.number(),
  field: z.enum(RELATIONSHIP_FIELDS),
  /** numbers as decimal strings, owner as user id string */
  from: z.string().nullable(),
  to: z.string().nullable(),
  evidence: z.string().nullable(),
  /** set once activities exist (REL-3) */
  activityId: z.number().nullable(),
  occurredOn: businessDate,
  actorId: z.number().nullable(),
  actorName: z.string().nullable(),
  at: isoDateTime,
});
export type RelationshipHistoryItem = z.infer<typeof relationshipHistoryItem>;
export const relationshipHistory = z.object({ items: z.array(relationshipHistoryItem) });

export const contactLeft = z.object({
  leftOn: businessDate,
  note: z.string().trim().min(1).max(1000),
  version: z.number().int().positive(),
});
export const reportingUpdate = z.object({
  reportsToId: z.number().int().positive().nullable(),
  assistantOfId: z.number().int().positive().nullable(),
  version: z.number().int().positive(),
});

/** Coverage gaps (REL-5); weights in COVERAGE_WEIGHTS, score = 100 − sum of raised flags' weights, floor 0. */
export const COVERAGE_FLAGS = [
  'no_decision_maker',
  'single_threaded',
  'no_insider',
  'influential_opponent',
  'decision_layer_uncovered',
  'gone_cold',
  'competitor_closer',
] as const;
export type CoverageFlagCode = (typeof COVERAGE_FLAGS)[number];
export const COVERAGE_WEIGHTS: Record<CoverageFlagCode, number> = {
  no_decision_maker: 25,
  single_threaded: 15,
  no_insider: 10,
  influential_opponent: 15,
  decision_layer_uncovered: 15,
  gone_cold: 10,
  competitor_closer: 10,
};
/** Days without contact after which a relationship counts as gone cold, per stage. */
export const DEFAULT_COLD_DAYS: Record<RelationshipStage, number> = { acquainted: 30, interested: 45, trusting: 60, ally: 90 };

export const coverageFlag = z.object({ code: z.enum(COVERAGE_FLAGS), contactIds: z.array(z.number()) });
export const accountCoverage = z.object({ accountId: z.number(), score: z.number().int(), flags: z.array(coverageFlag) });
export type AccountCoverage = z.infer<typeof accountCoverage>;

export const coverageListQuery = listQuery.omit({ sort: true, q: true }).extend({
  /** the unit and its subtree */
  unitId: z.coerce.number().int().positive().optional(),
});
export const coverageListItem = accountCoverage.extend({
  accountName: z.string(),
  ownerId: z.number(),
  ownerName: z.string(),
  unitId: z.number(),
  unitName: z.string(),
  activeContacts: z.number().int(),
});
export type CoverageListItem = z.infer<typeof coverageListItem>;
