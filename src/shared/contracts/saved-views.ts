import { z } from 'zod';
import { isoDateTime } from './common';
import { accountListQuery } from './accounts';
import { coverageListQuery } from './contacts';

/**
 * Saved list views (issue 3 item 2): a user's named filters and sort of a list page. Strictly
 * personal — another user's view is a 404. The query is the page's list query without the page
 * number, as the list's URL carries it (strings and numbers).
 */
export const SAVED_VIEW_PAGES = ['accounts', 'coverage'] as const;
export type SavedViewPage = (typeof SAVED_VIEW_PAGES)[number];

/** What a view of each page may hold: that page's list-query contract, unknown keys refused. */
export const SAVED_VIEW_QUERIES = {
  accounts: accountListQuery.omit({ page: true }).strict(),
  coverage: coverageListQuery.omit({ page: true }).strict(),
} as const satisfies Record<SavedViewPage, z.ZodType>;

/** At most this many views per user and page. */
export const MAX_SAVED_VIEWS = 50;

const viewQuery = z.record(z.string().max(40), z.union([z.string().max(200), z.number()]));
const viewName = z.string().trim().min(1).max(60);

export const savedViewListQuery = z.object({ page: z.enum(SAVED_VIEW_PAGES) });
export const savedViewCreate = z.object({
  page: z.enum(SAVED_VIEW_PAGES),
  name: viewName,
  query: viewQuery,
  /** opened when the page opens without filters; at most one per page (setting one unsets the other) */
  isDefault: z.boolean().default(false),
});
export const savedViewUpdate = z.object({
  name: viewName.optional(),
  query: viewQuery.optional(),
  isDefault: z.boolean().optional(),
  sortOrder: z.number().int().min(0).max(10_000).optional(),
  version: z.number().int().positive(),
});
export const savedView = z.object({
  id: z.number(),
  page: z.enum(SAVED_VIEW_PAGES),
  name: z.string(),
  query: viewQuery,
  isDefault: z.boolean(),
  sortOrder: z.number().int(),
  version: z.number(),
  updatedAt: isoDateTime,
});
export type SavedView = z.infer<typeof savedView>;
export const savedViewList = z.object({ items: z.array(savedView) });
