import { Flex, Typography } from 'antd';
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { OPEN_CONTRACT_STATUSES, type Contract, type ContractListItem, type ContractPage } from '../../../../shared/contracts/contracts';
import { api } from '../../../api/client';
import { useMoney } from '../../../components/display';
import { RemoteSelect, type RemoteSelectProps } from '../../../components/RemoteSelect';
import { contractKeys } from '../api';

type Props = RemoteSelectProps<ContractListItem> & {
  /** the kind of parent: a sales contract's framework, a supplement's sales contract */
  kind: 'framework' | 'sales';
  accountId: number | null | undefined;
};

/**
 * The parent of a new contract among the account's signed or in-progress contracts of the given kind
 * (a sales contract's 战略合作协议, a supplement's 销售合同), searching by number or title as one types.
 */
export function ParentSelect({ kind, accountId, ...rest }: Props) {
  const { t } = useTranslation('deals');
  const money = useMoney();
  const source = useMemo(() => {
    const filter = { kind, accountId: accountId ?? 0, status: OPEN_CONTRACT_STATUSES.join(',') };
    return {
      search: (q: string) => ({
        queryKey: contractKeys.pick(filter, q),
        queryFn: () => (accountId ? api.get<ContractPage>('/api/contracts', { ...filter, q: q || undefined, pageSize: 20, sort: '-signDate' }) : Promise.resolve({ items: [], total: 0, page: 1, pageSize: 20 })),
      }),
      one: (id: number) => ({ queryKey: contractKeys.detail(id), queryFn: () => api.get<Contract>(`/api/contracts/${id}`) }),
      label: (c: ContractListItem) => `${c.number} ${c.title}`,
      option: (c: ContractListItem) => (
        <Flex vertical style={{ lineHeight: 1.35 }} data-testid={`parent-option-${c.id}`}>
          <span>
            {c.number} {c.title}
          </span>
          <Typography.Text type="secondary" style={{ fontSize: 12 }}>
            {money(c.effectiveAmount)} · {c.startDate ?? '—'} ~ {c.endDate ?? '—'}
          </Typography.Text>
        </Flex>
      ),
      noMatch: accountId ? t(kind === 'framework' ? 'form.noFramework' : 'form.noSales') : t('form.pickAccountFirst'),
    };
  }, [kind, accountId, money, t]);
  return <RemoteSelect<ContractListItem> {...rest} source={source} />;
}
