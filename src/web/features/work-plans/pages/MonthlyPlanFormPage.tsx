import { MinusCircleOutlined, PlusOutlined } from '@ant-design/icons';
import { Button, Card, DatePicker, Flex, Form, Input, InputNumber, Select, Skeleton } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useTranslation } from 'react-i18next';
import { useNavigate, useParams } from 'react-router';
import { PLAN_ITEM_KINDS, type MonthlyPlanDetail, type PlanItemKind } from '../../../../shared/contracts/work-plans';
import { ErrorAlert } from '../../../components/ErrorAlert';
import { applyFormErrors, errorMessage } from '../../../components/errors';
import { dateFieldProps } from '../../../components/formDate';
import { PageHeader } from '../../../components/PageHeader';
import { useFeedback } from '../../../components/feedback';
import { AccountSelect } from '../../accounts';
import { useMonthlyPlan, usePlanWrite } from '../api';
import { saveByButton, useOneSave } from '../../../components/formSubmit';

interface Values {
  month?: Dayjs;
  plannedVisits: number;
  plannedExpansions: number;
  plannedDeals: number;
  note?: string | null;
  items: { kind: PlanItemKind; accountId?: number | null; targetName?: string | null; plannedOn?: string | null; note?: string | null }[];
}

/** /monthly-plans/new and /monthly-plans/:id/edit — next month's 拜访 / 拓展 / 成交 targets and the accounts named. */
export function MonthlyPlanFormPage() {
  const { id } = useParams();
  const planId = Number(id) || 0;
  const existing = useMonthlyPlan(planId);
  if (planId && !existing.data) return existing.error ? <ErrorAlert error={existing.error} /> : <Skeleton active />;
  return <PlanForm plan={planId ? existing.data : undefined} />;
}

function PlanForm({ plan }: { plan?: MonthlyPlanDetail }) {
  const { t } = useTranslation('workPlans');
  const { message } = useFeedback();
  const navigate = useNavigate();
  const [form] = Form.useForm<Values>();
  const create = usePlanWrite(0, 'create');
  const edit = usePlanWrite(plan?.id ?? 0, 'edit');
  const busy = create.isPending || edit.isPending;

  const initialValues: Values = plan
    ? {
        plannedVisits: plan.actuals.visits.planned,
        plannedExpansions: plan.actuals.expansions.planned,
        plannedDeals: plan.actuals.deals.planned,
        note: plan.note,
        items: plan.items.map((i) => ({ kind: i.kind, accountId: i.account?.id ?? null, targetName: i.account ? null : i.targetName, plannedOn: i.plannedOn, note: i.note })),
      }
    : { month: dayjs().add(1, 'month').startOf('month'), plannedVisits: 0, plannedExpansions: 0, plannedDeals: 0, items: [] };

  // one press of 保存 makes one plan (Enter in a field does not save)
  const onFinish = useOneSave(async (v: Values) => {
    const body = {
      plannedVisits: v.plannedVisits ?? 0,
      plannedExpansions: v.plannedExpansions ?? 0,
      plannedDeals: v.plannedDeals ?? 0,
      note: v.note ?? null,
      items: (v.items ?? []).map((i) => ({ kind: i.kind, accountId: i.accountId ?? null, targetName: i.accountId ? null : (i.targetName ?? null), plannedOn: i.plannedOn ?? null, note: i.note ?? null })),
    };
    try {
      const saved = plan ? await edit.mutateAsync({ ...body, version: plan.version }) : await create.mutateAsync({ ...body, month: v.month?.format('YYYY-MM') });
      void message.success(t('plans.saved'));
      navigate(`/monthly-plans/${saved.id}`, { replace: !!plan });
    } catch (err) {
      if (!applyFormErrors(form, err)) void message.error(errorMessage(err, t));
    }
  });

  return (
    <div style={{ maxWidth: 860 }}>
      <PageHeader title={plan ? t('plans.editTitle', { month: plan.month }) : t('plans.new')} subtitle={t('plans.formHint')} />
      <Card size="small">
        <Form form={form} {...saveByButton} layout="vertical" initialValues={initialValues} onFinish={onFinish} data-testid="plan-form">
          {!plan && (
            <Form.Item name="month" label={t('plans.month')} rules={[{ required: true }]}>
              <DatePicker picker="month" allowClear={false} disabledDate={(d) => d.isBefore(dayjs().startOf('month'))} data-testid="plan-month" />
            </Form.Item>
          )}
          <Flex wrap style={{ columnGap: 16 }}>
            {(['plannedVisits', 'plannedExpansions', 'plannedDeals'] as const).map((k) => (
              <Form.Item key={k} name={k} label={t(`plans.fields.${k}`)} rules={[{ required: true }]} style={{ flex: '1 1 160px' }}>
                <InputNumber min={0} max={10_000} precision={0} style={{ width: '100%' }} data-testid={`plan-${k}`} />
              </Form.Item>
            ))}
          </Flex>
          <Form.Item name="note" label={t('plans.fields.note')}>
            <Input.TextArea autoSize={{ minRows: 2, maxRows: 6 }} maxLength={2000} />
          </Form.Item>
          <Form.Item label={t('plans.fields.items')} extra={t('plans.fields.itemsHint')}>
            <Form.List name="items">
              {(fields, { add, remove }) => (
                <Flex vertical gap={8}>
                  {fields.map((f) => (
                    <Flex key={f.key} gap={8} wrap align="start" data-testid="plan-item">
                      <Form.Item name={[f.name, 'kind']} rules={[{ required: true }]} style={{ marginBottom: 0, width: 110 }}>
                        <Select options={PLAN_ITEM_KINDS.map((k) => ({ value: k, label: t(`plans.kinds.${k}`) }))} />
                      </Form.Item>
                      <Form.Item name={[f.name, 'accountId']} style={{ marginBottom: 0, flex: '2 1 200px' }}>
                        <AccountSelect allowClear placeholder={t('plans.fields.account')} />
                      </Form.Item>
                      <Form.Item noStyle shouldUpdate={(a, b) => a.items?.[f.name]?.accountId !== b.items?.[f.name]?.accountId}>
                        {({ getFieldValue }) =>
                          !getFieldValue(['items', f.name, 'accountId']) && (
                            <Form.Item name={[f.name, 'targetName']} style={{ marginBottom: 0, flex: '1 1 160px' }}>
                              <Input placeholder={t('plans.fields.targetName')} maxLength={200} />
                            </Form.Item>
                          )
                        }
                      </Form.Item>
                      <Form.Item name={[f.name, 'plannedOn']} {...dateFieldProps} style={{ marginBottom: 0, width: 140 }}>
                        <DatePicker placeholder={t('plans.fields.plannedOn')} style={{ width: '100%' }} />
                      </Form.Item>
                      <Form.Item name={[f.name, 'note']} style={{ marginBottom: 0, flex: '1 1 140px' }}>
                        <Input placeholder={t('plans.fields.itemNote')} maxLength={500} />
                      </Form.Item>
                      <Button type="text" icon={<MinusCircleOutlined />} onClick={() => remove(f.name)} aria-label={t('plans.removeItem')} />
                    </Flex>
                  ))}
                  <Flex gap={8} wrap>
                    {PLAN_ITEM_KINDS.map((k) => (
                      <Button key={k} type="dashed" icon={<PlusOutlined />} onClick={() => add({ kind: k })} data-testid={`plan-add-${k}`}>
                        {t(`plans.add.${k}`)}
                      </Button>
                    ))}
                  </Flex>
                </Flex>
              )}
            </Form.List>
          </Form.Item>
          <Flex gap={8}>
            <Button type="primary" htmlType="submit" loading={busy} data-testid="plan-save">
              {t('actions.save')}
            </Button>
            <Button onClick={() => navigate(-1)}>{t('actions.cancel')}</Button>
          </Flex>
        </Form>
      </Card>
    </div>
  );
}
