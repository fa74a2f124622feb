import { PlusOutlined } from '@ant-design/icons';
import { Button, Card, DatePicker, Flex, Grid, Input, List, Select, Table, Tag, Typography } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate } from 'react-router';
import { RECEPTION_KINDS, RECEPTION_STATUSES, REPORT_STATUSES, type ReceptionSummary } from '../../../../shared/contracts/receptions';
import { useAuth } from '../../../app/auth';
import { DateTime } from '../../../components/DateTime';
import { ErrorAlert } from '../../../components/ErrorAlert';
import { MoneyText } from '../../../components/MoneyText';
import { PageHeader } from '../../../components/PageHeader';
import { date, oneOf, text, useListState, useTextFilter } from '../../../components/useListState';
import { useReceptions } from '../api';
import { ReceptionStatus } from '../components/ReceptionStatus';

const RECEPTION_LIST = { q: text(), kind: oneOf(RECEPTION_KINDS), status: oneOf(RECEPTION_STATUSES), reportStatus: oneOf(REPORT_STATUSES), from: date(), to: date() };

/** /receptions — receptions and site tours in my scope, filtered by kind, status, report status and dates. */
export function ReceptionsPage() {
  const { t } = useTranslation('receptions');
  const { can } = useAuth();
  const navigate = useNavigate();
  const phone = !Grid.useBreakpoint().md;
  const state = useListState(RECEPTION_LIST);
  const { kind, status, reportStatus, from, to } = state.filters;
  const search = useTextFilter(state, 'q');
  const list = useReceptions(state.query);
  const range = (v: [Dayjs | null, Dayjs | null] | null) => state.set({ from: v?.[0]?.format('YYYY-MM-DD'), to: v?.[1]?.format('YYYY-MM-DD') });
  const pagination = { ...state.pagination, total: list.data?.total ?? 0 };

  const columns = [
    { title: t('fields.startsAt'), key: 'startsAt', render: (r: ReceptionSummary) => <DateTime value={r.startsAt} /> },
    { title: t('fields.account'), key: 'account', render: (r: ReceptionSummary) => <Link to={`/receptions/${r.id}`}>{r.account.name}</Link> },
    { title: t('fields.kind'), key: 'kind', render: (r: ReceptionSummary) => <Tag>{t(`kinds.${r.kind}`)}</Tag> },
    { title: t('fields.level'), key: 'level', render: (r: ReceptionSummary) => t(`levels.${r.level}`) },
    { title: t('fields.owner'), key: 'owner', render: (r: ReceptionSummary) => r.owner.name },
    { title: t('fields.costTotal'), key: 'cost', align: 'right' as const, render: (r: ReceptionSummary) => <MoneyText fen={r.costTotal} /> },
    { title: t('fields.spentTotal'), key: 'spent', align: 'right' as const, render: (r: ReceptionSummary) => <MoneyText fen={r.spentTotal} /> },
    { title: t('fields.status'), key: 'status', render: (r: ReceptionSummary) => <ReceptionStatus reception={r} /> },
  ];

  return (
    <div>
      <PageHeader
        title={t('list.title')}
        extra={
          can('reception:write') && (
            <Button type="primary" icon={<PlusOutlined />} onClick={() => navigate('/receptions/new')} data-testid="reception-new">
              {t('application.new')}
            </Button>
          )
        }
      />
      <Flex gap={8} wrap style={{ marginBottom: 12 }}>
        <Input.Search allowClear placeholder={t('list.search')} style={{ width: phone ? '100%' : 220 }} {...search.search} />
        <Select allowClear placeholder={t('fields.kind')} style={{ width: 120 }} options={RECEPTION_KINDS.map((k) => ({ value: k, label: t(`kinds.${k}`) }))} value={kind} onChange={(v) => state.set({ kind: v })} />
        <Select allowClear placeholder={t('fields.status')} style={{ width: 130 }} options={RECEPTION_STATUSES.map((k) => ({ value: k, label: t(`statuses.${k}`) }))} value={status} onChange={(v) => state.set({ status: v })} />
        <Select allowClear placeholder={t('fields.reportStatus')} style={{ width: 140 }} options={REPORT_STATUSES.map((k) => ({ value: k, label: t(`reportStatuses.${k}`) }))} value={reportStatus} onChange={(v) => state.set({ reportStatus: v })} data-testid="filter-report" />
        <DatePicker.RangePicker style={{ width: phone ? '100%' : 260 }} value={from && to ? [dayjs(from), dayjs(to)] : null} onChange={(v) => range(v as [Dayjs | null, Dayjs | null] | null)} />
      </Flex>
      {list.isError && <ErrorAlert error={list.error} onRetry={() => void list.refetch()} />}
      {phone ? (
        <List
          loading={list.isLoading}
          dataSource={list.data?.items ?? []}
          locale={{ emptyText: t('list.empty') }}
          pagination={{ ...pagination, size: 'small' }}
          renderItem={(r) => (
            <Card size="small" style={{ marginBottom: 8 }} onClick={() => navigate(`/receptions/${r.id}`)}>
              <Flex justify="space-between" gap={8}>
                <Typography.Text strong>{r.account.name}</Typography.Text>
                <MoneyText fen={r.costTotal} />
              </Flex>
              <Flex justify="space-between" gap={8} wrap>
                <Typography.Text type="secondary">
                  <DateTime value={r.startsAt} /> · {t(`kinds.${r.kind}`)}
                </Typography.Text>
                <ReceptionStatus reception={r} />
              </Flex>
            </Card>
          )}
        />
      ) : (
        <Table
          rowKey="id"
          size="middle"
          loading={list.isLoading}
          dataSource={list.data?.items ?? []}
          columns={columns}
          locale={{ emptyText: t('list.empty') }}
          pagination={pagination}
        />
      )}
    </div>
  );
}
