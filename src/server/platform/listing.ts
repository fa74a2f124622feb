import { issue, validationError } from '../../shared/errors';

export interface SortSpec<C extends string = string> {
  column: C;
  desc: boolean;
}

/**
 * Resolves a list's `?sort=field` / `?sort=-field` against the fields it offers (field → SQL
 * column). An unknown field is a 400 naming `sort`. `fallback` is used when none is given,
 * in the same notation (e.g. '-createdAt').
 */
export function resolveSort<C extends string>(sort: string | undefined, columns: Record<string, C>, fallback: string): SortSpec<C> {
  const spec = sort ?? fallback;
  const desc = spec.startsWith('-');
  const column = columns[spec.replace(/^-/, '')];
  if (!column) throw validationError([issue('sort', 'common.sortField', `Sort by one of ${Object.keys(columns).join(', ')} (prefix - for descending)`, { fields: Object.keys(columns).join(', ') })]);
  return { column, desc };
}

/** `%text%` for ILIKE with the user's own % _ \ taken literally. */
export function containsPattern(text: string): string {
  return `%${text.replace(/[%_\\]/g, (c) => `\\${c}`)}%`;
}

/** limit/offset of a 1-based page. */
export function pageWindow(q: { page: number; pageSize: number }) {
  return { limit: q.pageSize, offset: (q.page - 1) * q.pageSize };
}
