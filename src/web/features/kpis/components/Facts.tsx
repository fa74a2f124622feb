import { Card, Flex, Progress, Typography } from 'antd';
import { useMemo, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { useAuth } from '../../../app/auth';
import { useBusinessTime } from '../../../components/display';
import { useUnitPath } from '../../../components/orgData';
import { percentText } from '../helpers';
import { usePeriodLabel } from './PeriodPicker';

/** One fact above a page's figures: a small grey name over its value. */
export function Fact({ name, testId, children }: { name: string; testId: string; children: ReactNode }) {
  return (
    <div style={{ minWidth: 0 }}>
      <Typography.Text type="secondary" style={{ display: 'block', fontSize: 12 }}>
        {name}
      </Typography.Text>
      <div data-testid={testId}>{children}</div>
    </div>
  );
}

/** What a KPI page's figures rest on, side by side (wrapping on a phone). */
export function FactsCard({ children }: { children: ReactNode }) {
  return (
    <Card size="small">
      <Flex gap={24} wrap>
        {children}
      </Flex>
    </Card>
  );
}

/** The business day the figures are counted up to. */
export function TodayFact({ today }: { today: string }) {
  const { t } = useTranslation('kpis');
  return (
    <Fact name={t('facts.asOf')} testId="kpis-today">
      <Typography.Text>{today}</Typography.Text>
    </Fact>
  );
}

/** The unit the figures are of, with the units above it for those who may read the organisation. */
export function UnitFact({ unit }: { unit: { id: number; name: string } }) {
  const { t } = useTranslation('kpis');
  const { can } = useAuth();
  return (
    <Fact name={t('facts.unit')} testId="kpis-unit-name">
      <Typography.Text strong>{can('org:read') ? <UnitPath id={unit.id} name={unit.name} /> : unit.name}</Typography.Text>
    </Fact>
  );
}

/** The period's label and its first and last day. */
export function PeriodFact({ period }: { period: { key: string; from: string; to: string } }) {
  const { t } = useTranslation('kpis');
  const label = usePeriodLabel();
  return (
    <Fact name={t('facts.period')} testId="kpis-period">
      <Typography.Text strong>{label(period.key)}</Typography.Text>{' '}
      <Typography.Text type="secondary" style={{ whiteSpace: 'nowrap' }}>
        {t('facts.dates', { from: period.from, to: period.to })}
      </Typography.Text>
    </Fact>
  );
}

/** The working days of the period elapsed by today, as days and a bar. */
export function ElapsedFact({ elapsed }: { elapsed: { workingDays: number; totalWorkingDays: number; share: number } }) {
  const { t } = useTranslation('kpis');
  const { workingDays, totalWorkingDays, share } = elapsed;
  return (
    <Fact name={t('facts.elapsed')} testId="kpis-elapsed">
      <div style={{ minWidth: 180 }}>
        <Typography.Text strong style={{ fontVariantNumeric: 'tabular-nums' }}>
          {t('facts.elapsedDays', { done: workingDays, total: totalWorkingDays, share: percentText(share) })}
        </Typography.Text>
        <Progress percent={share * 100} showInfo={false} size="small" style={{ margin: 0 }} />
      </div>
    </Fact>
  );
}

/** 进行中, or 已结束 — with the day its snapshot was kept when the page knows it. */
export function PeriodStateFact({ closed, keptAt }: { closed: boolean; keptAt?: string }) {
  const { t } = useTranslation('kpis');
  const time = useBusinessTime();
  const text = !closed ? t('periodStates.open') : keptAt ? t('periodStates.kept', { date: time(keptAt, 'date') }) : t('periodStates.closed');
  return (
    <Fact name={t('facts.state')} testId="kpis-period-state">
      <Typography.Text data-closed={closed}>{text}</Typography.Text>
    </Fact>
  );
}

function UnitPath({ id: unitId, name }: { id: number; name: string }) {
  const path = useUnitPath();
  return <>{useMemo(() => path(unitId, name), [path, unitId, name])}</>;
}
