import { PlusOutlined } from '@ant-design/icons';
import { Alert, Button, Card, DatePicker, Empty, Flex, Form, Grid, Input, Modal, Select, Table, Typography } from 'antd';
import type { TableColumnsType } from 'antd';
import dayjs from 'dayjs';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { EVENT_COST_CATEGORIES, type EventCost, type EventDetail } from '../../../../shared/contracts/events';
import { ApiError } from '../../../api/client';
import { useMoney } from '../../../components/display';
import { useApiError, useFeedback } from '../../../components/feedback';
import { dateFieldProps, today } from '../../../components/formDate';
import { saveByButton, useOneSave } from '../../../components/formSubmit';
import { MoneyInput } from '../../../components/MoneyInput';
import { MoneyText } from '../../../components/MoneyText';
import { useAddCost, useDeleteCost } from '../api';
import { ConfirmDelete, useAttempt } from '../helpers';

type Category = (typeof EVENT_COST_CATEGORIES)[number];

interface Values {
  category: Category;
  amount?: number | null;
  spentOn: string;
  note?: string;
  overBudgetReason?: string;
}

/**
 * 费用: the costs recorded against the event's budget, each with who recorded it and — above the budget —
 * why; the organiser adds (the reason asked for as soon as the amount takes the total above the budget)
 * and removes them until the event closes.
 */
export function CostsCard({ event: e }: { event: EventDetail }) {
  const { t } = useTranslation('events');
  const phone = Grid.useBreakpoint().md === false;
  const money = useMoney();
  const remove = useDeleteCost();
  const attempt = useAttempt();
  const [adding, setAdding] = useState(false);

  const del = (c: EventCost) =>
    e.can.costs ? (
      <ConfirmDelete
        title={t('costs.removeConfirm', { amount: money(c.amount) })}
        label={t('common:actions.delete')}
        testId={`event-cost-delete-${c.id}`}
        onConfirm={() => attempt(() => remove.mutateAsync({ id: e.id, costId: c.id }), t('costs.removed'))}
      />
    ) : null;
  const reason = (c: EventCost) =>
    c.overBudgetReason ? (
      <Typography.Text type="danger" style={{ whiteSpace: 'pre-wrap' }}>
        {c.overBudgetReason}
      </Typography.Text>
    ) : null;

  const columns: TableColumnsType<EventCost> = [
    { title: t('fields.category'), dataIndex: 'category', width: 100, render: (v: Category) => t(`costCategories.${v}`) },
    { title: t('fields.amount'), dataIndex: 'amount', width: 130, align: 'right', render: (v: number) => <MoneyText fen={v} /> },
    { title: t('fields.spentOn'), dataIndex: 'spentOn', width: 110 },
    { title: t('fields.note'), dataIndex: 'note', render: (v: string) => v || <Typography.Text type="secondary">—</Typography.Text> },
    { title: t('fields.overBudgetReason'), key: 'reason', render: (_, c) => reason(c) ?? <Typography.Text type="secondary">—</Typography.Text> },
    { title: t('list.columns.owner'), key: 'by', width: 90, render: (_, c) => c.createdBy.name },
    { key: 'delete', width: 48, render: (_, c) => del(c) },
  ];

  return (
    <Card
      size="small"
      title={t('costs.listTitle')}
      extra={
        e.can.costs && (
          <Button type="primary" size="small" icon={<PlusOutlined />} onClick={() => setAdding(true)} data-testid="event-cost-add">
            {t('costs.add')}
          </Button>
        )
      }
      data-testid="event-costs"
    >
      {!e.can.costs && (e.status === 'draft' || e.status === 'pending' || e.status === 'rejected') && <Alert type="info" showIcon title={t('costs.notYet')} style={{ marginBottom: 12 }} />}
      {e.costs.length === 0 ? (
        <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('costs.empty')} />
      ) : phone ? (
        <Flex vertical gap={8}>
          {e.costs.map((c) => (
            <Card key={c.id} size="small" data-testid={`event-cost-${c.id}`}>
              <Flex justify="space-between" align="start" gap={8}>
                <Flex vertical style={{ minWidth: 0 }}>
                  <Typography.Text strong>{t(`costCategories.${c.category}`)}</Typography.Text>
                  <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                    {c.spentOn} · {c.createdBy.name}
                  </Typography.Text>
                </Flex>
                <Flex align="center" gap={4}>
                  <MoneyText fen={c.amount} />
                  {del(c)}
                </Flex>
              </Flex>
              {c.note && <Typography.Paragraph style={{ margin: '4px 0 0' }}>{c.note}</Typography.Paragraph>}
              {reason(c)}
            </Card>
          ))}
        </Flex>
      ) : (
        <Table<EventCost> rowKey="id" size="small" columns={columns} dataSource={e.costs} pagination={false} scroll={{ x: 800 }} onRow={(c) => ({ 'data-testid': `event-cost-${c.id}` }) as never} data-testid="event-costs-table" />
      )}
      {e.costs.length > 0 && (
        <Flex justify="flex-end" style={{ marginTop: 8 }}>
          <Typography.Text strong type={e.spent > e.budget ? 'danger' : undefined} data-testid="event-costs-total">
            {t('costs.total', { amount: money(e.spent) })}
          </Typography.Text>
        </Flex>
      )}
      {adding && <AddCostModal event={e} onClose={() => setAdding(false)} />}
    </Card>
  );
}

const overIssue = (err: unknown) => err instanceof ApiError && err.issues.some((i) => i.path === 'overBudgetReason');

/** 记录费用: category, amount (元), date, note; the reason for exceeding the budget once the total would go above it. */
function AddCostModal({ event: e, onClose }: { event: EventDetail; onClose: () => void }) {
  const { t } = useTranslation('events');
  const money = useMoney();
  const add = useAddCost();
  const showError = useApiError();
  const { message } = useFeedback();
  const [form] = Form.useForm<Values>();
  // the server may know of a cost this page has not read yet: its answer shows the reason field too
  const [asked, setAsked] = useState(false);
  const amount = (Form.useWatch('amount', form) as number | null | undefined) ?? 0;
  const total = e.spent + amount;
  const over = (amount > 0 && total > e.budget) || asked;

  const submit = useOneSave(async (v: Values) => {
    try {
      await add.mutateAsync({ id: e.id, body: { category: v.category, amount: v.amount ?? 0, spentOn: v.spentOn, note: v.note?.trim() ?? '', overBudgetReason: over ? v.overBudgetReason?.trim() : undefined } });
      void message.success(t('costs.added'));
      onClose();
    } catch (err) {
      if (overIssue(err) && !over) setAsked(true);
      showError(err, form);
    }
  });

  return (
    <Modal
      open
      title={t('costs.add')}
      onCancel={onClose}
      okText={t('costs.add')}
      cancelText={t('actions.back')}
      okButtonProps={{ loading: add.isPending, htmlType: 'submit', form: 'event-cost-form', 'data-testid': 'event-cost-ok' } as never}
      destroyOnHidden
    >
      <Form<Values> form={form} id="event-cost-form" {...saveByButton} layout="vertical" initialValues={{ category: 'venue', spentOn: today() }} onFinish={(v) => void submit(v)}>
        <Flex gap={12} wrap>
          <Form.Item name="category" label={t('fields.category')} rules={[{ required: true }]} style={{ flex: '1 1 160px' }}>
            <Select options={EVENT_COST_CATEGORIES.map((c) => ({ value: c, label: t(`costCategories.${c}`) }))} data-testid="event-cost-category" />
          </Form.Item>
          <Form.Item name="spentOn" label={t('fields.spentOn')} rules={[{ required: true, message: t('costs.dateRequired') }]} {...dateFieldProps} style={{ flex: '1 1 160px' }}>
            <DatePicker style={{ width: '100%' }} disabledDate={(d) => d.isAfter(dayjs().add(1, 'year'))} inputReadOnly data-testid="event-cost-date" />
          </Form.Item>
        </Flex>
        <Form.Item name="amount" label={t('fields.amount')} rules={[{ required: true, message: t('costs.amountRequired') }, { type: 'number', min: 1, message: t('costs.amountRequired') }]}>
          <MoneyInput data-testid="event-cost-amount" />
        </Form.Item>
        <Form.Item name="note" label={t('fields.note')} rules={[{ max: 500 }]}>
          <Input placeholder={t('costs.notePlaceholder')} data-testid="event-cost-note" />
        </Form.Item>
        {over && (
          <>
            <Alert type="warning" showIcon title={t('costs.overNote', { total: money(total), over: money(Math.max(total - e.budget, 0)) })} style={{ marginBottom: 12 }} data-testid="event-cost-over" />
            <Form.Item name="overBudgetReason" label={t('fields.overBudgetReason')} rules={[{ required: true, whitespace: true, message: t('costs.overReasonRequired') }, { max: 500 }]}>
              <Input.TextArea autoSize={{ minRows: 2, maxRows: 6 }} placeholder={t('costs.overReasonPlaceholder')} data-testid="event-cost-reason" />
            </Form.Item>
          </>
        )}
      </Form>
    </Modal>
  );
}
