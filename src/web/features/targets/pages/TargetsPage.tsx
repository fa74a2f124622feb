import { PlusOutlined } from '@ant-design/icons';
import { Button, Card, Col, Empty, Flex, Grid, Pagination, Progress, Row, Select, Spin, Table, Typography } from 'antd';
import type { TableColumnsType } from 'antd';
import { useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate } from 'react-router';
import { TARGET_METRICS, TARGET_PLAN_STATUSES, type TargetPlanListItem } from '../../../../shared/contracts/targets';
import { useAuth } from '../../../app/auth';
import { DateTime } from '../../../components/DateTime';
import { ErrorAlert } from '../../../components/ErrorAlert';
import { useUnitPath } from '../../../components/orgData';
import { PageHeader } from '../../../components/PageHeader';
import { int, oneOf, useListState } from '../../../components/useListState';
import { useTargets } from '../api';
import { CreateTargetModal, planYears } from '../components/CreateTargetModal';
import { MetricValue, TargetStatusTag } from '../helpers';

/**
 * /targets — 目标与分解 (PERF-1): the target plans the caller reads, of one year (this year unless the URL says
 * otherwise), by metric and state: each plan's unit, metric, state, the year's total at the base level and how
 * much of it is given to sub-units and people. A table on a desk, cards on a phone. 新建目标 for target:manage.
 */
export function TargetsPage() {
  const { t } = useTranslation('targets');
  const { can } = useAuth();
  const navigate = useNavigate();
  const phone = Grid.useBreakpoint().md === false;
  const thisYear = new Date().getFullYear();
  const unitPath = useUnitPath();
  const [creating, setCreating] = useState(false);
  const state = useListState({ year: int({ min: 2000, max: 2100 }), metric: oneOf(TARGET_METRICS), status: oneOf(TARGET_PLAN_STATUSES) });
  const year = state.filters.year ?? thisYear;
  const q = useTargets({ year, metric: state.filters.metric, status: state.filters.status, page: state.page, pageSize: state.pageSize });
  const items = q.data?.items;
  const total = q.data?.total ?? 0;
  const years = [...new Set([...planYears(thisYear), thisYear - 2, year])].sort((a, b) => b - a);

  const open = (r: TargetPlanListItem) => (
    <Link to={`/targets/${r.id}`} data-testid={`target-open-${r.id}`} style={{ fontWeight: 500, overflowWrap: 'anywhere' }}>
      {unitPath(r.unit.id, r.unit.name)}
    </Link>
  );

  const columns: TableColumnsType<TargetPlanListItem> = [
    { title: t('fields.unit'), key: 'unit', render: (_, r) => open(r) },
    { title: t('fields.metric'), dataIndex: 'metric', width: 120, render: (_, r) => t(`metrics.${r.metric}`) },
    { title: t('fields.year'), dataIndex: 'year', width: 90 },
    { title: t('fields.status'), dataIndex: 'status', width: 100, render: (_, r) => <TargetStatusTag status={r.status} /> },
    { title: t('list.yearTotal'), key: 'total', width: 190, align: 'right', render: (_, r) => <MetricValue metric={r.metric} value={r.total} strong /> },
    { title: t('list.allocated'), key: 'allocated', width: 230, render: (_, r) => <Allocated item={r} /> },
    { title: t('fields.updatedAt'), dataIndex: 'updatedAt', width: 170, render: (v: string) => <DateTime value={v} type="secondary" /> },
  ];

  /** a filter of a fixed list (metric, state): all of them when cleared */
  const choice = <K extends 'metric' | 'status'>(key: K, values: readonly NonNullable<typeof state.filters[K]>[], labels: string, placeholder: string) => (
    <Select
      allowClear
      style={{ width: '100%' }}
      placeholder={placeholder}
      value={state.filters[key]}
      onChange={(v) => state.set({ [key]: v })}
      options={values.map((v) => ({ value: v, label: t(`${labels}.${v}`) }))}
      data-testid={`targets-${key}`}
    />
  );
  const filters = (
    <Row gutter={[8, 8]} style={{ marginBottom: 12 }}>
      <Col xs={8} md={4}>
        <Select
          style={{ width: '100%' }}
          value={year}
          onChange={(v) => state.set({ year: v === thisYear ? undefined : v })}
          options={years.map((y) => ({ value: y, label: t('yearLabel', { year: y }) }))}
          aria-label={t('fields.year')}
          data-testid="targets-year"
        />
      </Col>
      <Col xs={16} md={6}>
        {choice('metric', TARGET_METRICS, 'metrics', t('list.allMetrics'))}
      </Col>
      <Col xs={24} md={6}>
        {choice('status', TARGET_PLAN_STATUSES, 'statuses', t('list.allStatuses'))}
      </Col>
    </Row>
  );

  const empty = <Empty description={t('list.empty', { year })} />;
  return (
    <div>
      <PageHeader
        title={t('title')}
        subtitle={t('list.subtitle')}
        extra={
          can('target:manage') ? (
            <Button type="primary" icon={<PlusOutlined />} onClick={() => setCreating(true)} data-testid="target-new">
              {t('list.create')}
            </Button>
          ) : undefined
        }
      />
      {q.isError && <ErrorAlert error={q.error} onRetry={() => void q.refetch()} />}
      <Card size="small">
        {filters}
        {phone ? (
          <>
            <Spin spinning={q.isFetching}>
              <div data-testid="targets-cards">{items?.length ? items.map((r) => <PlanCard key={r.id} item={r} open={open(r)} />) : !q.isFetching && empty}</div>
            </Spin>
            {total > state.pageSize && (
              <Flex justify="center" style={{ marginTop: 12 }}>
                <Pagination simple {...state.pagination} total={total} />
              </Flex>
            )}
          </>
        ) : (
          <Table<TargetPlanListItem>
            rowKey="id"
            size="middle"
            columns={columns}
            loading={q.isFetching}
            dataSource={items ?? []}
            pagination={{ ...state.pagination, total, showSizeChanger: true }}
            locale={{ emptyText: empty }}
            scroll={{ x: 1000 }}
            data-testid="targets-table"
          />
        )}
      </Card>
      <CreateTargetModal open={creating} year={year} onClose={() => setCreating(false)} onCreated={(p) => void navigate(`/targets/${p.id}`)} />
    </div>
  );
}

/** A plan on a phone: its unit and state, metric and year, the year's total and what is allocated of it. */
function PlanCard({ item: r, open }: { item: TargetPlanListItem; open: ReactNode }) {
  const { t } = useTranslation('targets');
  return (
    <Card size="small" style={{ marginBottom: 8 }} data-testid={`target-card-${r.id}`}>
      <Flex justify="space-between" align="start" gap={8}>
        {open}
        <TargetStatusTag status={r.status} />
      </Flex>
      <Typography.Text type="secondary" style={{ display: 'block', margin: '4px 0 6px' }}>
        {t('list.cardLine', { metric: t(`metrics.${r.metric}`), year: r.year })}
      </Typography.Text>
      <Flex justify="space-between" align="baseline" gap={8} wrap>
        <Typography.Text type="secondary">{t('list.yearTotal')}</Typography.Text>
        <MetricValue metric={r.metric} value={r.total} strong />
      </Flex>
      <Allocated item={r} />
    </Card>
  );
}

/** How much of the year's total is given out: "已分配 ¥600,000.00 · 100%", a bar, red when more than the total. */
function Allocated({ item: r }: { item: TargetPlanListItem }) {
  const { t } = useTranslation('targets');
  const percent = r.total > 0 ? Math.round((r.allocated / r.total) * 100) : r.allocated > 0 ? 100 : 0;
  const over = r.allocated > r.total;
  return (
    <div data-testid={`target-allocated-${r.id}`} data-over={over}>
      <Flex justify="space-between" align="baseline" gap={8} wrap>
        <Typography.Text type="secondary" style={{ fontSize: 12 }}>
          {t('list.allocated')}
        </Typography.Text>
        <MetricValue metric={r.metric} value={r.allocated} />
      </Flex>
      <Progress percent={Math.min(percent, 100)} status={over ? 'exception' : percent >= 100 ? 'success' : 'normal'} size="small" format={() => `${percent}%`} />
    </div>
  );
}
