import { Col, Input, Row } from 'antd';
import type { ReactNode } from 'react';
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'react-router';
import { UnitTreeSelect } from '../../../components/UnitTreeSelect';
import { UserSelect } from '../../../components/UserSelect';
import type { PipelineFilter } from '../api';

const positive = (v: string | null) => {
  const n = Number(v);
  return Number.isInteger(n) && n > 0 ? n : undefined;
};

/**
 * The board's and the analyses' filters live in the URL (owner, unit, search and any extra keys
 * a page adds), so a link or going back keeps them.
 */
export function useUrlFilter<E extends string>(extra: readonly E[] = []) {
  const [params, setParams] = useSearchParams();
  const filter = useMemo(() => {
    const f = { ownerId: positive(params.get('ownerId')), unitId: positive(params.get('unitId')), q: params.get('q') || undefined } as PipelineFilter & Partial<Record<E, string>>;
    for (const k of extra) {
      const v = params.get(k);
      if (v) (f as Record<string, string>)[k] = v;
    }
    return f;
  }, [params, extra]);
  const set = (patch: Record<string, string | number | null | undefined>) => {
    const next = new URLSearchParams(params);
    for (const [k, v] of Object.entries(patch)) {
      if (v === undefined || v === null || v === '') next.delete(k);
      else next.set(k, String(v));
    }
    setParams(next, { replace: true });
  };
  return [filter, set] as const;
}

interface Props {
  filter: PipelineFilter;
  onChange: (patch: Record<string, string | number | null | undefined>) => void;
  search?: boolean;
  /** more controls on the same row (e.g. the period) */
  children?: ReactNode;
}

/** Owner, unit and (on the board) a search box. */
export function PipelineFilters({ filter, onChange, search, children }: Props) {
  const { t } = useTranslation('board');
  return (
    <Row gutter={[8, 8]} style={{ marginBottom: 12 }}>
      <Col xs={12} md={6}>
        <UserSelect value={filter.ownerId} onChange={(id) => onChange({ ownerId: id })} placeholder={t('filters.owner')} data-testid="pipeline-filter-owner" />
      </Col>
      <Col xs={12} md={6}>
        <UnitTreeSelect value={filter.unitId} onChange={(id) => onChange({ unitId: id })} placeholder={t('filters.unit')} data-testid="pipeline-filter-unit" />
      </Col>
      {search && (
        <Col xs={24} sm={12} md={6}>
          <Input.Search key={filter.q ?? ''} allowClear defaultValue={filter.q} placeholder={t('filters.q')} onSearch={(q) => onChange({ q: q.trim() })} data-testid="pipeline-filter-q" />
        </Col>
      )}
      {children}
    </Row>
  );
}
