import { RiseOutlined, UserOutlined } from '@ant-design/icons';
import { Card, Grid } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { KpiBoard } from '../../../../shared/contracts/kpis';
import { businessDate } from '../../../../shared/domain/business-time';
import { periodOf } from '../../../../shared/domain/kpi-period';
import { useAuth } from '../../../app/auth';
import { useDisplay } from '../../../components/display';
import { PageHeader } from '../../../components/PageHeader';
import { id, useListState } from '../../../components/useListState';
import { useKpiBoard } from '../api';
import { BoardRows } from '../components/BoardRows';
import { FactsCard, PeriodFact, PeriodStateFact, TodayFact, UnitFact } from '../components/Facts';
import { Loaded, Pickers } from '../components/Frame';
import { periodParam, PeriodPicker } from '../components/PeriodPicker';
import { ScopedUnitPicker } from '../components/UnitPicker';
import { subjectPath } from '../library';
import { partsOf } from '../period';

/**
 * /kpis — KPI 指标库 (PERF-2): a unit's rows (its total, sub-units and people) × every KPI of the library for a
 * month, quarter, half, year or run of months, grouped 销售 / 回款 / 客户 / 拜访与开发 / 服务与费用 / 档案; each
 * heading tells how its KPI is computed, a figure that changed after the period's snapshot is marked 已更正, and a
 * row's name opens its KPI page. Unit and period live in the URL; no unit is one's own.
 */
export function LibraryPage() {
  const { t } = useTranslation('kpis');
  const { me } = useAuth();
  const { timeZone } = useDisplay();
  const phone = Grid.useBreakpoint().md === false;
  const today = businessDate(new Date(), timeZone);
  const state = useListState({ unitId: id(), period: periodParam(periodOf(today, 'month')) });
  const { unitId, period } = state.filters;
  const q = useKpiBoard({ unitId, period });

  const links = (
    <>
      {me && (
        <Link to={subjectPath({ kind: 'user', id: me.id }, period)} data-testid="kpis-mine">
          <UserOutlined /> {t('board.mine')}
        </Link>
      )}
      <Link to="/kpis/attainment" data-testid="kpis-to-attainment">
        <RiseOutlined /> {t('board.toAttainment')}
      </Link>
    </>
  );

  return (
    <div style={{ minWidth: 0 }}>
      <PageHeader title={t('board.title')} subtitle={t('board.subtitle')} extra={links} />
      <Pickers>
        <ScopedUnitPicker unitId={unitId} onChange={(v) => state.set({ unitId: v })} />
        <PeriodPicker parts={partsOf(period)!} today={today} onChange={(key) => state.set({ period: key })} />
      </Pickers>
      <Loaded query={q}>
        {(board) => (
          <>
            <Facts data={board} />
            <Card size="small" title={t('board.tableTitle')} styles={{ body: phone ? { padding: 8 } : { padding: 0 } }}>
              <BoardRows board={board} loading={q.isFetching} />
            </Card>
          </>
        )}
      </Loaded>
    </div>
  );
}

/** What the figures rest on: the unit, the period and its dates, whether it has closed (its snapshot kept), the day. */
function Facts({ data }: { data: KpiBoard }) {
  return (
    <FactsCard>
      <UnitFact unit={data.unit} />
      <PeriodFact period={data.period} />
      <PeriodStateFact closed={data.period.closed} />
      <TodayFact today={data.today} />
    </FactsCard>
  );
}
