import { SettingOutlined } from '@ant-design/icons';
import { Button, Card, Col, Empty, Flex, Row, Segmented, Table, Typography } from 'antd';
import type { TableColumnsType } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { RecoveryListItem } from '../../../../shared/contracts/recovery';
import { useAuth } from '../../../app/auth';
import { DateTime } from '../../../components/DateTime';
import { ErrorAlert } from '../../../components/ErrorAlert';
import { ListFrame } from '../../../components/ListFrame';
import { MoneyText } from '../../../components/MoneyText';
import { PageHeader } from '../../../components/PageHeader';
import { oneOf, text, useListState, useTextFilter } from '../../../components/useListState';
import { useRecoveryPlans } from '../api';
import { TemplateDrawer } from '../components/TemplateDrawer';
import { ScoreTag, StateTag, useDriverTexts } from '../helpers';

const FILTERS = ['open', 'won_back', 'lost', 'all'] as const;
const STATES: Record<(typeof FILTERS)[number], string> = { open: 'open,in_progress', won_back: 'won_back', lost: 'lost', all: 'open,in_progress,won_back,lost' };
const SORTS = ['revenue', 'score', 'openedAt'] as const;
const SERVER_SORT: Record<(typeof SORTS)[number], string> = { revenue: '-revenue', score: 'score', openedAt: '-openedAt' };

/**
 * /recovery — 挽回方案 (SVC-3): the plans of the accounts in the caller's scope, the open ones first by the
 * revenue at stake, each with its health then and now, its main reasons and its steps done; the director
 * changes the template the new plans start from.
 */
export function RecoveryPage() {
  const { t } = useTranslation('recovery');
  const { can } = useAuth();
  const drivers = useDriverTexts();
  const [template, setTemplate] = useState(false);
  const state = useListState({ show: oneOf(FILTERS, 'open'), q: text(100) }, { sort: 'revenue', sorts: SORTS });
  const search = useTextFilter(state, 'q');
  const sort = (state.sort ?? 'revenue') as (typeof SORTS)[number];
  const q = useRecoveryPlans({ state: STATES[state.filters.show], sort: SERVER_SORT[sort], q: state.filters.q || undefined, page: state.page, pageSize: state.pageSize });
  const data = q.data;

  const reasons = (r: RecoveryListItem) => (
    <Flex vertical>
      {drivers(r.drivers).map((line) => (
        <Typography.Text key={line} style={{ fontSize: 13 }}>
          {line}
        </Typography.Text>
      ))}
    </Flex>
  );
  const scores = (r: RecoveryListItem) => (
    <Flex gap={4} align="center" wrap>
      <Typography.Text type="secondary">{r.scoreAtOpen ?? '—'}</Typography.Text>
      <span>→</span>
      <ScoreTag score={r.score} band={r.band} />
    </Flex>
  );
  const open = (r: RecoveryListItem, label: string) => (
    <Link to={`/recovery/${r.id}`} data-testid={`recovery-open-${r.id}`}>
      {label}
    </Link>
  );

  const columns: TableColumnsType<RecoveryListItem> = [
    { title: t('list.columns.account'), key: 'account', width: 220, render: (_, r) => open(r, r.account.name) },
    { title: t('list.columns.state'), dataIndex: 'state', width: 100, render: (_, r) => <StateTag state={r.state} /> },
    { title: t('list.columns.score'), key: 'score', width: 150, render: (_, r) => scores(r) },
    { title: t('list.columns.drivers'), key: 'drivers', render: (_, r) => reasons(r) },
    { title: t('list.columns.revenue'), dataIndex: 'revenue', width: 140, align: 'right', render: (v: number) => <MoneyText fen={v} /> },
    { title: t('list.columns.owner'), key: 'owner', width: 90, render: (_, r) => r.owner.name },
    { title: t('list.columns.steps'), key: 'steps', width: 80, render: (_, r) => `${r.steps.done} / ${r.steps.total}` },
    { title: t('list.columns.openedAt'), dataIndex: 'openedAt', width: 110, render: (v: string) => <DateTime value={v} mode="date" /> },
  ];

  const filters = (
    <Row gutter={[8, 8]} style={{ width: '100%' }}>
      <Col xs={24} md={12}>
        <Segmented block value={state.filters.show} onChange={(v) => state.set({ show: v as (typeof FILTERS)[number] })} options={FILTERS.map((f) => ({ value: f, label: t(`list.filters.${f}`) }))} data-testid="recovery-filter" />
      </Col>
      <Col xs={24} md={12}>
        <Segmented block value={sort} onChange={(v) => state.change({ sort: v, page: 1 })} options={SORTS.map((s) => ({ value: s, label: t(`list.sorts.${s}`) }))} data-testid="recovery-sort" />
      </Col>
    </Row>
  );

  return (
    <div>
      <PageHeader
        title={t('list.title')}
        subtitle={data ? t('list.counts', { open: data.counts.open + data.counts.in_progress, won_back: data.counts.won_back, lost: data.counts.lost }) : t('list.subtitle')}
        extra={
          can('recovery:close') ? (
            <Button icon={<SettingOutlined />} onClick={() => setTemplate(true)} data-testid="recovery-template">
              {t('settings.button')}
            </Button>
          ) : undefined
        }
      />
      {q.isError && <ErrorAlert error={q.error} onRetry={() => void q.refetch()} />}
      <ListFrame<RecoveryListItem>
          testId="recovery"
          search={search.search}
          searchPlaceholder={t('list.search')}
          filters={filters}
          activeFilters={state.changed.filter((k) => k !== 'q').length}
          filtersLabel={t('list.filtersLabel')}
          doneLabel={t('list.showResults', { count: data?.total ?? 0 })}
          items={data?.items}
          loading={q.isFetching}
          total={data?.total ?? 0}
          pagination={state.pagination}
          empty={<Empty description={t('list.empty')} />}
          renderCard={(r) => (
            <Card key={r.id} size="small" style={{ marginBottom: 8 }} data-testid={`recovery-card-${r.id}`}>
              <Flex justify="space-between" align="start" gap={8}>
                {open(r, r.account.name)}
                <StateTag state={r.state} />
              </Flex>
              <div style={{ margin: '6px 0' }}>{scores(r)}</div>
              {reasons(r)}
              <Flex justify="space-between" style={{ marginTop: 6 }}>
                <Typography.Text type="secondary">
                  {r.owner.name} · {r.steps.done} / {r.steps.total}
                </Typography.Text>
                <MoneyText fen={r.revenue} />
              </Flex>
            </Card>
          )}
          table={
            <Table<RecoveryListItem>
              rowKey="id"
              size="middle"
              loading={q.isFetching}
              columns={columns}
              dataSource={data?.items ?? []}
              locale={{ emptyText: <Empty description={t('list.empty')} /> }}
              pagination={{ ...state.pagination, total: data?.total ?? 0, showSizeChanger: true }}
              scroll={{ x: 1000 }}
              data-testid="recovery-table"
            />
          }
        />
      {template && <TemplateDrawer onClose={() => setTemplate(false)} />}
    </div>
  );
}
