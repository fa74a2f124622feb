import { z } from 'zod';

export const idParam = z.object({ id: z.coerce.number().int().positive() });
export type IdParam = z.infer<typeof idParam>;

/** `GET /api/<resource>?q=&page=&pageSize=&sort=`; sort is a field name, `-field` for descending. */
export const listQuery = z.object({
  q: z.string().trim().max(200).optional(),
  page: z.coerce.number().int().min(1).default(1),
  pageSize: z.coerce.number().int().min(1).max(200).default(20),
  sort: z
    .string()
    .regex(/^-?[a-zA-Z][a-zA-Z0-9]*$/)
    .optional(),
});
export type ListQuery = z.infer<typeof listQuery>;

export function paged<T extends z.ZodTypeAny>(item: T) {
  return z.object({
    items: z.array(item),
    total: z.number().int(),
    page: z.number().int(),
    pageSize: z.number().int(),
  });
}
export interface Paged<T> {
  items: T[];
  total: number;
  page: number;
  pageSize: number;
}

export const okResponse = z.object({ ok: z.literal(true) });

/** Timestamps travel as ISO-8601 strings; `iso()` converts database values for responses. */
export const isoDateTime = z.string().describe('ISO-8601 timestamp');
export const isoDateTimeNullable = isoDateTime.nullable();
export function iso(v: Date | string): string;
export function iso(v: Date | string | null | undefined): string | null;
export function iso(v: Date | string | null | undefined): string | null {
  if (v === null || v === undefined) return null;
  return v instanceof Date ? v.toISOString() : new Date(v).toISOString();
}

/** A timestamp a client sends: ISO-8601 with a zone (Z or an offset), checked to be a real moment. */
export const isoDateTimeInput = z.iso.datetime({ offset: true });

/** 'YYYY-MM-DD' naming a day that exists (no 2026-02-30), in years 1000–9999. */
export function isCalendarDate(v: string): boolean {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(v);
  if (!m) return false;
  const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
  const t = new Date(Date.UTC(y, mo - 1, d));
  return y >= 1000 && t.getUTCFullYear() === y && t.getUTCMonth() === mo - 1 && t.getUTCDate() === d;
}

/** A business date, 'YYYY-MM-DD', of a day that exists. */
export const businessDate = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}$/, { message: 'expected YYYY-MM-DD', abort: true })
  .superRefine((v, ctx) => {
    if (!isCalendarDate(v)) ctx.addIssue({ code: 'invalid_format', format: 'date', message: 'not a calendar date', input: v });
  });

/** Money: integer fen, never negative unless a schema says otherwise. */
export const fen = z.number().int().min(0).max(9_000_000_000_000_000);

export const versionBody = z.object({ version: z.number().int().positive() });
/** `?version=` of a DELETE: the version the caller saw. */
export const versionQuery = z.object({ version: z.coerce.number().int().positive() });

export const errorResponse = z.object({
  error: z.object({ code: z.string(), message: z.string(), details: z.unknown().optional() }),
});

/** Optional free text in a profile form: trimmed, at most `max` characters; '' and null clear it. */
export const optionalText = (max: number) =>
  z
    .string()
    .trim()
    .max(max)
    .transform((v) => (v === '' ? null : v))
    .nullable()
    .optional();
