import { CheckCircleOutlined, EditOutlined, PauseCircleOutlined, PlayCircleOutlined, RedoOutlined, StopOutlined, UserSwitchOutlined } from '@ant-design/icons';
import { Button, Form, Input, Modal } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import type { Ticket } from '../../../../shared/contracts/tickets';
import { useAuth } from '../../../app/auth';
import { useApiError, useFeedback } from '../../../components/feedback';
import { saveByButton, useOneSave } from '../../../components/formSubmit';
import { UserSelect } from '../../../components/UserSelect';
import { useTicketAction, type TicketAction } from '../api';

type Move = Exclude<TicketAction, 'judge'>;
interface Values {
  note?: string;
  resolution?: string;
  reason?: string;
  ownerId?: number;
}

/** What each state allows, the first being the main one. */
const MOVES_BY_STATUS: Record<Ticket['status'], Move[]> = {
  new: ['start', 'assign'],
  assigned: ['start', 'assign'],
  in_progress: ['resolve', 'wait', 'assign'],
  waiting: ['resume', 'resolve', 'assign'],
  resolved: ['close', 'reopen'],
  closed: ['reopen'],
};
const ICONS: Record<Move, React.ReactNode> = {
  start: <PlayCircleOutlined />,
  assign: <UserSwitchOutlined />,
  wait: <PauseCircleOutlined />,
  resume: <PlayCircleOutlined />,
  resolve: <CheckCircleOutlined />,
  close: <StopOutlined />,
  reopen: <RedoOutlined />,
};

/**
 * The moves a ticket allows now (ticket:write), each through a small dialog: the new owner for 分派, the
 * resolution for 解决, the reason for 重新打开, an optional note for the others (kept in the history); and
 * 修改 while it is not closed. A stale version reloads the ticket.
 */
export function TicketActions({ ticket, onStale }: { ticket: Ticket; onStale: () => void }) {
  const { t } = useTranslation('tickets');
  const { can } = useAuth();
  const navigate = useNavigate();
  const action = useTicketAction();
  const showError = useApiError();
  const { message } = useFeedback();
  const [open, setOpen] = useState<Move | null>(null);
  const [form] = Form.useForm<Values>();
  const submit = useOneSave(async (v: Values) => {
    if (!open) return;
    try {
      await action.mutateAsync({ id: ticket.id, action: open, body: { version: ticket.version, ...v, note: v.note?.trim() || undefined } });
      void message.success(t('actions.done'));
      setOpen(null);
    } catch (err) {
      showError(err, form, onStale);
    }
  });
  if (!can('ticket:write')) return null;
  const moves = MOVES_BY_STATUS[ticket.status];
  return (
    <>
      {ticket.status !== 'closed' && (
        <Button icon={<EditOutlined />} onClick={() => void navigate(`/tickets/${ticket.id}/edit`)} data-testid="ticket-edit">
          {t('actions.edit')}
        </Button>
      )}
      {moves.map((m, i) => (
        <Button key={m} type={i === 0 ? 'primary' : 'default'} icon={ICONS[m]} onClick={() => setOpen(m)} data-testid={`ticket-action-${m}`}>
          {t(`actions.${m}`)}
        </Button>
      ))}
      <Modal
        open={open !== null}
        title={open ? t(`actions.${open}`) : ''}
        onCancel={() => setOpen(null)}
        okText={open ? t(`actions.${open}`) : ''}
        cancelText={t('actions.cancel')}
        okButtonProps={{ loading: action.isPending, htmlType: 'submit', form: 'ticket-action-form', 'data-testid': 'ticket-dialog-ok' } as never}
        destroyOnHidden
        data-testid="ticket-dialog"
      >
        <Form<Values> form={form} id="ticket-action-form" {...saveByButton} layout="vertical" preserve={false} onFinish={(v) => void submit(v)}>
          {open === 'assign' && (
            <Form.Item name="ownerId" label={t('actions.owner')} rules={[{ required: true, message: t('actions.ownerRequired') }]}>
              <UserSelect excludeIds={[ticket.ownerId]} data-testid="ticket-dialog-owner" />
            </Form.Item>
          )}
          {open === 'resolve' && (
            <Form.Item name="resolution" label={t('actions.resolution')} rules={[{ required: true, whitespace: true, message: t('actions.resolutionRequired') }, { max: 4000 }]}>
              <Input.TextArea autoSize={{ minRows: 3 }} data-testid="ticket-dialog-resolution" />
            </Form.Item>
          )}
          {open === 'reopen' && (
            <Form.Item name="reason" label={t('actions.reason')} rules={[{ required: true, whitespace: true, message: t('actions.reasonRequired') }, { max: 2000 }]}>
              <Input.TextArea autoSize={{ minRows: 3 }} data-testid="ticket-dialog-reason" />
            </Form.Item>
          )}
          {open !== 'resolve' && open !== 'reopen' && (
            <Form.Item name="note" label={t('actions.note')} rules={[{ max: 2000 }]}>
              <Input.TextArea autoSize={{ minRows: 2 }} placeholder={t('actions.notePlaceholder')} data-testid="ticket-dialog-note" />
            </Form.Item>
          )}
        </Form>
      </Modal>
    </>
  );
}
