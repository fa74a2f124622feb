import { z } from 'zod';
import { businessDate, isoDateTime } from './common';
import { POLICY_GRADES, POLICY_TIERS } from '../domain/visit-policy';

/** The longest range one calendar request may ask for, in days (inclusive of both ends). */
export const CALENDAR_MAX_DAYS = 92;

export const CALENDAR_KINDS = ['visit', 'reception', 'trip'] as const;
export type CalendarKind = (typeof CALENDAR_KINDS)[number];

/** from/to: business dates, both inclusive; at most CALENDAR_MAX_DAYS days. */
export const calendarRange = z.object({ from: businessDate, to: businessDate });
export type CalendarRange = z.infer<typeof calendarRange>;

export const calendarEvent = z.object({
  kind: z.enum(CALENDAR_KINDS),
  id: z.number().int(),
  title: z.string(),
  /** timed: an ISO instant; all-day: the first day YYYY-MM-DD */
  start: z.string(),
  /** timed: an ISO instant; all-day: the last day YYYY-MM-DD (inclusive) */
  end: z.string(),
  allDay: z.boolean(),
  status: z.string(),
  ownerId: z.number().int(),
  ownerName: z.string(),
  /** the web route of the record */
  link: z.string(),
  /** where it happens (calendar.rules.ts eventLocation): a visit's check-in place or the account's address, a reception's place, a trip's destination */
  location: z.string().nullable(),
});
export type CalendarEvent = z.infer<typeof calendarEvent>;

export const calendarEvents = z.object({ from: businessDate, to: businessDate, items: z.array(calendarEvent) });
export type CalendarEvents = z.infer<typeof calendarEvents>;

export const feedTokenParam = z.object({ token: z.string().min(1).max(200) });

/** The secret feed URL, shown once when (re)created. */
export const feedTokenCreated = z.object({ token: z.string(), path: z.string(), createdAt: isoDateTime });
export const feedTokenStatus = z.object({ exists: z.boolean(), prefix: z.string().nullable(), createdAt: isoDateTime.nullable(), lastUsedAt: isoDateTime.nullable() });
export type FeedTokenStatus = z.infer<typeof feedTokenStatus>;

/* ---- visit policy ---- */

const frequency = z.number().int().min(1).max(3650).nullable();
export const visitPolicySettings = z.object({
  tiers: z.object(Object.fromEntries(POLICY_TIERS.map((k) => [k, frequency])) as Record<(typeof POLICY_TIERS)[number], typeof frequency>),
  grades: z.object(Object.fromEntries(POLICY_GRADES.map((k) => [k, frequency])) as Record<(typeof POLICY_GRADES)[number], typeof frequency>),
  /** apply the visit interval of the account's quadrant too (set with the quadrant's service policy); left out: unchanged */
  byQuadrant: z.boolean().optional(),
});
export type VisitPolicySettingsBody = z.infer<typeof visitPolicySettings>;
/** The policy as the settings page shows it: with the quadrants' intervals (read-only here). */
export const visitPolicyView = visitPolicySettings.extend({ byQuadrant: z.boolean(), quadrantDays: z.record(z.string(), z.number().int()) });
export type VisitPolicyView = z.infer<typeof visitPolicyView>;

export const overdueAccount = z.object({
  accountId: z.number().int(),
  accountName: z.string(),
  tier: z.string(),
  grade: z.string().nullable(),
  quadrant: z.string().nullable(),
  /** which rule set the frequency: the strictest of tier, grade and quadrant */
  frequencySource: z.enum(['tier', 'grade', 'quadrant']),
  ownerId: z.number().int().nullable(),
  ownerName: z.string().nullable(),
  frequencyDays: z.number().int(),
  lastVisitAt: isoDateTime.nullable(),
  daysSince: z.number().int(),
  overdueDays: z.number().int(),
});
export type OverdueAccount = z.infer<typeof overdueAccount>;
export const overdueList = z.object({ items: z.array(overdueAccount) });
