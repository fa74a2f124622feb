import { AuditOutlined, CheckCircleOutlined, CloseCircleOutlined, EditOutlined, FileDoneOutlined, RollbackOutlined, SendOutlined } from '@ant-design/icons';
import { Alert, Button, Form, Input, Modal, Popconfirm } from 'antd';
import { useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { EVENT_GM_THRESHOLD, type EventDetail } from '../../../../shared/contracts/events';
import { useAuth } from '../../../app/auth';
import { useMoney } from '../../../components/display';
import { useApiError, useFeedback } from '../../../components/feedback';
import { saveByButton, useOneSave } from '../../../components/formSubmit';
import { useCancelEvent, useCloseEvent, useEventStep, type EventStep } from '../api';
import { useAttempt } from '../helpers';
import { EventFormDrawer } from './EventFormDrawer';

type Writing = 'close' | 'cancel';

/**
 * The buttons of an event's header, as its `can` says: 编辑, 提交审批 (with who approves its budget), 撤回审批,
 * 标记为已举办, 活动总结 (the summary, required) and 取消活动 (the reason, required); the approval's page once there is one.
 */
export function EventActions({ event: e, onStale }: { event: EventDetail; onStale: () => void }) {
  const { t } = useTranslation('events');
  const money = useMoney();
  const { me, can } = useAuth();
  const step = useEventStep();
  const attempt = useAttempt();
  const [editing, setEditing] = useState(false);
  const [writing, setWriting] = useState<Writing | null>(null);

  const run = (s: EventStep, done: string) => attempt(() => step.mutateAsync({ id: e.id, version: e.version, step: s }), done, onStale);
  const confirm = (s: EventStep, props: { title: string; description?: string; done: string; label: string; icon: ReactNode; primary?: boolean }) => (
    <Popconfirm
      title={props.title}
      description={props.description}
      okText={t('actions.yes')}
      cancelText={t('actions.back')}
      okButtonProps={{ 'data-testid': `event-${s}-ok` } as never}
      onConfirm={() => run(s, props.done)}
    >
      <Button type={props.primary ? 'primary' : 'default'} icon={props.icon} loading={step.isPending && step.variables?.step === s} data-testid={`event-${s}`}>
        {props.label}
      </Button>
    </Popconfirm>
  );

  const gm = e.budget > EVENT_GM_THRESHOLD;
  // the approval opens for its submitter, its approvers and chain managers: the organiser and those who run the event
  const runs = me?.id === e.owner.id || e.can.edit || e.can.withdraw || e.can.hold || e.can.close || e.can.cancel || e.can.costs || can('approval-chain:manage');
  return (
    <>
      {e.approvalId !== null && runs && (
        <Link to={`/approvals/${e.approvalId}`} data-testid="event-approval-link">
          <Button icon={<AuditOutlined />}>{t('detail.approval', { id: e.approvalId })}</Button>
        </Link>
      )}
      {e.can.edit && (
        <Button icon={<EditOutlined />} onClick={() => setEditing(true)} data-testid="event-edit">
          {t('actions.edit')}
        </Button>
      )}
      {e.can.submit &&
        confirm('submit', {
          title: t('actions.submitConfirm'),
          description: t(gm ? 'actions.submitNoteGm' : 'actions.submitNote', { budget: money(e.budget), gm: money(EVENT_GM_THRESHOLD) }),
          done: t('actions.submitted'),
          label: t('actions.submit'),
          icon: <SendOutlined />,
          primary: true,
        })}
      {e.can.withdraw && confirm('withdraw', { title: t('actions.withdrawConfirm'), done: t('actions.withdrawn'), label: t('actions.withdraw'), icon: <RollbackOutlined /> })}
      {e.can.hold && confirm('hold', { title: t('actions.holdConfirm'), description: t('actions.holdNote'), done: t('actions.held'), label: t('actions.hold'), icon: <CheckCircleOutlined />, primary: true })}
      {e.can.close && (
        <Button type="primary" icon={<FileDoneOutlined />} onClick={() => setWriting('close')} data-testid="event-close">
          {t('actions.close')}
        </Button>
      )}
      {e.can.cancel && (
        <Button danger icon={<CloseCircleOutlined />} onClick={() => setWriting('cancel')} data-testid="event-cancel">
          {t('actions.cancel')}
        </Button>
      )}
      <EventFormDrawer open={editing} event={e} onClose={() => setEditing(false)} />
      <WriteModal event={e} writing={writing} onClose={() => setWriting(null)} onStale={onStale} />
    </>
  );
}

/** 活动总结 and 取消活动: one required text — the summary, or the reason. */
function WriteModal({ event: e, writing, onClose, onStale }: { event: EventDetail; writing: Writing | null; onClose: () => void; onStale: () => void }) {
  const { t } = useTranslation('events');
  const close = useCloseEvent();
  const cancel = useCancelEvent();
  const showError = useApiError();
  const { message } = useFeedback();
  const [form] = Form.useForm<{ text: string }>();
  const closing = writing === 'close';
  const submit = useOneSave(async (v: { text: string }) => {
    try {
      if (closing) await close.mutateAsync({ id: e.id, version: e.version, summary: v.text.trim() });
      else await cancel.mutateAsync({ id: e.id, version: e.version, reason: v.text.trim() });
      void message.success(t(closing ? 'actions.closed' : 'actions.cancelled'));
      onClose();
    } catch (err) {
      showError(err, form, onStale);
    }
  });
  return (
    <Modal
      open={writing !== null}
      title={t(closing ? 'actions.closeTitle' : 'actions.cancelTitle')}
      onCancel={onClose}
      okText={t(closing ? 'actions.close' : 'actions.cancel')}
      cancelText={t('actions.back')}
      okButtonProps={{ danger: !closing, loading: close.isPending || cancel.isPending, htmlType: 'submit', form: 'event-write-form', 'data-testid': 'event-write-ok' } as never}
      destroyOnHidden
    >
      <Alert type={closing ? 'info' : 'warning'} showIcon title={t(closing ? 'actions.closeNote' : 'actions.cancelNote')} style={{ marginBottom: 12 }} />
      <Form form={form} id="event-write-form" {...saveByButton} layout="vertical" preserve={false} onFinish={(v) => void submit(v)}>
        <Form.Item
          name="text"
          label={t(closing ? 'fields.summary' : 'fields.cancelReason')}
          rules={[{ required: true, whitespace: true, message: t(closing ? 'actions.summaryRequired' : 'actions.cancelReasonRequired') }, { max: closing ? 8000 : 500 }]}
        >
          <Input.TextArea autoSize={{ minRows: closing ? 5 : 3, maxRows: 14 }} placeholder={t(closing ? 'actions.summaryPlaceholder' : 'actions.cancelReasonPlaceholder')} data-testid="event-write-text" />
        </Form.Item>
      </Form>
    </Modal>
  );
}
