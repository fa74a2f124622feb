import { Card, Col, DatePicker, Empty, Row, Skeleton, Statistic, Table, Tabs, Tag, Typography } from 'antd';
import type { TableColumnsType } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useMemo, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { Ageing, Conversion, OpportunitySummary, WinLoss } from '../../../../shared/contracts/opportunities';
import type { Stage } from '../../../../shared/domain/pipeline';
import { useMoney } from '../../../components/display';
import { ErrorAlert } from '../../../components/ErrorAlert';
import { MoneyText } from '../../../components/MoneyText';
import { PageHeader } from '../../../components/PageHeader';
import { date, month, oneOf, useListState } from '../../../components/useListState';
import { useAgeing, useConversion, useForecast, useWinLoss, type AnalysisFilter, type ForecastFilter } from '../api';
import { ageingOption, closedByStageOption, conversionOption, groupOption, monthOption, reasonsOption, stageValueOption, type ChartText } from '../charts';
import { BucketTable } from '../components/BucketTable';
import { EChart } from '../components/EChart';
import { PIPELINE_FILTERS, PipelineFilters } from '../components/PipelineFilters';

const TABS = ['forecast', 'conversion', 'ageing', 'winLoss'] as const;
type Tab = (typeof TABS)[number];
const FORECAST_FILTERS = { ...PIPELINE_FILTERS, tab: oneOf(TABS, 'forecast'), fromMonth: month(), toMonth: month(), from: date(), to: date() };

/** Labels and money formats for the chart builders, in the user's language. */
function useChartText(): ChartText {
  const { t, i18n } = useTranslation(['board', 'pipeline', 'common']);
  const money = useMoney();
  return useMemo(() => {
    return {
      stage: (s: Stage) => t(`pipeline:stages.${s}`),
      money,
      series: {
        value: t('board:forecast.value'),
        weighted: t('board:forecast.weighted'),
        rest: t('board:forecast.rest'),
        reached: t('board:conversion.reached'),
        advanced: t('board:conversion.advanced'),
        won: t('pipeline:statuses.won'),
        lost: t('pipeline:statuses.lost'),
        abandoned: t('pipeline:statuses.abandoned'),
      },
      wanUnit: t('board:forecast.wanUnit'),
      month: (key: string) => (key === 'none' ? t('board:forecast.noDate') : dayjs(`${key}-01`).format(t('board:forecast.monthFormat'))),
      reason: (key: string) => t(`pipeline:reasons.${key}`),
      percent: (r: number) => `${Math.round(r * 1000) / 10}%`,
    };
  }, [t, i18n.language, money]);
}

/** A tab with nothing to chart: says why (nothing in the user's scope, or the filters) instead of drawing empty axes. */
function NoData({ tab, filtered }: { tab: Tab; filtered: boolean }) {
  const { t } = useTranslation('board');
  return (
    <Card size="small" data-testid={`${tab}-empty`}>
      <Empty
        description={
          <>
            <Typography.Text strong style={{ display: 'block' }}>
              {t(`analysisEmpty.${tab}`)}
            </Typography.Text>
            <Typography.Text type="secondary">{t(filtered ? 'analysisEmpty.filtered' : 'analysisEmpty.scope')}</Typography.Text>
          </>
        }
      />
    </Card>
  );
}

function ChartCard({ title, children, extra }: { title: ReactNode; children: ReactNode; extra?: ReactNode }) {
  return (
    <Card size="small" title={title} extra={extra} style={{ height: '100%' }}>
      {children}
    </Card>
  );
}

const half = { xs: 24, xl: 12 } as const;

/**
 * /pipeline/forecast — 预测与分析 (PIPE-7): the weighted pipeline by stage, close month, owner
 * and unit; conversion between stages and the win rate; how long projects sit in each stage;
 * why deals are won, lost or abandoned and against whom.
 */
export function ForecastPage() {
  const { t } = useTranslation(['board', 'pipeline']);
  const state = useListState(FORECAST_FILTERS);
  const { filters: filter, set: setFilter } = state;
  const tab: Tab = filter.tab;
  const base = { ownerId: filter.ownerId, unitId: filter.unitId };
  const analysis: AnalysisFilter = { ...base, from: filter.from, to: filter.to };
  const filtered = state.changed.some((k) => k !== 'tab');

  const monthRange = (
    <Col xs={24} sm={12} md={6}>
      <DatePicker.RangePicker
        picker="month"
        style={{ width: '100%' }}
        value={filter.fromMonth && filter.toMonth ? [dayjs(`${filter.fromMonth}-01`), dayjs(`${filter.toMonth}-01`)] : null}
        onChange={(v) => setFilter({ fromMonth: v?.[0]?.format('YYYY-MM'), toMonth: v?.[1]?.format('YYYY-MM') })}
        placeholder={[t('forecast.fromMonth'), t('forecast.toMonth')]}
        data-testid="forecast-months"
      />
    </Col>
  );
  const dateRange = (
    <Col xs={24} sm={12} md={6}>
      <DatePicker.RangePicker
        style={{ width: '100%' }}
        value={filter.from && filter.to ? [dayjs(filter.from), dayjs(filter.to)] : null}
        onChange={(v: [Dayjs | null, Dayjs | null] | null) => setFilter({ from: v?.[0]?.format('YYYY-MM-DD'), to: v?.[1]?.format('YYYY-MM-DD') })}
        placeholder={[t('forecast.from'), t('forecast.to')]}
        data-testid="analysis-period"
      />
    </Col>
  );

  return (
    <div>
      <PageHeader title={t('forecast.title')} subtitle={t('forecast.subtitle')} />
      <PipelineFilters filter={filter} onChange={setFilter}>
        {tab === 'forecast' ? monthRange : tab === 'ageing' ? null : dateRange}
      </PipelineFilters>
      <Tabs
        activeKey={tab}
        onChange={(k) => setFilter({ tab: k as Tab })}
        items={[
          { key: 'forecast', label: t('forecast.tab'), children: <ForecastTab filter={{ ...base, fromMonth: filter.fromMonth, toMonth: filter.toMonth }} filtered={filtered} /> },
          { key: 'conversion', label: t('conversion.tab'), children: <ConversionTab filter={analysis} filtered={filtered} /> },
          { key: 'ageing', label: t('ageing.tab'), children: <AgeingTab filter={base} filtered={filtered} /> },
          { key: 'winLoss', label: t('winLoss.tab'), children: <WinLossTab filter={analysis} filtered={filtered} /> },
        ]}
        data-testid="forecast-tabs"
      />
    </div>
  );
}

function Loading({ q }: { q: { isLoading: boolean; isError: boolean; error: unknown; refetch: () => unknown } }) {
  if (q.isError) return <ErrorAlert error={q.error} onRetry={() => void q.refetch()} />;
  return q.isLoading ? <Skeleton active paragraph={{ rows: 8 }} /> : null;
}

function ForecastTab({ filter, filtered }: { filter: ForecastFilter; filtered: boolean }) {
  const { t } = useTranslation('board');
  const text = useChartText();
  const q = useForecast(filter);
  const f = q.data;
  const options = useMemo(
    () => f && { stage: stageValueOption(f.byStage, text), month: monthOption(f.byMonth, text), owner: groupOption(f.byOwner, text), unit: groupOption(f.byUnit, text) },
    [f, text],
  );
  if (!f || !options) return <Loading q={q} />;
  if (f.total.count === 0) return <NoData tab="forecast" filtered={filtered} />;
  const barHeight = (n: number) => Math.max(200, 60 + n * 36);
  return (
    <Row gutter={[12, 12]} data-testid="forecast-content">
      <Col span={24}>
        <Card size="small">
          <Row gutter={[12, 12]}>
            <Col xs={8}>
              <Statistic title={t('forecast.openProjects')} value={f.total.count} />
            </Col>
            <Col xs={8}>
              <Statistic title={t('forecast.value')} value={f.total.value} formatter={() => <MoneyText fen={f.total.value} />} />
            </Col>
            <Col xs={8}>
              <Statistic title={t('forecast.weighted')} value={f.total.weighted} formatter={() => <MoneyText fen={f.total.weighted} strong />} />
            </Col>
          </Row>
        </Card>
      </Col>
      <Col {...half}>
        <ChartCard title={t('forecast.byStage')}>
          <EChart option={options.stage} testId="chart-by-stage" />
        </ChartCard>
      </Col>
      <Col {...half}>
        <ChartCard title={t('forecast.byMonth')}>{f.byMonth.length ? <EChart option={options.month} testId="chart-by-month" /> : <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} />}</ChartCard>
      </Col>
      <Col {...half}>
        <ChartCard title={t('forecast.byOwner')}>
          {f.byOwner.length > 0 && <EChart option={options.owner} height={barHeight(f.byOwner.length)} testId="chart-by-owner" />}
          <BucketTable buckets={f.byOwner} nameTitle={t('forecast.owner')} testId="forecast-owners" />
        </ChartCard>
      </Col>
      <Col {...half}>
        <ChartCard title={t('forecast.byUnit')}>
          {f.byUnit.length > 0 && <EChart option={options.unit} height={barHeight(f.byUnit.length)} testId="chart-by-unit" />}
          <BucketTable buckets={f.byUnit} nameTitle={t('forecast.unit')} testId="forecast-units" />
        </ChartCard>
      </Col>
    </Row>
  );
}

const rate = (r: number | null) => (r === null ? '—' : `${Math.round(r * 1000) / 10}%`);

function ConversionTab({ filter, filtered }: { filter: AnalysisFilter; filtered: boolean }) {
  const { t } = useTranslation(['board', 'pipeline']);
  const text = useChartText();
  const q = useConversion(filter);
  const c = q.data;
  const option = useMemo(() => c && conversionOption(c, text), [c, text]);
  if (!c || !option) return <Loading q={q} />;
  if (c.won + c.lost + c.abandoned === 0 && c.stages.every((s) => s.reached === 0)) return <NoData tab="conversion" filtered={filtered} />;
  const columns: TableColumnsType<Conversion['stages'][number]> = [
    { key: 'stage', title: t('conversion.stage'), render: (_, s) => `${s.stage}. ${t(`pipeline:stages.${s.stage}`)}` },
    { key: 'reached', title: t('conversion.reached'), dataIndex: 'reached', align: 'right' },
    { key: 'advanced', title: t('conversion.advanced'), dataIndex: 'advanced', align: 'right' },
    { key: 'rate', title: t('conversion.rate'), align: 'right', render: (_, s) => rate(s.rate) },
    { key: 'lost', title: t('conversion.lost'), dataIndex: 'lost', align: 'right' },
    { key: 'avgDays', title: t('conversion.avgDays'), align: 'right', render: (_, s) => (s.avgDays === null ? '—' : Math.round(s.avgDays * 10) / 10) },
  ];
  return (
    <Row gutter={[12, 12]} data-testid="conversion-content">
      <Col span={24}>
        <Card size="small">
          <Row gutter={[12, 12]}>
            <Col xs={12} sm={6}>
              <Statistic title={t('conversion.winRate')} value={rate(c.winRate)} styles={{ content: { color: '#1f5fbf' } }} />
            </Col>
            <Col xs={12} sm={6}>
              <Statistic title={t('pipeline:statuses.won')} value={c.won} />
            </Col>
            <Col xs={12} sm={6}>
              <Statistic title={t('pipeline:statuses.lost')} value={c.lost} />
            </Col>
            <Col xs={12} sm={6}>
              <Statistic title={t('pipeline:statuses.abandoned')} value={c.abandoned} />
            </Col>
          </Row>
        </Card>
      </Col>
      <Col {...half}>
        <ChartCard title={t('conversion.chart')}>
          <EChart option={option} testId="chart-conversion" />
        </ChartCard>
      </Col>
      <Col {...half}>
        <ChartCard title={t('conversion.table')}>
          <Table size="small" rowKey="stage" columns={columns} dataSource={c.stages} pagination={false} scroll={{ x: 'max-content' }} data-testid="conversion-table" />
        </ChartCard>
      </Col>
    </Row>
  );
}

function AgeingTab({ filter, filtered }: { filter: ForecastFilter; filtered: boolean }) {
  const { t } = useTranslation(['board', 'pipeline']);
  const text = useChartText();
  const q = useAgeing(filter);
  const a = q.data;
  const option = useMemo(() => a && ageingOption(a, text), [a, text]);
  if (!a || !option) return <Loading q={q} />;
  if (a.stages.every((s) => s.open === 0)) return <NoData tab="ageing" filtered={filtered} />;
  const stageColumns: TableColumnsType<Ageing['stages'][number]> = [
    { key: 'stage', title: t('conversion.stage'), render: (_, s) => `${s.stage}. ${t(`pipeline:stages.${s.stage}`)}` },
    { key: 'limit', title: t('ageing.limit'), align: 'right', render: (_, s) => t('ageing.days', { count: s.limit }) },
    { key: 'open', title: t('ageing.open'), dataIndex: 'open', align: 'right' },
    { key: 'stalled', title: t('ageing.stalled'), align: 'right', render: (_, s) => (s.stalled ? <Typography.Text type="danger">{s.stalled}</Typography.Text> : 0) },
  ];
  const stalledColumns: TableColumnsType<OpportunitySummary> = [
    { key: 'name', title: t('ageing.project'), render: (_, o) => <Link to={`/opportunities/${o.id}`}>{o.name}</Link> },
    { key: 'account', title: t('ageing.account'), dataIndex: 'accountName', ellipsis: true },
    { key: 'owner', title: t('forecast.owner'), dataIndex: 'ownerName' },
    { key: 'stage', title: t('conversion.stage'), render: (_, o) => <Tag style={{ marginInlineEnd: 0 }}>{`${o.stage}. ${t(`pipeline:stages.${o.stage}`)}`}</Tag> },
    { key: 'days', title: t('ageing.daysInStage'), align: 'right', render: (_, o) => <Typography.Text type="danger">{t('ageing.days', { count: o.daysInStage })}</Typography.Text> },
    { key: 'value', title: t('forecast.value'), align: 'right', render: (_, o) => <MoneyText fen={o.expectedValue} /> },
  ];
  return (
    <Row gutter={[12, 12]} data-testid="ageing-content">
      <Col {...half}>
        <ChartCard title={t('ageing.chart')}>
          <EChart option={option} testId="chart-ageing" />
        </ChartCard>
      </Col>
      <Col {...half}>
        <ChartCard title={t('ageing.table')}>
          <Table size="small" rowKey="stage" columns={stageColumns} dataSource={a.stages} pagination={false} scroll={{ x: 'max-content' }} />
        </ChartCard>
      </Col>
      <Col span={24}>
        <ChartCard title={t('ageing.stalledList', { count: a.stalled.length })}>
          <Table size="small" rowKey="id" columns={stalledColumns} dataSource={a.stalled} pagination={a.stalled.length > 10 ? { pageSize: 10 } : false} scroll={{ x: 'max-content' }} data-testid="ageing-stalled" />
        </ChartCard>
      </Col>
    </Row>
  );
}

function WinLossTab({ filter, filtered }: { filter: AnalysisFilter; filtered: boolean }) {
  const { t } = useTranslation(['board', 'pipeline']);
  const text = useChartText();
  const q = useWinLoss(filter);
  const w = q.data;
  const options = useMemo(() => w && { reasons: reasonsOption(w.reasons, text), byStage: closedByStageOption(w.byStage, text) }, [w, text]);
  if (!w || !options) return <Loading q={q} />;
  if (w.byStage.every((s) => s.won + s.lost + s.abandoned === 0) && w.reasons.length === 0) return <NoData tab="winLoss" filtered={filtered} />;
  const competitorColumns: TableColumnsType<WinLoss['competitors'][number]> = [
    { key: 'name', title: t('winLoss.competitor'), dataIndex: 'name' },
    { key: 'met', title: t('winLoss.met'), dataIndex: 'met', align: 'right' },
    { key: 'won', title: t('winLoss.wonAgainst'), dataIndex: 'wonAgainst', align: 'right', render: (n: number) => <Typography.Text type="success">{n}</Typography.Text> },
    { key: 'lost', title: t('winLoss.lostTo'), dataIndex: 'lostTo', align: 'right', render: (n: number) => (n ? <Typography.Text type="danger">{n}</Typography.Text> : 0) },
  ];
  const reasonHeight = Math.max(220, 60 + new Set(w.reasons.map((r) => r.reasonKey)).size * 32);
  return (
    <Row gutter={[12, 12]} data-testid="winloss-content">
      <Col {...half}>
        <ChartCard title={t('winLoss.reasons')}>{w.reasons.length ? <EChart option={options.reasons} height={reasonHeight} testId="chart-reasons" /> : <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} />}</ChartCard>
      </Col>
      <Col {...half}>
        <ChartCard title={t('winLoss.byStage')}>
          <EChart option={options.byStage} testId="chart-closed-by-stage" />
        </ChartCard>
      </Col>
      <Col span={24}>
        <ChartCard title={t('winLoss.competitors')}>
          <Table size="small" rowKey="competitorId" columns={competitorColumns} dataSource={w.competitors} pagination={false} scroll={{ x: 'max-content' }} data-testid="winloss-competitors" />
        </ChartCard>
      </Col>
    </Row>
  );
}
