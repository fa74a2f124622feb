import { ArrowRightOutlined, CloseCircleOutlined, EditOutlined, MoreOutlined, RedoOutlined, RollbackOutlined } from '@ant-design/icons';
import { Alert, Button, Dropdown, Form, Input, Modal, Radio, Select, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { OpportunityDetail } from '../../../../shared/contracts/opportunities';
import { REASONS_FOR, STAGES, type ChecklistItem, type Stage } from '../../../../shared/domain/pipeline';
import { ApiError } from '../../../api/client';
import { useFeedback } from '../../../components/feedback';
import { opportunityApi, useCompetitorOptions, useOpportunityWrite } from '../api';
import { missingFromError, nextStage } from '../helpers';

type CloseStatus = 'won' | 'lost' | 'abandoned' | 'paused';
type Dialog = 'back' | 'close' | 'reopen' | null;

/**
 * 推进 / 退回 / 关闭 / 重新打开 of one project. Advancing asks the server, which checks the gate:
 * a refusal (409 with details.missing) names the items still to do.
 */
export function StageActions({ o, phone, onEdit }: { o: OpportunityDetail; phone?: boolean; onEdit?: () => void }) {
  const { t } = useTranslation('opportunities');
  const { message } = useFeedback();
  const [dialog, setDialog] = useState<Dialog>(null);
  const [blocked, setBlocked] = useState<{ to: Stage; missing: ChecklistItem[] } | null>(null);
  const next = nextStage(o.stage);

  const advance = useOpportunityWrite((to: Stage) => opportunityApi.move(o.id, { toStage: to, version: o.version }), {
    onDone: (r) => void message.success(t('actions.advanced', { stage: r.stage, name: t(`pipeline:stages.${r.stage}`) })),
    onError: (err) => {
      const missing = err instanceof ApiError && err.status === 409 ? missingFromError(err.details) : null;
      if (!missing || !next) return false;
      setBlocked({ to: next, missing });
      return true;
    },
  });

  if (!o.canWrite) return null;
  // On a phone the next stage stays a button; the rarer moves fold into one menu.
  const others = [
    ...(o.status === 'open' && o.stage > 1 ? [{ key: 'back' as const, icon: <RollbackOutlined />, label: t('actions.back') }] : []),
    ...(o.status === 'open' ? [{ key: 'close' as const, icon: <CloseCircleOutlined />, label: t('actions.close') }] : [{ key: 'reopen' as const, icon: <RedoOutlined />, label: t('actions.reopen') }]),
  ];
  return (
    <>
      {o.status === 'open' && next && (
        <Button type="primary" icon={<ArrowRightOutlined />} loading={advance.isPending} onClick={() => advance.mutate(next)} data-testid="opportunity-advance">
          {t('actions.advance', { stage: next })}
        </Button>
      )}
      {phone ? (
        <Dropdown
          trigger={['click']}
          menu={{
            items: [
              ...others.map((a) => ({ key: a.key, icon: a.icon, label: a.label, onClick: () => setDialog(a.key), 'data-testid': `opportunity-${a.key}` })),
              ...(onEdit ? [{ key: 'edit', icon: <EditOutlined />, label: t('detail.edit'), onClick: onEdit }] : []),
            ],
          }}
        >
          <Button icon={<MoreOutlined />} data-testid="opportunity-more">
            {t('detail.more')}
          </Button>
        </Dropdown>
      ) : (
        others.map((a) => (
          <Button key={a.key} icon={a.icon} onClick={() => setDialog(a.key)} data-testid={`opportunity-${a.key}`}>
            {a.label}
          </Button>
        ))
      )}
      <Modal
        open={!!blocked}
        title={blocked ? t('gate.title', { stage: blocked.to, name: t(`pipeline:stages.${blocked.to}`) }) : ''}
        onCancel={() => setBlocked(null)}
        footer={
          <Button type="primary" onClick={() => setBlocked(null)} data-testid="gate-ok">
            {t('gate.ok')}
          </Button>
        }
      >
        <Typography.Paragraph>{t('gate.intro', { count: blocked?.missing.length ?? 0 })}</Typography.Paragraph>
        <ul style={{ paddingInlineStart: 20, margin: 0 }} data-testid="gate-missing">
          {blocked?.missing.map((m) => (
            <li key={m} data-testid={`gate-missing-${m}`}>
              {t(`pipeline:items.${m}`)}
            </li>
          ))}
        </ul>
      </Modal>
      {dialog === 'back' && <BackDialog o={o} onClose={() => setDialog(null)} />}
      {dialog === 'close' && <CloseDialog o={o} onClose={() => setDialog(null)} />}
      {dialog === 'reopen' && <ReopenDialog o={o} onClose={() => setDialog(null)} />}
    </>
  );
}

function BackDialog({ o, onClose }: { o: OpportunityDetail; onClose: () => void }) {
  const { t } = useTranslation('opportunities');
  const [form] = Form.useForm<{ toStage: Stage; reason: string }>();
  const save = useOpportunityWrite((v: { toStage: Stage; reason: string }) => opportunityApi.move(o.id, { ...v, version: o.version }), { form, onDone: onClose });
  return (
    <Modal open title={t('actions.back')} onCancel={onClose} onOk={() => form.submit()} confirmLoading={save.isPending} okButtonProps={{ 'data-testid': 'back-ok' } as never}>
      <Form form={form} layout="vertical" initialValues={{ toStage: o.stage - 1 }} onFinish={(v) => save.mutate(v)}>
        <Form.Item name="toStage" label={t('fields.toStage')} rules={[{ required: true, message: t('form.required') }]}>
          <Select options={STAGES.filter((s) => s < o.stage).map((s) => ({ value: s, label: t('stageLabel', { stage: s, name: t(`pipeline:stages.${s}`) }) }))} />
        </Form.Item>
        <Form.Item name="reason" label={t('fields.reason')} rules={[{ required: true, whitespace: true, message: t('form.required') }]}>
          <Input.TextArea autoSize={{ minRows: 2, maxRows: 6 }} maxLength={1000} data-testid="back-reason" />
        </Form.Item>
      </Form>
    </Modal>
  );
}

interface CloseValues {
  status: CloseStatus;
  reasonKey?: string | null;
  note?: string;
  wonByCompetitorId?: number | null;
}

function CloseDialog({ o, onClose }: { o: OpportunityDetail; onClose: () => void }) {
  const { t } = useTranslation('opportunities');
  const [form] = Form.useForm<CloseValues>();
  const status = Form.useWatch('status', form) ?? 'lost';
  const register = useCompetitorOptions('');
  const save = useOpportunityWrite(
    (v: CloseValues) =>
      opportunityApi.close(o.id, {
        status: v.status,
        reasonKey: v.status === 'paused' ? null : ((v.reasonKey ?? null) as never),
        note: v.note ?? null,
        wonByCompetitorId: v.status === 'lost' ? (v.wonByCompetitorId ?? null) : null,
        version: o.version,
      }),
    { form, onDone: onClose },
  );
  // The project's own competitors first, then the rest of the register.
  const competitorOptions = [
    ...o.competitors.map((c) => ({ value: c.competitorId, label: c.competitorName })),
    ...(register.data?.items ?? []).filter((c) => !o.competitors.some((p) => p.competitorId === c.id)).map((c) => ({ value: c.id, label: c.name })),
  ];
  const statuses: CloseStatus[] = o.stage === 5 ? ['won', 'lost', 'abandoned', 'paused'] : ['lost', 'abandoned', 'paused'];
  return (
    <Modal open title={t('actions.close')} onCancel={onClose} onOk={() => form.submit()} confirmLoading={save.isPending} okButtonProps={{ 'data-testid': 'close-ok' } as never}>
      <Form form={form} layout="vertical" initialValues={{ status: 'lost' }} onFinish={(v) => save.mutate(v)}>
        <Form.Item name="status" label={t('fields.outcome')}>
          <Radio.Group
            optionType="button"
            options={statuses.map((s) => ({ value: s, label: t(`pipeline:statuses.${s}`) }))}
            onChange={() => form.setFieldValue('reasonKey', undefined)}
            data-testid="close-status"
          />
        </Form.Item>
        {o.stage === 5 && o.missing.length > 0 && status === 'won' && (
          <Alert type="warning" showIcon style={{ marginBottom: 12 }} title={t('gate.wonMissing', { items: o.missing.map((m) => t(`pipeline:items.${m}`)).join('、') })} />
        )}
        {status !== 'paused' && (
          <Form.Item name="reasonKey" label={t('fields.reasonKey')} rules={[{ required: true, message: t('form.required') }]}>
            <Select options={REASONS_FOR[status].map((r) => ({ value: r, label: t(`pipeline:reasons.${r}`) }))} data-testid="close-reason" />
          </Form.Item>
        )}
        {status === 'lost' && (
          <Form.Item name="wonByCompetitorId" label={t('fields.wonBy')}>
            <Select allowClear showSearch={{ optionFilterProp: 'label' }} options={competitorOptions} data-testid="close-competitor" />
          </Form.Item>
        )}
        <Form.Item name="note" label={t('fields.note')}>
          <Input.TextArea autoSize={{ minRows: 2, maxRows: 6 }} maxLength={2000} data-testid="close-note" />
        </Form.Item>
      </Form>
    </Modal>
  );
}

function ReopenDialog({ o, onClose }: { o: OpportunityDetail; onClose: () => void }) {
  const { t } = useTranslation('opportunities');
  const [form] = Form.useForm<{ reason: string }>();
  const save = useOpportunityWrite((v: { reason: string }) => opportunityApi.reopen(o.id, { reason: v.reason, version: o.version }), { form, onDone: onClose });
  return (
    <Modal open title={t('actions.reopen')} onCancel={onClose} onOk={() => form.submit()} confirmLoading={save.isPending} okButtonProps={{ 'data-testid': 'reopen-ok' } as never}>
      <Form form={form} layout="vertical" onFinish={(v) => save.mutate(v)}>
        <Form.Item name="reason" label={t('fields.reason')} rules={[{ required: true, whitespace: true, message: t('form.required') }]}>
          <Input.TextArea autoSize={{ minRows: 2, maxRows: 6 }} maxLength={1000} data-testid="reopen-reason" />
        </Form.Item>
      </Form>
    </Modal>
  );
}
