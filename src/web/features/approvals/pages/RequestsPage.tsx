import { FileAddOutlined, PlusOutlined } from '@ant-design/icons';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { Button, Card, Col, Empty, Input, Row, Segmented, Select, Table } from 'antd';
import type { TableColumnsType } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate } from 'react-router';
import type { Paged } from '../../../../shared/contracts/common';
import { REQUEST_CATEGORIES, REQUEST_STATUSES, type GeneralRequest } from '../../../../shared/contracts/requests';
import { api } from '../../../api/client';
import { useAuth } from '../../../app/auth';
import { DateTime } from '../../../components/DateTime';
import { ErrorAlert } from '../../../components/ErrorAlert';
import { MoneyText } from '../../../components/MoneyText';
import { PageHeader } from '../../../components/PageHeader';
import { oneOf, text, useListState, useTextFilter } from '../../../components/useListState';
import { ApprovalStatusTag } from '../components/ApprovalStatusTag';

type Category = (typeof REQUEST_CATEGORIES)[number];
type Status = (typeof REQUEST_STATUSES)[number];

const REQUEST_LIST = { mine: oneOf(['true', 'false'], 'true'), q: text(), status: oneOf(REQUEST_STATUSES), category: oneOf(REQUEST_CATEGORIES) };

export function RequestsPage() {
  const { t } = useTranslation('approvals');
  const navigate = useNavigate();
  const { can } = useAuth();
  const state = useListState(REQUEST_LIST, { sort: '-createdAt', sorts: ['title', 'amount', 'createdAt'] });
  const { filters } = state;
  const search = useTextFilter(state, 'q');

  const list = useQuery({
    queryKey: ['general-requests', 'list', state.query],
    queryFn: () => api.get<Paged<GeneralRequest>>('/api/general-requests', state.query),
    placeholderData: keepPreviousData,
  });

  const columns: TableColumnsType<GeneralRequest> = [
    {
      title: t('requests.title'),
      dataIndex: 'title',
      key: 'title',
      fixed: 'left',
      width: 200,
      sorter: true,
      render: (title: string, r) => (
        <Link to={`/requests/${r.id}`} data-testid={`request-open-${r.id}`}>
          {title}
        </Link>
      ),
    },
    { title: t('requests.category'), dataIndex: 'category', width: 120, render: (c: Category) => t(`categories.${c}`) },
    { title: t('requests.amount'), dataIndex: 'amount', key: 'amount', width: 130, align: 'right', sorter: true, render: (v: number) => <MoneyText fen={v} /> },
    { title: t('requests.status'), dataIndex: 'status', width: 100, render: (s: Status) => <ApprovalStatusTag status={s} /> },
    { title: t('requests.owner'), dataIndex: 'ownerName', width: 100 },
    { title: t('requests.unit'), dataIndex: 'unitName', width: 130 },
    { title: t('requests.submittedAt'), dataIndex: 'submittedAt', width: 150, render: (v: string | null) => <DateTime value={v} /> },
    // the default order: its arrow goes between newest and oldest first, never off
    { title: t('requests.createdAt'), dataIndex: 'createdAt', key: 'createdAt', width: 150, sorter: true, sortDirections: ['descend', 'ascend', 'descend'], render: (v: string) => <DateTime value={v} /> },
  ];

  return (
    <div>
      <PageHeader
        title={t('requests.listTitle')}
        subtitle={t('requests.listSubtitle')}
        extra={
          can('request:create') && (
            <Button type="primary" icon={<PlusOutlined />} onClick={() => navigate('/requests/new')} data-testid="request-new">
              {t('requests.new')}
            </Button>
          )
        }
      />
      <Card size="small">
        <Row gutter={[8, 8]} style={{ marginBottom: 12 }}>
          <Col xs={24} md={6} lg={5}>
            <Segmented
              block
              value={filters.mine}
              onChange={(v) => state.set({ mine: v as 'true' | 'false' })}
              options={[
                { value: 'true', label: t('requests.mine') },
                { value: 'false', label: t('requests.visible') },
              ]}
              data-testid="requests-mine"
            />
          </Col>
          <Col xs={24} md={8} lg={7}>
            <Input.Search allowClear {...search.search} placeholder={t('requests.searchPlaceholder')} data-testid="requests-search" />
          </Col>
          <Col xs={12} md={5} lg={4}>
            <Select
              allowClear
              style={{ width: '100%' }}
              placeholder={t('requests.filterStatus')}
              value={filters.status}
              onChange={(s?: Status) => state.set({ status: s })}
              options={REQUEST_STATUSES.map((s) => ({ value: s, label: t(`common:status.${s}`) }))}
              data-testid="requests-filter-status"
            />
          </Col>
          <Col xs={12} md={5} lg={4}>
            <Select
              allowClear
              style={{ width: '100%' }}
              placeholder={t('requests.filterCategory')}
              value={filters.category}
              onChange={(c?: Category) => state.set({ category: c })}
              options={REQUEST_CATEGORIES.map((c) => ({ value: c, label: t(`categories.${c}`) }))}
              data-testid="requests-filter-category"
            />
          </Col>
        </Row>
        {list.isError && <ErrorAlert error={list.error} onRetry={() => void list.refetch()} />}
        <Table<GeneralRequest>
          rowKey="id"
          size="middle"
          loading={list.isFetching}
          columns={state.sorted(columns)}
          dataSource={list.data?.items}
          scroll={{ x: 1080 }}
          onChange={state.onTableChange}
          pagination={{ current: state.page, pageSize: state.pageSize, total: list.data?.total ?? 0, showSizeChanger: true, showTotal: (n) => t('common:state.total', { count: n }) }}
          locale={{
            emptyText: (
              <Empty image={<FileAddOutlined style={{ fontSize: 40, color: '#bfbfbf' }} />} description={t('requests.empty')}>
                {can('request:create') && (
                  <Button type="primary" onClick={() => navigate('/requests/new')}>
                    {t('requests.new')}
                  </Button>
                )}
              </Empty>
            ),
          }}
        />
      </Card>
    </div>
  );
}
