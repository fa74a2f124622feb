import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import type { Paged } from '../../../../shared/contracts/common';
import type { ContractListItem } from '../../../../shared/contracts/contracts';
import { api } from '../../../api/client';
import { useAuth } from '../../../app/auth';
import { RemoteSelect, type RemoteSelectProps } from '../../../components/RemoteSelect';
import { AccountSelect } from '../../accounts';

interface Payer {
  id: number;
  name: string;
}

/** The accounts of the contracts matching `q` (number, title or account name), once each. */
async function contractAccounts(query: Record<string, string | number | undefined>): Promise<Paged<Payer>> {
  const page = await api.get<Paged<ContractListItem>>('/api/contracts', { ...query, pageSize: 50 });
  const seen = new Map<number, Payer>();
  for (const c of page.items) if (!seen.has(c.accountId)) seen.set(c.accountId, { id: c.accountId, name: c.accountName });
  const items = [...seen.values()];
  return { items, total: items.length, page: 1, pageSize: 50 };
}

type Props = Omit<RemoteSelectProps<Payer>, 'onChange'> & { onChange?: (id: number | null) => void };

/**
 * The account a receipt is recorded on. Those who read accounts search them all; finance, who reads
 * contracts but not the account archive, finds the account through its contracts (a receipt pays a
 * contract's instalments).
 */
export function AccountPicker({ onChange, ...rest }: Props) {
  const { t } = useTranslation('receipts');
  const { can } = useAuth();
  const source = useMemo(
    () => ({
      search: (q: string) => ({ queryKey: ['receivables', 'payers', q], queryFn: () => contractAccounts({ q: q || undefined, status: 'signed,in_progress,completed' }) }),
      one: (id: number) => ({
        queryKey: ['receivables', 'payer', id],
        queryFn: async () => (await contractAccounts({ accountId: id })).items[0] ?? { id, name: `#${id}` },
      }),
      label: (a: Payer) => a.name,
      noMatch: t('form.noPayer'),
    }),
    [t],
  );
  if (can('account:read')) return <AccountSelect {...(rest as object)} onChange={onChange} />;
  return <RemoteSelect<Payer> placeholder={t('form.pickAccount')} {...rest} onChange={(id) => onChange?.(id)} source={source} />;
}
