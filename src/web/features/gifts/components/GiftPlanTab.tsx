import { DeleteOutlined, EditOutlined, PlusOutlined } from '@ant-design/icons';
import { Button, Empty, Flex, Form, Input, InputNumber, Popconfirm, Select, Table } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { GiftPlan, GiftPlanCreate } from '../../../../shared/contracts/gifts';
import { ErrorAlert } from '../../../components/ErrorAlert';
import { FormDrawer } from '../../../components/FormDrawer';
import { MoneyText } from '../../../components/MoneyText';
import { withNulls } from '../../../components/formValues';
import { MoneyInput } from '../../../components/MoneyInput';
import { useApiError } from '../../../components/feedback';
import { useDeleteGiftPlan, useGiftItems, useGiftPlans, useSaveGiftPlan } from '../api';

/** 礼品馈赠计划表 of one account: 客户名称 · 行业 · 合作现状 · 馈赠礼品名称 · 礼品数量 · 预算价值(元) · 负责人姓名 · 备注. */
export function GiftPlanTab({ accountId, editable }: { accountId: number; editable: boolean }) {
  const { t } = useTranslation('gifts');
  const plans = useGiftPlans(accountId);
  const remove = useDeleteGiftPlan();
  const showError = useApiError();
  const [editing, setEditing] = useState<GiftPlan | 'new' | null>(null);
  const columns: ColumnsType<GiftPlan> = [
    { title: t('plans.account'), dataIndex: 'accountName' },
    { title: t('plans.industry'), dataIndex: 'industry' },
    { title: t('plans.cooperationStatus'), dataIndex: 'cooperationStatus' },
    { title: t('plans.item'), dataIndex: 'itemName' },
    { title: t('plans.quantity'), dataIndex: 'quantity', align: 'right' },
    { title: t('plans.budget'), dataIndex: 'budget', align: 'right', render: (v: number | null) => <MoneyText fen={v} /> },
    { title: t('plans.responsible'), dataIndex: 'responsibleName' },
    { title: t('plans.remark'), dataIndex: 'remark' },
    ...(editable
      ? [
          {
            key: 'actions',
            render: (_v: unknown, r: GiftPlan) => (
              <Flex gap={4}>
                <Button size="small" icon={<EditOutlined />} onClick={() => setEditing(r)} aria-label={t('common:actions.edit')} />
                <Popconfirm title={t('plans.deleteConfirm')} onConfirm={() => remove.mutate({ id: r.id, version: r.version }, { onError: (e) => showError(e) })}>
                  <Button size="small" danger icon={<DeleteOutlined />} aria-label={t('plans.delete')} />
                </Popconfirm>
              </Flex>
            ),
          },
        ]
      : []),
  ];
  return (
    <>
      {editable && (
        <Flex justify="flex-end" style={{ marginBottom: 8 }}>
          <Button icon={<PlusOutlined />} onClick={() => setEditing('new')} data-testid="gift-plan-add">
            {t('plans.add')}
          </Button>
        </Flex>
      )}
      {plans.error ? <ErrorAlert error={plans.error} onRetry={() => void plans.refetch()} /> : null}
      <Table<GiftPlan>
        rowKey="id"
        size="small"
        bordered
        loading={plans.isLoading}
        dataSource={plans.data?.items ?? []}
        columns={columns}
        pagination={false}
        scroll={{ x: true }}
        locale={{ emptyText: <Empty description={t('plans.empty')} /> }}
        data-testid="gift-plans"
      />
      <PlanDrawer accountId={accountId} plan={editing} onClose={() => setEditing(null)} />
    </>
  );
}

function PlanDrawer({ accountId, plan, onClose }: { accountId: number; plan: GiftPlan | 'new' | null; onClose: () => void }) {
  const { t } = useTranslation('gifts');
  const [form] = Form.useForm<GiftPlanCreate>();
  const items = useGiftItems();
  const save = useSaveGiftPlan(accountId);
  const showError = useApiError();
  const editing = plan !== null && plan !== 'new' ? plan : null;
  const initial: Partial<GiftPlanCreate> = editing
    ? { cooperationStatus: editing.cooperationStatus, itemId: editing.itemId, quantity: editing.quantity, budget: editing.budget, remark: editing.remark }
    : { quantity: 1 };
  return (
    <FormDrawer open={plan !== null} title={t('plans.title')} formId="gift-plan-form" saving={save.isPending} saveText={t('common:actions.save')} cancelText={t('common:actions.cancel')} onClose={onClose} testId="gift-plan-drawer">
      <Form<GiftPlanCreate>
        form={form}
        name="gift-plan-form"
        layout="vertical"
        initialValues={initial}
        onFinish={(v) => {
          const body = withNulls(v, ['cooperationStatus', 'budget', 'remark']);
          save.mutate({ id: editing?.id, body: editing ? { ...body, version: editing.version } : body }, { onSuccess: onClose, onError: (e) => showError(e, form) });
        }}
      >
        <Form.Item name="cooperationStatus" label={t('plans.cooperationStatus')} rules={[{ max: 200 }]}>
          <Input />
        </Form.Item>
        <Form.Item name="itemId" label={t('plans.item')} rules={[{ required: true }]}>
          <Select showSearch={{ optionFilterProp: 'label' }} options={(items.data?.items ?? []).filter((i) => i.active).map((i) => ({ value: i.id, label: i.name }))} data-testid="gift-plan-item" />
        </Form.Item>
        <Flex gap={12}>
          <Form.Item name="quantity" label={t('plans.quantity')} rules={[{ required: true }]} style={{ flex: 1 }}>
            <InputNumber<number> min={1} precision={0} style={{ width: '100%' }} />
          </Form.Item>
          <Form.Item name="budget" label={t('plans.budget')} style={{ flex: 2 }}>
            <MoneyInput />
          </Form.Item>
        </Flex>
        <Form.Item name="remark" label={t('plans.remark')} rules={[{ max: 1000 }]}>
          <Input.TextArea autoSize={{ minRows: 2 }} />
        </Form.Item>
      </Form>
    </FormDrawer>
  );
}
