import { Col, Input, Row } from 'antd';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { UnitTreeSelect } from '../../../components/UnitTreeSelect';
import { UserSelect } from '../../../components/UserSelect';
import { id, text } from '../../../components/useListState';
import type { PipelineFilter } from '../api';

/**
 * The URL parameters of the board's and the analyses' filters (owner and unit), for useListState:
 * a page adds its own (the board its search, the analyses the period and tab), so a link or going
 * back keeps them.
 */
export const PIPELINE_FILTERS = { ownerId: id(), unitId: id() };
export const BOARD_FILTERS = { ...PIPELINE_FILTERS, q: text() };

interface Props {
  filter: PipelineFilter;
  /** undefined: the filter is cleared */
  onChange: (patch: Pick<PipelineFilter, 'ownerId' | 'unitId' | 'q'>) => void;
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
        <UserSelect value={filter.ownerId} onChange={(owner) => onChange({ ownerId: owner ?? undefined })} placeholder={t('filters.owner')} data-testid="pipeline-filter-owner" />
      </Col>
      <Col xs={12} md={6}>
        <UnitTreeSelect value={filter.unitId} onChange={(unit) => onChange({ unitId: unit ?? undefined })} placeholder={t('filters.unit')} data-testid="pipeline-filter-unit" />
      </Col>
      {search && (
        <Col xs={24} sm={12} md={6}>
          <Input.Search key={filter.q ?? ''} allowClear defaultValue={filter.q} placeholder={t('filters.q')} onSearch={(q) => onChange({ q: q.trim() || undefined })} data-testid="pipeline-filter-q" />
        </Col>
      )}
      {children}
    </Row>
  );
}
