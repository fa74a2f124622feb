import { ACCOUNT_SORTS } from '../../../shared/contracts/accounts';
import { SAVED_VIEW_QUERIES, type SavedViewPage } from '../../../shared/contracts/saved-views';
import { issue, type FieldIssue } from '../../../shared/errors';

export type ViewQuery = Record<string, string | number>;

/**
 * A view's query checked against its page's list-query contract, so a saved view always opens
 * a list the server accepts. Empty values are dropped (an empty filter is no filter); the rest
 * is kept as given, the way the list's URL carries it. Returns the issues with paths under
 * `query` when it does not fit.
 */
export function checkViewQuery(page: SavedViewPage, query: ViewQuery): { query: ViewQuery } | { issues: FieldIssue[] } {
  const kept: ViewQuery = {};
  for (const [k, v] of Object.entries(query)) if (v !== '') kept[k] = v;
  // the list query reads URL parameters: numbers arrive as text there
  const asParams = Object.fromEntries(Object.entries(kept).map(([k, v]) => [k, String(v)]));
  const r = SAVED_VIEW_QUERIES[page].safeParse(asParams);
  if (r.success) {
    // the list refuses a sort field it does not offer, so the view must not hold one either
    const sort = asParams.sort?.replace(/^-/, '');
    if (page === 'accounts' && sort !== undefined && !(ACCOUNT_SORTS as readonly string[]).includes(sort)) {
      return { issues: [issue('query.sort', 'savedViews.badQuery', `Sort by one of ${ACCOUNT_SORTS.join(', ')}`)] };
    }
    return { query: kept };
  }
  return {
    issues: r.error.issues.map((i) => {
      const keys = i.code === 'unrecognized_keys' ? (i as { keys?: string[] }).keys ?? [] : [];
      const path = ['query', ...(keys.length ? [keys[0]] : i.path.map(String))].join('.');
      return issue(path, 'savedViews.badQuery', i.message);
    }),
  };
}
