import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import type { OrgUnit } from '../../../../shared/contracts/org';
import type { DataScope } from '../../../../shared/permissions';
import { useAuth } from '../../../app/auth';
import { useOrgUnits } from '../../../components/orgData';
import { UnitTreeSelect } from '../../../components/UnitTreeSelect';

/** The units target:read reaches from one's own unit: every unit (all), the unit and those below it (unit), the unit alone (team, own). */
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

interface Props {
  value: number;
  onChange: (id: number) => void;
  ownUnitId: number;
  scope: DataScope;
}

/** The unit whose attainment the page shows, among those the caller's scope reaches; nothing to pick with one. */
export function UnitPicker({ value, onChange, ownUnitId, scope }: Props) {
  const { t } = useTranslation('kpis');
  const units = useOrgUnits();
  const only = useMemo(() => reachedUnits(units.data ?? [], ownUnitId, scope), [units.data, ownUnitId, scope]);
  if (only.size < 2) return null;
  return (
    <div style={{ width: 240, maxWidth: '100%' }}>
      <UnitTreeSelect only={only} allowClear={false} value={value} onChange={(v) => v !== null && onChange(v)} placeholder={t('pickers.unit')} data-testid="kpis-unit" />
    </div>
  );
}

/**
 * The unit picker of a page whose unit lives in the URL (none: one's own): shown to those whose target:read
 * reaches a unit subtree or all and who may read the organisation; `onChange` gets undefined for one's own unit.
 */
export function ScopedUnitPicker({ unitId, onChange }: { unitId: number | undefined; onChange: (id: number | undefined) => void }) {
  const { me } = useAuth();
  const scope = me?.permissions.find((p) => p.permission === 'target:read')?.scope;
  const canPick = !!me && (scope === 'unit' || scope === 'all') && me.permissions.some((p) => p.permission === 'org:read');
  if (!canPick) return null;
  return <UnitPicker value={unitId ?? me.unitId} onChange={(v) => onChange(v === me.unitId ? undefined : v)} ownUnitId={me.unitId} scope={scope} />;
}
