import { ArrowLeftOutlined } from '@ant-design/icons';
import { Card, Grid, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import type { KpiKey, KpiSet } from '../../../../shared/contracts/kpis';
import { businessDate } from '../../../../shared/domain/business-time';
import { periodOf } from '../../../../shared/domain/kpi-period';
import { useDisplay } from '../../../components/display';
import { PageHeader } from '../../../components/PageHeader';
import { useListState } from '../../../components/useListState';
import { useKpiSet } from '../api';
import { ElapsedFact, Fact, FactsCard, PeriodFact, PeriodStateFact, TodayFact } from '../components/Facts';
import { Loaded, Pickers } from '../components/Frame';
import { KpiItems } from '../components/KpiItems';
import { periodParam, PeriodPicker } from '../components/PeriodPicker';
import { boardPath, groupsOf } from '../library';
import { partsOf } from '../period';

/**
 * /kpis/subject/:subject — one person's (`user:12`) or unit's (`unit:3`) every KPI for a period (?period=, the
 * current month by default), group by group: the value, its numerator and denominator, the approved target and
 * its attainment for the KPIs that have one, the snapshot kept when the period closed (已更正 when today's figure
 * differs) and each KPI's 计算口径.
 */
export function SubjectPage() {
  const subject = useParams().subject ?? '';
  // another subject's page starts with its own KPIs, never the last one's as a placeholder
  return <Subject key={subject} subject={subject} />;
}

function Subject({ subject }: { subject: string }) {
  const { t } = useTranslation('kpis');
  const { timeZone } = useDisplay();
  const phone = Grid.useBreakpoint().md === false;
  const today = businessDate(new Date(), timeZone);
  const state = useListState({ period: periodParam(periodOf(today, 'month')) });
  const { period } = state.filters;
  const q = useKpiSet({ subject, period });
  const data = q.data;
  const [open, setOpen] = useState<ReadonlySet<KpiKey>>(new Set());
  const toggle = (key: KpiKey) =>
    setOpen((was) => {
      const next = new Set(was);
      if (!next.delete(key)) next.add(key);
      return next;
    });

  const back = boardPath(data?.subject.kind === 'unit' ? data.subject.id : undefined, period);
  const subtitle = !data ? undefined : data.subject.kind === 'unit' ? t('subject.unit') : data.subject.unitName ? t('subject.ofUnit', { unit: data.subject.unitName }) : t('subject.user');
  return (
    <div style={{ minWidth: 0 }}>
      <PageHeader
        title={<span data-testid="kpis-subject-name">{data?.subject.name ?? t('board.title')}</span>}
        subtitle={subtitle}
        extra={
          <Link to={back} data-testid="kpis-back">
            <ArrowLeftOutlined /> {t('subject.back')}
          </Link>
        }
      />
      <Pickers>
        <PeriodPicker parts={partsOf(period)!} today={today} onChange={(key) => state.set({ period: key })} />
      </Pickers>
      <Loaded query={q}>
        {(set) => (
          <>
            <Facts data={set} />
            {groupsOf(set.items.map((i) => i.key)).map((g) => (
              <Card key={g.group} size="small" title={t(`groups.${g.group}`)} styles={{ body: phone ? { padding: 8 } : { padding: 0 } }} data-testid={`kpis-group-${g.group}`}>
                <KpiItems items={g.keys.map((k) => set.items.find((i) => i.key === k)!)} closed={set.period.closed} open={open} onToggle={toggle} />
              </Card>
            ))}
          </>
        )}
      </Loaded>
    </div>
  );
}

/** What the figures rest on: the person's unit, the period, whether it has closed, the working days elapsed, the day. */
function Facts({ data }: { data: KpiSet }) {
  const { t } = useTranslation('kpis');
  return (
    <FactsCard>
      {data.subject.kind === 'user' && data.subject.unitName && (
        <Fact name={t('facts.subjectUnit')} testId="kpis-subject-unit">
          <Typography.Text strong>{data.subject.unitName}</Typography.Text>
        </Fact>
      )}
      <PeriodFact period={data.period} />
      <PeriodStateFact closed={data.period.closed} keptAt={data.items.find((i) => i.snapshot)?.snapshot?.takenAt} />
      <ElapsedFact elapsed={data.elapsed} />
      <TodayFact today={data.today} />
    </FactsCard>
  );
}
