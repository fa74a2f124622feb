import { z } from 'zod';

/**
 * Merging a duplicate account into another (issue 3 item 5): everything of the source moves onto
 * the target in one audited transaction and the source is deleted. The target keeps its profile
 * values; its empty fields are filled from the source (the preview lists which). Needs
 * account:merge with both accounts in its scope (404 otherwise); merging an account into itself
 * or into one of its own group descendants is a 400 naming sourceId.
 */

export const mergePreviewQuery = z.object({ sourceId: z.coerce.number().int().positive() });

export const mergeBody = z.object({
  sourceId: z.number().int().positive(),
  reason: z.string().trim().min(1).max(500),
  /** the target's version */
  version: z.number().int().positive(),
  sourceVersion: z.number().int().positive(),
});
export type MergeBody = z.input<typeof mergeBody>;

const side = z.object({
  id: z.number(),
  name: z.string(),
  creditCode: z.string().nullable(),
  city: z.string().nullable(),
  ownerName: z.string(),
  unitName: z.string(),
  version: z.number(),
});

/** what moves, by part key (contacts, revenue, team, children, changes, tasks, needs, …) */
export const mergePartCount = z.object({ key: z.string(), count: z.number().int() });

export const mergePreview = z.object({
  target: side,
  source: side,
  parts: z.array(mergePartCount),
  /** the target's empty profile fields that take the source's value */
  fields: z.array(
    z.object({
      /** a profile field name of the account contract (creditCode, phone, parentId …) */
      field: z.string(),
      /** the source's value; for parentId the parent's name; null when hidden */
      value: z.union([z.string(), z.number(), z.boolean(), z.null()]),
      /** trade terms the caller may not see (account:trade-terms) */
      hidden: z.boolean(),
    }),
  ),
});
export type MergePreview = z.infer<typeof mergePreview>;

export const mergeResult = z.object({
  targetId: z.number(),
  sourceId: z.number(),
  parts: z.array(mergePartCount),
  filledFields: z.array(z.string()),
});
export type MergeResult = z.infer<typeof mergeResult>;
