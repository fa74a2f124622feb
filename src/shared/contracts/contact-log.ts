import { z } from 'zod';
import { businessDate, isoDateTime, optionalText as text, paged } from './common';

/**
 * The contact log (ACT-5, seed 000 大客户联系情况表: 客户名称, 地址, 联系方式, 时间, 地点, 情况说明,
 * 业务人员): every call, e-mail and meeting with an account, optionally with one of its contacts.
 * Read with contact:read, written with contact:write, in the account's data scope (404 outside).
 */
export const CONTACT_LOG_KINDS = ['call', 'email', 'meeting', 'other'] as const;
export type ContactLogKind = (typeof CONTACT_LOG_KINDS)[number];

export const contactLogCreate = z.object({
  accountId: z.number().int().positive(),
  /** a contact of the same account (400 naming contactId otherwise) */
  contactId: z.number().int().positive().nullable().optional(),
  kind: z.enum(CONTACT_LOG_KINDS),
  /** 时间; now when absent; not in the future (400 naming occurredAt) */
  occurredAt: z.iso.datetime({ offset: true }).optional(),
  /** 地点 */
  place: text(200),
  /** 地址 */
  address: text(300),
  /** 联系方式: the number or address used */
  contactWay: text(200),
  /** 情况说明 */
  summary: z.string().trim().min(1).max(4000),
  /** 业务人员: an active user; the caller when absent (400 naming userId otherwise) */
  userId: z.number().int().positive().optional(),
});
export type ContactLogCreate = z.input<typeof contactLogCreate>;

export const contactLogListQuery = z.object({
  q: z.string().trim().max(200).optional(),
  accountId: z.coerce.number().int().positive().optional(),
  contactId: z.coerce.number().int().positive().optional(),
  userId: z.coerce.number().int().positive().optional(),
  kind: z.enum(CONTACT_LOG_KINDS).optional(),
  from: businessDate.optional(),
  to: businessDate.optional(),
  page: z.coerce.number().int().min(1).default(1),
  pageSize: z.coerce.number().int().min(1).max(200).default(20),
});
export type ContactLogListQuery = z.input<typeof contactLogListQuery>;

export const contactLogDeleteQuery = z.object({ version: z.coerce.number().int().positive() });

export const contactLog = z.object({
  id: z.number(),
  account: z.object({ id: z.number(), name: z.string() }),
  contact: z.object({ id: z.number(), name: z.string(), title: z.string().nullable() }).nullable(),
  kind: z.enum(CONTACT_LOG_KINDS),
  occurredAt: isoDateTime,
  place: z.string().nullable(),
  address: z.string().nullable(),
  contactWay: z.string().nullable(),
  summary: z.string(),
  user: z.object({ id: z.number(), name: z.string() }),
  createdAt: isoDateTime,
  version: z.number(),
});
export type ContactLog = z.infer<typeof contactLog>;
export const contactLogList = paged(contactLog);
