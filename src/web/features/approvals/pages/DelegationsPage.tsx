import { PlusOutlined, UserSwitchOutlined } from '@ant-design/icons';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { Alert, Button, Card, DatePicker, Empty, Form, Input, Modal, Popconfirm, Table, Tag } from 'antd';
import type { TableColumnsType } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { z } from 'zod';
import type { delegation } from '../../../../shared/contracts/approvals';
import { api } from '../../../api/client';
import { useAuth } from '../../../app/auth';
import { DateTime } from '../../../components/DateTime';
import { ErrorAlert } from '../../../components/ErrorAlert';
import { PageHeader } from '../../../components/PageHeader';
import { useApiError, useFeedback } from '../../../components/feedback';
import { useFormSession } from '../../../components/layout';
import { UserSelect } from '../../../components/UserSelect';
import { useListState } from '../../../components/useListState';

type Delegation = z.infer<typeof delegation>;
type State = 'active' | 'scheduled' | 'expired' | 'revoked';

interface CreateForm {
  userId?: number | null;
  delegateId: number;
  range: [Dayjs, Dayjs];
  reason?: string;
}

const STATE_COLOR: Record<State, string> = { active: 'green', scheduled: 'blue', expired: 'default', revoked: 'default' };

function stateOf(d: Delegation): State {
  if (d.revokedAt || !d.active) return d.revokedAt ? 'revoked' : 'expired';
  const today = dayjs().format('YYYY-MM-DD');
  if (d.endsOn < today) return 'expired';
  if (d.startsOn > today) return 'scheduled';
  return 'active';
}

export function DelegationsPage() {
  const { t } = useTranslation('approvals');
  const { me, can } = useAuth();
  const qc = useQueryClient();
  const { message } = useFeedback();
  const showError = useApiError();
  const [creating, setCreating] = useState(false);
  // no filters: only the page, so Back returns to it
  const state = useListState({});
  const [form] = Form.useForm<CreateForm>();
  const manager = can('delegation:manage');
  useFormSession(form, creating || null, () => undefined);

  const list = useQuery({ queryKey: ['delegations'], queryFn: () => api.get<{ items: Delegation[] }>('/api/delegations').then((r) => r.items) });

  const create = useMutation({
    mutationFn: (v: CreateForm) =>
      api.post<Delegation>('/api/delegations', {
        ...(manager && v.userId ? { userId: v.userId } : {}),
        delegateId: v.delegateId,
        startsOn: v.range[0].format('YYYY-MM-DD'),
        endsOn: v.range[1].format('YYYY-MM-DD'),
        reason: v.reason?.trim() ?? '',
      }),
    onSuccess: () => {
      void message.success(t('delegations.created'));
      setCreating(false);
      void qc.invalidateQueries({ queryKey: ['delegations'] });
    },
    onError: (err) => showError(err, form),
  });

  const revoke = useMutation({
    mutationFn: (d: Delegation) => api.delete(`/api/delegations/${d.id}`),
    onSuccess: () => {
      void message.success(t('delegations.revoked'));
      void qc.invalidateQueries({ queryKey: ['delegations'] });
    },
    onError: (err) => showError(err),
  });

  const columns: TableColumnsType<Delegation> = [
    { title: t('delegations.user'), dataIndex: 'userName', width: 110 },
    { title: t('delegations.delegate'), dataIndex: 'delegateName', width: 110 },
    { title: t('delegations.period'), key: 'period', width: 210, render: (_, d) => t('delegations.periodValue', { from: d.startsOn, to: d.endsOn }) },
    { title: t('delegations.reason'), dataIndex: 'reason', render: (r: string) => r || '—' },
    {
      title: t('delegations.state'),
      key: 'state',
      width: 100,
      render: (_, d) => {
        const s = stateOf(d);
        return <Tag color={STATE_COLOR[s]}>{t(`delegations.states.${s}`)}</Tag>;
      },
    },
    { title: t('delegations.createdAt'), dataIndex: 'createdAt', width: 150, render: (v: string) => <DateTime value={v} /> },
    {
      title: t('delegations.actions'),
      key: 'actions',
      width: 100,
      render: (_, d) => {
        const s = stateOf(d);
        if (s === 'revoked' || s === 'expired') return null;
        return (
          <Popconfirm
            title={t('delegations.revokeConfirm', { name: d.delegateName })}
            okText={t('delegations.revoke')}
            cancelText={t('common:actions.cancel')}
            okButtonProps={{ danger: true, 'data-testid': 'delegation-revoke-confirm' }}
            onConfirm={() => revoke.mutateAsync(d).catch(() => undefined)}
          >
            <Button type="link" size="small" danger data-testid={`delegation-revoke-${d.id}`}>
              {t('delegations.revoke')}
            </Button>
          </Popconfirm>
        );
      },
    },
  ];

  return (
    <div>
      <PageHeader
        title={t('delegations.title')}
        subtitle={t('delegations.subtitle')}
        extra={
          <Button
            type="primary"
            icon={<PlusOutlined />}
            data-testid="delegation-create"
            onClick={() => setCreating(true)}
          >
            {t('delegations.create')}
          </Button>
        }
      />
      <Alert type="info" showIcon style={{ marginBottom: 12 }} title={t('delegations.hint')} />
      {list.isError && <ErrorAlert error={list.error} onRetry={() => void list.refetch()} />}
      <Card size="small">
        <Table<Delegation>
          rowKey="id"
          size="middle"
          loading={list.isFetching}
          columns={columns}
          dataSource={list.data}
          scroll={{ x: 900 }}
          pagination={{ ...state.pagination, hideOnSinglePage: true }}
          locale={{ emptyText: <Empty image={<UserSwitchOutlined style={{ fontSize: 40, color: '#bfbfbf' }} />} description={t('delegations.empty')} /> }}
        />
      </Card>
      <Modal
        open={creating}
        title={t('delegations.createTitle')}
        okText={t('delegations.create')}
        cancelText={t('common:actions.cancel')}
        confirmLoading={create.isPending}
        onCancel={() => setCreating(false)}
        onOk={() => form.submit()}
        okButtonProps={{ 'data-testid': 'delegation-save' }}
        destroyOnHidden
      >
        <Form<CreateForm> form={form} layout="vertical" onFinish={(v) => create.mutate(v)}>
          {manager && (
            <Form.Item name="userId" label={t('delegations.forUser')} extra={t('delegations.forUserHint')}>
              <UserSelect data-testid="delegation-user" placeholder={t('delegations.forMe')} />
            </Form.Item>
          )}
          <Form.Item
            name="delegateId"
            label={t('delegations.delegate')}
            dependencies={['userId']}
            rules={[
              { required: true, message: t('delegations.delegateRequired') },
              ({ getFieldValue }) => ({
                validator: (_, v?: number) => ((getFieldValue('userId') ?? me?.id) === v ? Promise.reject(new Error(t('delegations.notSelf'))) : Promise.resolve()),
              }),
            ]}
          >
            <UserSelect data-testid="delegation-delegate" />
          </Form.Item>
          <Form.Item name="range" label={t('delegations.period')} rules={[{ required: true, message: t('delegations.periodRequired') }]}>
            <DatePicker.RangePicker
              style={{ width: '100%' }}
              data-testid="delegation-range"
              disabledDate={(d) => d.isBefore(dayjs().startOf('day'))}
              presets={[
                { label: t('delegations.presets.threeDays'), value: [dayjs(), dayjs().add(2, 'day')] },
                { label: t('delegations.presets.week'), value: [dayjs(), dayjs().add(6, 'day')] },
                { label: t('delegations.presets.twoWeeks'), value: [dayjs(), dayjs().add(13, 'day')] },
              ]}
            />
          </Form.Item>
          <Form.Item name="reason" label={t('delegations.reason')} rules={[{ max: 500 }]}>
            <Input.TextArea data-testid="delegation-reason" autoSize={{ minRows: 2, maxRows: 4 }} maxLength={500} placeholder={t('delegations.reasonPlaceholder')} />
          </Form.Item>
        </Form>
      </Modal>
    </div>
  );
}
