import { FilterOutlined, PlusOutlined, SearchOutlined, ShopOutlined } from '@ant-design/icons';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { Badge, Button, Card, Col, Drawer, Empty, Flex, Grid, Input, Progress, Row, Select, Table, Typography } from 'antd';
import type { TableColumnsType } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate } from 'react-router';
import {
  ACCOUNT_CATEGORIES,
  ACCOUNT_GRADES,
  ACCOUNT_NATURES,
  ACCOUNT_SORTS,
  ACCOUNT_TIERS,
  LIFECYCLE_STAGES,
  type AccountListItem,
} from '../../../../shared/contracts/accounts';
import type { Paged } from '../../../../shared/contracts/common';
import { QUADRANTS, type Quadrant } from '../../../../shared/contracts/quadrant';
import { api } from '../../../api/client';
import { useAuth } from '../../../app/auth';
import { DateTime } from '../../../components/DateTime';
import { ErrorAlert } from '../../../components/ErrorAlert';
import { PageHeader } from '../../../components/PageHeader';
import { UnitTreeSelect } from '../../../components/UnitTreeSelect';
import { UserSelect } from '../../../components/UserSelect';
import { id, int, oneOf, text, useListState, useTextFilter, type ListFilters } from '../../../components/useListState';
import { accountKeys } from '../api';
import { ClassTags, GradeTag, LifecycleTag } from '../components/AccountTags';
import { PortfolioStrip } from '../components/PortfolioStrip';
import { QuadrantTag } from '../components/QuadrantCard';
import { coverageColor } from '../../contacts';
import { SavedViewsMenu } from '../../saved-views';
import { ExportButton } from '../../transfer';

/** Search and filters; each maps 1:1 to a query parameter of GET /api/accounts, and is the URL's parameter of that name. */
const ACCOUNT_LIST = {
  q: text(),
  tier: oneOf(ACCOUNT_TIERS),
  vip: oneOf(['true', 'false']),
  category: oneOf(ACCOUNT_CATEGORIES),
  grade: oneOf(ACCOUNT_GRADES),
  lifecycle: oneOf(LIFECYCLE_STAGES),
  nature: oneOf(ACCOUNT_NATURES),
  industry: text(100),
  ownerId: id(),
  unitId: id(),
  province: text(50),
  city: text(50),
  quadrant: oneOf(QUADRANTS),
  coverageBelow: int({ max: 101 }),
};
type Filters = ListFilters<typeof ACCOUNT_LIST>;
type FilterKey = keyof Filters;

const COVERAGE_STEPS = [40, 60, 80] as const;

export function completenessColor(score: number): string {
  return score >= 80 ? '#52c41a' : score >= 50 ? '#1f5fbf' : '#fa8c16';
}

export function AccountsPage() {
  const { t } = useTranslation('accounts');
  const navigate = useNavigate();
  const { can } = useAuth();
  const phone = Grid.useBreakpoint().md === false;
  // The list state lives in the URL, so going back from an account returns to the same page and filters.
  const state = useListState(ACCOUNT_LIST, { sorts: ACCOUNT_SORTS });
  const { filters, query } = state;
  const search = useTextFilter(state, 'q');
  const industry = useTextFilter(state, 'industry');
  const province = useTextFilter(state, 'province');
  const city = useTextFilter(state, 'city');
  const [drawer, setDrawer] = useState(false);

  const list = useQuery({
    queryKey: accountKeys.list(query),
    queryFn: () => api.get<Paged<AccountListItem>>('/api/accounts', query),
    placeholderData: keepPreviousData,
  });

  const setFilter = <K extends FilterKey>(key: K, value: Filters[K] | null) => state.set({ [key]: value ?? undefined });
  const activeFilters = state.changed.filter((k) => k !== 'q').length;

  const enumSelect = (key: 'tier' | 'category' | 'lifecycle' | 'nature' | 'quadrant', values: readonly string[], labels: string, testId: string) => (
    <Select
      allowClear
      style={{ width: '100%' }}
      placeholder={t(`filters.${key}`)}
      value={filters[key]}
      onChange={(v?: Filters[typeof key]) => setFilter(key, v)}
      options={values.map((v) => ({ value: v, label: t(`${labels}.${v}`) }))}
      data-testid={testId}
    />
  );

  const filterFields = (
    <Row gutter={[8, 8]}>
      <Col xs={24} sm={12} md={6} lg={4}>
        {enumSelect('tier', ACCOUNT_TIERS, 'tiers', 'account-filter-tier')}
      </Col>
      <Col xs={24} sm={12} md={6} lg={4}>
        <Select
          allowClear
          style={{ width: '100%' }}
          placeholder={t('filters.vip')}
          value={filters.vip}
          onChange={(v?: Filters['vip']) => setFilter('vip', v)}
          options={[
            { value: 'true', label: t('filters.vipYes') },
            { value: 'false', label: t('filters.vipNo') },
          ]}
          data-testid="account-filter-vip"
        />
      </Col>
      <Col xs={24} sm={12} md={6} lg={4}>
        {enumSelect('category', ACCOUNT_CATEGORIES, 'categories', 'account-filter-category')}
      </Col>
      <Col xs={24} sm={12} md={6} lg={4}>
        <Select
          allowClear
          style={{ width: '100%' }}
          placeholder={t('filters.grade')}
          value={filters.grade}
          onChange={(v?: Filters['grade']) => setFilter('grade', v)}
          options={ACCOUNT_GRADES.map((g) => ({ value: g, label: t('gradeTag', { grade: g }) }))}
          data-testid="account-filter-grade"
        />
      </Col>
      <Col xs={24} sm={12} md={6} lg={4}>
        {enumSelect('lifecycle', LIFECYCLE_STAGES, 'lifecycles', 'account-filter-lifecycle')}
      </Col>
      <Col xs={24} sm={12} md={6} lg={4}>
        {enumSelect('nature', ACCOUNT_NATURES, 'natures', 'account-filter-nature')}
      </Col>
      <Col xs={24} sm={12} md={6} lg={4}>
        <Input allowClear placeholder={t('filters.industry')} {...industry.input} data-testid="account-filter-industry" />
      </Col>
      <Col xs={24} sm={12} md={6} lg={4}>
        <UserSelect value={filters.ownerId} onChange={(id) => setFilter('ownerId', id)} placeholder={t('filters.ownerId')} data-testid="account-filter-owner" />
      </Col>
      <Col xs={24} sm={12} md={6} lg={4}>
        <UnitTreeSelect includeInactive value={filters.unitId} onChange={(id) => setFilter('unitId', id)} placeholder={t('filters.unitId')} data-testid="account-filter-unit" />
      </Col>
      <Col xs={12} sm={6} md={3} lg={2}>
        <Input allowClear placeholder={t('filters.province')} {...province.input} data-testid="account-filter-province" />
      </Col>
      <Col xs={24} sm={12} md={6} lg={4}>
        {enumSelect('quadrant', QUADRANTS, 'portfolio:quadrants', 'account-filter-quadrant')}
      </Col>
      <Col xs={24} sm={12} md={6} lg={4}>
        <Select
          allowClear
          style={{ width: '100%' }}
          placeholder={t('filters.coverageBelow')}
          value={filters.coverageBelow}
          onChange={(v?: number) => setFilter('coverageBelow', v)}
          options={COVERAGE_STEPS.map((n) => ({ value: n, label: t('filters.coverageBelowN', { n }) }))}
          data-testid="account-filter-coverage"
        />
      </Col>
      <Col xs={12} sm={6} md={3} lg={2}>
        <Input allowClear placeholder={t('filters.city')} {...city.input} data-testid="account-filter-city" />
      </Col>
      {activeFilters > 0 && (
        <Col>
          <Button onClick={() => state.reset(['q'])} data-testid="account-filter-reset">
            {t('filters.reset')}
          </Button>
        </Col>
      )}
    </Row>
  );

  const columns: TableColumnsType<AccountListItem> = [
    {
      title: t('columns.name'),
      dataIndex: 'name',
      key: 'name',
      sorter: true,
      fixed: 'left',
      width: phone ? 150 : 200,
      render: (name: string, a) => (
        <div style={{ minWidth: 0 }}>
          <Link to={`/accounts/${a.id}`} data-testid={`account-open-${a.id}`}>
            {name}
          </Link>
          {a.shortName && (
            <Typography.Text type="secondary" style={{ display: 'block', fontSize: 12 }}>
              {a.shortName}
            </Typography.Text>
          )}
          {a.matchedContact && (
            <Typography.Text type="secondary" style={{ display: 'block', fontSize: 12 }} ellipsis data-testid={`account-matched-${a.id}`}>
              {t(a.matchedContact.status === 'left' ? 'list.matchedContactLeft' : 'list.matchedContact', { name: a.matchedContact.name, title: a.matchedContact.title ?? '' })}
            </Typography.Text>
          )}
        </div>
      ),
    },
    { title: t('columns.class'), key: 'tier', sorter: true, width: 150, render: (_: unknown, a) => <ClassTags tier={a.tier} vip={a.vip} categories={a.categories} /> },
    { title: t('columns.grade'), key: 'grade', dataIndex: 'grade', sorter: true, width: 80, render: (_: unknown, a) => (a.grade ? <GradeTag grade={a.grade} /> : '—') },
    { title: t('columns.lifecycle'), key: 'lifecycle', dataIndex: 'lifecycle', sorter: true, width: 96, render: (_: unknown, a) => <LifecycleTag stage={a.lifecycle} /> },
    { title: t('columns.owner'), dataIndex: 'ownerName', width: 90 },
    { title: t('columns.unit'), dataIndex: 'unitName', width: 170, ellipsis: true },
    {
      title: t('columns.region'),
      key: 'region',
      width: 96,
      render: (_: unknown, a) => [a.province, a.city].filter(Boolean).join(' · ') || '—',
    },
    {
      title: t('columns.completeness'),
      dataIndex: 'completeness',
      key: 'completeness',
      sorter: true,
      width: 130,
      render: (v: number) => <Progress percent={v} size="small" strokeColor={completenessColor(v)} />,
    },
    { title: t('columns.quadrant'), dataIndex: 'quadrant', key: 'quadrant', sorter: true, width: 80, render: (v: Quadrant) => <QuadrantTag quadrant={v} /> },
    {
      title: t('columns.coverage'),
      dataIndex: 'coverageScore',
      key: 'coverage',
      sorter: true,
      width: 80,
      render: (v: number) => (
        <Typography.Text strong style={{ color: coverageColor(v) }}>
          {v}
        </Typography.Text>
      ),
    },
    { title: t('columns.updatedAt'), dataIndex: 'updatedAt', key: 'updatedAt', sorter: true, width: 110, render: (v: string) => <DateTime value={v} mode="relative" /> },
  ];

  return (
    <div>
      <PageHeader
        title={t('list.title')}
        subtitle={t('list.subtitle')}
        extra={
          <>
            <ExportButton kind="accounts" filters={query} />
            {can('account:create') && (
              <Button type="primary" icon={<PlusOutlined />} data-testid="account-new" onClick={() => navigate('/accounts/new')}>
                {t('list.create')}
              </Button>
            )}
          </>
        }
      />
      {list.isError && <ErrorAlert error={list.error} onRetry={() => void list.refetch()} />}
      <Card size="small">
        <Flex gap={8} style={{ marginBottom: 12 }}>
          <Input.Search
            allowClear
            placeholder={t('list.searchPlaceholder')}
            {...search.search}
            data-testid="account-search"
            enterButton={<SearchOutlined />}
            style={{ maxWidth: phone ? undefined : 420, flex: 1 }}
          />
          <SavedViewsMenu page="accounts" current={state.params} onApply={state.apply} compact={phone} />
          {phone && (
            <Badge count={activeFilters} size="small">
              <Button icon={<FilterOutlined />} onClick={() => setDrawer(true)} data-testid="account-filters-open">
                {t('filters.title')}
              </Button>
            </Badge>
          )}
        </Flex>
        {!phone && <div style={{ marginBottom: 12 }}>{filterFields}</div>}
        <PortfolioStrip
          filters={query}
          onQuadrant={(q) => setFilter('quadrant', q)}
          onOwner={(ownerId) => state.change({ filters: { ownerId }, sort: 'completeness', page: 1 })}
        />
        <Table<AccountListItem>
          rowKey="id"
          size="middle"
          loading={list.isFetching}
          columns={state.sorted(columns)}
          dataSource={list.data?.items}
          scroll={{ x: 1180 }}
          onChange={state.onTableChange}
          data-testid="account-table"
          pagination={{
            current: state.page,
            pageSize: state.pageSize,
            total: list.data?.total ?? 0,
            showSizeChanger: !phone,
            simple: phone,
            showTotal: phone ? undefined : (n) => t('list.total', { count: n }),
          }}
          locale={{ emptyText: <Empty image={<ShopOutlined style={{ fontSize: 40, color: '#bfbfbf' }} />} description={list.isError ? t('loadFailed') : filters.q || activeFilters ? t('list.noMatch') : t('list.empty')} /> }}
        />
      </Card>
      {phone && (
        <Drawer open={drawer} onClose={() => setDrawer(false)} title={t('filters.title')} placement="bottom" size="80%" footer={<Button type="primary" block onClick={() => setDrawer(false)} data-testid="account-filters-apply">{t('filters.done', { count: list.data?.total ?? 0 })}</Button>}>
          {filterFields}
        </Drawer>
      )}
    </div>
  );
}
