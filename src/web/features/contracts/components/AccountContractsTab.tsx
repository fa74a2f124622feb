import { FileSearchOutlined, PlusOutlined, UnorderedListOutlined } from '@ant-design/icons';
import { useQuery } from '@tanstack/react-query';
import { Button, Card, Col, Empty, Flex, Grid, Row, Skeleton, Statistic, Table, Typography } from 'antd';
import type { TableColumnsType } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { ReceiptListItem } from '../../../../shared/contracts/collections';
import type { ContractListItem } from '../../../../shared/contracts/contracts';
import type { Receivable, ReceivableList } from '../../../../shared/contracts/receivables';
import { api } from '../../../api/client';
import { useAuth } from '../../../app/auth';
import { useMoney } from '../../../components/display';
import { ErrorAlert } from '../../../components/ErrorAlert';
import { MoneyText } from '../../../components/MoneyText';
import { StatusTag } from '../../../components/StatusTag';
import { useAccountContracts, useAccountCredit, useAccountReceipts } from '../api';
import { accountTotals } from '../helpers';
import { ContractCard } from '../pages/ContractsPage';
import { columnsWidth, useContractColumns } from './contractColumns';

/**
 * 合同与回款 tab of the account 360 page (issue 14 item 8): the account's money over its signed sales contracts,
 * its contracts, the instalments still open (overdue first), and — for holders of receipt:read — its recent
 * receipts, its credit (未分配回款) and the way to its statement (对账单).
 */
export function AccountContractsTab({ accountId }: { accountId: number }) {
  const { t } = useTranslation(['deals', 'contracts', 'collections']);
  const { can } = useAuth();
  const phone = Grid.useBreakpoint().md === false;
  const receipts = can('receipt:read');
  const money = useMoney();
  const list = useAccountContracts(accountId);
  const credit = useAccountCredit(accountId, receipts);
  const columns = useContractColumns({ account: false });
  if (list.isLoading) return <Skeleton active />;
  if (list.isError) return <ErrorAlert error={list.error} onRetry={() => void list.refetch()} />;
  const items = list.data?.items ?? [];
  const totals = accountTotals(items);
  const figure = (key: string, title: string, fen: number | undefined, danger = false) => (
    <Col xs={12} sm={8} md={{ flex: '1 1 0' }} key={key}>
      <Card size="small" styles={{ body: { padding: 12 } }}>
        <Statistic
          title={title}
          value={fen ?? 0}
          valueRender={() => (
            <Typography.Text strong type={danger && (fen ?? 0) > 0 ? 'danger' : undefined} style={{ fontVariantNumeric: 'tabular-nums', whiteSpace: 'nowrap' }} data-testid={`account-contracts-${key}`}>
              {money(fen)}
            </Typography.Text>
          )}
        />
      </Card>
    </Col>
  );
  return (
    <Flex vertical gap={12} data-testid="account-contracts">
      <Flex gap={8} wrap justify="flex-end">
        {receipts && (
          <Link to={`/accounts/${accountId}/statement`} data-testid="account-statement-link">
            <Button icon={<FileSearchOutlined />}>{t('account.statement')}</Button>
          </Link>
        )}
        <Link to={`/contracts?accountId=${accountId}`}>
          <Button icon={<UnorderedListOutlined />}>{t('account.allContracts')}</Button>
        </Link>
        {can('contract:write') && (
          <Link to={`/contracts/new?accountId=${accountId}`} data-testid="account-contract-new">
            <Button type="primary" icon={<PlusOutlined />}>
              {t('list.create')}
            </Button>
          </Link>
        )}
      </Flex>
      <Row gutter={[8, 8]}>
        {figure('contracted', t('contracts:fields.contracted'), totals.contracted)}
        {figure('received', t('contracts:fields.received'), totals.received)}
        {figure('outstanding', t('contracts:fields.outstanding'), totals.outstanding)}
        {figure('overdue', t('contracts:fields.overdue'), totals.overdue, true)}
        {receipts && figure('credit', t('account.credit'), credit.data?.total)}
      </Row>
      <Card size="small" title={t('account.contracts', { count: items.length })}>
        {items.length === 0 ? (
          <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('account.none')} />
        ) : phone ? (
          items.map((c) => <ContractCard key={c.id} c={c} hideAccount />)
        ) : (
          <Table<ContractListItem> rowKey="id" size="small" pagination={items.length > 10 ? { pageSize: 10, size: 'small' } : false} columns={columns} dataSource={items} scroll={{ x: columnsWidth(columns as TableColumnsType<unknown>) }} data-testid="account-contracts-table" />
        )}
      </Card>
      {receipts && <OpenInstalments accountId={accountId} />}
      {receipts && <RecentReceipts accountId={accountId} />}
    </Flex>
  );
}

/** The account's instalments with something outstanding today, the most overdue first (GET /api/receivables/instalments). */
function OpenInstalments({ accountId }: { accountId: number }) {
  const { t } = useTranslation(['deals', 'contracts']);
  const open = useQuery({ queryKey: ['receivables', 'instalments', { accountId }], queryFn: () => api.get<ReceivableList>('/api/receivables/instalments', { accountId, pageSize: 20 }) });
  const columns: TableColumnsType<Receivable> = [
    { title: t('contracts:fields.number'), dataIndex: 'contractNumber', width: 160, render: (v: string, r) => <Link to={`/contracts/${r.contractId}?tab=plan`}>{v}</Link> },
    { title: t('contracts:instalmentFields.seq'), dataIndex: 'seq', width: 60 },
    { title: t('contracts:instalmentFields.milestone'), dataIndex: 'milestone', width: 140, render: (v: string) => v || '—' },
    { title: t('contracts:instalmentFields.dueDate'), dataIndex: 'dueDate', width: 110 },
    { title: t('contracts:instalmentFields.outstanding'), dataIndex: 'outstanding', width: 130, align: 'right', render: (v: number) => <MoneyText fen={v} /> },
    { title: t('contracts:instalmentFields.daysOverdue'), dataIndex: 'daysOverdue', width: 90, align: 'right', render: (v: number) => (v > 0 ? <Typography.Text type="danger">{t('detail.days', { count: v })}</Typography.Text> : '—') },
    { title: t('contracts:instalmentFields.status'), dataIndex: 'status', width: 100, render: (v: string) => <StatusTag value={v} labelPrefix="contracts:instalmentStatuses" colors={{ overdue: 'error', partly_paid: 'processing' }} /> },
  ];
  return (
    <Card size="small" title={t('account.openInstalments')} extra={open.data ? <span>{t('account.outstandingTotal')} <MoneyText fen={open.data.outstanding} strong /></span> : null}>
      {open.error ? (
        <ErrorAlert error={open.error} onRetry={() => void open.refetch()} />
      ) : (
        <Table<Receivable> rowKey="instalmentId" size="small" loading={open.isLoading} pagination={false} columns={columns} dataSource={open.data?.items} scroll={{ x: 'max-content' }} locale={{ emptyText: t('account.noOpen') }} data-testid="account-open-instalments" />
      )}
    </Card>
  );
}

/** The account's latest receipts (回款单), any state; the receipts room's pages open them. */
function RecentReceipts({ accountId }: { accountId: number }) {
  const { t } = useTranslation(['deals', 'collections']);
  const list = useAccountReceipts(accountId, true);
  const columns: TableColumnsType<ReceiptListItem> = [
    { title: t('collections:fields.number'), dataIndex: 'number', width: 150, render: (v: string, r) => <Link to={`/receipts/${r.id}`}>{v}</Link> },
    { title: t('collections:fields.receivedOn'), dataIndex: 'receivedOn', width: 110 },
    { title: t('collections:fields.amount'), dataIndex: 'amount', width: 130, align: 'right', render: (v: number) => <MoneyText fen={v} /> },
    { title: t('collections:fields.allocated'), dataIndex: 'allocated', width: 130, align: 'right', render: (v: number) => <MoneyText fen={v} /> },
    { title: t('collections:fields.credit'), dataIndex: 'credit', width: 130, align: 'right', render: (v: number) => <MoneyText fen={v} /> },
    { title: t('collections:fields.status'), dataIndex: 'status', width: 90, render: (v: string) => <StatusTag value={v} labelPrefix="collections:statuses" colors={{ confirmed: 'success', recorded: 'processing' }} /> },
  ];
  return (
    <Card size="small" title={t('account.receipts')} extra={<Link to={`/receipts?accountId=${accountId}`}>{t('account.allReceipts')}</Link>}>
      {list.error ? (
        <ErrorAlert error={list.error} onRetry={() => void list.refetch()} />
      ) : (
        <Table<ReceiptListItem> rowKey="id" size="small" loading={list.isLoading} pagination={false} columns={columns} dataSource={list.data?.items} scroll={{ x: 'max-content' }} locale={{ emptyText: t('account.noReceipts') }} data-testid="account-receipts" />
      )}
    </Card>
  );
}
