import { z } from 'zod';
import { isoDateTime } from './common';

/**
 * The account timeline (issue 3 item 3): what happened to an account, newest first, gathered from
 * every feature that registers a source on the server. Each source shows only what the caller may
 * see (contacts and plan events need contact:read on the account). Texts are built on the web from
 * `kind` and `params` (locale keys timeline.kinds.<kind>), never sent as sentences.
 */
export const TIMELINE_KINDS = [
  'account_created',
  'account_change',
  'account_merged',
  'contact_added',
  'contact_left',
  'relationship_change',
  'need_added',
  'need_closed',
  'countermeasure_added',
  'countermeasure_closed',
  'plan_item_created',
  'plan_item_closed',
  'opportunity',
  'gift',
  'trip',
  'contact_log',
  'visit',
  'reception',
  'receipt',
  'contract',
  'ticket',
  'recovery_opened',
  'recovery_closed',
  'service_logged',
  'event_attended',
] as const;
export type TimelineKind = (typeof TIMELINE_KINDS)[number];

/** The kind filter of the web, by area. */
export const TIMELINE_GROUPS = {
  account: ['account_created', 'account_change', 'account_merged'],
  contacts: ['contact_added', 'contact_left', 'relationship_change'],
  needs: ['need_added', 'need_closed', 'countermeasure_added', 'countermeasure_closed'],
  plan: ['plan_item_created', 'plan_item_closed'],
  pipeline: ['opportunity'],
  field: ['trip', 'contact_log', 'reception', 'gift'],
  visits: ['visit'],
  deals: ['contract', 'receipt'],
  service: ['ticket', 'recovery_opened', 'recovery_closed', 'service_logged', 'event_attended'],
} as const satisfies Record<string, readonly TimelineKind[]>;
export type TimelineGroup = keyof typeof TIMELINE_GROUPS;

/** `<epoch ms>_<kind>_<id>` of the last event of a page: the next page starts below it. */
export const TIMELINE_CURSOR = /^(\d{1,15})_([a-z_]{1,40})_(\d{1,15})$/;

export const timelineQuery = z.object({
  before: z.string().regex(TIMELINE_CURSOR, 'a cursor from nextBefore').optional(),
  limit: z.coerce.number().int().min(1).max(100).default(30),
  /** comma-separated kinds; all when absent */
  kinds: z
    .string()
    .max(1000)
    .transform((v) => v.split(',').map((k) => k.trim()).filter(Boolean))
    .pipe(z.array(z.enum(TIMELINE_KINDS)))
    .optional(),
});
export type TimelineQuery = z.input<typeof timelineQuery>;

export const timelineEvent = z.object({
  /** `<kind>:<id>`, unique in the timeline */
  key: z.string(),
  kind: z.enum(TIMELINE_KINDS),
  at: isoDateTime,
  /** the event carries a business date rather than a moment (e.g. the day a contact left) */
  dateOnly: z.boolean(),
  actorId: z.number().nullable(),
  actorName: z.string().nullable(),
  /** values for the kind's text; enum values are codes the web translates */
  params: z.record(z.string(), z.union([z.string(), z.number(), z.null()])),
  /** web route where the record lives */
  link: z.string().nullable(),
});
export type TimelineEvent = z.infer<typeof timelineEvent>;

export const timelinePage = z.object({ items: z.array(timelineEvent), nextBefore: z.string().nullable() });
export type TimelinePage = z.infer<typeof timelinePage>;
