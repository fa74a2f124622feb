import { useQuery } from '@tanstack/react-query';
import { useCallback } from 'react';
import { useTranslation } from 'react-i18next';
import type { OrgUnit, Role } from '../../shared/contracts/org';
import { api } from '../api/client';

export const orgKeys = {
  units: ['org-units'] as const,
  roles: ['roles'] as const,
  users: ['users'] as const,
};

export function useOrgUnits() {
  return useQuery({ queryKey: orgKeys.units, queryFn: () => api.get<{ items: OrgUnit[] }>('/api/org-units').then((r) => r.items) });
}

export function useRoles(enabled = true) {
  return useQuery({ queryKey: orgKeys.roles, queryFn: () => api.get<{ items: Role[] }>('/api/roles').then((r) => r.items), enabled });
}

/**
 * A unit's place in the tree as text, e.g. 江苏分公司 / 大客户部 — several units share a name
 * (every branch has its own 大客户部). The company root is left out; it is the same for everyone.
 * The server's `unitName` fields read the same way; this is for the units the web has as a list.
 */
export function unitPathIn(byId: ReadonlyMap<number, Pick<OrgUnit, 'name' | 'parentId'>>, unitId: number): string | undefined {
  const names: string[] = [];
  for (let u = byId.get(unitId); u && u.parentId !== null && names.length < 20; u = byId.get(u.parentId)) names.unshift(u.name);
  return names.length ? names.join(' / ') : byId.get(unitId)?.name;
}

/** unitPathIn over GET /api/org-units; `fallback` while they load or for a unit not among them. */
export function useUnitPath() {
  const units = useOrgUnits();
  return useCallback(
    (unitId: number, fallback: string) => {
      const byId = new Map((units.data ?? []).map((u) => [u.id, u]));
      return unitPathIn(byId, unitId) ?? fallback;
    },
    [units.data],
  );
}

export interface UnitNode extends OrgUnit {
  children?: UnitNode[];
}

/** The flat list (parentId links) as a tree, siblings by sortOrder then name. */
export function buildUnitTree(units: OrgUnit[]): UnitNode[] {
  const byId = new Map<number, UnitNode>(units.map((u) => [u.id, { ...u }]));
  const roots: UnitNode[] = [];
  for (const node of byId.values()) {
    const parent = node.parentId === null ? undefined : byId.get(node.parentId);
    if (parent) (parent.children ??= []).push(node);
    else roots.push(node);
  }
  const sort = (list: UnitNode[]) => {
    list.sort((a, b) => a.sortOrder - b.sortOrder || a.name.localeCompare(b.name, 'zh-CN'));
    for (const n of list) if (n.children) sort(n.children);
  };
  sort(roots);
  return roots;
}

/**
 * A role's display name. Built-in roles are created with their zh-CN name; while an admin has not
 * renamed one, it is shown in the user's language (common:roles.<code>), otherwise as named.
 */
export function useRoleLabel() {
  const { t, i18n } = useTranslation('common');
  return useCallback(
    (r: Pick<Role, 'code' | 'name' | 'builtin'>) => {
      if (!r.builtin) return r.name;
      const seeded = i18n.getFixedT('zh-CN', 'common')(`roles.${r.code}`, { defaultValue: '' });
      return seeded === r.name ? t(`roles.${r.code}`) : r.name;
    },
    [t, i18n],
  );
}
