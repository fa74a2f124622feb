import { TreeSelect } from 'antd';
import type { TreeSelectProps } from 'antd';
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { buildUnitTree, unitPathIn, useOrgUnits, type UnitNode } from './orgData';

interface TreeOption {
  value: number;
  /** the unit's own name, as the tree shows it under its parent */
  title: string;
  /** its path below the root (江苏分公司 / 大客户部): what the field shows once picked, and what a search matches */
  path: string;
  disabled?: boolean;
  children?: TreeOption[];
}

type Props = Omit<TreeSelectProps<number>, 'treeData' | 'value' | 'onChange'> & {
  value?: number | null;
  onChange?: (id: number | null) => void;
  /** hide inactive units (default) — they cannot take new users or children */
  includeInactive?: boolean;
  /** a unit (with its subtree) that may not be picked, e.g. the unit being moved */
  excludeId?: number;
  /** only these units may be picked (the units a permission's scope reaches); the units above them stay as headings, the rest is left out */
  only?: ReadonlySet<number>;
};

/**
 * Picks an org unit from GET /api/org-units as a searchable tree. Several units share a name (every
 * branch has its own 大客户部), so the picked unit shows as its path, 江苏分公司 / 大客户部, and typing
 * 江苏 finds the units under 江苏分公司.
 */
export function UnitTreeSelect({ value, onChange, includeInactive = false, excludeId, only, ...rest }: Props) {
  const { t } = useTranslation('common');
  const units = useOrgUnits();
  const treeData = useMemo(() => {
    const byId = new Map((units.data ?? []).map((u) => [u.id, u]));
    const map = (nodes: UnitNode[], blocked: boolean): TreeOption[] =>
      nodes
        .filter((n) => includeInactive || n.active)
        .flatMap((n) => {
          const isBlocked = blocked || n.id === excludeId;
          const children = n.children ? map(n.children, isBlocked) : [];
          const outside = only !== undefined && !only.has(n.id);
          if (outside && !children.length) return [];
          return [{ value: n.id, title: n.name, path: unitPathIn(byId, n.id) ?? n.name, disabled: isBlocked || outside, children: children.length ? children : undefined }];
        });
    return map(buildUnitTree(units.data ?? []), false);
  }, [units.data, includeInactive, excludeId, only]);
  return (
    <TreeSelect<number>
      showSearch={{ filterTreeNode: (input, node) => String((node as unknown as TreeOption).path ?? '').toLowerCase().includes(input.toLowerCase()) }}
      treeNodeLabelProp="path"
      treeDefaultExpandAll
      allowClear
      loading={units.isLoading}
      placeholder={t('kit.pickUnit')}
      style={{ width: '100%' }}
      {...rest}
      treeData={treeData}
      value={value ?? undefined}
      onChange={(v) => onChange?.(v ?? null)}
    />
  );
}
