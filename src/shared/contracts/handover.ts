import { z } from 'zod';
import { isoDateTime } from './common';

/**
 * Departure handover (ORG-5). Parts are keyed by name so a later feature (e.g. development
 * plans) can add its own part on the server without changing these schemas.
 */
export const BUILTIN_HANDOVER_PARTS = ['accounts', 'contacts', 'tasks', 'approvals', 'requests', 'delegations'] as const;

const userId = z.number().int().positive();

export const handoverItem = z.object({ id: z.number().int(), label: z.string() });

export const handoverPart = z.object({
  key: z.string(),
  count: z.number().int(),
  /** false for parts that are ended rather than handed to a successor (delegations) */
  needsSuccessor: z.boolean(),
  /** the first few records, for the preview */
  items: z.array(handoverItem),
});
export type HandoverPart = z.infer<typeof handoverPart>;

export const handoverPreview = z.object({
  user: z.object({ id: z.number().int(), name: z.string(), username: z.string(), status: z.string(), unitId: z.number().int() }),
  parts: z.array(handoverPart),
});
export type HandoverPreview = z.infer<typeof handoverPreview>;

export const handoverBody = z.object({
  /** successor for every part not named in `successors` */
  defaultSuccessorId: userId.optional(),
  /** per-part successor, keyed by part key */
  successors: z.record(z.string(), userId).default({}),
  leftOn: z.iso.date(),
  note: z.string().trim().max(500).optional(),
});
export type HandoverBody = z.input<typeof handoverBody>;

export const handoverResult = z.object({
  userId: z.number().int(),
  leftAt: isoDateTime,
  parts: z.array(z.object({ key: z.string(), count: z.number().int(), successorId: z.number().int().nullable() })),
});
export type HandoverResult = z.infer<typeof handoverResult>;
