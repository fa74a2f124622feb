import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { FormInstance } from 'antd';
import { useTranslation } from 'react-i18next';
import type { Paged } from '../../../shared/contracts/common';
import type { TripDetail, TripListQuery, TripSummary } from '../../../shared/contracts/trips';
import { api } from '../../api/client';
import { useApiError, useFeedback } from '../../components/feedback';

/** Query keys: every trip write invalidates `tripKeys.all`. */
export const tripKeys = {
  all: ['trips'] as const,
  list: (q: TripListQuery) => ['trips', 'list', q] as const,
  detail: (id: number) => ['trips', 'detail', id] as const,
};

export function useTrips(q: TripListQuery) {
  return useQuery({ queryKey: tripKeys.list(q), queryFn: () => api.get<Paged<TripSummary>>('/api/trips', q as Record<string, string | number | undefined>) });
}

export function useTrip(id: number | null) {
  return useQuery({ queryKey: tripKeys.detail(id ?? 0), queryFn: () => api.get<TripDetail>(`/api/trips/${id}`), enabled: id !== null });
}

/** One trip write: shows the 400's fields on the form (when given), refreshes the trips, then `onDone`. */
export function useTripAction<V>(send: (v: V) => Promise<TripDetail>, opts: { form?: FormInstance; done?: string; onDone?: (trip: TripDetail) => void } = {}) {
  const { t } = useTranslation('trips');
  const qc = useQueryClient();
  const { message } = useFeedback();
  const showError = useApiError();
  return useMutation({
    mutationFn: send,
    onSuccess: (trip) => {
      void message.success(t(opts.done ?? 'saved'));
      qc.setQueryData(tripKeys.detail(trip.id), trip);
      void qc.invalidateQueries({ queryKey: tripKeys.all });
      opts.onDone?.(trip);
    },
    onError: (err) => showError(err, opts.form, () => void qc.invalidateQueries({ queryKey: tripKeys.all })),
  });
}
