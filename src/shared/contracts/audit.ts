import { z } from 'zod';
import { isoDateTime, listQuery } from './common';

export const auditEntry = z.object({
  id: z.number(),
  at: isoDateTime,
  actorId: z.number().nullable(),
  actorName: z.string().nullable(),
  entity: z.string(),
  entityId: z.string(),
  action: z.string(),
  /** {field: [before, after]}; `_` holds extra facts of non-field actions */
  diff: z.record(z.string(), z.unknown()),
  ip: z.string().nullable(),
});
export type AuditEntry = z.infer<typeof auditEntry>;
export const auditListQuery = listQuery.extend({
  entity: z.string().optional(),
  entityId: z.string().optional(),
  actorId: z.coerce.number().int().positive().optional(),
  action: z.string().optional(),
  from: z.iso.datetime({ offset: true }).optional(),
  to: z.iso.datetime({ offset: true }).optional(),
});
/** GET /api/audit/:entity/:entityId — one record's history (page/pageSize as in the list). */
export const auditRecordParams = z.object({ entity: z.string().min(1).max(100), entityId: z.string().min(1).max(100) });
