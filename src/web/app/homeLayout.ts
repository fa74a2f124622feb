import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { z } from 'zod';
import type { HomeLayout, homeLayoutResponse } from '../../shared/contracts/auth';
import { api } from '../api/client';

type Saved = z.infer<typeof homeLayoutResponse>;
const key = ['auth', 'home-layout'] as const;

/** The person's own home layout (none until they arrange the page). */
export function useHomeLayout() {
  return useQuery({ queryKey: key, queryFn: () => api.get<Saved>('/api/auth/home-layout'), staleTime: 60_000 });
}

/** Saves the layout; the page follows at once and goes back if the server refuses. */
export function useSaveHomeLayout() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (layout: HomeLayout) => api.put<Saved>('/api/auth/home-layout', layout),
    onMutate: async (layout) => {
      await qc.cancelQueries({ queryKey: key });
      const before = qc.getQueryData<Saved>(key);
      qc.setQueryData<Saved>(key, { widgets: layout.widgets, customised: layout.widgets.length > 0 });
      return { before };
    },
    onError: (_e, _v, ctx) => qc.setQueryData(key, ctx?.before),
    onSuccess: (saved) => qc.setQueryData(key, saved),
  });
}
