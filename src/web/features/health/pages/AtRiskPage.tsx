import { Card, Col, Empty, Flex, Grid, List, Pagination, Segmented, Table, Tag, Typography } from 'antd';
import type { TableColumnsType } from 'antd';
import { useTranslation } from 'react-i18next';
import type { AtRiskItem } from '../../../../shared/contracts/health';
import { useAuth } from '../../../app/auth';
import { useMoney } from '../../../components/display';
import { DateTime } from '../../../components/DateTime';
import { ErrorAlert } from '../../../components/ErrorAlert';
import { MoneyText } from '../../../components/MoneyText';
import { PageHeader } from '../../../components/PageHeader';
import { RunNowButton } from '../../../components/RunNowButton';
import { oneOf, useListState } from '../../../components/useListState';
import { AccountLink } from '../../accounts';
import { healthKeys, useAtRisk } from '../api';
import { BAND_COLOR, measureText } from '../helpers';
import { useQueryClient } from '@tanstack/react-query';
import { useCallback, useMemo } from 'react';

const BAND_FILTERS = ['red', 'redYellow'] as const;
const SORTS = ['revenue', 'score'] as const;

/**
 * /health/at-risk — 流失预警 (SVC-3): the accounts in the caller's scope whose health is red (or red and
 * yellow), by revenue at risk or by score, each with its main reasons in words and a link to its 健康度 tab.
 * health:configure may recompute every account now.
 */
export function AtRiskPage() {
  const { t } = useTranslation('health');
  const { can } = useAuth();
  const money = useMoney();
  const qc = useQueryClient();
  const phone = Grid.useBreakpoint().md === false;
  const state = useListState({ bands: oneOf(BAND_FILTERS, 'red') }, { sort: 'revenue', sorts: SORTS });
  const { filters } = state;
  const sort = (state.sort ?? 'revenue') as (typeof SORTS)[number];
  const q = useAtRisk({ band: filters.bands === 'red' ? 'red' : 'red,yellow', sort, page: state.page, pageSize: state.pageSize });
  const data = q.data;
  const onDone = useCallback(() => void qc.invalidateQueries({ queryKey: healthKeys.all }), [qc]);
  const labels = useMemo(
    () => ({
      button: t('atRisk.recompute'),
      queued: t('atRisk.recomputeQueued'),
      busy: () => t('atRisk.recomputeRunning'),
      done: t('atRisk.recomputeDone'),
      failed: (error: string) => t('atRisk.recomputeFailed', { error }),
      lastDone: t('atRisk.lastRun'),
      lastFailed: (error: string) => t('atRisk.recomputeFailed', { error }),
    }),
    [t],
  );
  const reasons = (r: AtRiskItem) => r.drivers.map((d) => measureText(t, d, money));
  const score = (r: AtRiskItem) => (
    <Tag color={BAND_COLOR[r.band]} data-testid={`at-risk-score-${r.accountId}`}>
      {r.score} · {t(`bands.${r.band}`)}
    </Tag>
  );

  const columns: TableColumnsType<AtRiskItem> = [
    {
      title: t('atRisk.columns.account'),
      dataIndex: 'name',
      width: 220,
      render: (name: string, r) => (
        <AccountLink id={r.accountId} tab="health" data-testid={`at-risk-open-${r.accountId}`}>
          {name}
        </AccountLink>
      ),
    },
    { title: t('atRisk.columns.score'), key: 'score', width: 110, render: (_, r) => score(r) },
    {
      title: t('atRisk.columns.drivers'),
      key: 'drivers',
      render: (_, r) => (
        <Flex vertical>
          {reasons(r).map((text) => (
            <Typography.Text key={text} style={{ fontSize: 13 }}>
              {text}
            </Typography.Text>
          ))}
        </Flex>
      ),
    },
    { title: t('atRisk.columns.revenue'), dataIndex: 'revenue', width: 150, align: 'right', render: (v: number) => <MoneyText fen={v} /> },
    { title: t('atRisk.columns.owner'), key: 'owner', width: 100, render: (_, r) => r.owner?.name ?? '—' },
    { title: t('atRisk.columns.since'), dataIndex: 'bandSince', width: 120, render: (v: string) => <DateTime value={v} mode="date" /> },
  ];

  return (
    <div>
      <PageHeader
        title={t('atRisk.title')}
        subtitle={data ? t('atRisk.counts', data.bands) : t('atRisk.subtitle')}
        extra={can('health:configure') ? <RunNowButton url="/api/health/recompute" queryKey={healthKeys.run} onDone={onDone} labels={labels} testId="health-recompute" primary={false} /> : undefined}
      />
      <Flex gap={8} wrap style={{ marginBottom: 12 }}>
        <Col xs={24} sm={12} md={8}>
          <Segmented block value={filters.bands} onChange={(v) => state.set({ bands: v as (typeof BAND_FILTERS)[number] })} options={BAND_FILTERS.map((b) => ({ value: b, label: t(`atRisk.bands.${b}`) }))} data-testid="at-risk-bands" />
        </Col>
        <Col xs={24} sm={12} md={8}>
          <Segmented block value={sort} onChange={(v) => state.change({ sort: v, page: 1 })} options={SORTS.map((s) => ({ value: s, label: t(`atRisk.sorts.${s}`) }))} data-testid="at-risk-sort" />
        </Col>
      </Flex>
      {q.isError && <ErrorAlert error={q.error} onRetry={() => void q.refetch()} />}
      {phone ? (
        <Flex vertical gap={8} data-testid="at-risk-cards">
          {data && data.items.length === 0 && <Empty description={t('atRisk.empty')} />}
          {data?.items.map((r) => (
            <Card key={r.accountId} size="small" data-testid={`at-risk-card-${r.accountId}`}>
              <Flex justify="space-between" align="start" gap={8}>
                <AccountLink id={r.accountId} tab="health">
                  {r.name}
                </AccountLink>
                {score(r)}
              </Flex>
              <List size="small" split={false} dataSource={reasons(r)} renderItem={(text) => <List.Item style={{ padding: '2px 0' }}>{text}</List.Item>} />
              <Flex justify="space-between">
                <Typography.Text type="secondary">{r.owner?.name ?? '—'}</Typography.Text>
                <MoneyText fen={r.revenue} />
              </Flex>
            </Card>
          ))}
          {data && data.total > state.pageSize && <Pagination simple {...state.pagination} total={data.total} />}
        </Flex>
      ) : (
        <Table<AtRiskItem>
          rowKey="accountId"
          size="middle"
          loading={q.isFetching}
          columns={columns}
          dataSource={data?.items ?? []}
          locale={{ emptyText: <Empty description={t('atRisk.empty')} /> }}
          pagination={{ ...state.pagination, total: data?.total ?? 0, showSizeChanger: true }}
          data-testid="at-risk-table"
        />
      )}
    </div>
  );
}
