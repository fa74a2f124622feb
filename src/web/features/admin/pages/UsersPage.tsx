import { PlusOutlined, SearchOutlined, UnlockOutlined, KeyOutlined, TeamOutlined } from '@ant-design/icons';
import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { Alert, Button, Card, Col, Divider, Drawer, Empty, Flex, Form, Input, Modal, Row, Select, Space, Table, Tag } from 'antd';
import type { TableColumnsType } from 'antd';
import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Paged } from '../../../../shared/contracts/common';
import { USER_STATUSES, type UserItem } from '../../../../shared/contracts/org';
import { POSITIONS, ROLE_FOR_POSITION, type Position } from '../../../../shared/permissions';
import { api } from '../../../api/client';
import { useApiError, useFeedback } from '../../../components/feedback';
import { DateTime, formatDateTime } from '../../../components/DateTime';
import { orgKeys, useRoleLabel, useRoles, useUnitPath } from '../../../components/orgData';
import { PageHeader } from '../../../components/PageHeader';
import { useDrawerSize, useFormSession } from '../../../components/layout';
import { RecordHistory } from '../components/RecordHistory';
import { UnitTreeSelect } from '../../../components/UnitTreeSelect';
import { id, oneOf, text, useListState, useTextFilter } from '../../../components/useListState';
import { HandoverDrawer } from '../components/HandoverDrawer';
import { useAuth } from '../../../app/auth';
import { saveByButton } from '../../../components/formSubmit';

type UserStatus = (typeof USER_STATUSES)[number];
const STATUS_COLOR: Record<UserStatus, string> = { active: 'green', disabled: 'orange', left: 'default' };

const USER_LIST = { q: text(), unitId: id(), status: oneOf(USER_STATUSES), position: oneOf(POSITIONS) };
const USER_SORTS = ['name', 'username', 'unit', 'lastLoginAt', 'createdAt'];

interface UserForm {
  username: string;
  name: string;
  phone?: string | null;
  email?: string | null;
  unitId: number;
  positions: Position[];
  roleIds: number[];
  password?: string;
  status?: 'active' | 'disabled';
}

const isLocked = (u: UserItem) => u.lockedUntil !== null && new Date(u.lockedUntil).getTime() > Date.now();

export function UsersPage() {
  const { t, i18n } = useTranslation('admin');
  const qc = useQueryClient();
  const { message } = useFeedback();
  const showError = useApiError();
  const drawerSize = useDrawerSize(560);
  const state = useListState(USER_LIST, { sorts: USER_SORTS });
  const { filters } = state;
  const search = useTextFilter(state, 'q');
  const [editing, setEditing] = useState<UserItem | 'new' | null>(null);
  const [resetFor, setResetFor] = useState<UserItem | null>(null);
  const [handoverFor, setHandoverFor] = useState<UserItem | null>(null);
  const { can } = useAuth();
  const [form] = Form.useForm<UserForm>();
  const [pwForm] = Form.useForm<{ password: string; confirm: string }>();
  const roles = useRoles();
  const roleLabel = useRoleLabel();
  const unitPath = useUnitPath();

  const list = useQuery({
    queryKey: [...orgKeys.users, 'list', state.query],
    queryFn: () => api.get<Paged<UserItem>>('/api/users', state.query),
    placeholderData: keepPreviousData,
  });

  const refresh = () => {
    void qc.invalidateQueries({ queryKey: orgKeys.users });
    void qc.invalidateQueries({ queryKey: orgKeys.units });
    void qc.invalidateQueries({ queryKey: orgKeys.roles });
  };

  const save = useMutation({
    mutationFn: (v: UserForm) => {
      const common = { name: v.name, phone: v.phone || null, email: v.email || null, unitId: v.unitId, positions: v.positions ?? [], roleIds: v.roleIds ?? [] };
      if (editing === 'new') return api.post<UserItem>('/api/users', { ...common, username: v.username, password: v.password });
      const u = editing as UserItem;
      return api.patch<UserItem>(`/api/users/${u.id}`, { ...common, ...(u.status !== 'left' && v.status ? { status: v.status } : {}), version: u.version });
    },
    onSuccess: () => {
      void message.success(editing === 'new' ? t('users.created') : t('users.saved'));
      setEditing(null);
      refresh();
    },
    onError: (err) =>
      showError(err, form, () => {
        setEditing(null);
        refresh();
      }),
  });

  const resetPassword = useMutation({
    mutationFn: (v: { password: string }) => api.post(`/api/users/${resetFor!.id}/password`, { password: v.password }),
    onSuccess: () => {
      void message.success(t('users.passwordReset'));
      setResetFor(null);
    },
    onError: (err) => showError(err, pwForm),
  });

  const unlock = useMutation({
    mutationFn: (u: UserItem) => api.post(`/api/users/${u.id}/unlock`),
    onSuccess: () => {
      void message.success(t('users.unlocked'));
      refresh();
      setEditing(null);
    },
    onError: (err) => showError(err),
  });

  const roleName = (id: number) => {
    const r = roles.data?.find((x) => x.id === id);
    return r ? roleLabel(r) : String(id);
  };

  const columns: TableColumnsType<UserItem> = [
    {
      title: t('users.name'),
      dataIndex: 'name',
      key: 'name',
      sorter: true,
      fixed: 'left',
      width: 120,
      render: (name: string, u) => (
        <Button type="link" size="small" style={{ padding: 0 }} data-testid={`user-open-${u.username}`} onClick={() => setEditing(u)}>
          {name}
        </Button>
      ),
    },
    { title: t('users.username'), dataIndex: 'username', key: 'username', sorter: true, width: 130 },
    { title: t('users.unit'), dataIndex: 'unitName', key: 'unit', sorter: true, width: 180, render: (name: string, u) => unitPath(u.unitId, name) },
    {
      title: t('users.positions'),
      dataIndex: 'positions',
      width: 180,
      render: (ps: Position[]) => (ps.length ? ps.map((p) => <Tag key={p}>{t(`positions.${p}`)}</Tag>) : '—'),
    },
    { title: t('users.roles'), dataIndex: 'roleIds', width: 160, render: (ids: number[]) => (ids.length ? ids.map((id) => <Tag key={id} color="blue">{roleName(id)}</Tag>) : '—') },
    {
      title: t('users.status'),
      dataIndex: 'status',
      width: 110,
      render: (s: UserStatus, u) => (
        <Space size={4} wrap>
          <Tag color={STATUS_COLOR[s]}>{t(`users.statuses.${s}`)}</Tag>
          {isLocked(u) && <Tag color="red">{t('users.locked')}</Tag>}
        </Space>
      ),
    },
    { title: t('users.lastLogin'), dataIndex: 'lastLoginAt', key: 'lastLoginAt', sorter: true, width: 150, render: (v: string | null) => <DateTime value={v} /> },
    { title: t('users.createdAt'), dataIndex: 'createdAt', key: 'createdAt', sorter: true, width: 150, render: (v: string | null) => <DateTime value={v} /> },
    ...(can('user:handover')
      ? [{
          title: t('handover:actions'),
          key: 'actions',
          width: 110,
          render: (_: unknown, u: UserItem) =>
            u.status === 'left' ? null : (
              <Button type="link" size="small" danger style={{ padding: 0 }} data-testid={`user-handover-${u.username}`} onClick={() => setHandoverFor(u)}>
                {t('handover:action')}
              </Button>
            ),
        }]
      : []),
  ];

  const current = editing !== null && editing !== 'new' ? editing : null;
  const initialValues: Partial<UserForm> | undefined = current
    ? { username: current.username, name: current.name, phone: current.phone, email: current.email, unitId: current.unitId, positions: current.positions, roleIds: current.roleIds, status: current.status === 'left' ? undefined : current.status }
    : { positions: [], roleIds: [] };
  const readOnly = current?.status === 'left';

  useFormSession(form, editing, () => initialValues);

  /**
   * Choosing a position adds its default role (ROLE_FOR_POSITION) — only for positions just
   * added, so a role the admin took away stays away; nothing is removed.
   */
  const positionsBefore = useRef<Position[]>([]);
  useEffect(() => {
    positionsBefore.current = initialValues?.positions ?? [];
    // a new form session starts from its record's positions
  }, [editing]);
  const suggestRoles = (changed: Partial<UserForm>, all: UserForm) => {
    if (!changed.positions) return;
    const fresh = changed.positions.filter((p) => !positionsBefore.current.includes(p));
    positionsBefore.current = changed.positions;
    if (!fresh.length || !roles.data) return;
    const byCode = new Map(roles.data.map((r) => [r.code, r.id]));
    const current = all.roleIds ?? [];
    const added = fresh.map((p) => byCode.get(ROLE_FOR_POSITION[p])).filter((id): id is number => id !== undefined && !current.includes(id));
    if (added.length) form.setFieldValue('roleIds', [...current, ...new Set(added)]);
  };
  useFormSession(pwForm, resetFor, () => undefined);

  return (
    <div>
      <PageHeader
        title={t('users.title')}
        subtitle={t('users.subtitle')}
        extra={
          <Button type="primary" icon={<PlusOutlined />} data-testid="user-create" onClick={() => setEditing('new')}>
            {t('users.create')}
          </Button>
        }
      />
      <Card size="small">
        <Row gutter={[8, 8]} style={{ marginBottom: 12 }}>
          <Col xs={24} md={8} lg={6}>
            <Input.Search allowClear placeholder={t('users.searchPlaceholder')} {...search.search} data-testid="user-search" enterButton={<SearchOutlined />} />
          </Col>
          <Col xs={24} md={8} lg={6}>
            <UnitTreeSelect includeInactive value={filters.unitId} onChange={(unit) => state.set({ unitId: unit ?? undefined })} placeholder={t('users.filterUnit')} data-testid="user-filter-unit" />
          </Col>
          <Col xs={12} md={4} lg={4}>
            <Select
              allowClear
              style={{ width: '100%' }}
              placeholder={t('users.filterStatus')}
              value={filters.status}
              onChange={(s?: UserStatus) => state.set({ status: s })}
              options={USER_STATUSES.map((s) => ({ value: s, label: t(`users.statuses.${s}`) }))}
              data-testid="user-filter-status"
            />
          </Col>
          <Col xs={12} md={4} lg={4}>
            <Select
              allowClear
              style={{ width: '100%' }}
              placeholder={t('users.filterPosition')}
              value={filters.position}
              onChange={(p?: Position) => state.set({ position: p })}
              options={POSITIONS.map((p) => ({ value: p, label: t(`positions.${p}`) }))}
              data-testid="user-filter-position"
            />
          </Col>
        </Row>
        <Table<UserItem>
          rowKey="id"
          size="middle"
          loading={list.isFetching}
          columns={state.sorted(columns)}
          dataSource={list.data?.items}
          scroll={{ x: 1040 }}
          onChange={state.onTableChange}
          pagination={{ current: state.page, pageSize: state.pageSize, total: list.data?.total ?? 0, showSizeChanger: true, showTotal: (n) => t('shared.total', { count: n }) }}
          locale={{ emptyText: <Empty image={<TeamOutlined style={{ fontSize: 40, color: '#bfbfbf' }} />} description={list.isError ? t('shared.loadFailed') : t('users.empty')} /> }}
        />
      </Card>

      <Drawer
        open={editing !== null}
        size={drawerSize}
        title={current ? t('users.editTitle', { name: current.name }) : t('users.createTitle')}
        onClose={() => setEditing(null)}
        destroyOnHidden
        footer={
          <Flex justify="end" gap={8} wrap>
            <Button onClick={() => setEditing(null)}>{t('shared.cancel')}</Button>
            {!readOnly && (
              <Button type="primary" loading={save.isPending} onClick={() => form.submit()} data-testid="user-save">
                {t('shared.save')}
              </Button>
            )}
          </Flex>
        }
      >
        {readOnly && <Alert type="info" showIcon title={t('users.leftReadOnly')} style={{ marginBottom: 16 }} />}
        {current && isLocked(current) && (
          <Alert
            type="warning"
            showIcon
            style={{ marginBottom: 16 }}
            title={t('users.lockedUntil', { at: formatDateTime(current.lockedUntil!, 'dateTime', t, i18n.language) })}
            action={
              <Button size="small" icon={<UnlockOutlined />} loading={unlock.isPending} onClick={() => unlock.mutate(current)} data-testid="user-unlock">
                {t('users.unlock')}
              </Button>
            }
          />
        )}
        <Form<UserForm> form={form} {...saveByButton} layout="vertical" disabled={readOnly} onFinish={(v) => save.mutate(v)} onValuesChange={suggestRoles}>
          <Row gutter={12}>
            <Col xs={24} sm={12}>
              <Form.Item
                name="username"
                label={t('users.username')}
                rules={[
                  { required: true, message: t('users.usernameRequired') },
                  { min: 2, max: 64, message: t('users.usernameLength') },
                  { pattern: /^[a-zA-Z0-9_.-]+$/, message: t('users.usernamePattern') },
                ]}
              >
                <Input data-testid="user-username" disabled={current !== null} autoComplete="off" />
              </Form.Item>
            </Col>
            <Col xs={24} sm={12}>
              <Form.Item name="name" label={t('users.name')} rules={[{ required: true, whitespace: true, message: t('users.nameRequired') }, { max: 50 }]}>
                <Input data-testid="user-name" />
              </Form.Item>
            </Col>
            <Col xs={24} sm={12}>
              <Form.Item name="phone" label={t('users.phone')} rules={[{ pattern: /^[0-9+\-() ]{5,20}$/, message: t('users.phoneInvalid') }]}>
                <Input data-testid="user-phone" />
              </Form.Item>
            </Col>
            <Col xs={24} sm={12}>
              <Form.Item name="email" label={t('users.email')} rules={[{ type: 'email', message: t('users.emailInvalid') }]}>
                <Input data-testid="user-email" />
              </Form.Item>
            </Col>
            <Col span={24}>
              <Form.Item name="unitId" label={t('users.unit')} rules={[{ required: true, message: t('users.unitRequired') }]}>
                <UnitTreeSelect data-testid="user-unit" allowClear={false} />
              </Form.Item>
            </Col>
            <Col span={24}>
              <Form.Item name="positions" label={t('users.positions')} extra={t('users.positionsHint')}>
                <Select mode="multiple" data-testid="user-positions" options={POSITIONS.map((p) => ({ value: p, label: t(`positions.${p}`) }))} />
              </Form.Item>
            </Col>
            <Col span={24}>
              <Form.Item name="roleIds" label={t('users.roles')}>
                <Select
                  mode="multiple"
                  data-testid="user-roles"
                  loading={roles.isLoading}
                  options={(roles.data ?? []).map((r) => ({ value: r.id, label: t('users.roleOption', { name: roleLabel(r), scope: t(`roles.scopes.${r.dataScope}`) }) }))}
                />
              </Form.Item>
            </Col>
            {current === null ? (
              <Col span={24}>
                <Form.Item name="password" label={t('users.initialPassword')} extra={t('users.initialPasswordHint')} rules={[{ required: true, message: t('users.passwordRequired') }, { min: 8, max: 200, message: t('users.passwordLength') }]}>
                  <Input.Password data-testid="user-password" autoComplete="new-password" />
                </Form.Item>
              </Col>
            ) : (
              !readOnly && (
                <Col span={24}>
                  <Form.Item name="status" label={t('users.status')}>
                    <Select data-testid="user-status" options={(['active', 'disabled'] as const).map((s) => ({ value: s, label: t(`users.statuses.${s}`) }))} />
                  </Form.Item>
                </Col>
              )
            )}
          </Row>
        </Form>
        {current && !readOnly && (
          <>
            <Divider />
            <Space wrap>
              <Button icon={<KeyOutlined />} data-testid="user-reset-password" onClick={() => setResetFor(current)}>
                {t('users.resetPassword')}
              </Button>
            </Space>
          </>
        )}
        {current && <RecordHistory entity="user" entityId={current.id} />}
      </Drawer>

      <HandoverDrawer user={handoverFor} onClose={() => setHandoverFor(null)} />

      <Modal
        open={resetFor !== null}
        title={t('users.resetPasswordTitle', { name: resetFor?.name })}
        okText={t('users.resetPassword')}
        cancelText={t('shared.cancel')}
        confirmLoading={resetPassword.isPending}
        onCancel={() => setResetFor(null)}
        onOk={() => pwForm.submit()}
        okButtonProps={{ 'data-testid': 'user-reset-confirm' }}
        destroyOnHidden
      >
        <Alert type="info" showIcon title={t('users.resetPasswordHint')} style={{ marginBottom: 16 }} />
        <Form form={pwForm} layout="vertical" onFinish={(v) => resetPassword.mutate(v)}>
          <Form.Item name="password" label={t('users.newPassword')} rules={[{ required: true, message: t('users.passwordRequired') }, { min: 8, max: 200, message: t('users.passwordLength') }]}>
            <Input.Password data-testid="user-new-password" autoComplete="new-password" />
          </Form.Item>
          <Form.Item
            name="confirm"
            label={t('users.confirmPassword')}
            dependencies={['password']}
            rules={[
              { required: true, message: t('users.passwordRequired') },
              ({ getFieldValue }) => ({ validator: (_, v) => (v === getFieldValue('password') ? Promise.resolve() : Promise.reject(new Error(t('users.passwordMismatch')))) }),
            ]}
          >
            <Input.Password data-testid="user-confirm-password" autoComplete="new-password" />
          </Form.Item>
        </Form>
      </Modal>
    </div>
  );
}
