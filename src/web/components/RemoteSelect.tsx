import { useQuery, type QueryKey } from '@tanstack/react-query';
import { Select } from 'antd';
import type { SelectProps } from 'antd';
import { useEffect, useMemo, useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { Paged } from '../../shared/contracts/common';

export type RemoteSelectProps<T extends { id: number }> = Omit<SelectProps<number>, 'options' | 'value' | 'onChange' | 'showSearch' | 'mode'> & {
  value?: number | null;
  onChange?: (id: number | null, item?: T) => void;
};

export interface RemoteSource<T extends { id: number }> {
  /** one page of matches for what was typed (empty: the first page) */
  search(q: string): { queryKey: QueryKey; queryFn: () => Promise<Paged<T>> };
  /** the chosen record, when it is not among the matches, so the select shows its name and not its id */
  one(id: number): { queryKey: QueryKey; queryFn: () => Promise<T> };
  /** the record as the field shows it once chosen */
  label(item: T): string;
  /** the record as the open list shows it, when more than its label tells two records apart (default: the label) */
  option?(item: T): ReactNode;
  /** what to say when nothing matches (default: no matches) */
  noMatch?: string;
  /** records that may not be picked (the chosen one always shows) */
  hidden?(item: T): boolean;
}

/** The kit's picker of one record among many: it searches the server as the user types (250 ms after the last key). */
export function RemoteSelect<T extends { id: number }>({ value, onChange, source, ...rest }: RemoteSelectProps<T> & { source: RemoteSource<T> }) {
  const { t } = useTranslation('common');
  const [typed, setTyped] = useState('');
  const [q, setQ] = useState('');
  useEffect(() => {
    const timer = setTimeout(() => setQ(typed.trim()), 250);
    return () => clearTimeout(timer);
  }, [typed]);
  const search = useQuery(source.search(q));
  const current = useQuery({ ...source.one(value ?? 0), enabled: typeof value === 'number' && !search.data?.items.some((x) => x.id === value) });
  const items = useMemo(() => {
    const list = [...(search.data?.items ?? [])];
    const chosen = current.data;
    if (chosen && !list.some((x) => x.id === chosen.id)) list.unshift(chosen);
    return list.filter((x) => x.id === value || !source.hidden?.(x));
  }, [search.data, current.data, value, source]);
  return (
    <Select<number>
      allowClear
      style={{ width: '100%' }}
      loading={search.isFetching}
      notFoundContent={search.isFetching ? t('kit.loading') : (source.noMatch ?? t('kit.noMatch'))}
      {...rest}
      showSearch={{ filterOption: false, onSearch: setTyped }}
      value={value ?? undefined}
      options={items.map((x) => ({ value: x.id, label: source.label(x), item: x }))}
      optionRender={source.option ? (o) => source.option!((o.data as { item: T }).item) : undefined}
      onChange={(v) => {
        setTyped('');
        onChange?.(v ?? null, items.find((x) => x.id === v));
      }}
    />
  );
}
