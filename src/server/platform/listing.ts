import { sql, type RawBuilder, type SqlBool } from 'kysely';
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

/**
 * `column ILIKE %text%` in a form an index can serve. Trigram indexes need three characters;
 * for one or two (a two-character Chinese name, two initials) the GIN index over
 * text_grams(column) (migration 0011) finds the candidates, and the ILIKE stays as the exact test.
 * The column needs both indexes for the search to avoid reading every row.
 */
export function containsText(column: string, text: string): RawBuilder<SqlBool> {
  const ref = sql.ref(column);
  const like = sql<SqlBool>`${ref} ilike ${containsPattern(text)}`;
  if ([...text].length >= 3) return like;
  return sql<SqlBool>`(text_grams(${ref}) @> array[lower(${text})]::text[] and ${like})`;
}

/** limit/offset of a 1-based page. */
export function pageWindow(q: { page: number; pageSize: number }) {
  return { limit: q.pageSize, offset: (q.page - 1) * q.pageSize };
}
