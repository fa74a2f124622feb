import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { InvitationDetail, InvitationListQuery, InvitationPage, IssuedInvitation, PublicAnswer, PublicSurvey, QuestionSets, ScoresQuery, ScoresReport, SurveySettingsUpdate, SurveySettingsView } from '../../../shared/contracts/surveys';
import { api, isId } from '../../api/client';

/** Query keys: every invitation write invalidates `surveyKeys.all` (lists, the account tab, scores). */
export const surveyKeys = {
  all: ['surveys'] as const,
  list: (query: object) => ['surveys', 'list', query] as const,
  detail: (id: number) => ['surveys', 'detail', id] as const,
  scores: (query: object) => ['surveys', 'scores', query] as const,
  settings: ['surveys', 'settings'] as const,
  questionSets: ['surveys', 'questionSets'] as const,
};

type Query = Record<string, string | number | undefined>;

export const useInvitations = (query: InvitationListQuery & Query, enabled = true) =>
  useQuery({ queryKey: surveyKeys.list(query), queryFn: () => api.get<InvitationPage>('/api/surveys/invitations', query), placeholderData: keepPreviousData, enabled });
export const useInvitation = (id: number | null) => useQuery({ queryKey: surveyKeys.detail(id ?? 0), queryFn: () => api.get<InvitationDetail>(`/api/surveys/invitations/${id}`), enabled: isId(id) });
export const useScores = (query: ScoresQuery & Query, enabled = true) =>
  useQuery({ queryKey: surveyKeys.scores(query), queryFn: () => api.get<ScoresReport>('/api/surveys/scores', query), placeholderData: keepPreviousData, enabled });
export const useSurveySettings = (enabled = true) => useQuery({ queryKey: surveyKeys.settings, queryFn: () => api.get<SurveySettingsView>('/api/surveys/settings'), enabled });
export const useQuestionSets = () => useQuery({ queryKey: surveyKeys.questionSets, queryFn: () => api.get<QuestionSets>('/api/surveys/question-sets'), staleTime: Infinity });

function useSurveyWrite<V, R>(fn: (v: V) => Promise<R>) {
  const qc = useQueryClient();
  return useMutation({ mutationFn: fn, onSuccess: () => void qc.invalidateQueries({ queryKey: surveyKeys.all }) });
}

export const useInvite = () => useSurveyWrite((body: { accountId: number; contactId: number }) => api.post<IssuedInvitation>('/api/surveys/invitations', body));
export const useNewLink = () => useSurveyWrite((id: number) => api.post<IssuedInvitation>(`/api/surveys/invitations/${id}/link`));
export const useRevoke = () => useSurveyWrite((id: number) => api.post<InvitationDetail>(`/api/surveys/invitations/${id}/revoke`));
export const useSaveSurveySettings = () => useSurveyWrite((body: SurveySettingsUpdate) => api.put<SurveySettingsView>('/api/surveys/settings', body));

// ---- the customer's page: no session, no CSRF ----

const publicUrl = (token: string) => `/api/public/surveys/${encodeURIComponent(token)}`;
export const usePublicSurvey = (token: string) => useQuery({ queryKey: ['publicSurvey', token], queryFn: () => api.get<PublicSurvey>(publicUrl(token)), retry: false, staleTime: Infinity });
export const useAnswerSurvey = (token: string) => useMutation({ mutationFn: (body: PublicAnswer) => api.post<{ ok: true }>(publicUrl(token), body) });
