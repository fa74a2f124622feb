import { z } from 'zod';
import { APPROVAL_STATUSES } from './approvals';
import { fen, isoDateTime, isoDateTimeNullable, listQuery } from './common';

/** 通用审批: office supplies, phone allowance over its limit, sales tools (seed 003 第16–19条), other. */
export const REQUEST_CATEGORIES = ['office_supplies', 'phone_allowance', 'sales_tools', 'other'] as const;
export const REQUEST_STATUSES = ['draft', ...APPROVAL_STATUSES] as const;

export const fileItem = z.object({ id: z.number(), name: z.string(), mime: z.string(), size: z.number(), createdAt: isoDateTime });
export type FileItem = z.infer<typeof fileItem>;
/** Uploads travel as base64 in JSON (≤ 10 MB decoded). */
export const fileUpload = z.object({
  name: z.string().trim().min(1).max(200),
  mime: z.string().trim().min(1).max(100),
  contentBase64: z.string().min(1),
});

export const generalRequest = z.object({
  id: z.number(),
  title: z.string(),
  category: z.enum(REQUEST_CATEGORIES),
  amount: z.number(),
  description: z.string(),
  status: z.enum(REQUEST_STATUSES),
  ownerId: z.number(),
  ownerName: z.string(),
  unitId: z.number(),
  unitName: z.string(),
  submittedAt: isoDateTimeNullable,
  decidedAt: isoDateTimeNullable,
  attachments: z.array(fileItem),
  /** the latest approval instance, if ever submitted */
  approvalId: z.number().nullable(),
  version: z.number(),
  createdAt: isoDateTime,
});
export type GeneralRequest = z.infer<typeof generalRequest>;

export const generalRequestCreate = z.object({
  title: z.string().trim().min(1).max(200),
  category: z.enum(REQUEST_CATEGORIES),
  amount: fen,
  description: z.string().max(5000).default(''),
  attachmentIds: z.array(z.number().int().positive()).max(20).default([]),
  /** submit for approval right away */
  submit: z.boolean().default(false),
});
/** Only the fields sent change: an edit without a description or attachments keeps them. */
export const generalRequestUpdate = generalRequestCreate
  .omit({ submit: true })
  .partial()
  .extend({ description: z.string().max(5000).optional(), attachmentIds: z.array(z.number().int().positive()).max(20).optional(), version: z.number().int().positive() });
export const generalRequestListQuery = listQuery.extend({
  status: z.enum(REQUEST_STATUSES).optional(),
  category: z.enum(REQUEST_CATEGORIES).optional(),
  mine: z.enum(['true', 'false']).optional(),
});
