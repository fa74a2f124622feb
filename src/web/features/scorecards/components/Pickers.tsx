import { DatePicker, Segmented } from 'antd';
import dayjs from 'dayjs';
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import type { OrgUnit } from '../../../../shared/contracts/org';
import { SCORECARD_KINDS, type ScorecardKind } from '../../../../shared/contracts/scorecards';
import type { DataScope, Permission } from '../../../../shared/permissions';
import { useAuth } from '../../../app/auth';
import { useOrgUnits } from '../../../components/orgData';
import { UnitTreeSelect } from '../../../components/UnitTreeSelect';
import { cycleOf, periodParts, periodStart } from '../card';

/** The period of a kind's cycle: a month, or a quarter for the director's card. */
export function CardPeriodPicker({ kind, period, onChange, testId = 'scorecards-period' }: { kind: ScorecardKind; period: string; onChange: (key: string) => void; testId?: string }) {
  const quarter = cycleOf(kind) === 'quarter';
  return (
    <DatePicker
      picker={quarter ? 'quarter' : 'month'}
      allowClear={false}
      value={dayjs(periodStart(period))}
      format={quarter ? 'YYYY-[Q]Q' : 'YYYY-MM'}
      onChange={(d) => d && onChange(quarter ? `${d.year()}-Q${Math.floor(d.month() / 3) + 1}` : d.format('YYYY-MM'))}
      style={{ width: 140 }}
      data-testid={testId}
    />
  );
}

/** A month alone (the attendance page). */
export function MonthPicker({ month, onChange }: { month: string; onChange: (key: string) => void }) {
  return <DatePicker picker="month" allowClear={false} value={dayjs(`${month}-01`)} format="YYYY-MM" onChange={(d) => d && onChange(d.format('YYYY-MM'))} style={{ width: 140 }} data-testid="attendance-month" />;
}

/** 客户管理专员 / 客户专员 / 部门经理: which form the ranking shows. */
export function KindSwitch({ value, onChange }: { value: ScorecardKind; onChange: (k: ScorecardKind) => void }) {
  const { t } = useTranslation('scorecards');
  return (
    <Segmented<ScorecardKind>
      value={value}
      onChange={onChange}
      options={SCORECARD_KINDS.map((k) => ({ value: k, label: <span data-testid={`scorecards-kind-${k}`}>{t(`kindTabs.${k}`)}</span> }))}
      data-testid="scorecards-kind"
    />
  );
}

/** The units a permission's scope reaches from one's own unit: every unit (all), the unit and those below it (unit), the unit alone (team, own). */
export function reachedUnits(units: readonly OrgUnit[], ownUnitId: number, scope: DataScope): Set<number> {
  if (scope === 'all') return new Set(units.map((u) => u.id));
  const reached = new Set([ownUnitId]);
  if (scope !== 'unit') return reached;
  for (let grew = true; grew; ) {
    grew = false;
    for (const u of units) if (u.parentId !== null && reached.has(u.parentId) && !reached.has(u.id)) grew = !!reached.add(u.id);
  }
  return reached;
}

/**
 * The unit of a page whose unit lives in the URL (none: everything in scope), among those the caller's
 * `permission` reaches; shown to those whose scope reaches a unit subtree or all and who may read the organisation.
 */
export function ScopeUnitPicker({ unitId, onChange, permission, testId }: { unitId: number | undefined; onChange: (id: number | undefined) => void; permission: Permission; testId: string }) {
  const { t } = useTranslation('scorecards');
  const { me } = useAuth();
  const units = useOrgUnits();
  const scope = me?.permissions.find((p) => p.permission === permission)?.scope;
  const canPick = !!me && (scope === 'unit' || scope === 'all') && me.permissions.some((p) => p.permission === 'org:read');
  const only = useMemo(() => (me && scope ? reachedUnits(units.data ?? [], me.unitId, scope) : new Set<number>()), [units.data, me, scope]);
  if (!canPick || only.size < 2) return null;
  return (
    <div style={{ width: 240, maxWidth: '100%' }}>
      <UnitTreeSelect only={only} value={unitId ?? null} onChange={(v) => onChange(v ?? undefined)} placeholder={t('pickers.allUnits')} data-testid={testId} />
    </div>
  );
}

/** A card period as words: 2026年11月 / 2026年第3季度, Nov 2026 / Q3 2026. */
export function usePeriodLabel() {
  const { t } = useTranslation('scorecards');
  return (key: string) => {
    const p = periodParts(key);
    if (!p) return key;
    return p.month !== undefined ? t('periodLabels.month', { year: p.year, month: p.month, mm: String(p.month).padStart(2, '0') }) : t('periodLabels.quarter', { year: p.year, quarter: p.quarter });
  };
}
