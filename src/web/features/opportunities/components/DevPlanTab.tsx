import { DeleteOutlined, FileSearchOutlined, PlusOutlined, SaveOutlined, SendOutlined, UndoOutlined } from '@ant-design/icons';
import { Alert, Button, Card, Checkbox, Col, DatePicker, Divider, Empty, Flex, Form, Input, InputNumber, Row, Select, Skeleton, Space, Statistic, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { DevPlan, DevPlanInput, OpportunityDetail } from '../../../../shared/contracts/opportunities';
import { PLAN_ADVANTAGES, STAGE_SUPPORT, STAGES, type PlanAdvantage, type PlanStatus, type Stage } from '../../../../shared/domain/pipeline';
import { fenToYuan, yuanToFen } from '../../../../shared/domain/money';
import { DateTime } from '../../../components/DateTime';
import { ErrorAlert } from '../../../components/ErrorAlert';
import { MoneyText } from '../../../components/MoneyText';
import { dateFieldProps } from '../../../components/formDate';
import { useFeedback } from '../../../components/feedback';
import { MoneyInput } from '../../../components/MoneyInput';
import { UserSelect } from '../../../components/UserSelect';
import { opportunityApi, useDevPlan, useOpportunityWrite } from '../api';
import { expectedReturn } from '../helpers';
import { DevPlanDocument } from './DevPlanDocument';
import { PlanStatusTag } from './tags';
import { saveByButton } from '../../../components/formSubmit';

interface Values {
  strategy?: string;
  advantages?: PlanAdvantage[];
  steps?: { title?: string; ownerId?: number; dueOn?: string | null; stage?: Stage | null; done?: boolean }[];
  support?: string[];
  resources?: string | null;
  budget?: number | null;
  forecast?: { sales?: number | null; profit?: number | null; staffCost?: number | null; travelCost?: number | null; operatingCost?: number | null; riskCoefficient?: number | null };
}

const COST_FIELDS = ['sales', 'staffCost', 'travelCost', 'operatingCost'] as const;
const EDITABLE = new Set<PlanStatus>(['draft', 'rejected', 'withdrawn']);

function toInput(v: Values, version: number): DevPlanInput {
  return {
    strategy: v.strategy ?? '',
    advantages: v.advantages ?? [],
    steps: (v.steps ?? []).map((s) => ({ title: s.title ?? '', ownerId: s.ownerId ?? 0, dueOn: s.dueOn ?? null, stage: s.stage ?? null, done: !!s.done })),
    support: v.support ?? [],
    resources: v.resources ?? null,
    budget: v.budget ?? null,
    forecast: v.forecast ?? {},
    version,
  };
}

/**
 * 客户开发方案 (PIPE-6): strategy, the six advantages, steps, company support, resources, budget
 * and the 费用销售预测 with its expected return; saved as a draft, submitted to the director. A plan
 * that cannot be changed here (with the director, approved, or the caller may not write) reads as
 * a document.
 */
export function DevPlanTab({ o }: { o: OpportunityDetail }) {
  const plan = useDevPlan(o.id);
  if (plan.isLoading) return <Skeleton active />;
  if (plan.isError) return <ErrorAlert error={plan.error} onRetry={() => void plan.refetch()} />;
  const p = plan.data ?? null;
  // the server takes changes to a draft, or to a plan that came back rejected or withdrawn
  const editable = o.canWrite && o.status === 'open' && (!p || EDITABLE.has(p.status));
  const key = p ? `${p.id}:${p.version}` : 'new';
  return editable ? <PlanForm key={key} o={o} plan={p} /> : <PlanView key={key} o={o} plan={p} />;
}

/** The plan's status, author and approval link, and what its status means for the project. */
function PlanHeader({ o, plan }: { o: OpportunityDetail; plan: DevPlan | null }) {
  const { t } = useTranslation('opportunities');
  if (!plan) return null;
  return (
    <>
      <Flex gap={8} wrap align="center" style={{ marginBottom: 12 }}>
        <PlanStatusTag status={plan.status} />
        <Typography.Text type="secondary">
          {t('plan.by', { name: plan.createdBy.name })} · <DateTime value={plan.updatedAt} />
        </Typography.Text>
        {plan.approvalId && (
          <Link to={`/approvals/${plan.approvalId}`} data-testid="plan-approval-link">
            <FileSearchOutlined /> {t('plan.openApproval')}
          </Link>
        )}
      </Flex>
      {plan.status === 'approved' && o.stage === 3 && <Alert type="success" showIcon style={{ marginBottom: 12 }} title={t('plan.approvedHint')} />}
      {plan.status === 'rejected' && <Alert type="error" showIcon style={{ marginBottom: 12 }} title={t('plan.rejectedHint')} />}
    </>
  );
}

/** A plan nobody can change here: the document, and the withdrawal while it waits for the director. */
function PlanView({ o, plan }: { o: OpportunityDetail; plan: DevPlan | null }) {
  const { t } = useTranslation('opportunities');
  const { message } = useFeedback();
  const withdraw = useOpportunityWrite(() => opportunityApi.withdrawPlan(o.id, plan?.version ?? 0), { onDone: () => void message.success(t('plan.withdrawn')) });
  return (
    <div data-testid="dev-plan">
      <PlanHeader o={o} plan={plan} />
      {plan ? <DevPlanDocument plan={plan} /> : <Empty description={t('plan.none')} />}
      {o.canWrite && plan?.status === 'pending' && (
        <Button icon={<UndoOutlined />} loading={withdraw.isPending} onClick={() => withdraw.mutate(undefined)} style={{ marginTop: 16 }} data-testid="plan-withdraw">
          {t('plan.withdraw')}
        </Button>
      )}
    </div>
  );
}

function PlanForm({ o, plan }: { o: OpportunityDetail; plan: DevPlan | null }) {
  const { t } = useTranslation('opportunities');
  const { message } = useFeedback();
  const [form] = Form.useForm<Values>();
  const forecast = Form.useWatch('forecast', form) ?? plan?.forecast ?? {};
  const version = plan?.version ?? 0;

  const save = useOpportunityWrite((v: Values) => opportunityApi.savePlan(o.id, toInput(v, version)), { form, onDone: () => void message.success(t('plan.saved')) });
  // Submitting saves what is on the screen first, so nobody submits a stale draft by mistake.
  const submit = useOpportunityWrite(
    async (v: Values) => {
      const saved = form.isFieldsTouched() || !plan ? (await opportunityApi.savePlan(o.id, toInput(v, version))).plan : plan;
      return opportunityApi.submitPlan(o.id, saved.version);
    },
    { form, onDone: () => void message.success(t('plan.submitted')) },
  );

  const initialValues: Values = plan
    ? { ...plan, resources: plan.resources ?? undefined, forecast: Object.fromEntries(Object.entries(plan.forecast).filter(([k, v]) => k !== 'expectedReturn' && v !== null)) }
    : { advantages: [], steps: [], support: [], forecast: {} };
  const ret = expectedReturn(forecast);
  const required = { required: true, message: t('form.required') };

  return (
    <div data-testid="dev-plan">
      <PlanHeader o={o} plan={plan} />
      <Form<Values> form={form} {...saveByButton} layout="vertical" initialValues={initialValues} onFinish={(v) => save.mutate(v)} scrollToFirstError>
        <Form.Item name="strategy" label={t('plan.strategy')} rules={[required]} extra={t('plan.strategyHint')}>
          <Input.TextArea autoSize={{ minRows: 3, maxRows: 12 }} maxLength={8000} data-testid="plan-strategy" />
        </Form.Item>
        <Form.Item name="advantages" label={t('plan.advantages')}>
          <Checkbox.Group options={PLAN_ADVANTAGES.map((a) => ({ value: a, label: t(`pipeline:advantages.${a}`) }))} data-testid="plan-advantages" />
        </Form.Item>
        <Form.Item label={t('plan.steps')}>
          <Form.List name="steps">
            {(fields, { add, remove }) => (
              <Flex vertical gap={8}>
                {fields.map((f) => (
                  <Card key={f.key} size="small" styles={{ body: { padding: 8 } }} data-testid={`plan-step-${f.name}`}>
                    <Row gutter={[8, 8]} align="middle">
                      <Col xs={24} md={8}>
                        <Form.Item name={[f.name, 'title']} rules={[required]} noStyle>
                          <Input placeholder={t('plan.stepTitle')} maxLength={300} data-testid={`plan-step-title-${f.name}`} />
                        </Form.Item>
                      </Col>
                      <Col xs={24} md={5}>
                        <Form.Item name={[f.name, 'ownerId']} rules={[required]} noStyle>
                          <UserSelect placeholder={t('plan.stepOwner')} data-testid={`plan-step-owner-${f.name}`} />
                        </Form.Item>
                      </Col>
                      <Col xs={12} md={4}>
                        <Form.Item name={[f.name, 'dueOn']} noStyle {...dateFieldProps}>
                          <DatePicker placeholder={t('plan.stepDue')} style={{ width: '100%' }} />
                        </Form.Item>
                      </Col>
                      <Col xs={12} md={4}>
                        <Form.Item name={[f.name, 'stage']} noStyle>
                          <Select allowClear placeholder={t('plan.stepStage')} options={STAGES.map((s) => ({ value: s, label: t('stageShort', { stage: s }) }))} style={{ width: '100%' }} />
                        </Form.Item>
                      </Col>
                      <Col xs={24} md={3}>
                        <Flex justify="space-between" align="center">
                          <Form.Item name={[f.name, 'done']} valuePropName="checked" noStyle>
                            <Checkbox>{t('plan.stepDone')}</Checkbox>
                          </Form.Item>
                          <Button type="text" icon={<DeleteOutlined />} onClick={() => remove(f.name)} aria-label={t('common:actions.delete')} />
                        </Flex>
                      </Col>
                    </Row>
                  </Card>
                ))}
                <Button icon={<PlusOutlined />} onClick={() => add({ stage: o.stage, done: false })} style={{ alignSelf: 'flex-start' }} data-testid="plan-step-add">
                  {t('plan.addStep')}
                </Button>
              </Flex>
            )}
          </Form.List>
        </Form.Item>
        <Form.Item name="support" label={t('plan.support')}>
          <Checkbox.Group style={{ display: 'block' }}>
            {STAGES.map((s) => (
              <div key={s} style={{ marginBottom: 4 }}>
                <Typography.Text type="secondary" style={{ marginInlineEnd: 8, fontSize: 12 }}>
                  {t('stageShort', { stage: s })}
                </Typography.Text>
                {STAGE_SUPPORT[s].map((item) => (
                  <Checkbox key={item} value={item}>
                    {t(`pipeline:support.${item}`)}
                  </Checkbox>
                ))}
              </div>
            ))}
          </Checkbox.Group>
        </Form.Item>
        <Row gutter={16}>
          <Col xs={24} md={16}>
            <Form.Item name="resources" label={t('plan.resources')}>
              <Input.TextArea autoSize={{ minRows: 2, maxRows: 8 }} maxLength={4000} />
            </Form.Item>
          </Col>
          <Col xs={24} md={8}>
            <Form.Item name="budget" label={t('plan.budget')}>
              <MoneyInput data-testid="plan-budget" />
            </Form.Item>
          </Col>
        </Row>
        <Divider titlePlacement="start" plain>
          {t('plan.forecast')}
        </Divider>
        <Row gutter={16}>
          {COST_FIELDS.map((k) => (
            <Col key={k} xs={12} md={8} lg={4}>
              <Form.Item name={['forecast', k]} label={t(`plan.forecastFields.${k}`)}>
                <MoneyInput data-testid={`plan-forecast-${k}`} />
              </Form.Item>
            </Col>
          ))}
          <Col xs={12} md={8} lg={4}>
            <Form.Item name={['forecast', 'profit']} label={t('plan.forecastFields.profit')}>
              <ProfitInput />
            </Form.Item>
          </Col>
          <Col xs={12} md={8} lg={4}>
            <Form.Item name={['forecast', 'riskCoefficient']} label={t('plan.forecastFields.riskCoefficient')} tooltip={t('plan.riskHint')}>
              <InputNumber min={0} max={1} step={0.05} precision={2} style={{ width: '100%' }} data-testid="plan-forecast-risk" />
            </Form.Item>
          </Col>
        </Row>
        <Card size="small" style={{ marginBottom: 16, maxWidth: 420 }}>
          <Statistic title={t('plan.expectedReturn')} valueRender={() => (ret === null ? <Typography.Text type="secondary">{t('plan.needSales')}</Typography.Text> : <span data-testid="plan-expected-return"><MoneyText fen={ret} strong /></span>)} />
          <Typography.Text type="secondary" style={{ fontSize: 12 }}>
            {t('plan.expectedReturnHint')}
          </Typography.Text>
        </Card>
      </Form>
      <Space wrap>
        <Button icon={<SaveOutlined />} loading={save.isPending} onClick={() => form.submit()} data-testid="plan-save">
          {t('plan.save')}
        </Button>
        <Button
          type="primary"
          icon={<SendOutlined />}
          loading={submit.isPending}
          onClick={() =>
            form
              .validateFields()
              .then((v) => submit.mutate(v))
              // the form shows what is missing
              .catch(() => undefined)
          }
          data-testid="plan-submit"
        >
          {t('plan.submit')}
        </Button>
      </Space>
    </div>
  );
}

/** Profit may be negative: yuan typed, fen kept. */
function ProfitInput({ value, onChange }: { value?: number | null; onChange?: (fen: number | null) => void }) {
  const { t } = useTranslation('admin');
  return (
    <InputNumber<number>
      step={1}
      precision={2}
      style={{ width: '100%' }}
      suffix={t('shared.yuan')}
      value={value === null || value === undefined ? null : fenToYuan(value)}
      onChange={(v) => onChange?.(v === null || v === undefined ? null : yuanToFen(v))}
      data-testid="plan-forecast-profit"
    />
  );
}
