import { AuditOutlined } from '@ant-design/icons';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { Badge, Card, Col, Empty, Input, Row, Select, Table, Tabs, Typography } from 'antd';
import type { TableColumnsType } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { APPROVAL_STATUSES, type ApprovalItem } from '../../../../shared/contracts/approvals';
import type { Paged } from '../../../../shared/contracts/common';
import { api } from '../../../api/client';
import { DateTime } from '../../../components/DateTime';
import { ErrorAlert } from '../../../components/ErrorAlert';
import { PageHeader } from '../../../components/PageHeader';
import { oneOf, text, useListState, useTextFilter, word } from '../../../components/useListState';
import { ApprovalAmount } from '../components/ApprovalAmount';
import { ApprovalStatusTag } from '../components/ApprovalStatusTag';
import { useDocTypeLabel, useDocTypes } from '../components/docTypes';

type Status = (typeof APPROVAL_STATUSES)[number];
const BOXES = ['inbox', 'submitted', 'done'] as const;
const APPROVAL_LIST = { box: oneOf(BOXES, 'inbox'), q: text(), docType: word(), status: oneOf(APPROVAL_STATUSES) };

export function useApprovalCounts() {
  return useQuery({ queryKey: ['approvals', 'counts'], queryFn: () => api.get<{ inbox: number }>('/api/approvals/counts'), refetchInterval: 60_000 });
}

export function ApprovalsPage() {
  const { t } = useTranslation('approvals');
  const state = useListState(APPROVAL_LIST, { sorts: ['createdAt', 'updatedAt'] });
  const { box, docType, status } = state.filters;
  const search = useTextFilter(state, 'q');
  const docTypes = useDocTypes();
  const docTypeLabel = useDocTypeLabel();
  const counts = useApprovalCounts();

  const list = useQuery({
    queryKey: ['approvals', 'list', state.query],
    queryFn: () => api.get<Paged<ApprovalItem>>('/api/approvals', state.query),
    placeholderData: keepPreviousData,
  });

  const columns: TableColumnsType<ApprovalItem> = [
    {
      title: t('list.title'),
      dataIndex: 'title',
      key: 'title',
      fixed: 'left',
      width: 200,
      render: (title: string, a) => (
        <Link to={`/approvals/${a.id}`} data-testid={`approval-open-${a.id}`}>
          {title}
        </Link>
      ),
    },
    { title: t('list.docType'), dataIndex: 'docType', width: 120, render: (d: string) => docTypeLabel(d) },
    { title: t('list.amount'), dataIndex: 'amount', key: 'amount', width: 130, align: 'right', render: (_, a) => <ApprovalAmount a={a} /> },
    { title: t('list.submitter'), dataIndex: 'submitterName', width: 100 },
    { title: t('list.unit'), dataIndex: 'unitName', width: 130 },
    { title: t('list.status'), dataIndex: 'status', width: 100, render: (s: Status) => <ApprovalStatusTag status={s} /> },
    {
      title: t('list.currentStep'),
      key: 'current',
      width: 180,
      render: (_, a) =>
        a.status === 'pending' && a.currentStepName ? (
          <span>
            {a.currentStepName}
            {a.currentApproverNames.length > 0 && <Typography.Text type="secondary"> · {a.currentApproverNames.join(t('list.nameSeparator'))}</Typography.Text>}
          </span>
        ) : (
          '—'
        ),
    },
    { title: t('list.createdAt'), dataIndex: 'createdAt', key: 'createdAt', width: 150, sorter: true, render: (v: string) => <DateTime value={v} /> },
    { title: t('list.updatedAt'), dataIndex: 'updatedAt', key: 'updatedAt', width: 150, sorter: true, render: (v: string) => <DateTime value={v} /> },
  ];

  const emptyText = list.isError ? t('list.loadFailed') : t(`list.empty.${box}`);

  return (
    <div>
      <PageHeader title={t('list.pageTitle')} subtitle={t('list.pageSubtitle')} />
      <Card size="small">
        <Tabs
          activeKey={box}
          onChange={(k) => state.set({ box: k as (typeof BOXES)[number] })}
          items={BOXES.map((b) => ({
            key: b,
            label: (
              <span data-testid={`approvals-tab-${b}`}>
                {t(`boxes.${b}`)}
                {b === 'inbox' && (counts.data?.inbox ?? 0) > 0 && <Badge count={counts.data?.inbox} size="small" style={{ marginInlineStart: 6 }} data-testid="approvals-inbox-count" />}
              </span>
            ),
          }))}
        />
        <Row gutter={[8, 8]} style={{ marginBottom: 12 }}>
          <Col xs={24} md={10} lg={8}>
            <Input.Search allowClear {...search.search} placeholder={t('list.searchPlaceholder')} data-testid="approvals-search" />
          </Col>
          <Col xs={12} md={7} lg={5}>
            <Select
              allowClear
              style={{ width: '100%' }}
              placeholder={t('list.filterDocType')}
              value={docType}
              onChange={(d?: string) => state.set({ docType: d })}
              options={(docTypes.data ?? []).map((d) => ({ value: d.type, label: docTypeLabel(d.type) }))}
              data-testid="approvals-filter-doc-type"
            />
          </Col>
          {box !== 'inbox' && (
            <Col xs={12} md={7} lg={5}>
              <Select
                allowClear
                style={{ width: '100%' }}
                placeholder={t('list.filterStatus')}
                value={status}
                onChange={(s?: Status) => state.set({ status: s })}
                options={APPROVAL_STATUSES.map((s) => ({ value: s, label: t(`common:status.${s}`) }))}
                data-testid="approvals-filter-status"
              />
            </Col>
          )}
        </Row>
        {list.isError && <ErrorAlert error={list.error} onRetry={() => void list.refetch()} />}
        <Table<ApprovalItem>
          rowKey="id"
          size="middle"
          loading={list.isFetching}
          columns={state.sorted(columns)}
          dataSource={list.data?.items}
          scroll={{ x: 1160 }}
          onChange={state.onTableChange}
          pagination={{ current: state.page, pageSize: state.pageSize, total: list.data?.total ?? 0, showSizeChanger: true, showTotal: (n) => t('common:state.total', { count: n }) }}
          locale={{ emptyText: <Empty image={<AuditOutlined style={{ fontSize: 40, color: '#bfbfbf' }} />} description={emptyText} /> }}
        />
      </Card>
    </div>
  );
}
