import { ApartmentOutlined, EditOutlined, PlusOutlined, StopOutlined, CheckCircleOutlined } from '@ant-design/icons';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { Button, Card, Empty, Form, Input, InputNumber, Modal, Select, Space, Switch, Table, Tag, Typography } from 'antd';
import type { TableColumnsType } from 'antd';
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { OrgUnit } from '../../../../shared/contracts/org';
import { ORG_UNIT_KINDS, type OrgUnitKind } from '../../../../shared/permissions';
import { api } from '../../../api/client';
import { useApiError, useFeedback } from '../../../components/feedback';
import { buildUnitTree, orgKeys, useOrgUnits, type UnitNode } from '../../../components/orgData';
import { PageHeader } from '../../../components/PageHeader';
import { useFormSession } from '../../../components/layout';
import { UnitTreeSelect } from '../../../components/UnitTreeSelect';
import { saveByButton } from '../../../components/formSubmit';

interface UnitForm {
  parentId: number | null;
  name: string;
  code?: string | null;
  kind: OrgUnitKind;
  sortOrder?: number;
}

type Editing = { mode: 'create'; parentId: number | null } | { mode: 'edit'; unit: OrgUnit };

export function OrgUnitsPage() {
  const { t } = useTranslation('admin');
  const units = useOrgUnits();
  const qc = useQueryClient();
  const { message, modal } = useFeedback();
  const showError = useApiError();
  const [editing, setEditing] = useState<Editing | null>(null);
  const [showInactive, setShowInactive] = useState(false);
  const [form] = Form.useForm<UnitForm>();

  const tree = useMemo(() => {
    const prune = (nodes: UnitNode[]): UnitNode[] =>
      nodes
        .filter((n) => showInactive || n.active)
        .map((n) => {
          const children = n.children ? prune(n.children) : [];
          return { ...n, children: children.length ? children : undefined };
        });
    return prune(buildUnitTree(units.data ?? []));
  }, [units.data, showInactive]);
  const hasRoot = (units.data ?? []).some((u) => u.parentId === null);

  const save = useMutation({
    mutationFn: async (values: UnitForm) => {
      if (editing?.mode === 'edit') {
        const u = editing.unit;
        return api.patch<OrgUnit>(`/api/org-units/${u.id}`, {
          name: values.name,
          code: values.code || null,
          kind: values.kind,
          sortOrder: values.sortOrder ?? 0,
          ...(u.parentId !== null && values.parentId !== u.parentId ? { parentId: values.parentId } : {}),
          version: u.version,
        });
      }
      return api.post<OrgUnit>('/api/org-units', { ...values, code: values.code || null, sortOrder: values.sortOrder ?? 0 });
    },
    onSuccess: () => {
      void message.success(editing?.mode === 'edit' ? t('units.saved') : t('units.created'));
      setEditing(null);
      void qc.invalidateQueries({ queryKey: orgKeys.units });
      void qc.invalidateQueries({ queryKey: orgKeys.users });
    },
    onError: (err) =>
      showError(err, form, () => {
        setEditing(null);
        void qc.invalidateQueries({ queryKey: orgKeys.units });
      }),
  });

  const toggleActive = useMutation({
    mutationFn: (u: OrgUnit) => api.patch<OrgUnit>(`/api/org-units/${u.id}`, { active: !u.active, version: u.version }),
    onSuccess: (u) => {
      void message.success(u.active ? t('units.activated') : t('units.deactivated'));
      void qc.invalidateQueries({ queryKey: orgKeys.units });
    },
    onError: (err) => showError(err, undefined, () => void qc.invalidateQueries({ queryKey: orgKeys.units })),
  });

  const open = (next: Editing) => setEditing(next);
  const initialValues: Partial<UnitForm> | undefined =
    editing?.mode === 'edit'
      ? { parentId: editing.unit.parentId, name: editing.unit.name, code: editing.unit.code, kind: editing.unit.kind as OrgUnitKind, sortOrder: editing.unit.sortOrder }
      : editing
        ? { parentId: editing.parentId, kind: editing.parentId === null ? 'company' : 'department', sortOrder: 0 }
        : undefined;

  const confirmToggle = (u: OrgUnit) =>
    modal.confirm({
      title: u.active ? t('units.deactivateTitle', { name: u.name }) : t('units.activateTitle', { name: u.name }),
      content: u.active ? t('units.deactivateHint') : undefined,
      okText: u.active ? t('units.deactivate') : t('units.activate'),
      okButtonProps: { danger: u.active, 'data-testid': 'unit-toggle-confirm' },
      cancelText: t('shared.cancel'),
      onOk: () => toggleActive.mutateAsync(u).catch(() => undefined),
    });

  const columns: TableColumnsType<UnitNode> = [
    {
      title: t('units.name'),
      dataIndex: 'name',
      width: 260,
      render: (name: string, u) => (
        <Space size={4}>
          <span data-testid={`unit-row-${u.id}`}>{name}</span>
          {!u.active && <Tag>{t('units.inactive')}</Tag>}
        </Space>
      ),
    },
    { title: t('units.kind'), dataIndex: 'kind', width: 110, render: (k: OrgUnitKind) => t(`units.kinds.${k}`) },
    { title: t('units.code'), dataIndex: 'code', width: 120, render: (c: string | null) => c ?? '—' },
    { title: t('units.userCount'), dataIndex: 'userCount', width: 90, align: 'right' },
    {
      title: t('shared.actions'),
      key: 'actions',
      width: 260,
      render: (_, u) => (
        <Space size={0} wrap>
          {u.active && (
            <Button type="link" size="small" icon={<PlusOutlined />} data-testid={`unit-add-child-${u.id}`} onClick={() => open({ mode: 'create', parentId: u.id })}>
              {t('units.addChild')}
            </Button>
          )}
          <Button type="link" size="small" icon={<EditOutlined />} data-testid={`unit-edit-${u.id}`} onClick={() => open({ mode: 'edit', unit: u })}>
            {t('shared.edit')}
          </Button>
          {u.parentId !== null && (
            <Button
              type="link"
              size="small"
              danger={u.active}
              icon={u.active ? <StopOutlined /> : <CheckCircleOutlined />}
              data-testid={`unit-toggle-${u.id}`}
              onClick={() => confirmToggle(u)}
            >
              {u.active ? t('units.deactivate') : t('units.activate')}
            </Button>
          )}
        </Space>
      ),
    },
  ];

  const editingUnit = editing?.mode === 'edit' ? editing.unit : undefined;
  const allIds = useMemo(() => (units.data ?? []).map((u) => u.id), [units.data]);

  useFormSession(form, editing, () => initialValues);

  return (
    <div>
      <PageHeader
        title={t('units.title')}
        subtitle={t('units.subtitle')}
        extra={
          <>
            <Space>
              <Switch size="small" checked={showInactive} onChange={setShowInactive} data-testid="unit-show-inactive" />
              <Typography.Text>{t('units.showInactive')}</Typography.Text>
            </Space>
            <Button
              type="primary"
              icon={<PlusOutlined />}
              disabled={units.isLoading}
              data-testid="unit-create"
              onClick={() => {
                const root = (units.data ?? []).find((u) => u.parentId === null);
                open({ mode: 'create', parentId: root?.id ?? null });
              }}
            >
              {t('units.create')}
            </Button>
          </>
        }
      />
      <Card size="small">
        <Table<UnitNode>
          rowKey="id"
          size="middle"
          loading={units.isLoading}
          columns={columns}
          dataSource={tree}
          pagination={false}
          scroll={{ x: 760 }}
          expandable={{ defaultExpandAllRows: true }}
          key={allIds.length}
          locale={{ emptyText: <Empty image={<ApartmentOutlined style={{ fontSize: 40, color: '#bfbfbf' }} />} description={t('units.empty')} /> }}
        />
      </Card>
      <Modal
        open={editing !== null}
        title={editingUnit ? t('units.editTitle', { name: editingUnit.name }) : t('units.createTitle')}
        okText={t('shared.save')}
        cancelText={t('shared.cancel')}
        confirmLoading={save.isPending}
        onCancel={() => setEditing(null)}
        onOk={() => form.submit()}
        okButtonProps={{ 'data-testid': 'unit-save' }}
        destroyOnHidden
      >
        <Form<UnitForm> form={form} {...saveByButton} layout="vertical" onFinish={(v) => save.mutate(v)}>
          {(editing?.mode === 'create' ? hasRoot : editingUnit?.parentId !== null) && (
            <Form.Item name="parentId" label={t('units.parent')} rules={[{ required: true, message: t('units.parentRequired') }]} extra={editingUnit ? t('units.moveHint') : undefined}>
              <UnitTreeSelect excludeId={editingUnit?.id} allowClear={false} data-testid="unit-parent" />
            </Form.Item>
          )}
          <Form.Item name="name" label={t('units.name')} rules={[{ required: true, whitespace: true, message: t('units.nameRequired') }, { max: 100 }]}>
            <Input data-testid="unit-name" maxLength={100} autoFocus />
          </Form.Item>
          <Form.Item name="kind" label={t('units.kind')} rules={[{ required: true }]}>
            <Select data-testid="unit-kind" options={ORG_UNIT_KINDS.map((k) => ({ value: k, label: t(`units.kinds.${k}`) }))} />
          </Form.Item>
          <Form.Item name="code" label={t('units.code')} rules={[{ max: 50 }]}>
            <Input data-testid="unit-code" maxLength={50} />
          </Form.Item>
          <Form.Item name="sortOrder" label={t('units.sortOrder')} extra={t('units.sortOrderHint')}>
            <InputNumber data-testid="unit-sort" style={{ width: '100%' }} precision={0} />
          </Form.Item>
        </Form>
      </Modal>
    </div>
  );
}
