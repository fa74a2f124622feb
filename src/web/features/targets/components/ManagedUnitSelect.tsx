import { TreeSelect } from 'antd';
import type { TreeSelectProps } from 'antd';
import { useEffect, useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import type { OrgUnit } from '../../../../shared/contracts/org';
import type { DataScope } from '../../../../shared/permissions';
import { useAuth } from '../../../app/auth';
import { buildUnitTree, unitPathIn, useOrgUnits, type UnitNode } from '../../../components/orgData';

interface TreeOption {
  value: number;
  title: string;
  path: string;
  disabled: boolean;
  children?: TreeOption[];
}

/**
 * The units a scope of target:manage reaches from the caller's own unit: every unit (all), the unit and those
 * below it (unit), the unit alone (team); none in own scope (one's own row is asked for, not planned). Inactive
 * units plan nothing.
 */
export function managedUnitIds(units: readonly OrgUnit[], ownUnitId: number, scope: DataScope | undefined): Set<number> {
  const active = units.filter((u) => u.active);
  if (!scope || scope === 'own') return new Set();
  if (scope === 'all') return new Set(active.map((u) => u.id));
  if (scope === 'team') return new Set(active.some((u) => u.id === ownUnitId) ? [ownUnitId] : []);
  const below = new Map<number, number[]>();
  for (const u of active) if (u.parentId !== null) below.set(u.parentId, [...(below.get(u.parentId) ?? []), u.id]);
  const out = new Set<number>();
  const walk = (id: number) => {
    if (out.has(id) || !active.some((u) => u.id === id)) return;
    out.add(id);
    for (const c of below.get(id) ?? []) walk(c);
  };
  walk(ownUnitId);
  return out;
}

type Props = Omit<TreeSelectProps<number>, 'treeData' | 'value' | 'onChange'> & {
  value?: number | null;
  onChange?: (id: number | null) => void;
};

/**
 * Picks a unit whose targets the caller manages (target:manage in its scope), as the org tree shows it: the
 * units above one of them stay as headings, not to be picked; the picked unit reads as its path. With one unit
 * to manage, it is picked.
 */
export function ManagedUnitSelect({ value, onChange, ...rest }: Props) {
  const { t } = useTranslation('targets');
  const { me } = useAuth();
  const units = useOrgUnits();
  const scope = me?.permissions.find((p) => p.permission === 'target:manage')?.scope;
  const { treeData, only } = useMemo(() => {
    const list = units.data ?? [];
    const allowed = managedUnitIds(list, me?.unitId ?? 0, scope);
    const byId = new Map(list.map((u) => [u.id, u]));
    const map = (nodes: UnitNode[]): TreeOption[] =>
      nodes.flatMap((n) => {
        const children = n.children ? map(n.children) : [];
        if (!allowed.has(n.id) && !children.length) return [];
        return [{ value: n.id, title: n.name, path: unitPathIn(byId, n.id) ?? n.name, disabled: !allowed.has(n.id), children: children.length ? children : undefined }];
      });
    return { treeData: map(buildUnitTree(list.filter((u) => u.active))), only: allowed.size === 1 ? [...allowed][0]! : null };
  }, [units.data, me?.unitId, scope]);
  // one unit to manage (a director's department): it is the answer
  const empty = value === null || value === undefined;
  useEffect(() => {
    if (empty && only !== null) onChange?.(only);
  }, [empty, only, onChange]);
  return (
    <TreeSelect<number>
      showSearch={{ filterTreeNode: (input, node) => String((node as unknown as TreeOption).path ?? '').toLowerCase().includes(input.toLowerCase()) }}
      treeNodeLabelProp="path"
      treeDefaultExpandAll
      loading={units.isLoading}
      placeholder={t('create.unitPlaceholder')}
      style={{ width: '100%' }}
      {...rest}
      treeData={treeData}
      value={value ?? undefined}
      onChange={(v) => onChange?.(v ?? null)}
    />
  );
}
