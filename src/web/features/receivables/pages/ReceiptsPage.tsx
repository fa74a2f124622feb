import { DownloadOutlined, PlusOutlined } from '@ant-design/icons';
import { Button, Card, Col, DatePicker, Empty, Flex, Row, Segmented, Select, Table, Typography } from 'antd';
import type { TableColumnsType } from 'antd';
import dayjs from 'dayjs';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate } from 'react-router';
import { RECEIPT_SORTS, RECEIPT_STATUSES, type ReceiptListItem } from '../../../../shared/contracts/collections';
import { useAuth } from '../../../app/auth';
import { ErrorAlert } from '../../../components/ErrorAlert';
import { ListFrame } from '../../../components/ListFrame';
import { MoneyText } from '../../../components/MoneyText';
import { PageHeader } from '../../../components/PageHeader';
import { UnitTreeSelect } from '../../../components/UnitTreeSelect';
import { UserSelect } from '../../../components/UserSelect';
import { date, flag, id, oneOf, text, useListState, useTextFilter } from '../../../components/useListState';
import { AccountLink } from '../../accounts';
import { exportHref, useReceipts } from '../api';
import { AccountPicker } from '../components/AccountPicker';
import { ReceiptStatusTag } from '../components/bits';
import { ReceiptFormDrawer } from '../components/ReceiptFormDrawer';

const RECEIPT_LIST = {
  q: text(),
  status: oneOf(RECEIPT_STATUSES),
  accountId: id(),
  ownerId: id(),
  unitId: id(),
  receivedFrom: date(),
  receivedTo: date(),
  withCredit: flag(),
};
const PRESETS = ['all', 'recorded', 'credit'] as const;
type Preset = (typeof PRESETS)[number];

/** /receipts — 回款单 in scope: filters in the URL, export, 登记回款; finance's box of receipts to confirm and the month's reconciliation. */
export function ReceiptsPage() {
  const { t } = useTranslation('receipts');
  const { can } = useAuth();
  const navigate = useNavigate();
  const state = useListState(RECEIPT_LIST, { sort: '-receivedOn', sorts: RECEIPT_SORTS });
  const { filters } = state;
  const search = useTextFilter(state, 'q');
  const [recording, setRecording] = useState(false);
  const [period, setPeriod] = useState(() => dayjs().subtract(1, 'month').format('YYYY-MM'));
  const query = { ...state.query, withCredit: filters.withCredit ? 'true' : undefined };
  const list = useReceipts(query);
  const finance = can('receipt:confirm');
  const preset: Preset | undefined = filters.withCredit && !filters.status ? 'credit' : filters.status === 'recorded' && !filters.withCredit ? 'recorded' : !filters.status && !filters.withCredit ? 'all' : undefined;
  const active = state.changed.filter((k) => k !== 'q').length;
  const empty = <Empty description={active || filters.q ? t('list.noMatch') : t('list.empty')} />;

  const columns: TableColumnsType<ReceiptListItem> = [
    {
      title: t('fields.number'),
      dataIndex: 'number',
      key: 'number',
      sorter: true,
      fixed: 'left',
      width: 150,
      render: (v: string, r) => (
        <Link to={`/receipts/${r.id}`} data-testid={`receipt-open-${r.id}`}>
          {v}
        </Link>
      ),
    },
    { title: t('fields.status'), dataIndex: 'status', width: 90, render: (v: ReceiptListItem['status']) => <ReceiptStatusTag status={v} /> },
    {
      title: t('fields.account'),
      dataIndex: 'accountName',
      width: 180,
      ellipsis: true,
      render: (v: string, r) => <AccountLink id={r.accountId}>{v}</AccountLink>,
    },
    { title: t('fields.receivedOn'), dataIndex: 'receivedOn', key: 'receivedOn', sorter: true, width: 110 },
    { title: t('fields.amount'), dataIndex: 'amount', key: 'amount', sorter: true, align: 'right', width: 140, render: (v: number) => <MoneyText fen={v} /> },
    { title: t('fields.allocated'), dataIndex: 'allocated', align: 'right', width: 140, render: (v: number) => <MoneyText fen={v} /> },
    { title: t('fields.credit'), dataIndex: 'credit', align: 'right', width: 140, render: (v: number) => (v ? <MoneyText fen={v} strong /> : <MoneyText fen={0} />) },
    { title: t('fields.method'), dataIndex: 'method', width: 100, render: (v: string) => t(`methods.${v}`) },
    { title: t('fields.bankRef'), dataIndex: 'bankRef', width: 150, ellipsis: true, render: (v: string | null) => v ?? '—' },
    {
      title: t('fields.owner'),
      dataIndex: 'ownerName',
      width: 130,
      render: (v: string, r) => (
        <div>
          {v}
          <Typography.Text type="secondary" style={{ display: 'block', fontSize: 12 }} ellipsis>
            {r.source === 'import' ? t('sources.import') : r.unitName}
          </Typography.Text>
        </div>
      ),
    },
  ];

  const fields = (
    <>
      <Col xs={24} sm={12} md={6} lg={3}>
        <Select allowClear style={{ width: '100%' }} placeholder={t('filters.status')} value={filters.status} onChange={(v) => state.set({ status: v })} options={RECEIPT_STATUSES.map((s) => ({ value: s, label: t(`statuses.${s}`) }))} data-testid="receipts-filter-status" />
      </Col>
      <Col xs={24} sm={12} md={6} lg={5}>
        <AccountPicker value={filters.accountId} onChange={(v) => state.set({ accountId: v ?? undefined })} placeholder={t('filters.account')} data-testid="receipts-filter-account" />
      </Col>
      <Col xs={24} sm={12} md={6} lg={4}>
        <UserSelect value={filters.ownerId} onChange={(v) => state.set({ ownerId: v ?? undefined })} placeholder={t('filters.owner')} data-testid="receipts-filter-owner" />
      </Col>
      <Col xs={24} sm={12} md={6} lg={4}>
        <UnitTreeSelect value={filters.unitId} onChange={(v) => state.set({ unitId: v ?? undefined })} placeholder={t('filters.unit')} data-testid="receipts-filter-unit" />
      </Col>
      <Col xs={24} sm={12} md={8} lg={5}>
        <DatePicker.RangePicker
          style={{ width: '100%' }}
          value={filters.receivedFrom && filters.receivedTo ? [dayjs(filters.receivedFrom), dayjs(filters.receivedTo)] : null}
          onChange={(v) => state.set({ receivedFrom: v?.[0]?.format('YYYY-MM-DD'), receivedTo: v?.[1]?.format('YYYY-MM-DD') })}
          placeholder={[t('filters.from'), t('filters.to')]}
          data-testid="receipts-filter-dates"
        />
      </Col>
      <Col xs={24} sm={12} md={4} lg={3}>
        <Select
          allowClear
          style={{ width: '100%' }}
          placeholder={t('filters.credit')}
          value={filters.withCredit ? 'true' : undefined}
          onChange={(v?: string) => state.set({ withCredit: v === 'true' })}
          options={[{ value: 'true', label: t('filters.withCredit') }]}
          data-testid="receipts-filter-credit"
        />
      </Col>
    </>
  );

  return (
    <div>
      <PageHeader
        title={t('list.title')}
        subtitle={t('list.subtitle')}
        extra={
          <>
            <Button icon={<DownloadOutlined />} href={exportHref('/api/receipts/export', query)} data-testid="receipts-export">
              {t('list.export')}
            </Button>
            {can('receipt:write') && (
              <Button type="primary" icon={<PlusOutlined />} onClick={() => setRecording(true)} data-testid="receipt-new">
                {t('list.record')}
              </Button>
            )}
          </>
        }
      />
      {finance && (
        <Card size="small" style={{ marginBottom: 12 }} data-testid="receipts-finance">
          <Flex wrap gap={12} align="center" justify="space-between">
            <Segmented<Preset>
              value={preset}
              onChange={(p) => state.set({ status: p === 'recorded' ? 'recorded' : undefined, withCredit: p === 'credit' })}
              options={PRESETS.map((p) => ({ value: p, label: t(`presets.${p}`), 'data-testid': `receipts-preset-${p}` }))}
              data-testid="receipts-presets"
            />
            <Flex gap={8} align="center" wrap>
              <Typography.Text type="secondary">{t('reconciliation.label')}</Typography.Text>
              <DatePicker picker="month" allowClear={false} value={dayjs(`${period}-01`)} onChange={(d) => d && setPeriod(d.format('YYYY-MM'))} data-testid="reconciliation-period" />
              <Button icon={<DownloadOutlined />} href={`/api/receivables/reconciliation?period=${period}`} data-testid="reconciliation-download">
                {t('reconciliation.download')}
              </Button>
            </Flex>
          </Flex>
        </Card>
      )}
      {list.isError && <ErrorAlert error={list.error} onRetry={() => void list.refetch()} />}
      <ListFrame<ReceiptListItem>
        testId="receipts"
        search={search.search}
        searchPlaceholder={t('list.search')}
        filters={
          <Row gutter={[8, 8]}>
            {fields}
            {active > 0 && (
              <Col>
                <Button onClick={() => state.reset(['q'])} data-testid="receipts-filters-reset">
                  {t('filters.reset')}
                </Button>
              </Col>
            )}
          </Row>
        }
        activeFilters={active}
        filtersLabel={t('filters.title')}
        doneLabel={t('filters.done')}
        items={list.data?.items}
        renderCard={(r) => <ReceiptCard key={r.id} r={r} />}
        loading={list.isFetching}
        total={list.data?.total ?? 0}
        pagination={state.pagination}
        empty={empty}
        table={
          <Table<ReceiptListItem>
            rowKey="id"
            size="middle"
            loading={list.isFetching}
            columns={state.sorted(columns)}
            dataSource={list.data?.items}
            scroll={{ x: 1300 }}
            onChange={state.onTableChange}
            data-testid="receipts-table"
            pagination={{ current: state.page, pageSize: state.pageSize, total: list.data?.total ?? 0, showSizeChanger: true, showTotal: (n) => t('list.total', { count: n }) }}
            locale={{ emptyText: empty }}
          />
        }
      />
      <ReceiptFormDrawer open={recording} accountId={filters.accountId} onClose={() => setRecording(false)} onSaved={(r) => void navigate(`/receipts/${r.id}`)} />
    </div>
  );
}

/** A receipt as a phone shows it: number and status, account, date, amount and what is unallocated. */
function ReceiptCard({ r }: { r: ReceiptListItem }) {
  const { t } = useTranslation('receipts');
  return (
    <Link to={`/receipts/${r.id}`} style={{ display: 'block', color: 'inherit' }} data-testid={`receipt-card-${r.id}`}>
      <Card size="small" hoverable style={{ marginBottom: 8 }}>
        <Flex justify="space-between" gap={8} align="flex-start">
          <div style={{ minWidth: 0 }}>
            <Typography.Text strong>{r.number}</Typography.Text>
            <Typography.Text type="secondary" ellipsis style={{ display: 'block', fontSize: 12 }}>
              {r.accountName} · {r.ownerName}
            </Typography.Text>
          </div>
          <ReceiptStatusTag status={r.status} />
        </Flex>
        <Flex justify="space-between" wrap gap={8} style={{ marginTop: 8, fontSize: 13 }}>
          <span>{r.receivedOn}</span>
          <MoneyText fen={r.amount} strong />
          {r.credit > 0 && (
            <span>
              <Typography.Text type="secondary">{t('fields.credit')} </Typography.Text>
              <MoneyText fen={r.credit} />
            </span>
          )}
        </Flex>
      </Card>
    </Link>
  );
}
