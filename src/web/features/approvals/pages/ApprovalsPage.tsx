import { AuditOutlined } from '@ant-design/icons';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { Badge, Card, Col, Empty, Flex, Grid, Input, Row, Select, Table, Tabs, Tooltip, Typography } from 'antd';
import type { TableColumnsType } from 'antd';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { APPROVAL_STATUSES, type ApprovalItem } from '../../../../shared/contracts/approvals';
import type { Paged } from '../../../../shared/contracts/common';
import { api } from '../../../api/client';
import { DateTime } from '../../../components/DateTime';
import { ErrorAlert } from '../../../components/ErrorAlert';
import { ItemList } from '../../../components/ItemList';
import { PageHeader } from '../../../components/PageHeader';
import { oneOf, text, useListState, useTextFilter, word } from '../../../components/useListState';
import { useApprovalCounts } from '../components/approvalCounts';
import { ApprovalAmount } from '../components/ApprovalAmount';
import { ApprovalStatusTag } from '../components/ApprovalStatusTag';
import { useDocTypeLabel, useDocTypes } from '../components/docTypes';

type Status = (typeof APPROVAL_STATUSES)[number];
const BOXES = ['inbox', 'submitted', 'done'] as const;
const APPROVAL_LIST = { box: oneOf(BOXES, 'inbox'), q: text(), docType: word(), status: oneOf(APPROVAL_STATUSES) };

/** A cell's text on one line, cut with … and shown whole in a tooltip. */
const Clipped = ({ text, children }: { text: string; children?: ReactNode }) => (
  <Tooltip title={text} placement="topLeft">
    <div style={{ overflow: 'hidden', textOverflow: 'ellipsis', whiteSpace: 'nowrap' }}>{children ?? text}</div>
  </Tooltip>
);

export function ApprovalsPage() {
  const { t } = useTranslation('approvals');
  const state = useListState(APPROVAL_LIST, { sorts: ['createdAt', 'updatedAt'] });
  const { box, docType, status } = state.filters;
  const search = useTextFilter(state, 'q');
  const docTypes = useDocTypes();
  const docTypeLabel = useDocTypeLabel();
  const counts = useApprovalCounts();
  const phone = Grid.useBreakpoint().md === false;

  const list = useQuery({
    queryKey: ['approvals', 'list', state.query],
    queryFn: () => api.get<Paged<ApprovalItem>>('/api/approvals', state.query),
    placeholderData: keepPreviousData,
  });

  // The table fits the content width beside the menu at 1440 px: fixed widths add up to about 930 px and the
  // title takes the rest; long texts end in … with the whole in a tooltip. A phone gets a list instead.
  const columns: TableColumnsType<ApprovalItem> = [
    {
      title: t('list.title'),
      dataIndex: 'title',
      key: 'title',
      render: (title: string, a) => (
        <Clipped text={title}>
          <Link to={`/approvals/${a.id}`} data-testid={`approval-open-${a.id}`}>
            {title}
          </Link>
        </Clipped>
      ),
    },
    { title: t('list.docType'), dataIndex: 'docType', width: 110, render: (d: string) => <Clipped text={docTypeLabel(d)} /> },
    { title: t('list.amount'), dataIndex: 'amount', key: 'amount', width: 150, align: 'right', render: (_, a) => <ApprovalAmount a={a} /> },
    {
      title: t('list.submitter'),
      key: 'submitter',
      width: 150,
      render: (_, a) => (
        <Clipped text={`${a.submitterName} · ${a.unitName}`}>
          {a.submitterName}
          <Typography.Text type="secondary"> · {a.unitName}</Typography.Text>
        </Clipped>
      ),
    },
    // everything in the inbox waits for me: the status says something only in the other boxes
    ...(box === 'inbox' ? [] : [{ title: t('list.status'), dataIndex: 'status', width: 90, render: (st: Status) => <ApprovalStatusTag status={st} /> }]),
    {
      title: t('list.currentStep'),
      key: 'current',
      width: 170,
      render: (_, a) => {
        if (a.status !== 'pending' || !a.currentStepName) return '—';
        const who = a.currentApproverNames.join(t('list.nameSeparator'));
        return (
          <Clipped text={who ? `${a.currentStepName} · ${who}` : a.currentStepName}>
            {a.currentStepName}
            {who && <Typography.Text type="secondary"> · {who}</Typography.Text>}
          </Clipped>
        );
      },
    },
    { title: t('list.createdAt'), dataIndex: 'createdAt', key: 'createdAt', width: 140, sorter: true, render: (v: string) => <DateTime value={v} /> },
    { title: t('list.updatedAt'), dataIndex: 'updatedAt', key: 'updatedAt', width: 140, sorter: true, render: (v: string) => <DateTime value={v} /> },
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
        {phone ? (
          <ItemList
            items={list.data?.items ?? []}
            loading={list.isFetching}
            rowKey={(a) => a.id}
            empty={emptyText}
            pagination={{ ...state.pagination, total: list.data?.total ?? 0, showTotal: (n) => t('common:state.total', { count: n }) }}
            rowProps={(a) => ({ 'data-testid': `approval-item-${a.id}` })}
            renderItem={(a) => (
              <Flex vertical gap={4}>
                <Flex justify="space-between" gap={8} align="start">
                  <Link to={`/approvals/${a.id}`} data-testid={`approval-open-${a.id}`} style={{ minWidth: 0 }}>
                    {a.title}
                  </Link>
                  {box !== 'inbox' && <ApprovalStatusTag status={a.status} />}
                </Flex>
                <Flex justify="space-between" gap={8} align="start">
                  <Typography.Text type="secondary" style={{ fontSize: 13 }}>
                    {docTypeLabel(a.docType)} · {a.submitterName} · {a.unitName}
                    {a.status === 'pending' && a.currentStepName && ` · ${a.currentStepName}`}
                  </Typography.Text>
                  <div style={{ textAlign: 'right', flexShrink: 0 }}>
                    <ApprovalAmount a={a} />
                  </div>
                </Flex>
                <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                  <DateTime value={a.createdAt} />
                </Typography.Text>
              </Flex>
            )}
          />
        ) : (
          <Table<ApprovalItem>
            rowKey="id"
            size="middle"
            loading={list.isFetching}
            columns={state.sorted(columns)}
            dataSource={list.data?.items}
            tableLayout="fixed"
            onChange={state.onTableChange}
            pagination={{ current: state.page, pageSize: state.pageSize, total: list.data?.total ?? 0, showSizeChanger: true, showTotal: (n) => t('common:state.total', { count: n }) }}
            locale={{ emptyText: <Empty image={<AuditOutlined style={{ fontSize: 40, color: '#bfbfbf' }} />} description={emptyText} /> }}
          />
        )}
      </Card>
    </div>
  );
}
