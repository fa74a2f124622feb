import { DashboardOutlined } from '@ant-design/icons';
import { Alert, Card, Flex, Grid, Segmented, Select, Space, Tag } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { Attainment } from '../../../../shared/contracts/kpis';
import { TARGET_METRICS, TARGET_PLAN_STATUSES, type TargetMetric } from '../../../../shared/contracts/targets';
import { businessDate } from '../../../../shared/domain/business-time';
import { periodOf } from '../../../../shared/domain/kpi-period';
import { useDisplay } from '../../../components/display';
import { PageHeader } from '../../../components/PageHeader';
import { id, oneOf, useListState } from '../../../components/useListState';
import { useAttainment } from '../api';
import { AttainmentRows } from '../components/AttainmentRows';
import { Definitions } from '../components/Definitions';
import { ElapsedFact, Fact, FactsCard, PeriodFact, TodayFact, UnitFact } from '../components/Facts';
import { Loaded, Pickers } from '../components/Frame';
import { MonthChart } from '../components/MonthChart';
import { periodParam, PeriodPicker } from '../components/PeriodPicker';
import { ScopedUnitPicker } from '../components/UnitPicker';
import { boardPath } from '../library';
import { partsOf } from '../period';

const PLAN_COLORS: Record<string, string> = { draft: 'default', pending: 'processing', approved: 'success', rejected: 'error' };

/**
 * /kpis/attainment — 目标达成 (PERF-2): a unit's rows (its total, sub-units and people) for a metric over a month,
 * quarter, half, year or run of months: the approved targets, the actuals, completion, the part expected by the
 * working days elapsed, the pace forecast and met / on track / behind; the total by month as a chart. Unit,
 * metric and period live in the URL; no unit is one's own.
 */
export function AttainmentPage() {
  const { t } = useTranslation('kpis');
  const { timeZone } = useDisplay();
  const phone = Grid.useBreakpoint().md === false;
  const today = businessDate(new Date(), timeZone);
  const state = useListState({ unitId: id(), metric: oneOf(TARGET_METRICS, 'sales'), period: periodParam(periodOf(today, 'month')) });
  const { unitId, metric, period } = state.filters;
  const q = useAttainment({ unitId, metric, period });
  // the chart of a period of several months: the total by month, when it has a target or an actual to draw
  const total = q.data?.rows.find((r) => r.role === 'total');
  const parts = partsOf(period)!;

  const metricPicker = phone ? (
    <Select<TargetMetric> value={metric} onChange={(v) => state.set({ metric: v })} options={TARGET_METRICS.map((m) => ({ value: m, label: t(`metrics.${m}`) }))} style={{ width: 140 }} data-testid="kpis-metric" />
  ) : (
    <Segmented<TargetMetric> value={metric} onChange={(v) => state.set({ metric: v })} options={TARGET_METRICS.map((m) => ({ value: m, label: <span data-testid={`kpis-metric-${m}`}>{t(`metrics.${m}`)}</span> }))} data-testid="kpis-metric" />
  );

  return (
    <div style={{ minWidth: 0 }}>
      <PageHeader
        title={t('page.title')}
        subtitle={t('page.subtitle')}
        extra={
          <Flex gap={12} align="center" wrap>
            <Link to={boardPath(unitId, period)} data-testid="kpis-to-library">
              <DashboardOutlined /> {t('board.toLibrary')}
            </Link>
            <Definitions metric={metric} />
          </Flex>
        }
      />
      <Pickers>
        <ScopedUnitPicker unitId={unitId} onChange={(v) => state.set({ unitId: v })} />
        {metricPicker}
        <PeriodPicker parts={parts} today={today} onChange={(key) => state.set({ period: key })} />
      </Pickers>
      <Loaded query={q}>
        {(data) => (
          <>
            <Facts data={data} />
            <Card size="small" title={t('table.title', { metric: t(`metrics.${data.metric}`) })} styles={{ body: phone ? { padding: 8 } : undefined }}>
              <AttainmentRows rows={data.rows} metric={data.metric} loading={q.isFetching} />
            </Card>
            {total && data.period.months.length > 1 && total.months.some((m) => m.target > 0 || m.actual > 0) && (
              <Card size="small" title={t('chart.title', { metric: t(`metrics.${data.metric}`) })}>
                <MonthChart row={total} metric={data.metric} year={Number(data.period.from.slice(0, 4))} today={data.today} />
              </Card>
            )}
          </>
        )}
      </Loaded>
    </div>
  );
}

/** What the figures rest on: the unit, the period and its dates, the working days elapsed, the plan. */
function Facts({ data }: { data: Attainment }) {
  const { t } = useTranslation('kpis');
  const year = data.period.from.slice(0, 4);
  const metric = t(`metrics.${data.metric}`);
  const planStatus = data.plan && (TARGET_PLAN_STATUSES as readonly string[]).includes(data.plan.status) ? t(`planStatuses.${data.plan.status}`) : data.plan?.status;
  return (
    <>
      <FactsCard>
        <UnitFact unit={data.unit} />
        <PeriodFact period={data.period} />
        <ElapsedFact elapsed={data.elapsed} />
        <TodayFact today={data.today} />
        {data.plan && (
          <Fact name={t('facts.plan')} testId="kpis-plan">
            <Space size={8} wrap>
              <Tag color={PLAN_COLORS[data.plan.status] ?? 'default'} style={{ marginInlineEnd: 0 }}>
                {planStatus}
              </Tag>
              <Link to={`/targets/${data.plan.id}`} data-testid="kpis-plan-link">
                {t('facts.openPlan', { year, metric })}
              </Link>
            </Space>
          </Fact>
        )}
      </FactsCard>
      {!data.plan && <Alert type="info" showIcon title={t('notes.noPlan', { year, metric })} action={<Link to="/targets">{t('notes.toTargets')}</Link>} data-testid="kpis-no-plan" />}
      {data.plan && data.plan.status !== 'approved' && <Alert type="warning" showIcon title={t('notes.notApproved', { year, metric, status: planStatus })} data-testid="kpis-plan-not-approved" />}
    </>
  );
}
