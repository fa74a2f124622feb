import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import type { AccountDetail, AccountListItem } from '../../../../shared/contracts/accounts';
import type { Paged } from '../../../../shared/contracts/common';
import { api } from '../../../api/client';
import { RemoteSelect, type RemoteSelectProps } from '../../../components/RemoteSelect';
import { accountKeys } from '../api';

type Pickable = Pick<AccountListItem, 'id' | 'name' | 'city'>;
type Props = Omit<RemoteSelectProps<Pickable>, 'onChange'> & {
  onChange?: (id: number | null) => void;
  /** an account that may not be picked (the account itself as its own parent) */
  excludeId?: number;
};

/** Picks an account, searching GET /api/accounts?q= (name, pinyin, initials, credit code) as the user types. */
export function AccountSelect({ excludeId, onChange, ...rest }: Props) {
  const { t } = useTranslation('accounts');
  const source = useMemo(
    () => ({
      search: (q: string) => ({ queryKey: accountKeys.pick(q), queryFn: () => api.get<Paged<AccountListItem>>('/api/accounts', { q: q || undefined, pageSize: 20, sort: 'name' }) }),
      one: (id: number) => ({ queryKey: accountKeys.detail(id), queryFn: () => api.get<AccountDetail>(`/api/accounts/${id}`) }),
      label: (a: Pickable) => (a.city ? t('accountOption', { name: a.name, city: a.city }) : a.name),
      hidden: (a: Pickable) => a.id === excludeId,
      noMatch: t('noMatch'),
    }),
    [t, excludeId],
  );
  return <RemoteSelect<Pickable> placeholder={t('form.pickAccount')} {...rest} onChange={(id) => onChange?.(id)} source={source} />;
}
