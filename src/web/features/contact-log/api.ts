import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { FormInstance } from 'antd';
import { useTranslation } from 'react-i18next';
import type { Paged } from '../../../shared/contracts/common';
import type { ContactLog, ContactLogCreate, ContactLogListQuery } from '../../../shared/contracts/contact-log';
import { api } from '../../api/client';
import { useApiError, useFeedback } from '../../components/feedback';
import { contactKeys } from '../contacts';
import { timelineKeys } from '../timeline';

export const contactLogKeys = {
  all: ['contactLog'] as const,
  list: (q: ContactLogListQuery) => ['contactLog', q] as const,
};

export function useContactLogs(q: ContactLogListQuery) {
  return useQuery({ queryKey: contactLogKeys.list(q), queryFn: () => api.get<Paged<ContactLog>>('/api/contact-logs', q as Record<string, string | number | undefined>) });
}

/** After a write: the log lists, the contact's last-contact date and the account's timeline. */
function useRefresh() {
  const qc = useQueryClient();
  return (accountId: number) => {
    void qc.invalidateQueries({ queryKey: contactLogKeys.all });
    void qc.invalidateQueries({ queryKey: contactKeys.all });
    void qc.invalidateQueries({ queryKey: timelineKeys.ofAccount(accountId) });
  };
}

export function useAddContactLog(form: FormInstance, onDone: () => void) {
  const { t } = useTranslation('contactLog');
  const { message } = useFeedback();
  const showError = useApiError();
  const refresh = useRefresh();
  return useMutation({
    mutationFn: (body: ContactLogCreate) => api.post<ContactLog>('/api/contact-logs', body),
    onSuccess: (log) => {
      void message.success(t('saved'));
      refresh(log.account.id);
      onDone();
    },
    onError: (err) => showError(err, form),
  });
}

export function useDeleteContactLog() {
  const { t } = useTranslation('contactLog');
  const { message } = useFeedback();
  const showError = useApiError();
  const refresh = useRefresh();
  return useMutation({
    mutationFn: (log: ContactLog) => api.delete<{ ok: true }>(`/api/contact-logs/${log.id}?version=${log.version}`).then(() => log),
    onSuccess: (log) => {
      void message.success(t('deleted'));
      refresh(log.account.id);
    },
    onError: (err) => showError(err),
  });
}
