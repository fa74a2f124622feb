import { z } from 'zod';
import { DATA_SCOPES } from '../permissions';
import { MONEY_UNITS } from '../domain/money';
import { isoDateTime, isoDateTimeNullable } from './common';

export const loginBody = z.object({
  username: z.string().trim().min(1).max(64),
  password: z.string().min(1).max(200),
});

export const meResponse = z.object({
  id: z.number(),
  username: z.string(),
  name: z.string(),
  unitId: z.number(),
  unitName: z.string(),
  positions: z.array(z.string()),
  roles: z.array(z.object({ id: z.number(), code: z.string() })),
  permissions: z.array(z.object({ permission: z.string(), scope: z.enum(DATA_SCOPES) })),
  mustChangePassword: z.boolean(),
  csrfToken: z.string().nullable(),
  /** how money reads for this person (PLAT-6): 元 or 万元 */
  moneyUnit: z.enum(MONEY_UNITS),
  /** the business time zone (BUSINESS_TZ) times are shown and printed in, whatever the browser's */
  businessTimeZone: z.string(),
});
export type Me = z.infer<typeof meResponse>;

/**
 * The signed-in person's own home page (PERF-4): the widgets in the order they chose, each shown or hidden. The
 * keys are the web rooms' widget keys; a widget the list does not name keeps the place its positions give it,
 * and an empty list goes back to that order.
 */
export const HOME_LAYOUT_MAX = 60;
/** what a home widget's key may be (the web rooms' keys: letters and digits) */
export const HOME_WIDGET_KEY = /^[a-zA-Z][a-zA-Z0-9]{0,47}$/;
export const homeLayout = z.object({
  widgets: z
    .array(z.object({ key: z.string().regex(HOME_WIDGET_KEY), hidden: z.boolean() }))
    .max(HOME_LAYOUT_MAX),
});
export type HomeLayout = z.infer<typeof homeLayout>;
export const homeLayoutResponse = homeLayout.extend({
  /** whether the person has arranged the page (false: as their positions place the widgets) */
  customised: z.boolean(),
});

/** The signed-in person's own display preferences. */
export const preferencesBody = z.object({
  moneyUnit: z.enum(MONEY_UNITS),
});

export const changePasswordBody = z.object({
  currentPassword: z.string().min(1),
  newPassword: z.string().min(8).max(200),
});

export const tokenItem = z.object({
  id: z.number(),
  name: z.string(),
  prefix: z.string(),
  scopes: z.array(z.string()),
  expiresAt: isoDateTimeNullable,
  lastUsedAt: isoDateTimeNullable,
  revokedAt: isoDateTimeNullable,
  createdAt: isoDateTime,
});
export const createTokenBody = z.object({
  name: z.string().trim().min(1).max(100),
  scopes: z.array(z.string()).min(1),
  expiresInDays: z.number().int().min(1).max(3650).optional(),
});
export const createTokenResponse = tokenItem.extend({ token: z.string() });
