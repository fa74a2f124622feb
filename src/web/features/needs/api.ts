import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { FormInstance } from 'antd';
import { useTranslation } from 'react-i18next';
import type { TFunction } from 'i18next';
import type { ContactListItem } from '../../../shared/contracts/contacts';
import type { AccountNeeds } from '../../../shared/contracts/needs';
import { api, isId } from '../../api/client';
import { useApiError, useFeedback } from '../../components/feedback';
import { contactKeys } from '../contacts';
import { timelineKeys } from '../timeline';

/** Query keys: every needs write invalidates `needsKeys.all` and the account's timeline. */
export const needsKeys = {
  all: ['needs'] as const,
  ofAccount: (accountId: number) => ['needs', accountId] as const,
};

export function useAccountNeeds(accountId: number) {
  return useQuery({
    queryKey: needsKeys.ofAccount(accountId),
    queryFn: () => api.get<AccountNeeds>(`/api/accounts/${accountId}/needs`),
    enabled: isId(accountId),
  });
}

/** The account's people for a picker, when the caller may read contacts (same cache as the contacts tab). */
export function useContactOptions(accountId: number, enabled: boolean) {
  return useQuery({
    queryKey: contactKeys.ofAccount(accountId),
    queryFn: () => api.get<{ items: ContactListItem[] }>(`/api/accounts/${accountId}/contacts`),
    enabled: enabled && isId(accountId),
  });
}

/** A contact as pickers and lists show it: the name, with the title when there is one. */
export const contactLabel = (t: TFunction, c: Pick<ContactListItem, 'name' | 'title'>) => (c.title ? t('needs:contactWithTitle', { name: c.name, title: c.title }) : c.name);

/** Saves a need or countermeasure form: refreshes the tab and the timeline, or shows the errors on the form. */
export function useSaveNeedsRecord<V>(accountId: number, form: FormInstance<V>, onDone: () => void, send: (v: V) => Promise<unknown>) {
  const { t } = useTranslation('needs');
  const qc = useQueryClient();
  const { message } = useFeedback();
  const showError = useApiError();
  return useMutation({
    mutationFn: send,
    onSuccess: () => {
      void message.success(t('saved'));
      void qc.invalidateQueries({ queryKey: needsKeys.ofAccount(accountId) });
      void qc.invalidateQueries({ queryKey: timelineKeys.ofAccount(accountId) });
      onDone();
    },
    onError: (err) => showError(err, form, () => void qc.invalidateQueries({ queryKey: needsKeys.ofAccount(accountId) })),
  });
}
