import { Select } from 'antd';
import type { SelectProps } from 'antd';
import { useQuery } from '@tanstack/react-query';
import { useEffect, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Paged } from '../../../../shared/contracts/common';
import type { UserItem } from '../../../../shared/contracts/org';
import { api } from '../../../api/client';

type Props = Omit<SelectProps<number>, 'options' | 'value' | 'onChange' | 'showSearch' | 'mode'> & {
  value?: number | null;
  onChange?: (id: number | null, user?: UserItem) => void;
  /** users that may not be picked (e.g. oneself as one's own delegate) */
  excludeIds?: number[];
};

/** Picks an active user, searching GET /api/users?q= as the user types. */
export function UserSelect({ value, onChange, excludeIds, ...rest }: Props) {
  const { t } = useTranslation('admin');
  const [typed, setTyped] = useState('');
  const [q, setQ] = useState('');
  useEffect(() => {
    const timer = setTimeout(() => setQ(typed.trim()), 250);
    return () => clearTimeout(timer);
  }, [typed]);
  const search = useQuery({
    queryKey: ['users', 'pick', q],
    queryFn: () => api.get<Paged<UserItem>>('/api/users', { q: q || undefined, status: 'active', pageSize: 20, sort: 'name' }),
  });
  // The chosen user may not be on the current search page; fetch it so the select shows a name, not an id.
  const current = useQuery({
    queryKey: ['users', 'one', value],
    queryFn: () => api.get<UserItem>(`/api/users/${value}`),
    enabled: typeof value === 'number' && !search.data?.items.some((u) => u.id === value),
  });
  const users = useMemo(() => {
    const list = [...(search.data?.items ?? [])];
    if (current.data && !list.some((u) => u.id === current.data.id)) list.unshift(current.data);
    return list.filter((u) => !excludeIds?.includes(u.id) || u.id === value);
  }, [search.data, current.data, excludeIds, value]);
  return (
    <Select<number>
      allowClear
      placeholder={t('shared.pickUser')}
      style={{ width: '100%' }}
      loading={search.isFetching}
      notFoundContent={search.isFetching ? t('shared.loading') : t('shared.noMatch')}
      {...rest}
      showSearch={{ filterOption: false, onSearch: setTyped }}
      value={value ?? undefined}
      options={users.map((u) => ({ value: u.id, label: t('shared.userOption', { name: u.name, username: u.username, unit: u.unitName }) }))}
      onChange={(v) => {
        setTyped('');
        onChange?.(v ?? null, users.find((u) => u.id === v));
      }}
    />
  );
}
