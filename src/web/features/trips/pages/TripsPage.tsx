import { PlusOutlined } from '@ant-design/icons';
import { Button, Flex, Grid, Input, List, Select, Table, Typography } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate } from 'react-router';
import { TRIP_REPORT_STATUSES, TRIP_STATUSES, type TripSummary } from '../../../../shared/contracts/trips';
import { ErrorAlert } from '../../../components/ErrorAlert';
import { MoneyText } from '../../../components/MoneyText';
import { PageHeader } from '../../../components/PageHeader';
import { oneOf, text, useListState, useTextFilter } from '../../../components/useListState';
import { useAuth } from '../../../app/auth';
import { useTrips } from '../api';
import { ReportStatusTag, TripStatusTag } from '../components/TripTags';

const dates = (r: TripSummary) => (r.startOn === r.endOn ? r.startOn : `${r.startOn} ～ ${r.endOn}`);

/** /trips — business trips in my scope, newest first, with the application and report status. */
export function TripsPage() {
  const { t } = useTranslation('trips');
  const phone = Grid.useBreakpoint().md === false;
  const navigate = useNavigate();
  const { can } = useAuth();
  const state = useListState({ q: text(), status: oneOf(TRIP_STATUSES), reportStatus: oneOf(TRIP_REPORT_STATUSES) });
  const { status, reportStatus } = state.filters;
  const search = useTextFilter(state, 'q');
  const list = useTrips(state.query);
  const pagination = { ...state.pagination, total: list.data?.total ?? 0 };

  const columns: ColumnsType<TripSummary> = [
    { key: 'destination', title: t('fields.destination'), render: (_, r) => <Link to={`/trips/${r.id}`} data-testid={`trip-${r.id}`}>{r.destination}</Link> },
    { key: 'dates', title: t('fields.dates'), width: 200, render: (_, r) => dates(r) },
    { key: 'owner', title: t('fields.owner'), width: 100, render: (_, r) => r.owner.name },
    { key: 'purpose', title: t('fields.purpose'), ellipsis: true, render: (_, r) => r.purpose },
    { key: 'estimated', title: t('fields.estimatedTotal'), width: 130, align: 'right', render: (_, r) => <MoneyText fen={r.estimatedTotal} /> },
    { key: 'status', title: t('fields.status'), width: 90, render: (_, r) => <TripStatusTag status={r.status} /> },
    { key: 'report', title: t('fields.reportStatus'), width: 90, render: (_, r) => <ReportStatusTag status={r.reportStatus} /> },
    { key: 'actual', title: t('fields.actualTotal'), width: 130, align: 'right', render: (_, r) => <MoneyText fen={r.actualTotal} /> },
  ];

  return (
    <div>
      <PageHeader
        title={t('title')}
        extra={can('trip:write') && (
          <Button type="primary" icon={<PlusOutlined />} onClick={() => void navigate('/trips/new')} data-testid="trip-new">
            {t('new')}
          </Button>
        )}
      />
      <Flex gap={8} wrap style={{ marginBottom: 12 }}>
        <Input.Search allowClear placeholder={t('filters.q')} {...search.search} style={{ width: phone ? '100%' : 260 }} />
        <Select allowClear placeholder={t('filters.status')} value={status} onChange={(v) => state.set({ status: v })} style={{ width: 130 }} options={TRIP_STATUSES.map((s) => ({ value: s, label: t(`statuses.${s}`) }))} />
        <Select allowClear placeholder={t('filters.reportStatus')} value={reportStatus} onChange={(v) => state.set({ reportStatus: v })} style={{ width: 130 }} options={TRIP_REPORT_STATUSES.map((s) => ({ value: s, label: t(`reportStatuses.${s}`) }))} />
      </Flex>
      {list.isError && <ErrorAlert error={list.error} onRetry={() => void list.refetch()} />}
      {phone ? (
        <List
          loading={list.isLoading}
          dataSource={list.data?.items ?? []}
          locale={{ emptyText: t('empty') }}
          pagination={{ ...pagination, size: 'small' }}
          renderItem={(r) => (
            <List.Item onClick={() => void navigate(`/trips/${r.id}`)} style={{ cursor: 'pointer' }}>
              <div style={{ width: '100%' }}>
                <Flex justify="space-between" gap={8}>
                  <Typography.Text strong>{r.destination}</Typography.Text>
                  <Flex gap={4}><TripStatusTag status={r.status} /><ReportStatusTag status={r.reportStatus} /></Flex>
                </Flex>
                <Typography.Text type="secondary" style={{ fontSize: 13 }}>{dates(r)} · {r.owner.name}</Typography.Text>
                <div style={{ fontSize: 13 }}>{r.purpose}</div>
              </div>
            </List.Item>
          )}
        />
      ) : (
        <Table<TripSummary>
          rowKey="id"
          size="middle"
          loading={list.isLoading}
          columns={columns}
          dataSource={list.data?.items ?? []}
          locale={{ emptyText: t('empty') }}
          pagination={{ ...pagination, showSizeChanger: false }}
        />
      )}
    </div>
  );
}
