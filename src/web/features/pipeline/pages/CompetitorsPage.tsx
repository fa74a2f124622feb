import { EditOutlined, PlusOutlined, StopOutlined, UndoOutlined } from '@ant-design/icons';
import { Button, Col, Form, Input, Row, Segmented, Select, Space, Table, Tag, Typography } from 'antd';
import type { TableColumnsType } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { PRICE_POSITIONS, type Competitor, type CompetitorCreate } from '../../../../shared/contracts/opportunities';
import { useAuth } from '../../../app/auth';
import { ErrorAlert } from '../../../components/ErrorAlert';
import { FormDrawer } from '../../../components/FormDrawer';
import { withNulls } from '../../../components/formValues';
import { PageHeader } from '../../../components/PageHeader';
import { useApiError, useFeedback } from '../../../components/feedback';
import { oneOf, text, useListState, useTextFilter } from '../../../components/useListState';
import { useCompetitors, useSaveCompetitor, type CompetitorFilter } from '../api';

const OPTIONAL = ['website', 'products', 'strengths', 'weaknesses', 'pricePosition', 'note'] as const;
const PRICE_COLORS = { lower: 'red', similar: 'default', higher: 'green' } as const;

/**
 * /competitors — 竞争对手库 (PIPE-5): who we meet in development projects, what they sell and how
 * they price; per competitor the open projects they are in and the deals won against or lost to them.
 */
export function CompetitorsPage() {
  const { t } = useTranslation(['board', 'pipeline', 'common']);
  const { can } = useAuth();
  const manage = can('competitor:manage');
  const state = useListState({ q: text(), active: oneOf(['true', 'false', 'all'], 'true') });
  const search = useTextFilter(state, 'q');
  const list = useCompetitors(state.query);
  const save = useSaveCompetitor();
  const showError = useApiError();
  const { message, modal } = useFeedback();
  const [editing, setEditing] = useState<Competitor | 'new' | null>(null);
  const [form] = Form.useForm<CompetitorCreate>();

  const open = (c: Competitor | 'new') => {
    setEditing(c);
    form.resetFields();
    if (c !== 'new') form.setFieldsValue({ ...c, website: c.website ?? undefined, products: c.products ?? undefined, strengths: c.strengths ?? undefined, weaknesses: c.weaknesses ?? undefined, note: c.note ?? undefined });
  };
  const submit = (values: CompetitorCreate) => {
    const body = withNulls(values, OPTIONAL);
    save.mutate(editing && editing !== 'new' ? { id: editing.id, body: { ...body, version: editing.version } } : { body }, {
      onSuccess: () => {
        setEditing(null);
        void message.success(t('board:competitors.saved'));
      },
      onError: (err) => showError(err, form, () => void list.refetch()),
    });
  };
  const setActive = (c: Competitor, active: boolean) => {
    const run = () =>
      save.mutate(
        { id: c.id, body: { active, version: c.version } },
        { onSuccess: () => void message.success(t(active ? 'board:competitors.reactivated' : 'board:competitors.deactivated')), onError: (err) => showError(err, undefined, () => void list.refetch()) },
      );
    if (active) run();
    else
      modal.confirm({
        title: t('board:competitors.deactivateTitle', { name: c.name }),
        content: t('board:competitors.deactivateHint'),
        okText: t('board:competitors.deactivate'),
        okButtonProps: { danger: true, 'data-testid': 'competitor-deactivate-confirm' } as never,
        onOk: run,
      });
  };

  const columns: TableColumnsType<Competitor> = [
    {
      key: 'name',
      title: t('board:competitors.name'),
      render: (_, c) => (
        <Space orientation="vertical" size={0}>
          <Typography.Text strong>{c.name}</Typography.Text>
          {c.website && (
            <Typography.Text type="secondary" style={{ fontSize: 12 }}>
              {c.website}
            </Typography.Text>
          )}
        </Space>
      ),
    },
    { key: 'products', title: t('board:competitors.products'), dataIndex: 'products', ellipsis: true, responsive: ['md'] },
    { key: 'strengths', title: t('board:competitors.strengths'), dataIndex: 'strengths', ellipsis: true, responsive: ['lg'] },
    {
      key: 'price',
      title: t('board:competitors.pricePosition'),
      render: (_, c) => (c.pricePosition ? <Tag color={PRICE_COLORS[c.pricePosition]}>{t(`pipeline:pricePosition.${c.pricePosition}`)}</Tag> : '—'),
      responsive: ['sm'],
    },
    {
      key: 'open',
      title: t('board:competitors.openProjects'),
      align: 'right',
      render: (_, c) => (c.openProjects ? <Link to={`/opportunities?competitorId=${c.id}&status=open`}>{c.openProjects}</Link> : 0),
    },
    { key: 'won', title: t('board:competitors.wonAgainst'), dataIndex: 'wonAgainst', align: 'right', render: (n: number) => <Typography.Text type={n ? 'success' : undefined}>{n}</Typography.Text> },
    { key: 'lost', title: t('board:competitors.lostTo'), dataIndex: 'lostTo', align: 'right', render: (n: number) => <Typography.Text type={n ? 'danger' : undefined}>{n}</Typography.Text> },
    { key: 'active', title: t('board:competitors.status'), render: (_, c) => (c.active ? <Tag color="success">{t('board:competitors.active')}</Tag> : <Tag>{t('board:competitors.inactive')}</Tag>), responsive: ['sm'] },
  ];
  if (manage)
    columns.push({
      key: 'actions',
      title: '',
      width: 96,
      render: (_, c) => (
        <Space size={0}>
          <Button type="text" icon={<EditOutlined />} aria-label={t('common:actions.edit')} onClick={() => open(c)} data-testid={`competitor-edit-${c.id}`} />
          {c.active ? (
            <Button type="text" danger icon={<StopOutlined />} aria-label={t('board:competitors.deactivate')} onClick={() => setActive(c, false)} data-testid={`competitor-deactivate-${c.id}`} />
          ) : (
            <Button type="text" icon={<UndoOutlined />} aria-label={t('board:competitors.reactivate')} onClick={() => setActive(c, true)} data-testid={`competitor-reactivate-${c.id}`} />
          )}
        </Space>
      ),
    });

  return (
    <div>
      <PageHeader
        title={t('board:competitors.title')}
        subtitle={t('board:competitors.subtitle')}
        extra={
          manage && (
            <Button type="primary" icon={<PlusOutlined />} onClick={() => open('new')} data-testid="competitor-new">
              {t('board:competitors.new')}
            </Button>
          )
        }
      />
      <Row gutter={[8, 8]} style={{ marginBottom: 12 }}>
        <Col xs={24} sm={12} md={8}>
          <Input.Search allowClear placeholder={t('board:competitors.search')} {...search.search} data-testid="competitor-search" />
        </Col>
        <Col xs={24} sm={12} md={8}>
          <Segmented<CompetitorFilter['active']>
            value={state.filters.active}
            onChange={(active) => state.set({ active })}
            options={(['true', 'false', 'all'] as const).map((v) => ({ value: v, label: t(`board:competitors.filter.${v}`) }))}
            data-testid="competitor-active"
          />
        </Col>
      </Row>
      {list.isError && <ErrorAlert error={list.error} onRetry={() => void list.refetch()} />}
      <Table<Competitor>
        rowKey="id"
        size="middle"
        loading={list.isFetching}
        columns={columns}
        dataSource={list.data?.items}
        scroll={{ x: 'max-content' }}
        expandable={{
          expandedRowRender: (c) => <CompetitorDetail c={c} />,
          rowExpandable: (c) => Boolean(c.strengths || c.weaknesses || c.products || c.note),
        }}
        pagination={{ ...state.pagination, total: list.data?.total, showSizeChanger: false }}
        data-testid="competitor-table"
      />
      <FormDrawer
        open={editing !== null}
        title={editing === 'new' ? t('board:competitors.new') : t('board:competitors.edit')}
        formId="competitor-form"
        saving={save.isPending}
        saveText={t('common:actions.save')}
        cancelText={t('common:actions.cancel')}
        onClose={() => setEditing(null)}
        testId="competitor-drawer"
      >
        <Form<CompetitorCreate> id="competitor-form" form={form} layout="vertical" onFinish={submit}>
          <Form.Item name="name" label={t('board:competitors.name')} rules={[{ required: true, whitespace: true, max: 200 }]}>
            <Input maxLength={200} data-testid="competitor-name" />
          </Form.Item>
          <Form.Item name="website" label={t('board:competitors.website')}>
            <Input maxLength={300} />
          </Form.Item>
          <Form.Item name="pricePosition" label={t('board:competitors.pricePosition')}>
            <Select allowClear options={PRICE_POSITIONS.map((p) => ({ value: p, label: t(`pipeline:pricePosition.${p}`) }))} data-testid="competitor-price" />
          </Form.Item>
          <Form.Item name="products" label={t('board:competitors.products')}>
            <Input.TextArea autoSize={{ minRows: 2 }} maxLength={2000} />
          </Form.Item>
          <Form.Item name="strengths" label={t('board:competitors.strengths')}>
            <Input.TextArea autoSize={{ minRows: 2 }} maxLength={2000} />
          </Form.Item>
          <Form.Item name="weaknesses" label={t('board:competitors.weaknesses')}>
            <Input.TextArea autoSize={{ minRows: 2 }} maxLength={2000} />
          </Form.Item>
          <Form.Item name="note" label={t('board:competitors.note')}>
            <Input.TextArea autoSize={{ minRows: 2 }} maxLength={4000} />
          </Form.Item>
        </Form>
      </FormDrawer>
    </div>
  );
}

function CompetitorDetail({ c }: { c: Competitor }) {
  const { t } = useTranslation('board');
  const rows = (['products', 'strengths', 'weaknesses', 'note'] as const).filter((k) => c[k]);
  return (
    <Space orientation="vertical" size={4}>
      {rows.map((k) => (
        <div key={k}>
          <Typography.Text type="secondary">{t(`competitors.${k}`)}：</Typography.Text>
          <Typography.Text style={{ whiteSpace: 'pre-wrap' }}>{c[k]}</Typography.Text>
        </div>
      ))}
    </Space>
  );
}
