import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { z } from 'zod';
import type { Paged } from '../../../shared/contracts/common';
import type {
  Ageing,
  Board,
  Competitor,
  CompetitorCreate,
  CompetitorUpdate,
  Conversion,
  Forecast,
  MoveStage,
  OpportunitySummary,
  pipelineSettingsResponse,
  PipelineSettingsUpdate,
  WinLoss,
} from '../../../shared/contracts/opportunities';
import { api } from '../../api/client';

export type PipelineSettingsView = z.infer<typeof pipelineSettingsResponse>;

/**
 * Query keys. A stage move invalidates the board, the analyses and the opportunities feature's
 * lists (`['opportunities']`); a settings save invalidates everything under `pipeline`.
 */
export const pipelineKeys = {
  all: ['pipeline'] as const,
  board: (f: PipelineFilter) => ['pipeline', 'board', f] as const,
  forecast: (f: ForecastFilter) => ['pipeline', 'forecast', f] as const,
  conversion: (f: AnalysisFilter) => ['pipeline', 'conversion', f] as const,
  ageing: (f: PipelineFilter) => ['pipeline', 'ageing', f] as const,
  winLoss: (f: AnalysisFilter) => ['pipeline', 'win-loss', f] as const,
  settings: ['pipeline', 'settings'] as const,
  competitors: ['competitors'] as const,
  competitorList: (f: CompetitorFilter) => ['competitors', 'list', f] as const,
};
export const OPPORTUNITY_KEY = ['opportunities'] as const;

/** GET query of the board and the analyses (the contract's pipelineFilter, as the web sends it). */
export interface PipelineFilter {
  ownerId?: number;
  unitId?: number;
  accountId?: number;
  q?: string;
}
export type ForecastFilter = PipelineFilter & { fromMonth?: string; toMonth?: string };
export type AnalysisFilter = PipelineFilter & { from?: string; to?: string };
export interface CompetitorFilter {
  q?: string;
  active: 'true' | 'false' | 'all';
  page: number;
  pageSize: number;
  sort?: string;
}

type Query = Record<string, string | number | undefined>;

export function useBoard(filter: PipelineFilter) {
  return useQuery({ queryKey: pipelineKeys.board(filter), queryFn: () => api.get<Board>('/api/pipeline/board', filter as Query), placeholderData: keepPreviousData });
}

export function useForecast(filter: ForecastFilter) {
  return useQuery({ queryKey: pipelineKeys.forecast(filter), queryFn: () => api.get<Forecast>('/api/pipeline/forecast', filter as Query), placeholderData: keepPreviousData });
}

export function useConversion(filter: AnalysisFilter) {
  return useQuery({ queryKey: pipelineKeys.conversion(filter), queryFn: () => api.get<Conversion>('/api/pipeline/conversion', filter as Query), placeholderData: keepPreviousData });
}

export function useAgeing(filter: PipelineFilter) {
  return useQuery({ queryKey: pipelineKeys.ageing(filter), queryFn: () => api.get<Ageing>('/api/pipeline/ageing', filter as Query), placeholderData: keepPreviousData });
}

export function useWinLoss(filter: AnalysisFilter) {
  return useQuery({ queryKey: pipelineKeys.winLoss(filter), queryFn: () => api.get<WinLoss>('/api/pipeline/win-loss', filter as Query), placeholderData: keepPreviousData });
}

/** POST /api/opportunities/:id/stage — a 409 INVALID_STATE names the unmet gate items in details.missing. */
export function useMoveStage() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: ({ id, ...body }: MoveStage & { id: number }) => api.post<OpportunitySummary>(`/api/opportunities/${id}/stage`, body),
    onSettled: () => {
      void qc.invalidateQueries({ queryKey: pipelineKeys.all });
      void qc.invalidateQueries({ queryKey: OPPORTUNITY_KEY });
    },
  });
}

export function usePipelineSettings() {
  return useQuery({ queryKey: pipelineKeys.settings, queryFn: () => api.get<PipelineSettingsView>('/api/pipeline/settings') });
}

export function useSavePipelineSettings() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (body: PipelineSettingsUpdate) => api.put<PipelineSettingsView>('/api/pipeline/settings', body),
    onSuccess: (data) => {
      qc.setQueryData(pipelineKeys.settings, data);
      void qc.invalidateQueries({ queryKey: pipelineKeys.all });
      void qc.invalidateQueries({ queryKey: OPPORTUNITY_KEY });
    },
  });
}

export function useCompetitors(filter: CompetitorFilter) {
  return useQuery({
    queryKey: pipelineKeys.competitorList(filter),
    queryFn: () => api.get<Paged<Competitor>>('/api/competitors', filter as unknown as Query),
    placeholderData: keepPreviousData,
  });
}

export function useSaveCompetitor() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: ({ id, body }: { id?: number; body: CompetitorCreate | CompetitorUpdate }) =>
      id ? api.patch<Competitor>(`/api/competitors/${id}`, body) : api.post<Competitor>('/api/competitors', body),
    onSuccess: () => {
      void qc.invalidateQueries({ queryKey: pipelineKeys.competitors });
      void qc.invalidateQueries({ queryKey: pipelineKeys.all });
    },
  });
}
