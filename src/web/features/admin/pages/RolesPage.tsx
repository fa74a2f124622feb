import { DeleteOutlined, EditOutlined, PlusOutlined, SafetyCertificateOutlined } from '@ant-design/icons';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { Alert, Button, Card, Checkbox, Col, Drawer, Empty, Flex, Form, Input, Popconfirm, Radio, Row, Space, Table, Tag, Tooltip, Typography } from 'antd';
import type { TableColumnsType } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Role } from '../../../../shared/contracts/org';
import { DATA_SCOPES, type DataScope } from '../../../../shared/permissions';
import { api } from '../../../api/client';
import { useApiError, useFeedback } from '../../../components/feedback';
import { orgKeys, useRoleLabel, useRoles } from '../../../components/orgData';
import { RecordHistory } from '../components/RecordHistory';
import { PageHeader } from '../../../components/PageHeader';
import { useDrawerSize, useFormSession } from '../../../components/layout';
import { saveByButton } from '../../../components/formSubmit';

interface RoleForm {
  code: string;
  name: string;
  description: string;
  dataScope: DataScope;
  permissions: string[];
}

/** i18n keys may not contain ':' (namespace separator); permission names do. */
export const permKey = (p: string) => p.replace(/[:]/g, '_');

export function RolesPage() {
  const { t } = useTranslation('admin');
  const qc = useQueryClient();
  const { message } = useFeedback();
  const showError = useApiError();
  const drawerSize = useDrawerSize(640);
  const roles = useRoles();
  const roleLabel = useRoleLabel();
  const perms = useQuery({ queryKey: ['permissions'], queryFn: () => api.get<{ groups: Record<string, string[]>; all: string[] }>('/api/permissions') });
  const [editing, setEditing] = useState<Role | 'new' | null>(null);
  const [form] = Form.useForm<RoleForm>();
  const scope = Form.useWatch('dataScope', form);

  const save = useMutation({
    mutationFn: (v: RoleForm) => {
      if (editing === 'new') return api.post<Role>('/api/roles', v);
      const r = editing as Role;
      return api.patch<Role>(`/api/roles/${r.id}`, { name: v.name, description: v.description ?? '', dataScope: v.dataScope, permissions: v.permissions, version: r.version });
    },
    onSuccess: () => {
      void message.success(editing === 'new' ? t('roles.created') : t('roles.saved'));
      setEditing(null);
      void qc.invalidateQueries({ queryKey: orgKeys.roles });
    },
    onError: (err) =>
      showError(err, form, () => {
        setEditing(null);
        void qc.invalidateQueries({ queryKey: orgKeys.roles });
      }),
  });

  const remove = useMutation({
    mutationFn: (r: Role) => api.delete(`/api/roles/${r.id}`),
    onSuccess: () => {
      void message.success(t('roles.deleted'));
      void qc.invalidateQueries({ queryKey: orgKeys.roles });
    },
    onError: (err) => showError(err),
  });

  const columns: TableColumnsType<Role> = [
    {
      title: t('roles.name'),
      dataIndex: 'name',
      width: 160,
      render: (_: string, r) => (
        <Space size={4} wrap>
          <span>{roleLabel(r)}</span>
          {r.builtin && <Tag>{t('roles.builtin')}</Tag>}
        </Space>
      ),
    },
    { title: t('roles.code'), dataIndex: 'code', width: 140, render: (c: string) => <Typography.Text code>{c}</Typography.Text> },
    { title: t('roles.dataScope'), dataIndex: 'dataScope', width: 130, render: (s: DataScope) => <Tag color="geekblue">{t(`roles.scopes.${s}`)}</Tag> },
    {
      title: t('roles.permissions'),
      dataIndex: 'permissions',
      render: (ps: string[]) => (ps.length ? ps.map((p) => <Tag key={p}>{t(`permissions.${permKey(p)}`, { defaultValue: p })}</Tag>) : '—'),
    },
    { title: t('roles.userCount'), dataIndex: 'userCount', width: 80, align: 'right' },
    {
      title: t('shared.actions'),
      key: 'actions',
      width: 160,
      render: (_, r) => (
        <Space size={0} wrap>
          <Button type="link" size="small" icon={<EditOutlined />} data-testid={`role-edit-${r.code}`} onClick={() => setEditing(r)}>
            {t('shared.edit')}
          </Button>
          {r.builtin || r.userCount > 0 ? (
            <Tooltip title={r.builtin ? t('roles.cannotDeleteBuiltin') : t('roles.cannotDeleteInUse')}>
              <Button type="link" size="small" danger icon={<DeleteOutlined />} disabled>
                {t('shared.delete')}
              </Button>
            </Tooltip>
          ) : (
            <Popconfirm
              title={t('roles.deleteConfirm', { name: roleLabel(r) })}
              okText={t('shared.delete')}
              cancelText={t('shared.cancel')}
              okButtonProps={{ danger: true, 'data-testid': 'role-delete-confirm' }}
              onConfirm={() => remove.mutateAsync(r).catch(() => undefined)}
            >
              <Button type="link" size="small" danger icon={<DeleteOutlined />} data-testid={`role-delete-${r.code}`}>
                {t('shared.delete')}
              </Button>
            </Popconfirm>
          )}
        </Space>
      ),
    },
  ];

  const current = editing !== null && editing !== 'new' ? editing : null;
  const initialValues: Partial<RoleForm> = current
    ? { code: current.code, name: current.name, description: current.description, dataScope: current.dataScope, permissions: current.permissions }
    : { dataScope: 'own', permissions: [], description: '' };

  useFormSession(form, editing, () => initialValues);

  return (
    <div>
      <PageHeader
        title={t('roles.title')}
        subtitle={t('roles.subtitle')}
        extra={
          <Button type="primary" icon={<PlusOutlined />} data-testid="role-create" onClick={() => setEditing('new')}>
            {t('roles.create')}
          </Button>
        }
      />
      <Card size="small">
        <Table<Role>
          rowKey="id"
          size="middle"
          loading={roles.isLoading}
          columns={columns}
          dataSource={roles.data}
          pagination={false}
          scroll={{ x: 980 }}
          locale={{ emptyText: <Empty image={<SafetyCertificateOutlined style={{ fontSize: 40, color: '#bfbfbf' }} />} description={roles.isError ? t('shared.loadFailed') : t('roles.empty')} /> }}
        />
      </Card>
      <Drawer
        open={editing !== null}
        size={drawerSize}
        title={current ? t('roles.editTitle', { name: roleLabel(current) }) : t('roles.createTitle')}
        onClose={() => setEditing(null)}
        destroyOnHidden
        footer={
          <Flex justify="end" gap={8} wrap>
            <Button onClick={() => setEditing(null)}>{t('shared.cancel')}</Button>
            <Button type="primary" loading={save.isPending} onClick={() => form.submit()} data-testid="role-save">
              {t('shared.save')}
            </Button>
          </Flex>
        }
      >
        <Form<RoleForm> form={form} {...saveByButton} layout="vertical" onFinish={(v) => save.mutate(v)}>
          <Row gutter={12}>
            <Col xs={24} sm={12}>
              <Form.Item
                name="code"
                label={t('roles.code')}
                extra={current ? undefined : t('roles.codeHint')}
                rules={[
                  { required: true, message: t('roles.codeRequired') },
                  { min: 2, max: 50, message: t('roles.codeLength') },
                  { pattern: /^[a-z][a-z0-9_]*$/, message: t('roles.codePattern') },
                ]}
              >
                <Input data-testid="role-code" disabled={current !== null} />
              </Form.Item>
            </Col>
            <Col xs={24} sm={12}>
              <Form.Item name="name" label={t('roles.name')} rules={[{ required: true, whitespace: true, message: t('roles.nameRequired') }, { max: 100 }]}>
                <Input data-testid="role-name" />
              </Form.Item>
            </Col>
            <Col span={24}>
              <Form.Item name="description" label={t('roles.description')} rules={[{ max: 500 }]}>
                <Input.TextArea data-testid="role-description" autoSize={{ minRows: 2, maxRows: 4 }} />
              </Form.Item>
            </Col>
          </Row>
          <Form.Item name="dataScope" label={t('roles.dataScope')} rules={[{ required: true }]}>
            <Radio.Group data-testid="role-scope" optionType="button" buttonStyle="solid" options={DATA_SCOPES.map((s) => ({ value: s, label: t(`roles.scopes.${s}`) }))} />
          </Form.Item>
          {scope && <Alert type="info" showIcon style={{ marginTop: -8, marginBottom: 16 }} title={t(`roles.scopeHelp.${scope}`)} description={t('roles.scopeHelpNote')} />}
          <Form.Item name="permissions" label={t('roles.permissions')}>
            <Checkbox.Group style={{ width: '100%' }}>
              <Space orientation="vertical" style={{ width: '100%' }}>
                {Object.entries(perms.data?.groups ?? {}).map(([group, names]) => (
                  <Card key={group} size="small" title={t(`permissionGroups.${group}`, { defaultValue: group })}>
                    <Row gutter={[8, 8]}>
                      {names.map((p) => (
                        <Col xs={24} sm={12} key={p}>
                          <Checkbox value={p} data-testid={`role-perm-${permKey(p)}`}>
                            {t(`permissions.${permKey(p)}`, { defaultValue: p })}
                            <Typography.Text type="secondary" style={{ fontSize: 12, marginLeft: 4 }}>
                              {p}
                            </Typography.Text>
                          </Checkbox>
                        </Col>
                      ))}
                    </Row>
                  </Card>
                ))}
              </Space>
            </Checkbox.Group>
          </Form.Item>
        </Form>
        {current && <RecordHistory entity="role" entityId={current.id} />}
      </Drawer>
    </div>
  );
}
