import { useQuery } from '@tanstack/react-query';
import type { SavedView, SavedViewPage } from '../../../shared/contracts/saved-views';
import { api } from '../../api/client';

export const savedViewKeys = {
  all: ['saved-views'] as const,
  page: (page: SavedViewPage) => ['saved-views', page] as const,
};

export function useSavedViews(page: SavedViewPage) {
  return useQuery({
    queryKey: savedViewKeys.page(page),
    queryFn: () => api.get<{ items: SavedView[] }>('/api/saved-views', { page }),
    staleTime: 60_000,
  });
}

/** A list's URL parameters as a view stores them: without the page number, empty values dropped. */
export function viewQueryOf(params: Record<string, string>): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [k, v] of Object.entries(params)) if (k !== 'page' && v !== '') out[k] = v;
  return out;
}

/** Whether a stored view holds exactly these parameters (numbers and text compare as the URL has them). */
export function sameQuery(view: SavedView, params: Record<string, string>): boolean {
  const a = viewQueryOf(Object.fromEntries(Object.entries(view.query).map(([k, v]) => [k, String(v)])));
  const b = viewQueryOf(params);
  const ka = Object.keys(a).sort();
  return ka.length === Object.keys(b).length && ka.every((k) => a[k] === b[k]);
}
