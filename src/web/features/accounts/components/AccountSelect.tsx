import { useQuery } from '@tanstack/react-query';
import { Select } from 'antd';
import type { SelectProps } from 'antd';
import { useEffect, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { AccountDetail, AccountListItem } from '../../../../shared/contracts/accounts';
import type { Paged } from '../../../../shared/contracts/common';
import { api } from '../../../api/client';
import { accountKeys } from '../api';

type Props = Omit<SelectProps<number>, 'options' | 'value' | 'onChange' | 'showSearch' | 'mode'> & {
  value?: number | null;
  onChange?: (id: number | null) => void;
  /** an account that may not be picked (the account itself as its own parent) */
  excludeId?: number;
};

/** Picks an account, searching GET /api/accounts?q= (name, pinyin, initials, credit code) as the user types. */
export function AccountSelect({ value, onChange, excludeId, ...rest }: Props) {
  const { t } = useTranslation('accounts');
  const [typed, setTyped] = useState('');
  const [q, setQ] = useState('');
  useEffect(() => {
    const timer = setTimeout(() => setQ(typed.trim()), 250);
    return () => clearTimeout(timer);
  }, [typed]);
  const search = useQuery({
    queryKey: accountKeys.pick(q),
    queryFn: () => api.get<Paged<AccountListItem>>('/api/accounts', { q: q || undefined, pageSize: 20, sort: 'name' }),
  });
  // The chosen account may not be on the current search page; fetch it so the select shows a name.
  const current = useQuery({
    queryKey: accountKeys.detail(value ?? 0),
    queryFn: () => api.get<AccountDetail>(`/api/accounts/${value}`),
    enabled: typeof value === 'number' && !search.data?.items.some((a) => a.id === value),
  });
  const options = useMemo(() => {
    const list: { id: number; name: string; city: string | null }[] = [...(search.data?.items ?? [])];
    if (current.data && !list.some((a) => a.id === current.data.id)) list.unshift(current.data);
    return list.filter((a) => a.id !== excludeId).map((a) => ({ value: a.id, label: a.city ? t('accountOption', { name: a.name, city: a.city }) : a.name }));
  }, [search.data, current.data, excludeId, t]);
  return (
    <Select<number>
      allowClear
      placeholder={t('form.pickAccount')}
      style={{ width: '100%' }}
      loading={search.isFetching}
      notFoundContent={search.isFetching ? t('loading') : t('noMatch')}
      {...rest}
      showSearch={{ filterOption: false, onSearch: setTyped }}
      value={value ?? undefined}
      options={options}
      onChange={(v) => {
        setTyped('');
        onChange?.(v ?? null);
      }}
    />
  );
}
