import { ArrowLeftOutlined } from '@ant-design/icons';
import { Button, Card, Col, DatePicker, Empty, Flex, Select, Table, Tag, Typography } from 'antd';
import type { TableColumnsType } from 'antd';
import dayjs from 'dayjs';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { RECEIVABLE_STATUSES, type Receivable } from '../../../../shared/contracts/receivables';
import { ErrorAlert } from '../../../components/ErrorAlert';
import { today } from '../../../components/formDate';
import { MoneyText } from '../../../components/MoneyText';
import { PageHeader } from '../../../components/PageHeader';
import { UnitTreeSelect } from '../../../components/UnitTreeSelect';
import { UserSelect } from '../../../components/UserSelect';
import { date, id, int, oneOf, useListState } from '../../../components/useListState';
import { AccountLink } from '../../accounts';
import { useReceivables } from '../api';
import { ContractLink, DunningLevelTag, ReceivableStatusTag, useBucketText } from '../components/bits';
import { FilterBar } from '../components/FilterBar';
import { AccountPicker } from '../components/AccountPicker';

const SORTS = ['daysOverdue', 'dueDate', 'outstanding', 'amount', 'accountName', 'contractNumber'] as const;

/**
 * /receivables/instalments — the receivables behind an ageing cell (as of a date, a bucket, an account,
 * owner or unit), or any with something outstanding: contract, days overdue, dunning level.
 */
export function ReceivablesPage() {
  const { t } = useTranslation('receipts');
  const bucketText = useBucketText();
  const state = useListState(
    { asOf: date(today()), bucket: int({ min: 0, max: 20 }), status: oneOf(RECEIVABLE_STATUSES), accountId: id(), ownerId: id(), unitId: id() },
    { sort: '-daysOverdue', sorts: SORTS },
  );
  const { filters } = state;
  const q = useReceivables(state.query);
  const data = q.data;
  const labels = data?.labels ?? [];
  const active = state.changed.filter((k) => k !== 'asOf').length;
  const back = new URLSearchParams({ asOf: filters.asOf, ...(filters.unitId ? { unitId: String(filters.unitId) } : {}) }).toString();

  const columns: TableColumnsType<Receivable> = [
    {
      title: t('fields.contract'),
      dataIndex: 'contractNumber',
      key: 'contractNumber',
      sorter: true,
      fixed: 'left',
      width: 150,
      render: (_: string, r) => (
        <div>
          <ContractLink id={r.contractId} number={r.contractNumber} testId={`receivable-contract-${r.instalmentId}`} />
          <Typography.Text type="secondary" style={{ display: 'block', fontSize: 12 }}>
            {t('fields.seqOf', { seq: r.seq })}
            {r.milestone ? ` · ${r.milestone}` : ''}
          </Typography.Text>
        </div>
      ),
    },
    { title: t('fields.account'), dataIndex: 'accountName', key: 'accountName', sorter: true, width: 200, ellipsis: true, render: (v: string, r) => <AccountLink id={r.accountId}>{v}</AccountLink> },
    { title: t('fields.owner'), dataIndex: 'ownerName', width: 100 },
    { title: t('fields.dueDate'), dataIndex: 'dueDate', key: 'dueDate', sorter: true, width: 110 },
    { title: t('fields.instalmentAmount'), dataIndex: 'amount', key: 'amount', sorter: true, align: 'right', width: 130, render: (v: number) => <MoneyText fen={v} /> },
    { title: t('fields.paid'), dataIndex: 'paid', align: 'right', width: 130, render: (v: number) => <MoneyText fen={v} /> },
    { title: t('fields.outstanding'), dataIndex: 'outstanding', key: 'outstanding', sorter: true, align: 'right', width: 130, render: (v: number) => <MoneyText fen={v} strong /> },
    {
      title: t('fields.daysOverdue'),
      dataIndex: 'daysOverdue',
      key: 'daysOverdue',
      sorter: true,
      align: 'right',
      width: 100,
      render: (v: number) => (v > 0 ? <Typography.Text type="danger">{t('fields.days', { count: v })}</Typography.Text> : '—'),
    },
    { title: t('fields.bucket'), dataIndex: 'bucket', width: 100, render: (v: number) => (labels[v] !== undefined ? bucketText(labels[v]) : '—') },
    { title: t('fields.status'), dataIndex: 'status', width: 100, render: (v: Receivable['status']) => <ReceivableStatusTag status={v} /> },
    { title: t('fields.dunningLevel'), dataIndex: 'dunningLevel', width: 130, render: (v: number) => <DunningLevelTag level={v} /> },
  ];

  return (
    <div>
      <PageHeader
        title={t('receivables.title')}
        subtitle={data ? t('receivables.subtitle', { asOf: data.asOf, count: data.total }) : undefined}
        extra={
          <Link to={`/receivables/ageing?${back}`}>
            <Button icon={<ArrowLeftOutlined />}>{t('receivables.back')}</Button>
          </Link>
        }
      />
      <FilterBar
        testId="receivables-filters"
        active={active}
        onReset={() => state.reset(['asOf'])}
        lead={<DatePicker allowClear={false} value={dayjs(filters.asOf)} onChange={(d) => d && state.set({ asOf: d.format('YYYY-MM-DD') })} prefix={t('ageing.asOf')} data-testid="receivables-as-of" />}
      >
        <Col xs={24} sm={12} md={6} lg={4}>
          <Select
            allowClear
            style={{ width: '100%' }}
            placeholder={t('fields.bucket')}
            value={filters.bucket}
            onChange={(v?: number) => state.set({ bucket: v })}
            options={labels.map((l, i) => ({ value: i, label: bucketText(l) }))}
            data-testid="receivables-bucket"
          />
        </Col>
        <Col xs={24} sm={12} md={6} lg={4}>
          <Select allowClear style={{ width: '100%' }} placeholder={t('fields.status')} value={filters.status} onChange={(v) => state.set({ status: v })} options={RECEIVABLE_STATUSES.map((s) => ({ value: s, label: t(`receivableStatuses.${s}`) }))} />
        </Col>
        <Col xs={24} sm={12} md={6} lg={5}>
          <AccountPicker value={filters.accountId} onChange={(v) => state.set({ accountId: v ?? undefined })} placeholder={t('filters.account')} />
        </Col>
        <Col xs={24} sm={12} md={6} lg={4}>
          <UserSelect value={filters.ownerId} onChange={(v) => state.set({ ownerId: v ?? undefined })} placeholder={t('filters.owner')} />
        </Col>
        <Col xs={24} sm={12} md={6} lg={5}>
          <UnitTreeSelect value={filters.unitId} onChange={(v) => state.set({ unitId: v ?? undefined })} placeholder={t('filters.unit')} />
        </Col>
      </FilterBar>
      {q.isError && <ErrorAlert error={q.error} onRetry={() => void q.refetch()} />}
      <Card size="small">
        {data && (
          <Flex gap={8} wrap style={{ marginBottom: 8 }}>
            <Tag color="red" data-testid="receivables-outstanding">
              {t('receivables.outstanding')} <MoneyText fen={data.outstanding} />
            </Tag>
          </Flex>
        )}
        <Table<Receivable>
          rowKey="instalmentId"
          size="middle"
          loading={q.isFetching}
          columns={state.sorted(columns)}
          dataSource={data?.items}
          scroll={{ x: 1400 }}
          onChange={state.onTableChange}
          onRow={(r) => ({ 'data-testid': `receivable-${r.instalmentId}` }) as never}
          data-testid="receivables-table"
          pagination={{ current: state.page, pageSize: state.pageSize, total: data?.total ?? 0, showSizeChanger: true, showTotal: (n) => t('list.total', { count: n }) }}
          locale={{ emptyText: <Empty description={t('receivables.empty')} /> }}
        />
      </Card>
    </div>
  );
}
