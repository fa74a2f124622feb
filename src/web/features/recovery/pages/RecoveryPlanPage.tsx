import { CheckOutlined, CloseCircleOutlined, PlayCircleOutlined, PlusOutlined, TrophyOutlined } from '@ant-design/icons';
import { Alert, Button, Card, Col, DatePicker, Descriptions, Empty, Flex, Form, Input, List, Modal, Progress, Row, Segmented, Skeleton, Tag, Typography } from 'antd';
import dayjs from 'dayjs';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useParams } from 'react-router';
import type { RecoveryPlan } from '../../../../shared/contracts/recovery';
import { DateTime } from '../../../components/DateTime';
import { ErrorAlert } from '../../../components/ErrorAlert';
import { useApiError, useFeedback } from '../../../components/feedback';
import { dateFieldProps, today } from '../../../components/formDate';
import { saveByButton, useOneSave } from '../../../components/formSubmit';
import { MoneyText } from '../../../components/MoneyText';
import { PageHeader } from '../../../components/PageHeader';
import { AccountLink } from '../../accounts';
import { useAddStep, useClosePlan, useRecoveryPlan, useSavePlan, useStartPlan, useStepDone } from '../api';
import { ScoreTag, StateTag, useDriverTexts } from '../helpers';

/**
 * /recovery/:id — one 挽回方案: why it opened (the drivers in words, the health then and now), the steps
 * with their due dates (the owner ticks theirs; anyone working it adds more), the goal and the measures,
 * and — for the director — 挽回成功 or 确认流失 with the reason.
 */
export function RecoveryPlanPage() {
  const id = Number(useParams().id);
  const one = useRecoveryPlan(id);
  const { t } = useTranslation('recovery');
  if (one.error) return <ErrorAlert error={one.error} onRetry={() => void one.refetch()} />;
  if (!one.data) return <Skeleton active />;
  const p = one.data;
  const reload = () => void one.refetch();
  const closed = p.state === 'won_back' || p.state === 'lost';
  return (
    <div>
      <PageHeader
        title={
          <Flex gap={8} align="center" wrap>
            <span data-testid="recovery-account">{p.account.name}</span>
            <StateTag state={p.state} />
          </Flex>
        }
        subtitle={
          <Flex gap={8} wrap component="span">
            <span>{t(`triggers.${p.trigger}`)}</span>
            <span>·</span>
            <span>{p.owner.name}</span>
            <span>·</span>
            <DateTime value={p.openedAt} />
          </Flex>
        }
        extra={<PlanActions plan={p} onStale={reload} />}
      />
      <Flex vertical gap={12}>
        {closed && (
          <Alert
            type={p.state === 'won_back' ? 'success' : 'warning'}
            showIcon
            title={`${t('detail.outcome')}：${t(`states.${p.state}`)}`}
            description={
              <Flex vertical>
                <span style={{ whiteSpace: 'pre-wrap' }} data-testid="recovery-outcome">
                  {p.outcomeReason}
                </span>
                <Typography.Text type="secondary">
                  {p.closedBy?.name} · <DateTime value={p.closedAt} />
                </Typography.Text>
              </Flex>
            }
          />
        )}
        <Row gutter={[12, 12]}>
          <Col xs={{ span: 24, order: 2 }} lg={{ span: 15, order: 1 }}>
            <Flex vertical gap={12}>
              <Steps plan={p} />
              <GoalCard plan={p} onStale={reload} />
            </Flex>
          </Col>
          <Col xs={{ span: 24, order: 1 }} lg={{ span: 9, order: 2 }}>
            <WhyCard plan={p} />
          </Col>
        </Row>
      </Flex>
    </div>
  );
}

/** 预警原因: the reason and drivers it opened with, the health then and now, the lifecycle it left. */
function WhyCard({ plan: p }: { plan: RecoveryPlan }) {
  const { t } = useTranslation('recovery');
  const { t: ta } = useTranslation('accounts');
  const drivers = useDriverTexts();
  const lines = drivers(p.drivers);
  return (
    <Card size="small" title={t('detail.why')} data-testid="recovery-why">
      {p.trigger === 'manual' && <Typography.Paragraph style={{ whiteSpace: 'pre-wrap' }}>{p.reason}</Typography.Paragraph>}
      {lines.length > 0 && (
        <List size="small" split={false} dataSource={lines} renderItem={(line) => <List.Item style={{ padding: '2px 0' }} data-testid="recovery-driver">• {line}</List.Item>} />
      )}
      <Descriptions size="small" column={1} style={{ marginTop: 8 }}>
        <Descriptions.Item label={t('detail.scoreThen')}>{p.scoreAtOpen ?? t('detail.noScore')}</Descriptions.Item>
        <Descriptions.Item label={t('detail.scoreNow')}>
          <ScoreTag score={p.score} band={p.band} />
        </Descriptions.Item>
        <Descriptions.Item label={t('list.columns.revenue')}>
          <MoneyText fen={p.revenue} />
        </Descriptions.Item>
        {p.lifecycleBefore && <Descriptions.Item label={t('detail.lifecycleBefore')}>{ta(`lifecycles.${p.lifecycleBefore}`)}</Descriptions.Item>}
        <Descriptions.Item label={t('detail.openedBy')}>{p.openedBy?.name ?? t('detail.system')}</Descriptions.Item>
        {p.startedAt && (
          <Descriptions.Item label={t('detail.startedAt')}>
            <DateTime value={p.startedAt} />
          </Descriptions.Item>
        )}
      </Descriptions>
      <AccountLink id={p.account.id} tab="health" data-testid="recovery-account-link">
        {t('detail.account')}
      </AccountLink>
    </Card>
  );
}

interface StepValues {
  title: string;
  dueDate: string;
  assignee: 'owner' | 'me';
}

/** 执行步骤: each step with its owner and due date; the caller ticks their own; those working the plan add steps. */
function Steps({ plan: p }: { plan: RecoveryPlan }) {
  const { t } = useTranslation('recovery');
  const done = useStepDone();
  const add = useAddStep();
  const showError = useApiError();
  const { message } = useFeedback();
  const [adding, setAdding] = useState(false);
  const [form] = Form.useForm<StepValues>();
  const tick = async (stepId: number) => {
    try {
      await done.mutateAsync({ id: p.id, stepId });
      void message.success(t('detail.stepDone'));
    } catch (err) {
      showError(err);
    }
  };
  const submit = useOneSave(async (v: StepValues) => {
    try {
      await add.mutateAsync({ id: p.id, title: v.title.trim(), dueDate: v.dueDate, assignee: v.assignee });
      setAdding(false);
    } catch (err) {
      showError(err, form);
    }
  });
  const percent = p.steps.total ? Math.round((p.steps.done / p.steps.total) * 100) : 0;
  return (
    <Card
      size="small"
      title={t('detail.steps')}
      extra={
        p.can.work && (
          <Button size="small" icon={<PlusOutlined />} onClick={() => setAdding(true)} data-testid="recovery-add-step">
            {t('detail.addStep')}
          </Button>
        )
      }
      data-testid="recovery-steps"
    >
      <Flex align="center" gap={8} style={{ marginBottom: 8 }}>
        <Progress percent={percent} size="small" style={{ flex: 1, margin: 0 }} showInfo={false} />
        <Typography.Text type="secondary" data-testid="recovery-steps-done">
          {t('detail.stepsDone', p.steps)}
        </Typography.Text>
      </Flex>
      {p.stepList.length === 0 ? (
        <Empty description={t('detail.noSteps')} />
      ) : (
        <List
          size="small"
          dataSource={p.stepList}
          renderItem={(s) => (
            <List.Item
              data-testid={`recovery-step-${s.id}`}
              data-status={s.status}
              actions={
                s.mine
                  ? [
                      <Button key="done" size="small" type="primary" ghost icon={<CheckOutlined />} loading={done.isPending && done.variables?.stepId === s.id} onClick={() => void tick(s.id)} data-testid={`recovery-step-done-${s.id}`}>
                        {t('detail.done')}
                      </Button>,
                    ]
                  : []
              }
            >
              <Flex vertical style={{ minWidth: 0 }}>
                <Typography.Text delete={s.status === 'cancelled'} type={s.status === 'done' ? 'secondary' : undefined}>
                  {s.status === 'done' && <CheckOutlined style={{ color: '#389e0d', marginInlineEnd: 6 }} />}
                  {s.title}
                </Typography.Text>
                <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                  {s.owner.name}
                  {s.dueAt && (
                    <>
                      {' · '}
                      {t('detail.due', { date: dayjs(s.dueAt).format('YYYY-MM-DD') })}
                    </>
                  )}
                  {s.status !== 'open' && (
                    <>
                      {' · '}
                      <Tag style={{ fontSize: 11 }}>{t(`stepStatus.${s.status}`)}</Tag>
                    </>
                  )}
                </Typography.Text>
              </Flex>
            </List.Item>
          )}
        />
      )}
      <Modal
        open={adding}
        title={t('detail.addStep')}
        onCancel={() => setAdding(false)}
        okText={t('detail.addStep')}
        cancelText={t('actions.cancel')}
        okButtonProps={{ loading: add.isPending, htmlType: 'submit', form: 'recovery-step-form', 'data-testid': 'recovery-step-ok' } as never}
        destroyOnHidden
      >
        <Form<StepValues> form={form} id="recovery-step-form" {...saveByButton} layout="vertical" preserve={false} initialValues={{ assignee: 'owner', dueDate: dayjs().add(7, 'day').format('YYYY-MM-DD') }} onFinish={(v) => void submit(v)}>
          <Form.Item name="title" label={t('detail.stepTitle')} rules={[{ required: true, whitespace: true, message: t('detail.stepTitleRequired') }, { max: 200 }]}>
            <Input data-testid="recovery-step-title" />
          </Form.Item>
          <Form.Item name="dueDate" label={t('detail.dueDate')} rules={[{ required: true, message: t('detail.dueRequired') }]} {...dateFieldProps}>
            <DatePicker style={{ width: '100%' }} disabledDate={(d) => d.format('YYYY-MM-DD') < today()} inputReadOnly data-testid="recovery-step-due" />
          </Form.Item>
          <Form.Item name="assignee" label={t('detail.assignee')}>
            <Segmented block options={(['owner', 'me'] as const).map((a) => ({ value: a, label: t(`detail.assignees.${a}`, { name: p.owner.name }) }))} />
          </Form.Item>
        </Form>
      </Modal>
    </Card>
  );
}

/** 挽回目标与措施: editable while the plan is open for those working it. */
function GoalCard({ plan: p, onStale }: { plan: RecoveryPlan; onStale: () => void }) {
  const { t } = useTranslation('recovery');
  const save = useSavePlan();
  const showError = useApiError();
  const { message } = useFeedback();
  const [form] = Form.useForm<{ goal: string; actions: string }>();
  const submit = useOneSave(async (v: { goal: string; actions: string }) => {
    try {
      await save.mutateAsync({ id: p.id, version: p.version, goal: v.goal ?? '', actions: v.actions ?? '' });
      void message.success(t('detail.saved'));
    } catch (err) {
      showError(err, form, onStale);
    }
  });
  if (!p.can.work) {
    return (
      <Card size="small" title={`${t('detail.goal')} · ${t('detail.actions')}`}>
        <Descriptions size="small" column={1}>
          <Descriptions.Item label={t('detail.goal')}>
            <span style={{ whiteSpace: 'pre-wrap' }}>{p.goal || <Typography.Text type="secondary">{t('detail.empty')}</Typography.Text>}</span>
          </Descriptions.Item>
          <Descriptions.Item label={t('detail.actions')}>
            <span style={{ whiteSpace: 'pre-wrap' }}>{p.actions || <Typography.Text type="secondary">{t('detail.empty')}</Typography.Text>}</span>
          </Descriptions.Item>
        </Descriptions>
      </Card>
    );
  }
  return (
    <Card size="small" title={`${t('detail.goal')} · ${t('detail.actions')}`}>
      <Form form={form} {...saveByButton} layout="vertical" initialValues={{ goal: p.goal, actions: p.actions }} onFinish={(v) => void submit(v)} key={p.version}>
        <Form.Item name="goal" label={t('detail.goal')} rules={[{ max: 2000 }]}>
          <Input.TextArea autoSize={{ minRows: 1, maxRows: 4 }} placeholder={t('detail.goalPlaceholder')} data-testid="recovery-goal" />
        </Form.Item>
        <Form.Item name="actions" label={t('detail.actions')} rules={[{ max: 4000 }]}>
          <Input.TextArea autoSize={{ minRows: 3, maxRows: 10 }} placeholder={t('detail.actionsPlaceholder')} data-testid="recovery-actions" />
        </Form.Item>
        <Button htmlType="submit" loading={save.isPending} data-testid="recovery-save">
          {t('detail.save')}
        </Button>
      </Form>
    </Card>
  );
}

type Outcome = 'won_back' | 'lost';

/** 开始执行 for those working the plan; 挽回成功 and 确认流失 for the director, each with the reason. */
function PlanActions({ plan: p, onStale }: { plan: RecoveryPlan; onStale: () => void }) {
  const { t } = useTranslation('recovery');
  const start = useStartPlan();
  const close = useClosePlan();
  const showError = useApiError();
  const { message } = useFeedback();
  const [outcome, setOutcome] = useState<Outcome | null>(null);
  const [form] = Form.useForm<{ reason: string }>();
  const submit = useOneSave(async (v: { reason: string }) => {
    if (!outcome) return;
    try {
      await close.mutateAsync({ id: p.id, version: p.version, outcome, reason: v.reason.trim() });
      void message.success(t('actions.done'));
      setOutcome(null);
    } catch (err) {
      showError(err, form, onStale);
    }
  });
  const doStart = async () => {
    try {
      await start.mutateAsync({ id: p.id, version: p.version });
    } catch (err) {
      showError(err, undefined, onStale);
    }
  };
  return (
    <Flex gap={8} wrap>
      {p.can.work && p.state === 'open' && (
        <Button icon={<PlayCircleOutlined />} loading={start.isPending} onClick={() => void doStart()} data-testid="recovery-start">
          {t('actions.start')}
        </Button>
      )}
      {p.can.close && (
        <>
          <Button type="primary" icon={<TrophyOutlined />} onClick={() => setOutcome('won_back')} data-testid="recovery-won-back">
            {t('actions.wonBack')}
          </Button>
          <Button danger icon={<CloseCircleOutlined />} onClick={() => setOutcome('lost')} data-testid="recovery-lost">
            {t('actions.lost')}
          </Button>
        </>
      )}
      <Modal
        open={outcome !== null}
        title={outcome ? t(outcome === 'won_back' ? 'actions.wonBack' : 'actions.lost') : ''}
        onCancel={() => setOutcome(null)}
        okText={outcome ? t(outcome === 'won_back' ? 'actions.wonBack' : 'actions.lost') : ''}
        okButtonProps={{ danger: outcome === 'lost', loading: close.isPending, htmlType: 'submit', form: 'recovery-close-form', 'data-testid': 'recovery-close-ok' } as never}
        cancelText={t('actions.cancel')}
        destroyOnHidden
      >
        <Alert type={outcome === 'lost' ? 'warning' : 'info'} showIcon title={outcome === 'lost' ? t('actions.lostNote') : t('actions.wonBackNote')} style={{ marginBottom: 12 }} />
        <Form form={form} id="recovery-close-form" {...saveByButton} layout="vertical" preserve={false} onFinish={(v) => void submit(v)}>
          <Form.Item name="reason" label={outcome === 'lost' ? t('actions.lostReason') : t('actions.wonBackReason')} rules={[{ required: true, whitespace: true, message: t('actions.reasonRequired') }, { max: 500 }]}>
            <Input.TextArea autoSize={{ minRows: 3 }} placeholder={outcome === 'lost' ? t('actions.lostPlaceholder') : t('actions.wonBackPlaceholder')} data-testid="recovery-close-reason" />
          </Form.Item>
        </Form>
      </Modal>
    </Flex>
  );
}
