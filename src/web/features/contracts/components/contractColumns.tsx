import { Flex, Typography } from 'antd';
import type { TableColumnsType } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { ContractListItem, ContractStatus } from '../../../../shared/contracts/contracts';
import { useMoney } from '../../../components/display';
import { MoneyText } from '../../../components/MoneyText';
import { AccountLink } from '../../accounts';
import { ContractStatusTag, KindTag } from './tags';

/**
 * The columns of a table of contracts (the list, the account's tab, a contract's supplements or sales
 * contracts): number with its kind, title (with the account unless `account: false`), owner, effective
 * amount, received, outstanding, overdue, sign date, status (kept in view on the right). `sortable` marks
 * the columns the list sorts by (their keys are the API's sort fields).
 */
export function useContractColumns({ sortable = false, account = true, owner = true }: { sortable?: boolean; account?: boolean; owner?: boolean } = {}): TableColumnsType<ContractListItem> {
  const { t } = useTranslation(['deals', 'contracts']);
  const money = useMoney();
  return [
    {
      title: t('contracts:fields.number'),
      dataIndex: 'number',
      key: 'number',
      sorter: sortable,
      fixed: 'left',
      width: 170,
      render: (v: string, c) => (
        <Flex vertical gap={2} align="flex-start">
          <Link to={`/contracts/${c.id}`} data-testid={`contract-open-${c.id}`}>
            {v}
          </Link>
          <KindTag kind={c.kind} revision={c.revision} />
        </Flex>
      ),
    },
    {
      title: t('contracts:fields.title'),
      dataIndex: 'title',
      key: 'title',
      sorter: sortable,
      width: 240,
      render: (v: string, c) => (
        <div style={{ minWidth: 0 }}>
          <Typography.Text ellipsis style={{ display: 'block' }}>
            {v}
          </Typography.Text>
          {account && (
            <Typography.Text type="secondary" ellipsis style={{ display: 'block', fontSize: 12 }}>
              <AccountLink id={c.accountId} tab="contracts" style={{ color: 'inherit' }}>
                {c.accountName}
              </AccountLink>
            </Typography.Text>
          )}
        </div>
      ),
    },
    ...(owner ? [{ title: t('contracts:fields.owner'), dataIndex: 'ownerName', width: 90 }] : []),
    { title: t('list.amount'), dataIndex: 'effectiveAmount', key: 'amount', sorter: sortable, width: 140, align: 'right', render: (v: number) => <MoneyText fen={v} /> },
    { title: t('contracts:fields.received'), key: 'received', width: 130, align: 'right', render: (_: unknown, c) => <MoneyText fen={c.money.received} /> },
    { title: t('contracts:fields.outstanding'), key: 'outstanding', width: 130, align: 'right', render: (_: unknown, c) => <MoneyText fen={c.money.outstanding} /> },
    {
      title: t('contracts:fields.overdue'),
      key: 'overdue',
      width: 130,
      align: 'right',
      render: (_: unknown, c) => (
        <Typography.Text type={c.money.overdue > 0 ? 'danger' : 'secondary'} style={{ whiteSpace: 'nowrap', fontVariantNumeric: 'tabular-nums' }}>
          {money(c.money.overdue)}
        </Typography.Text>
      ),
    },
    { title: t('contracts:fields.signDate'), dataIndex: 'signDate', key: 'signDate', sorter: sortable, width: 110, render: (v: string | null) => v ?? '—' },
    { title: t('contracts:fields.status'), dataIndex: 'status', key: 'status', sorter: sortable, width: 100, fixed: 'right', render: (v: ContractStatus) => <ContractStatusTag status={v} /> },
  ];
}

/** The sum of the columns' widths: the table's scroll width. */
export const columnsWidth = (columns: TableColumnsType<unknown>) => columns.reduce((s, c) => s + (typeof c.width === 'number' ? c.width : 0), 0);
