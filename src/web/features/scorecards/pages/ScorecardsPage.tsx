import { CalendarOutlined, CheckCircleFilled, DownloadOutlined, ExclamationCircleOutlined, PlusOutlined, SettingOutlined } from '@ant-design/icons';
import { Button, Card, Empty, Flex, Grid, List, Popconfirm, Select, Skeleton, Space, Table, Tag, Tooltip, Typography } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { SCORECARD_KINDS, SCORECARD_STATUSES, type ScorecardKind, type ScorecardPage, type ScorecardRow } from '../../../../shared/contracts/scorecards';
import { businessDate } from '../../../../shared/domain/business-time';
import { useAuth } from '../../../app/auth';
import { useDisplay } from '../../../components/display';
import { ErrorAlert } from '../../../components/ErrorAlert';
import { useApiError, useFeedback } from '../../../components/feedback';
import { PageHeader } from '../../../components/PageHeader';
import { id, oneOf, useListState, type ListParam } from '../../../components/useListState';
import { payrollHref, useOpenScorecards, useScorecards } from '../api';
import { itemKey, DEFAULT_SORT, fitPeriod, fmtPoints, isCardPeriod, itemSortField, SORT_PATTERN, sortAfter, sortOrderOf } from '../card';
import { CardPeriodPicker, KindSwitch, ScopeUnitPicker, usePeriodLabel } from '../components/Pickers';
import { ScorecardStatusTag } from '../components/StatusTag';

const periodParam: ListParam<string> = { fallback: '', parse: (raw) => (raw[0] && isCardPeriod(raw[0]) ? raw[0] : undefined), format: (v) => (v ? [v] : []) };
const orderParam: ListParam<string> = { fallback: DEFAULT_SORT, parse: (raw) => (raw[0] && SORT_PATTERN.test(raw[0]) ? raw[0] : undefined), format: (v) => [v] };

/**
 * /scorecards — 考核表 (PERF-3): the ranking of one form (客户管理专员 / 客户专员 / 部门经理) for a month, or a
 * quarter for the director's, in the caller's scope or a unit's subtree: rank, person, status, each item's points,
 * the total (red with 口头警告 under the threshold). 发起考核 opens the period's cards, 导出工资表 downloads the
 * locked cards; kind, period, unit, status and sort live in the URL (`order`: total, name, status or item:<key>).
 */
export function ScorecardsPage() {
  const { t } = useTranslation('scorecards');
  const { can } = useAuth();
  const { timeZone } = useDisplay();
  const phone = Grid.useBreakpoint().md === false;
  const today = businessDate(new Date(), timeZone);
  const state = useListState({ kind: oneOf(SCORECARD_KINDS, 'account_manager'), period: periodParam, unitId: id(), status: oneOf(SCORECARD_STATUSES), order: orderParam });
  const { kind, unitId, status, order } = state.filters;
  const period = fitPeriod(state.filters.period || today.slice(0, 7), kind, today);
  const q = useScorecards({ period, kind, unitId, status, sort: order });
  const periodLabel = usePeriodLabel();

  const links = (
    <>
      {can('scorecard:manage') && (
        <Link to={`/scorecards/attendance?month=${period.includes('Q') ? today.slice(0, 7) : period}`} data-testid="scorecards-attendance">
          <Button icon={<CalendarOutlined />}>{t('list.attendance')}</Button>
        </Link>
      )}
      {can('scorecard:configure') && (
        <Link to="/scorecards/settings" data-testid="scorecards-settings">
          <Button icon={<SettingOutlined />}>{t('list.settings')}</Button>
        </Link>
      )}
    </>
  );

  return (
    <div style={{ minWidth: 0 }}>
      <PageHeader title={t('list.title')} subtitle={t('list.subtitle')} extra={links} />
      <Card size="small" style={{ marginBottom: 12 }}>
        <Flex gap={8} wrap align="center">
          <KindSwitch value={kind} onChange={(k: ScorecardKind) => state.set({ kind: k, period: fitPeriod(period, k, today) })} />
          <CardPeriodPicker kind={kind} period={period} onChange={(p) => state.set({ period: p })} />
          <ScopeUnitPicker unitId={unitId} onChange={(v) => state.set({ unitId: v })} permission="scorecard:read" testId="scorecards-unit" />
          <Select
            allowClear
            placeholder={t('list.anyStatus')}
            value={status}
            onChange={(v) => state.set({ status: v })}
            options={SCORECARD_STATUSES.map((s) => ({ value: s, label: t(`statuses.${s}`) }))}
            style={{ width: 150 }}
            data-testid="scorecards-status"
          />
          <Actions page={q.data} period={period} unitId={unitId} />
        </Flex>
      </Card>
      {q.isError && <ErrorAlert error={q.error} onRetry={() => void q.refetch()} />}
      {q.data === undefined ? (
        !q.isError && <Skeleton active />
      ) : (
        <Card
          size="small"
          title={
            <Space wrap>
              <span>{t(`kinds.${q.data.kind}`)}</span>
              <Typography.Text type="secondary">{periodLabel(q.data.period)}</Typography.Text>
            </Space>
          }
          extra={<Typography.Text type="secondary">{t('list.thresholdNote', { threshold: fmtPoints(q.data.threshold) })}</Typography.Text>}
          styles={{ body: phone ? { padding: 8 } : { padding: 0 } }}
        >
          {q.data.items.length === 0 ? (
            <Empty description={q.data.canOpen ? t('list.emptyCanOpen', { period: periodLabel(period) }) : t('list.empty', { period: periodLabel(period) })} style={{ padding: 24 }} data-testid="scorecards-empty" />
          ) : phone ? (
            <PhoneList page={q.data} />
          ) : (
            <RankTable page={q.data} loading={q.isFetching} order={order} onOrder={(o) => state.set({ order: o })} />
          )}
        </Card>
      )}
    </div>
  );
}

/** 发起考核 (when the caller may open cards) and 导出工资表. */
function Actions({ page, period, unitId }: { page: ScorecardPage | undefined; period: string; unitId: number | undefined }) {
  const { t } = useTranslation('scorecards');
  const open = useOpenScorecards();
  const showError = useApiError();
  const { message } = useFeedback();
  const periodLabel = usePeriodLabel();
  const { can } = useAuth();
  return (
    <Flex gap={8} wrap style={{ marginInlineStart: 'auto' }}>
      {page?.canOpen && (
        <Popconfirm
          title={t('open.confirm', { period: periodLabel(period) })}
          description={<div style={{ maxWidth: 320 }}>{unitId ? t('open.noteUnit') : t('open.noteOwn')}</div>}
          okText={t('open.ok')}
          cancelText={t('actions.cancel')}
          okButtonProps={{ 'data-testid': 'scorecards-open-ok' } as never}
          onConfirm={async () => {
            try {
              const r = await open.mutateAsync({ period, unitId });
              void message.success(t('open.done', { opened: r.opened, existing: r.existing }));
            } catch (err) {
              showError(err);
            }
          }}
        >
          <Button type="primary" icon={<PlusOutlined />} loading={open.isPending} data-testid="scorecards-open">
            {t('open.button')}
          </Button>
        </Popconfirm>
      )}
      {can('scorecard:payroll') && (
        <Tooltip title={t('list.payrollHint')}>
          <Button icon={<DownloadOutlined />} href={payrollHref(period, unitId)} download data-testid="scorecards-payroll">
            {t('list.payroll')}
          </Button>
        </Tooltip>
      )}
    </Flex>
  );
}

/** The total: bold, red with 口头警告 under the threshold. */
function Total({ row }: { row: Pick<ScorecardRow, 'total' | 'warning' | 'id'> }) {
  const { t } = useTranslation('scorecards');
  return (
    <Space size={4} wrap={false} style={{ whiteSpace: 'nowrap' }}>
      <Typography.Text strong type={row.warning ? 'danger' : undefined} style={{ fontVariantNumeric: 'tabular-nums' }} data-testid={`scorecard-row-total-${row.id}`}>
        {fmtPoints(row.total)}
      </Typography.Text>
      {row.warning && (
        <Tag color="error" style={{ marginInlineEnd: 0 }}>
          {t('card.warningTag')}
        </Tag>
      )}
    </Space>
  );
}

function Complete({ complete }: { complete: boolean }) {
  const { t } = useTranslation('scorecards');
  return complete ? (
    <Tooltip title={t('list.complete')}>
      <CheckCircleFilled style={{ color: '#52c41a' }} aria-label={t('list.complete')} />
    </Tooltip>
  ) : (
    <Tooltip title={t('list.incompleteHint')}>
      <Typography.Text type="warning" style={{ whiteSpace: 'nowrap' }}>
        <ExclamationCircleOutlined /> {t('list.incomplete')}
      </Typography.Text>
    </Tooltip>
  );
}

function RankTable({ page, loading, order, onOrder }: { page: ScorecardPage; loading: boolean; order: string; onOrder: (o: string) => void }) {
  const { t } = useTranslation('scorecards');
  const sortable = (field: string) => ({ key: field, sorter: true, sortOrder: sortOrderOf(order, field), sortDirections: ['descend', 'ascend'] as ('descend' | 'ascend')[] });
  const columns: ColumnsType<ScorecardRow> = [
    { title: t('list.rank'), dataIndex: 'rank', width: 64, align: 'center', fixed: 'left' },
    {
      title: t('list.person'),
      ...sortable('name'),
      width: 120,
      fixed: 'left',
      render: (_, r) => (
        <Link to={`/scorecards/${r.id}`} data-testid={`scorecard-row-${r.id}`}>
          {r.person.name}
        </Link>
      ),
    },
    { title: t('list.unit'), width: 140, render: (_, r) => r.unit.name, ellipsis: true },
    { title: t('list.status'), ...sortable('status'), width: 120, render: (_, r) => <ScorecardStatusTag status={r.status} /> },
    ...page.columns.map((c) => ({
      title: (
        <Tooltip title={t(itemKey(page.kind, c.key, 'reading'))}>
          <div style={{ lineHeight: 1.3, whiteSpace: 'nowrap' }}>
            <div>{t(itemKey(page.kind, c.key, 'name'))}</div>
            <Typography.Text type="secondary" style={{ fontSize: 12, fontWeight: 'normal' }}>
              {t('list.fullMarks', { points: fmtPoints(c.points) })}
            </Typography.Text>
          </div>
        </Tooltip>
      ),
      ...sortable(itemSortField(c.key)),
      width: 132,
      align: 'right' as const,
      render: (_: unknown, r: ScorecardRow) => {
        const v = r.points[c.key];
        return v === null || v === undefined ? <Typography.Text type="secondary">—</Typography.Text> : <span style={{ fontVariantNumeric: 'tabular-nums' }}>{fmtPoints(v)}</span>;
      },
    })),
    { title: t('list.total'), ...sortable('total'), width: 170, align: 'right', fixed: 'right', render: (_, r) => <Total row={r} /> },
    { title: t('list.completeCol'), width: 120, align: 'center', fixed: 'right', render: (_, r) => <Complete complete={r.complete} /> },
  ];
  return (
    <Table<ScorecardRow>
      rowKey="id"
      size="small"
      columns={columns}
      dataSource={page.items}
      loading={loading}
      pagination={page.items.length > 50 ? { pageSize: 50, showSizeChanger: false } : false}
      scroll={{ x: 'max-content' }}
      onChange={(_p, _f, s) => {
        const sorter = Array.isArray(s) ? s[0] : s;
        onOrder(sortAfter(typeof sorter?.columnKey === 'string' ? sorter.columnKey : undefined, sorter?.order));
      }}
      rowClassName={(r) => (r.warning ? 'scorecard-row-warning' : '')}
      data-testid="scorecards-table"
    />
  );
}

/** On a phone: one card a person, rank, status and total, the items' points folded in a line. */
function PhoneList({ page }: { page: ScorecardPage }) {
  const { t } = useTranslation('scorecards');
  return (
    <div data-testid="scorecards-table">
      <List<ScorecardRow>
        dataSource={page.items}
        rowKey="id"
        renderItem={(r) => (
          <List.Item style={{ display: 'block', padding: '10px 4px' }}>
            <Flex justify="space-between" align="center" gap={8}>
              <Space size={8}>
                <Typography.Text type="secondary" style={{ minWidth: 24, display: 'inline-block' }}>
                  #{r.rank}
                </Typography.Text>
                <Link to={`/scorecards/${r.id}`} data-testid={`scorecard-row-${r.id}`}>
                  <Typography.Text strong>{r.person.name}</Typography.Text>
                </Link>
                <ScorecardStatusTag status={r.status} />
              </Space>
              <Total row={r} />
            </Flex>
            <Flex justify="space-between" gap={8} style={{ marginTop: 4 }}>
              <Typography.Text type="secondary" ellipsis>
                {r.unit.name}
              </Typography.Text>
              <Complete complete={r.complete} />
            </Flex>
            <Typography.Text type="secondary" style={{ fontSize: 12, display: 'block', marginTop: 4 }}>
              {page.columns.map((c) => `${t(itemKey(page.kind, c.key, 'name'))} ${fmtPoints(r.points[c.key])}`).join(' · ')}
            </Typography.Text>
          </List.Item>
        )}
      />
    </div>
  );
}
