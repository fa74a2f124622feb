import { z } from 'zod';
import { INVITATION_REASONS, INVITATION_STATUSES, MAX_SURVEY_COMMENT, SURVEY_GRADES, SURVEY_LIFECYCLES, SURVEY_LIMITS, SURVEY_TIERS } from '../domain/surveys';
import { businessDate, isoDateTime, isoDateTimeNullable, listQuery, paged } from './common';

/**
 * 满意度 (SPEC SVC-2, issue 15 item 4): satisfaction surveys a customer answers on a phone through a
 * one-time link, and their scores. The questions are the versioned sets of shared/domain/surveys.ts.
 *
 * An invitation is for one contact of one account, with a reason (manual, ticket_closed, scheduled). Its
 * link `/s/<token>` carries 32 random bytes (base64url); the server keeps only the token's SHA-256, so the
 * link is shown once — when it is made, and again only by making a new one (the old one stops working).
 * It expires (setting, default 14 days), is used once, and its sender may revoke it.
 *
 * Public (no session, no cookie set; 30 requests a minute per address, then 429):
 *   GET  /api/public/surveys/:token   → publicSurvey: the questions and the account's display name only
 *   POST /api/public/surveys/:token   publicAnswer → ok
 * A token that is unknown, expired, used or revoked answers 410 with one neutral message
 * (errors surveys.linkUnavailable) whichever it is.
 *
 * Signed in (data scope through the account's owner and unit; 404 outside it):
 *   GET  /api/surveys/question-sets          → questionSets (survey:read)
 *   GET  /api/surveys/invitations            invitationListQuery → invitationPage (survey:read)
 *   POST /api/surveys/invitations            invitationCreate → 201 issuedInvitation (survey:write)
 *   GET  /api/surveys/invitations/:id        → invitationDetail (survey:read)
 *   POST /api/surveys/invitations/:id/link   → issuedInvitation: a new link for one not answered or revoked (survey:write)
 *   POST /api/surveys/invitations/:id/revoke → invitationDetail (survey:write)
 *   GET  /api/surveys/scores                 scoresQuery → scoresReport (survey:read)
 *   GET  /api/surveys/settings               → surveySettingsView (survey:read)
 *   PUT  /api/surveys/settings               surveySettingsUpdate → surveySettingsView (survey:configure)
 */

const id = z.number().int().positive();
const queryId = z.coerce.number().int().positive();
const wording = z.object({ 'zh-CN': z.string(), en: z.string() });

// ---- the public page ----

/** at most 100 characters: Fastify's longest path parameter (a token is 43) */
export const surveyTokenParam = z.object({ token: z.string().min(1).max(100) });

export const publicQuestion = z.object({
  key: z.string(),
  kind: z.enum(['csat', 'nps', 'rating', 'comment']),
  text: wording,
  required: z.boolean(),
});
export const publicSurvey = z.object({
  /** the account's short name (or its name): nothing else about the account or the department */
  accountName: z.string(),
  questionSet: z.number().int(),
  questions: z.array(publicQuestion),
  scale: z.object({ low: wording, high: wording, npsLow: wording, npsHigh: wording }),
  expiresAt: isoDateTime,
});
export type PublicSurvey = z.infer<typeof publicSurvey>;

export const publicAnswer = z.object({
  csat: z.number().int().min(1).max(5),
  nps: z.number().int().min(0).max(10),
  /** the set's 1–5 items by key; null or left out: not answered (keys and scale checked against the invitation's set) */
  items: z
    .record(z.string().max(40), z.number().int().nullable())
    .refine((v) => Object.keys(v).length <= 20, { message: 'at most 20 items' })
    .optional(),
  comment: z.string().trim().max(MAX_SURVEY_COMMENT).nullable().optional(),
});
export type PublicAnswer = z.infer<typeof publicAnswer>;

// ---- question sets ----

export const questionSets = z.object({
  current: z.number().int(),
  sets: z.array(
    z.object({
      version: z.number().int(),
      questions: z.array(publicQuestion.extend({ name: wording })),
      scale: z.object({ low: wording, high: wording, npsLow: wording, npsHigh: wording }),
    }),
  ),
});
export type QuestionSets = z.infer<typeof questionSets>;

// ---- invitations ----

export const INVITATION_SORTS = ['createdAt', 'expiresAt', 'answeredAt', 'csat', 'nps', 'account'] as const;

const commaList = <T extends readonly [string, ...string[]]>(values: T) =>
  z
    .string()
    .transform((s) => s.split(',').map((x) => x.trim()).filter(Boolean))
    .pipe(z.array(z.enum(values)).max(values.length));

export const invitationListQuery = listQuery.extend({
  accountId: queryId.optional(),
  contactId: queryId.optional(),
  /** the account's owner */
  ownerId: queryId.optional(),
  /** the account's unit and its subtree */
  unitId: queryId.optional(),
  status: commaList(INVITATION_STATUSES).optional(),
  reason: z.enum(INVITATION_REASONS).optional(),
  /** sent on or after / on or before (business dates) */
  from: businessDate.optional(),
  to: businessDate.optional(),
  pageSize: z.coerce.number().int().min(1).max(200).default(20),
});
export type InvitationListQuery = z.input<typeof invitationListQuery>;

const who = z.object({ id, name: z.string() });

export const invitation = z.object({
  id,
  accountId: id,
  accountName: z.string(),
  ownerId: id,
  ownerName: z.string(),
  unitName: z.string(),
  contactId: id,
  contactName: z.string(),
  /** whether the contact has an e-mail address (the link is e-mailed when SMTP is configured) */
  contactHasEmail: z.boolean(),
  reason: z.enum(INVITATION_REASONS),
  ticketId: z.number().int().nullable(),
  status: z.enum(INVITATION_STATUSES),
  questionSet: z.number().int(),
  createdBy: who.nullable(),
  createdAt: isoDateTime,
  /** when the current link was made */
  issuedAt: isoDateTime,
  expiresAt: isoDateTime,
  emailedAt: isoDateTimeNullable,
  revokedAt: isoDateTimeNullable,
  answeredAt: isoDateTimeNullable,
  csat: z.number().int().nullable(),
  nps: z.number().int().nullable(),
});
export type Invitation = z.infer<typeof invitation>;

export const invitationPage = paged(invitation);
export type InvitationPage = z.infer<typeof invitationPage>;

export const invitationDetail = invitation.extend({
  revokedBy: who.nullable(),
  /** the 1–5 items of its question set, with what was answered (null: left out or not answered yet) */
  items: z.array(z.object({ key: z.string(), name: wording, score: z.number().int().nullable() })),
  comment: z.string().nullable(),
});
export type InvitationDetail = z.infer<typeof invitationDetail>;

export const invitationCreate = z.object({ accountId: id, contactId: id });
export type InvitationCreate = z.infer<typeof invitationCreate>;

/** A link made now: its token is in no other answer, ever (the server keeps only its hash). */
export const issuedInvitation = z.object({
  invitation: invitationDetail,
  token: z.string(),
  /** `/s/<token>` on this server */
  path: z.string(),
  /** the link on PUBLIC_URL, as the e-mail carries it */
  url: z.string(),
  /** whether the link is being e-mailed to the contact */
  emailing: z.boolean(),
});
export type IssuedInvitation = z.infer<typeof issuedInvitation>;

// ---- scores ----

export const SCORE_GROUPS = ['account', 'owner', 'unit'] as const;
export type ScoreGroup = (typeof SCORE_GROUPS)[number];

export const scoresQuery = z.object({
  /** answered on or after / on or before (business dates); default: the last 12 months to today */
  from: businessDate.optional(),
  to: businessDate.optional(),
  groupBy: z.enum(SCORE_GROUPS).default('owner'),
  accountId: queryId.optional(),
  ownerId: queryId.optional(),
  /** the accounts of this unit and its subtree */
  unitId: queryId.optional(),
});
export type ScoresQuery = z.input<typeof scoresQuery>;

const scoreFigures = {
  answers: z.number().int(),
  /** mean CSAT (1–5) */
  csat: z.number().nullable(),
  /** 满意率: percent of answers with CSAT ≥ 4 */
  satisfiedRate: z.number().nullable(),
  /** promoters − detractors, in points */
  nps: z.number().nullable(),
  /** invitations sent in the period (revoked ones left out) and how many of them were answered */
  sent: z.number().int(),
  answeredOfSent: z.number().int(),
  responseRate: z.number().nullable(),
  /** 满意率 ≥ the department's target; null without answers */
  meetsTarget: z.boolean().nullable(),
  /** the mean of each 1–5 item (null: none answered it) */
  items: z.record(z.string(), z.number().nullable()),
  lastAnsweredAt: isoDateTimeNullable,
};

export const scoreRow = z.object({ key: id, name: z.string(), ...scoreFigures });
export type ScoreRow = z.infer<typeof scoreRow>;
export const scoreTotals = z.object(scoreFigures);
export type ScoreTotals = z.infer<typeof scoreTotals>;

export const trendPoint = z.object({
  /** YYYY-MM */
  month: z.string(),
  answers: z.number().int(),
  csat: z.number().nullable(),
  satisfiedRate: z.number().nullable(),
  nps: z.number().nullable(),
});
export type TrendPoint = z.infer<typeof trendPoint>;

export const scoresReport = z.object({
  from: z.string(),
  to: z.string(),
  groupBy: z.enum(SCORE_GROUPS),
  /** the department's target 满意率 (percent) */
  target: z.number(),
  itemKeys: z.array(z.object({ key: z.string(), name: wording })),
  totals: scoreTotals,
  rows: z.array(scoreRow),
  /** every month of the period, oldest first */
  trend: z.array(trendPoint),
});
export type ScoresReport = z.infer<typeof scoresReport>;

// ---- settings ----

const months = z.number().int().min(SURVEY_LIMITS.months.min).max(SURVEY_LIMITS.months.max).nullable();

export const surveySettings = z.object({
  expiryDays: z.number().int().min(SURVEY_LIMITS.expiryDays.min).max(SURVEY_LIMITS.expiryDays.max),
  targetSatisfiedRate: z.number().min(0).max(100),
  cadence: z.object({
    tiers: z.object(Object.fromEntries(SURVEY_TIERS.map((k) => [k, months])) as Record<(typeof SURVEY_TIERS)[number], typeof months>),
    strategic: months,
    grades: z.object(Object.fromEntries(SURVEY_GRADES.map((k) => [k, months])) as Record<(typeof SURVEY_GRADES)[number], typeof months>),
  }),
  lifecycles: z.array(z.enum(SURVEY_LIFECYCLES)).max(SURVEY_LIFECYCLES.length),
  maxPerRun: z.number().int().min(SURVEY_LIMITS.maxPerRun.min).max(SURVEY_LIMITS.maxPerRun.max),
});
export type SurveySettingsBody = z.infer<typeof surveySettings>;

export const surveySettingsView = z.object({ settings: surveySettings, version: z.number().int(), updatedAt: isoDateTimeNullable });
export type SurveySettingsView = z.infer<typeof surveySettingsView>;
export const surveySettingsUpdate = surveySettings.extend({ version: z.number().int().min(0) });
export type SurveySettingsUpdate = z.infer<typeof surveySettingsUpdate>;
