import { Flex, Typography } from 'antd';
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

/**
 * Picks an active user, searching GET /api/users?q= (name, login, phone, e-mail) as the user types.
 * People are shown by name, never by login; the unit path under it tells two 张伟 apart.
 */
export function UserSelect({ excludeIds, ...rest }: Props) {
  const { t } = useTranslation('common');
  // the ids' contents, not the array's identity, decide when the source changes
  const key = excludeIds?.join(',') ?? '';
  const source = useMemo(
    () => ({
      search: (q: string) => ({ queryKey: ['users', 'pick', q], queryFn: () => api.get<Paged<UserItem>>('/api/users', { q: q || undefined, status: 'active', pageSize: 20, sort: 'name' }) }),
      one: (id: number) => ({ queryKey: ['users', 'one', id], queryFn: () => api.get<UserItem>(`/api/users/${id}`) }),
      label: (u: UserItem) => t('kit.userOption', { name: u.name, unit: u.unitName }),
      option: (u: UserItem) => (
        <Flex vertical style={{ lineHeight: 1.35 }} data-testid={`user-option-${u.id}`}>
          <span>{u.name}</span>
          <Typography.Text type="secondary" style={{ fontSize: 12 }} ellipsis>
            {u.unitName}
          </Typography.Text>
        </Flex>
      ),
      hidden: (u: UserItem) => key.split(',').includes(String(u.id)),
    }),
    [t, key],
  );
  return <RemoteSelect<UserItem> placeholder={t('kit.pickUser')} {...rest} source={source} />;
}
