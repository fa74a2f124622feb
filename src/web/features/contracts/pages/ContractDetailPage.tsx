import { Alert, Card, Descriptions, Empty, Flex, Skeleton, Table, Tabs, Typography } from 'antd';
import type { TableColumnsType } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link, useParams, useSearchParams } from 'react-router';
import { OPEN_CONTRACT_STATUSES, type Contract, type ContractLine, type ContractListItem } from '../../../../shared/contracts/contracts';
import { useAuth } from '../../../app/auth';
import { DateTime } from '../../../components/DateTime';
import { ErrorAlert } from '../../../components/ErrorAlert';
import { MoneyText } from '../../../components/MoneyText';
import { PageHeader } from '../../../components/PageHeader';
import { AccountLink } from '../../accounts';
import { useContract } from '../api';
import { ApprovalProgress } from '../components/ApprovalProgress';
import { ContractActions } from '../components/ContractActions';
import { columnsWidth, useContractColumns } from '../components/contractColumns';
import { FilesPanel } from '../components/FilesPanel';
import { InstalmentsTable } from '../components/InstalmentsTable';
import { InvoicesPanel } from '../components/InvoicesPanel';
import { FrameworkRollupCard, MoneySummary } from '../components/MoneySummary';
import { ContractStatusTag, KindTag } from '../components/tags';

/** /contracts/:id — one contract: its state and actions, money, plan, lines, supplements or sales contracts, files and invoices. */
export function ContractDetailPage() {
  const id = Number(useParams().id);
  const one = useContract(id);
  const { t } = useTranslation(['deals', 'contracts']);
  const { can } = useAuth();
  const [params, setParams] = useSearchParams();
  if (one.error) return <ErrorAlert error={one.error} onRetry={() => void one.refetch()} />;
  if (!one.data) return <Skeleton active />;
  const c = one.data;
  const tab = params.get('tab') ?? (c.kind === 'framework' ? 'sales' : 'plan');
  const reasonShown = c.statusReason && c.statusReason !== 'plan' && ['rejected', 'terminated', 'void', 'completed'].includes(c.status);
  const tabs = [
    ...(c.kind !== 'framework' ? [{ key: 'plan', label: <span data-testid="contract-tab-plan">{t('contracts:fields.plan')}</span>, children: <InstalmentsTable instalments={c.instalments} collecting={OPEN_CONTRACT_STATUSES.includes(c.status)} /> }] : []),
    ...(c.kind === 'framework'
      ? [{ key: 'sales', label: <span data-testid="contract-tab-sales">{t('detail.salesContracts', { count: c.salesContracts.length })}</span>, children: <ChildContracts items={c.salesContracts} empty={t('detail.noSales')} /> }]
      : []),
    { key: 'basics', label: <span data-testid="contract-tab-basics">{t('detail.basics')}</span>, children: <Basics c={c} /> },
    { key: 'lines', label: <span data-testid="contract-tab-lines">{t('contracts:fields.lines')}</span>, children: <Lines c={c} /> },
    ...(c.kind === 'sales'
      ? [{ key: 'supplements', label: <span data-testid="contract-tab-supplements">{t('detail.supplements', { count: c.supplements.length })}</span>, children: <ChildContracts items={c.supplements} empty={t('detail.noSupplements')} /> }]
      : []),
    { key: 'files', label: <span data-testid="contract-tab-files">{t('detail.files', { count: c.files.length })}</span>, children: <FilesPanel c={c} /> },
    ...(can('receipt:read') && c.kind !== 'framework'
      ? [{ key: 'invoices', label: <span data-testid="contract-tab-invoices">{t('detail.invoices')}</span>, children: <InvoicesPanel contractId={c.id} active={tab === 'invoices'} /> }]
      : []),
  ];
  return (
    <div>
      <PageHeader
        title={
          <Flex gap={8} align="center" wrap>
            <span data-testid="contract-number">{c.number}</span>
            <KindTag kind={c.kind} revision={c.revision} />
            <span data-testid="contract-status">
              <ContractStatusTag status={c.status} />
            </span>
          </Flex>
        }
        subtitle={
          <Flex gap={8} wrap component="span">
            <span>{c.title}</span>
            <span>·</span>
            <AccountLink id={c.accountId} tab="contracts">
              {c.accountName}
            </AccountLink>
            <span>·</span>
            <span>
              {c.ownerName} · {c.unitName}
            </span>
          </Flex>
        }
        extra={<ContractActions c={c} onStale={() => void one.refetch()} />}
      />
      <Flex vertical gap={12}>
        {reasonShown && <Alert type={c.status === 'completed' ? 'success' : 'warning'} showIcon message={t(`detail.reason.${c.status}`, { reason: c.statusReason, by: c.settledBy?.name ?? '' })} data-testid="contract-reason-shown" />}
        {c.parentNumber && (
          <Typography.Text>
            {c.kind === 'supplement' ? t('detail.amends') : t('detail.under')} <Link to={`/contracts/${c.parentId}`}>{c.parentNumber}</Link>
          </Typography.Text>
        )}
        {c.framework && <FrameworkRollupCard rollup={c.framework} />}
        <MoneySummary money={c.money} />
        {c.approvalId && (
          <Card size="small" title={t('detail.approval')}>
            <ApprovalProgress approvalId={c.approvalId} />
          </Card>
        )}
        <Card size="small">
          <Tabs activeKey={tabs.some((x) => x.key === tab) ? tab : tabs[0]!.key} onChange={(k) => setParams({ tab: k }, { replace: true })} items={tabs} />
        </Card>
      </Flex>
    </div>
  );
}

/** 基本信息: the contract's fields and dates. */
function Basics({ c }: { c: Contract }) {
  const { t } = useTranslation(['deals', 'contracts']);
  const framework = c.kind === 'framework';
  return (
    <Descriptions bordered size="small" column={{ xs: 1, md: 2 }} data-testid="contract-basics">
      <Descriptions.Item label={t('contracts:fields.title')}>{c.title}</Descriptions.Item>
      <Descriptions.Item label={t('contracts:fields.account')}>
        <AccountLink id={c.accountId}>{c.accountName}</AccountLink>
      </Descriptions.Item>
      <Descriptions.Item label={framework ? t('contracts:fields.committed') : t('contracts:fields.amount')}>
        <MoneyText fen={c.amount} strong />
      </Descriptions.Item>
      {c.kind === 'sales' && (
        <Descriptions.Item label={t('contracts:fields.effectiveAmount')}>
          <span data-testid="contract-effective-amount">
            <MoneyText fen={c.effectiveAmount} strong />
          </span>
        </Descriptions.Item>
      )}
      <Descriptions.Item label={t('contracts:fields.currency')}>{c.currency}</Descriptions.Item>
      <Descriptions.Item label={t('contracts:fields.signatory')}>{c.signatory?.name ?? '—'}</Descriptions.Item>
      <Descriptions.Item label={t('contracts:fields.owner')}>{c.ownerName}</Descriptions.Item>
      <Descriptions.Item label={t('contracts:fields.unit')}>{c.unitName}</Descriptions.Item>
      <Descriptions.Item label={t('contracts:fields.signDate')}>{c.signDate ?? '—'}</Descriptions.Item>
      <Descriptions.Item label={framework ? t('detail.validity') : t('detail.term')}>
        {c.startDate ?? '—'} ~ {c.endDate ?? '—'}
      </Descriptions.Item>
      <Descriptions.Item label={t('contracts:fields.paymentTerms')} span="filled">
        <Typography.Paragraph style={{ whiteSpace: 'pre-wrap', margin: 0 }}>{c.paymentTerms || '—'}</Typography.Paragraph>
      </Descriptions.Item>
      <Descriptions.Item label={t('contracts:fields.note')} span="filled">
        <Typography.Paragraph style={{ whiteSpace: 'pre-wrap', margin: 0 }}>{c.note || '—'}</Typography.Paragraph>
      </Descriptions.Item>
      <Descriptions.Item label={t('detail.createdBy')}>
        {c.createdBy.name} · <DateTime value={c.createdAt} />
      </Descriptions.Item>
      <Descriptions.Item label={t('detail.submittedAt')}>
        <DateTime value={c.submittedAt} />
      </Descriptions.Item>
      <Descriptions.Item label={t('detail.signedAt')}>
        <DateTime value={c.signedAt} />
      </Descriptions.Item>
      <Descriptions.Item label={t('detail.closedAt')}>
        <DateTime value={c.closedAt} />
      </Descriptions.Item>
    </Descriptions>
  );
}

/** 产品明细; prices, discounts and amounts only for holders of contract:prices (ORG-4). */
function Lines({ c }: { c: Contract }) {
  const { t } = useTranslation(['deals', 'contracts']);
  const columns: TableColumnsType<ContractLine> = [
    { title: '#', dataIndex: 'seq', width: 48 },
    { title: t('contracts:lineFields.product'), dataIndex: 'product', width: 200 },
    { title: t('contracts:lineFields.spec'), dataIndex: 'spec', width: 140, render: (v: string) => v || '—' },
    { title: t('contracts:lineFields.unit'), dataIndex: 'unit', width: 70, render: (v: string) => v || '—' },
    { title: t('contracts:lineFields.quantity'), dataIndex: 'quantity', width: 90, align: 'right' },
    ...(c.pricesHidden
      ? []
      : [
          { title: t('contracts:lineFields.unitPrice'), dataIndex: 'unitPrice', width: 130, align: 'right' as const, render: (v: number | null) => <MoneyText fen={v} /> },
          { title: t('contracts:lineFields.discount'), dataIndex: 'discount', width: 90, align: 'right' as const, render: (v: number | null) => (v ? `${v}%` : '—') },
          { title: t('contracts:lineFields.amount'), dataIndex: 'amount', width: 140, align: 'right' as const, render: (v: number | null) => <MoneyText fen={v} /> },
        ]),
  ];
  const total = c.lines.reduce((s, l) => s + (l.amount ?? 0), 0);
  return (
    <Flex vertical gap={8}>
      {c.pricesHidden && <Alert type="info" showIcon message={t('detail.pricesHidden')} data-testid="contract-prices-hidden" />}
      <Table<ContractLine>
        rowKey="id"
        size="small"
        pagination={false}
        columns={columns}
        dataSource={c.lines}
        scroll={{ x: 'max-content' }}
        locale={{ emptyText: <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('detail.noLines')} /> }}
        data-testid="contract-lines"
        summary={() =>
          !c.pricesHidden && c.lines.length > 1 ? (
            <Table.Summary.Row>
              <Table.Summary.Cell index={0} colSpan={7}>
                <Typography.Text strong>{t('detail.total')}</Typography.Text>
              </Table.Summary.Cell>
              <Table.Summary.Cell index={7} align="right">
                <MoneyText fen={total} strong />
              </Table.Summary.Cell>
            </Table.Summary.Row>
          ) : null
        }
      />
    </Flex>
  );
}

/** A sales contract's supplements, or a framework's sales contracts, with their money. */
function ChildContracts({ items, empty }: { items: ContractListItem[]; empty: string }) {
  const columns = useContractColumns({ account: false });
  return <Table<ContractListItem> rowKey="id" size="small" pagination={false} columns={columns} dataSource={items} scroll={{ x: columnsWidth(columns as TableColumnsType<unknown>) }} locale={{ emptyText: empty }} data-testid="contract-children" />;
}
