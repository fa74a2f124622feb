import { AuditOutlined, SearchOutlined } from '@ant-design/icons';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { AutoComplete, Button, Card, Col, DatePicker, Empty, Form, Input, Row, Table, Tag, Typography } from 'antd';
import type { TableColumnsType } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import type { AuditEntry } from '../../../../shared/contracts/audit';
import type { Paged } from '../../../../shared/contracts/common';
import { api } from '../../../api/client';
import { AuditDiff } from '../components/AuditDiff';
import { DateTime } from '../../../components/DateTime';
import { PageHeader } from '../../../components/PageHeader';
import { UserSelect } from '../../../components/UserSelect';
import { date, id, text, useListState } from '../../../components/useListState';

/** The filters in the URL; the period as business dates, sent as the start and end of those days. */
const AUDIT_LIST = { q: text(), entity: text(100), entityId: text(100), actorId: id(), action: text(100), from: date(), to: date() };

interface FilterForm {
  q?: string;
  entity?: string;
  entityId?: string;
  actorId?: number | null;
  action?: string;
  range?: [Dayjs | null, Dayjs | null] | null;
}

/** Record types the server audits (entity names of the audit log). */
const ENTITIES = ['user', 'org_unit', 'role', 'approval_chain', 'approval_instance', 'delegation', 'general_request', 'file', 'task', 'api_token'];

const trimmed = (s?: string) => s?.trim() || undefined;

export function AuditPage() {
  const { t } = useTranslation('admin');
  const state = useListState(AUDIT_LIST, { sort: '-at', sorts: ['at'] });
  const { filters } = state;
  const [form] = Form.useForm<FilterForm>();
  const query = {
    ...state.query,
    from: filters.from ? dayjs(filters.from).startOf('day').toISOString() : undefined,
    to: filters.to ? dayjs(filters.to).endOf('day').toISOString() : undefined,
  };

  const list = useQuery({
    queryKey: ['audit', query],
    queryFn: () => api.get<Paged<AuditEntry>>('/api/audit', query),
    placeholderData: keepPreviousData,
  });

  // The form shows the URL's filters: on opening, and after Back, a reset or a search.
  useEffect(() => {
    const { q, entity, entityId, actorId, action, from, to } = filters;
    form.setFieldsValue({ q, entity, entityId, actorId, action, range: from || to ? [from ? dayjs(from) : null, to ? dayjs(to) : null] : null });
  }, [filters, form]);

  const apply = (v: FilterForm) =>
    state.set(
      {
        q: trimmed(v.q),
        entity: trimmed(v.entity),
        entityId: trimmed(v.entityId),
        actorId: v.actorId ?? undefined,
        action: trimmed(v.action),
        from: v.range?.[0]?.format('YYYY-MM-DD'),
        to: v.range?.[1]?.format('YYYY-MM-DD'),
      },
      { replace: false },
    );

  const columns: TableColumnsType<AuditEntry> = [
    { title: t('audit.at'), dataIndex: 'at', key: 'at', width: 150, sorter: true, sortDirections: ['descend', 'ascend', 'descend'], render: (v: string | null) => <DateTime value={v} /> },
    { title: t('audit.actor'), dataIndex: 'actorName', width: 120, render: (n: string | null) => n ?? <Typography.Text type="secondary">{t('audit.system')}</Typography.Text> },
    { title: t('audit.entity'), dataIndex: 'entity', width: 150, render: (e: string) => t(`audit.entities.${e}`, { defaultValue: e }) },
    { title: t('audit.entityId'), dataIndex: 'entityId', width: 90 },
    { title: t('audit.action'), dataIndex: 'action', width: 140, render: (a: string) => <Tag>{t(`audit.actions.${a}`, { defaultValue: a })}</Tag> },
    {
      title: t('audit.changes'),
      dataIndex: 'diff',
      ellipsis: true,
      render: (d: AuditEntry['diff']) => {
        const fields = Object.keys(d).filter((k) => k !== '_');
        if (!fields.length) return '—';
        const text = fields.length > 3 ? t('audit.fieldsCount', { count: fields.length, fields: fields.join(', ') }) : fields.join(', ');
        return (
          <Typography.Text type="secondary" ellipsis={{ tooltip: text }}>
            {text}
          </Typography.Text>
        );
      },
    },
    { title: t('audit.ip'), dataIndex: 'ip', width: 130, render: (ip: string | null) => ip ?? '—' },
  ];

  return (
    <div>
      <PageHeader title={t('audit.title')} subtitle={t('audit.subtitle')} />
      <Card size="small" style={{ marginBottom: 12 }}>
        <Form<FilterForm> form={form} layout="vertical" onFinish={apply}>
          <Row gutter={[12, 0]}>
            <Col xs={24} sm={12} lg={6}>
              <Form.Item name="q" label={t('audit.q')}>
                <Input allowClear data-testid="audit-q" placeholder={t('audit.qPlaceholder')} />
              </Form.Item>
            </Col>
            <Col xs={12} sm={6} lg={4}>
              <Form.Item name="entity" label={t('audit.entity')}>
                <AutoComplete
                  allowClear
                  data-testid="audit-entity"
                  placeholder={t('audit.entityPlaceholder')}
                  options={ENTITIES.map((e) => ({ value: e, label: `${t(`audit.entities.${e}`)} (${e})` }))}
                  showSearch={{ filterOption: (input, option) => String(option?.value ?? '').includes(input.toLowerCase()) || String(option?.label ?? '').includes(input) }}
                />
              </Form.Item>
            </Col>
            <Col xs={12} sm={6} lg={3}>
              <Form.Item name="entityId" label={t('audit.entityId')}>
                <Input allowClear data-testid="audit-entity-id" />
              </Form.Item>
            </Col>
            <Col xs={24} sm={12} lg={5}>
              <Form.Item name="actorId" label={t('audit.actor')}>
                <UserSelect data-testid="audit-actor" />
              </Form.Item>
            </Col>
            <Col xs={24} sm={12} lg={6}>
              <Form.Item name="action" label={t('audit.action')}>
                <Input allowClear data-testid="audit-action" placeholder={t('audit.actionPlaceholder')} />
              </Form.Item>
            </Col>
            <Col xs={24} sm={12} lg={8}>
              <Form.Item name="range" label={t('audit.range')}>
                <DatePicker.RangePicker style={{ width: '100%' }} allowEmpty={[true, true]} data-testid="audit-range" />
              </Form.Item>
            </Col>
            <Col xs={24} sm={12} lg={6} style={{ display: 'flex', alignItems: 'end', gap: 8, paddingBottom: 24 }}>
              <Button type="primary" htmlType="submit" icon={<SearchOutlined />} data-testid="audit-search">
                {t('shared.search')}
              </Button>
              <Button
                onClick={() => {
                  form.resetFields();
                  state.reset();
                }}
              >
                {t('shared.reset')}
              </Button>
            </Col>
          </Row>
        </Form>
      </Card>
      <Card size="small">
        <Table<AuditEntry>
          rowKey="id"
          size="middle"
          loading={list.isFetching}
          columns={state.sorted(columns)}
          dataSource={list.data?.items}
          scroll={{ x: 1000 }}
          expandable={{ expandedRowRender: (e) => <AuditDiff entry={e} />, rowExpandable: (e) => Object.keys(e.diff).length > 0 }}
          onChange={state.onTableChange}
          pagination={{ current: state.page, pageSize: state.pageSize, total: list.data?.total ?? 0, showSizeChanger: true, showTotal: (n) => t('shared.total', { count: n }) }}
          locale={{ emptyText: <Empty image={<AuditOutlined style={{ fontSize: 40, color: '#bfbfbf' }} />} description={list.isError ? t('shared.loadFailed') : t('audit.empty')} /> }}
        />
      </Card>
    </div>
  );
}
