import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { WorkCalendarUpdate, WorkCalendarView, WorkingHoursState, WorkingHoursUpdate } from '../../../shared/contracts/workdays';
import { api } from '../../api/client';

export const workdayKeys = {
  all: ['workdays'] as const,
  /** a year, or (undefined) the current one as the server counts it */
  year: (year: number | undefined) => ['workdays', year ?? 'current'] as const,
};

export const useWorkCalendar = (year: number | undefined) =>
  useQuery({ queryKey: workdayKeys.year(year), queryFn: () => api.get<WorkCalendarView>('/api/work-calendar', { year }) });

/** Replaces a year's days; the answer is the year as saved. */
export function useSaveCalendar() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (v: { year: number; body: WorkCalendarUpdate }) => api.put<WorkCalendarView>(`/api/work-calendar/${v.year}`, v.body),
    onSuccess: async () => qc.invalidateQueries({ queryKey: workdayKeys.all }),
  });
}

export function useSaveHours() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (v: WorkingHoursUpdate) => api.put<WorkingHoursState>('/api/work-calendar-hours', v),
    onSuccess: async () => qc.invalidateQueries({ queryKey: workdayKeys.all }),
  });
}
