import { FilterOutlined, FundProjectionScreenOutlined, PlusOutlined, SearchOutlined } from '@ant-design/icons';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { Badge, Button, Card, Col, Drawer, Empty, Flex, Grid, Input, Pagination, Row, Select, Space, Spin, Table, Typography } from 'antd';
import type { TableColumnsType } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate } from 'react-router';
import type { Paged } from '../../../../shared/contracts/common';
import type { OpportunitySummary } from '../../../../shared/contracts/opportunities';
import { OPPORTUNITY_STATUSES, STAGES } from '../../../../shared/domain/pipeline';
import { api } from '../../../api/client';
import { useAuth } from '../../../app/auth';
import { ErrorAlert } from '../../../components/ErrorAlert';
import { MoneyText } from '../../../components/MoneyText';
import { PageHeader } from '../../../components/PageHeader';
import { UserSelect } from '../../../components/UserSelect';
import { useListState, useTextFilter, type ListFilters } from '../../../components/useListState';
import { AccountLink, AccountSelect } from '../../accounts';
import { opportunityKeys } from '../api';
import { DaysInStage, OpportunityStatusTag, StageTag } from '../components/tags';
import { OPPORTUNITY_LIST, OPPORTUNITY_LIST_OPTIONS } from '../helpers';

type Filters = ListFilters<typeof OPPORTUNITY_LIST>;

/** /opportunities — development projects in the caller's scope: table on a desk, cards on a phone. */
export function OpportunitiesPage() {
  const { t } = useTranslation('opportunities');
  const navigate = useNavigate();
  const { can } = useAuth();
  const phone = Grid.useBreakpoint().md === false;
  const state = useListState(OPPORTUNITY_LIST, OPPORTUNITY_LIST_OPTIONS);
  const { filters, query } = state;
  const setFilter = <K extends keyof Filters>(key: K, value: Filters[K] | null) => state.set({ [key]: value ?? undefined });
  const search = useTextFilter(state, 'q');
  const [drawer, setDrawer] = useState(false);
  const active = state.changed.filter((k) => k !== 'q').length;

  const list = useQuery({
    queryKey: opportunityKeys.list(query),
    queryFn: () => api.get<Paged<OpportunitySummary>>('/api/opportunities', query),
    placeholderData: keepPreviousData,
  });

  const filterFields = (
    <Row gutter={[8, 8]}>
      <Col xs={24} sm={12} md={6} lg={4}>
        <Select
          allowClear
          style={{ width: '100%' }}
          placeholder={t('filters.stage')}
          value={filters.stage}
          onChange={(v?: number) => setFilter('stage', v)}
          options={STAGES.map((s) => ({ value: s, label: t('stageLabel', { stage: s, name: t(`pipeline:stages.${s}`) }) }))}
          data-testid="opportunity-filter-stage"
        />
      </Col>
      <Col xs={24} sm={12} md={6} lg={3}>
        <Select
          allowClear
          style={{ width: '100%' }}
          placeholder={t('filters.status')}
          value={filters.status}
          onChange={(v?: Filters['status']) => setFilter('status', v)}
          options={OPPORTUNITY_STATUSES.map((s) => ({ value: s, label: t(`pipeline:statuses.${s}`) }))}
          data-testid="opportunity-filter-status"
        />
      </Col>
      <Col xs={24} sm={12} md={6} lg={4}>
        <UserSelect value={filters.ownerId} onChange={(id) => setFilter('ownerId', id)} placeholder={t('filters.owner')} data-testid="opportunity-filter-owner" />
      </Col>
      {/* picking an account reads the account list: only for those who may read accounts */}
      {can('account:read') && (
        <Col xs={24} sm={12} md={6} lg={5}>
          <AccountSelect value={filters.accountId} onChange={(id) => setFilter('accountId', id)} placeholder={t('filters.account')} data-testid="opportunity-filter-account" />
        </Col>
      )}
      <Col xs={24} sm={12} md={6} lg={3}>
        <Select
          allowClear
          style={{ width: '100%' }}
          placeholder={t('filters.stalled')}
          value={filters.stalled}
          onChange={(v?: Filters['stalled']) => setFilter('stalled', v)}
          options={[{ value: 'true', label: t('filters.stalledOnly') }]}
          data-testid="opportunity-filter-stalled"
        />
      </Col>
      {phone && (
        <Col xs={24}>
          <Select
            style={{ width: '100%' }}
            value={state.sort ?? ''}
            onChange={(v: string) => state.change({ sort: v || undefined, page: 1 })}
            options={[
              { value: '', label: t('sorts.default') },
              { value: '-expectedValue', label: t('sorts.value') },
              { value: 'expectedCloseOn', label: t('sorts.close') },
              { value: 'stageEnteredAt', label: t('sorts.age') },
              { value: '-stage', label: t('sorts.stage') },
            ]}
            data-testid="opportunity-sort"
          />
        </Col>
      )}
      {active > 0 && (
        <Col>
          <Button onClick={() => state.reset(['q'])} data-testid="opportunity-filter-reset">
            {t('filters.reset')}
          </Button>
        </Col>
      )}
    </Row>
  );

  const columns: TableColumnsType<OpportunitySummary> = [
    {
      title: t('columns.name'),
      dataIndex: 'name',
      key: 'name',
      sorter: true,
      fixed: 'left',
      width: 220,
      render: (name: string, o) => (
        <div style={{ minWidth: 0 }}>
          <Link to={`/opportunities/${o.id}`} data-testid={`opportunity-open-${o.id}`}>
            {name}
          </Link>
          <Typography.Text type="secondary" style={{ display: 'block', fontSize: 12 }} ellipsis>
            <AccountLink id={o.accountId} style={{ color: 'inherit' }}>
              {o.accountName}
            </AccountLink>
          </Typography.Text>
        </div>
      ),
    },
    {
      title: t('columns.stage'),
      key: 'stage',
      dataIndex: 'stage',
      sorter: true,
      width: 200,
      render: (_: unknown, o) => (
        <Space size={4} wrap>
          <StageTag stage={o.stage} />
          {o.status !== 'open' && <OpportunityStatusTag status={o.status} />}
        </Space>
      ),
    },
    { title: t('columns.value'), dataIndex: 'expectedValue', key: 'expectedValue', sorter: true, width: 130, align: 'right', render: (v: number) => <MoneyText fen={v} /> },
    { title: t('columns.weighted'), dataIndex: 'weightedValue', width: 130, align: 'right', render: (v: number) => <MoneyText fen={v} /> },
    { title: t('columns.close'), dataIndex: 'expectedCloseOn', key: 'expectedCloseOn', sorter: true, width: 110, render: (v: string | null) => v ?? '—' },
    { title: t('columns.days'), key: 'stageEnteredAt', sorter: true, width: 130, render: (_: unknown, o) => (o.status === 'open' ? <DaysInStage days={o.daysInStage} stalled={o.stalled} /> : '—') },
    { title: t('columns.owner'), dataIndex: 'ownerName', width: 90 },
    { title: t('columns.unit'), dataIndex: 'unitName', width: 170, ellipsis: true },
  ];
  const empty = <Empty image={<FundProjectionScreenOutlined style={{ fontSize: 40, color: '#bfbfbf' }} />} description={filters.q || active ? t('list.noMatch') : t('list.empty')} />;

  return (
    <div>
      <PageHeader
        title={t('list.title')}
        subtitle={t('list.subtitle')}
        extra={
          can('opportunity:write') && (
            <Button type="primary" icon={<PlusOutlined />} onClick={() => navigate(filters.accountId ? `/opportunities/new?accountId=${filters.accountId}` : '/opportunities/new')} data-testid="opportunity-new">
              {t('list.create')}
            </Button>
          )
        }
      />
      {list.isError && <ErrorAlert error={list.error} onRetry={() => void list.refetch()} />}
      <Card size="small">
        <Flex gap={8} style={{ marginBottom: 12 }}>
          <Input.Search
            allowClear
            placeholder={t('list.search')}
            {...search.search}
            enterButton={<SearchOutlined />}
            style={{ maxWidth: phone ? undefined : 420, flex: 1 }}
            data-testid="opportunity-search"
          />
          {phone && (
            <Badge count={active} size="small">
              <Button icon={<FilterOutlined />} onClick={() => setDrawer(true)} data-testid="opportunity-filters-open">
                {t('filters.title')}
              </Button>
            </Badge>
          )}
        </Flex>
        {!phone && <div style={{ marginBottom: 12 }}>{filterFields}</div>}
        {phone ? (
          <>
            <Spin spinning={list.isFetching}>
              <div data-testid="opportunity-cards">{list.data?.items.length ? list.data.items.map((o) => <OpportunityCard key={o.id} o={o} />) : !list.isFetching && empty}</div>
            </Spin>
            {(list.data?.total ?? 0) > state.pageSize && (
              <Flex justify="center" style={{ marginTop: 12 }}>
                <Pagination simple {...state.pagination} total={list.data?.total ?? 0} />
              </Flex>
            )}
          </>
        ) : (
          <Table<OpportunitySummary>
            rowKey="id"
            size="middle"
            loading={list.isFetching}
            columns={state.sorted(columns)}
            dataSource={list.data?.items}
            scroll={{ x: 1120 }}
            onChange={state.onTableChange}
            data-testid="opportunity-table"
            pagination={{ current: state.page, pageSize: state.pageSize, total: list.data?.total ?? 0, showSizeChanger: true, showTotal: (n) => t('list.total', { count: n }) }}
            locale={{ emptyText: empty }}
          />
        )}
      </Card>
      {phone && (
        <Drawer
          open={drawer}
          onClose={() => setDrawer(false)}
          title={t('filters.title')}
          placement="bottom"
          size="70%"
          footer={
            <Button type="primary" block onClick={() => setDrawer(false)}>
              {t('filters.done', { count: list.data?.total ?? 0 })}
            </Button>
          }
        >
          {filterFields}
        </Drawer>
      )}
    </div>
  );
}

/** A project as a phone shows it: name and account, stage, value and weighted value, days in stage. */
export function OpportunityCard({ o }: { o: OpportunitySummary }) {
  const { t } = useTranslation('opportunities');
  return (
    <Link to={`/opportunities/${o.id}`} style={{ display: 'block', color: 'inherit', width: '100%' }} data-testid={`opportunity-card-${o.id}`}>
      <Card size="small" hoverable style={{ marginBottom: 8 }}>
        <Flex justify="space-between" gap={8} align="flex-start">
          <div style={{ minWidth: 0 }}>
            <Typography.Text strong ellipsis style={{ display: 'block' }}>
              {o.name}
            </Typography.Text>
            <Typography.Text type="secondary" ellipsis style={{ display: 'block', fontSize: 12 }}>
              {o.accountName} · {o.ownerName}
            </Typography.Text>
          </div>
          {o.status === 'open' ? <StageTag stage={o.stage} short /> : <OpportunityStatusTag status={o.status} />}
        </Flex>
        <Flex justify="space-between" wrap gap={8} style={{ marginTop: 8, fontSize: 13 }}>
          <span>
            <Typography.Text type="secondary">{t('columns.value')} </Typography.Text>
            <MoneyText fen={o.expectedValue} />
          </span>
          <span>
            <Typography.Text type="secondary">{t('columns.weighted')} </Typography.Text>
            <MoneyText fen={o.weightedValue} />
          </span>
          {o.status === 'open' && <DaysInStage days={o.daysInStage} stalled={o.stalled} />}
        </Flex>
      </Card>
    </Link>
  );
}
