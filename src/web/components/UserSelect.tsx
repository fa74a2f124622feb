import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import type { Paged } from '../../shared/contracts/common';
import type { UserItem } from '../../shared/contracts/org';
import { api } from '../api/client';
import { RemoteSelect, type RemoteSelectProps } from './RemoteSelect';

type Props = RemoteSelectProps<UserItem> & {
  /** users that may not be picked (e.g. oneself as one's own delegate) */
  excludeIds?: number[];
};

/** Picks an active user, searching GET /api/users?q= as the user types. */
export function UserSelect({ excludeIds, ...rest }: Props) {
  const { t } = useTranslation('common');
  // the ids' contents, not the array's identity, decide when the source changes
  const key = excludeIds?.join(',') ?? '';
  const source = useMemo(
    () => ({
      search: (q: string) => ({ queryKey: ['users', 'pick', q], queryFn: () => api.get<Paged<UserItem>>('/api/users', { q: q || undefined, status: 'active', pageSize: 20, sort: 'name' }) }),
      one: (id: number) => ({ queryKey: ['users', 'one', id], queryFn: () => api.get<UserItem>(`/api/users/${id}`) }),
      label: (u: UserItem) => t('kit.userOption', { name: u.name, username: u.username, unit: u.unitName }),
      hidden: (u: UserItem) => key.split(',').includes(String(u.id)),
    }),
    [t, key],
  );
  return <RemoteSelect<UserItem> placeholder={t('kit.pickUser')} {...rest} source={source} />;
}
