import { Alert, Button, Card, Descriptions, Form, Input, Radio, Tag, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { TICKET_VALIDITIES, type Ticket, type TicketValidity } from '../../../../shared/contracts/tickets';
import { useAuth } from '../../../app/auth';
import { DateTime } from '../../../components/DateTime';
import { useApiError, useFeedback } from '../../../components/feedback';
import { saveByButton, useOneSave } from '../../../components/formSubmit';
import { UserSelect } from '../../../components/UserSelect';
import { useTicketAction } from '../api';

interface Values {
  validity?: TicketValidity;
  reason?: string;
  responsibleId?: number;
}

/**
 * 投诉判定 of a complaint: the judgement once made (有效/无效, reason, person responsible, by whom and when);
 * for ticket:judge on a closed complaint, the form to judge it — or judge it again.
 */
export function JudgeCard({ ticket, onStale }: { ticket: Ticket; onStale: () => void }) {
  const { t } = useTranslation('tickets');
  const { can } = useAuth();
  const [editing, setEditing] = useState(false);
  const [form] = Form.useForm<Values>();
  const action = useTicketAction();
  const showError = useApiError();
  const { message } = useFeedback();
  const mayJudge = can('ticket:judge') && ticket.status === 'closed';
  const judged = ticket.validity !== null;
  const submit = useOneSave(async (v: Values) => {
    try {
      await action.mutateAsync({ id: ticket.id, action: 'judge', body: { version: ticket.version, validity: v.validity, reason: v.reason?.trim(), responsibleId: v.responsibleId } });
      void message.success(t('actions.done'));
      setEditing(false);
    } catch (err) {
      showError(err, form, onStale);
    }
  });
  const showForm = mayJudge && (!judged || editing);
  return (
    <Card
      size="small"
      title={t('detail.validity')}
      data-testid="ticket-validity"
      extra={mayJudge && judged && !editing ? <Button size="small" onClick={() => setEditing(true)} data-testid="ticket-rejudge">{t('actions.rejudge')}</Button> : null}
    >
      {judged && !showForm && (
        <Descriptions size="small" column={1}>
          <Descriptions.Item label={t('fields.validity')}>
            <Tag color={ticket.validity === 'valid' ? 'error' : 'default'} data-testid="ticket-validity-value" data-validity={ticket.validity}>
              {t(`validities.${ticket.validity!}`)}
            </Tag>
          </Descriptions.Item>
          <Descriptions.Item label={t('fields.validityReason')}>
            <Typography.Paragraph style={{ margin: 0, whiteSpace: 'pre-wrap' }}>{ticket.validityReason}</Typography.Paragraph>
          </Descriptions.Item>
          <Descriptions.Item label={t('fields.responsible')}>{ticket.responsible?.name}</Descriptions.Item>
          <Descriptions.Item label={t('fields.judgedBy')}>
            {ticket.judgedBy?.name} · <DateTime value={ticket.judgedAt} type="secondary" />
          </Descriptions.Item>
        </Descriptions>
      )}
      {!judged && !showForm && <Typography.Text type="secondary">{t('detail.notJudged')}</Typography.Text>}
      {showForm && (
        <Form<Values>
          form={form}
          {...saveByButton}
          layout="vertical"
          initialValues={{ validity: ticket.validity ?? undefined, reason: ticket.validityReason ?? undefined, responsibleId: ticket.responsible?.id ?? ticket.ownerId }}
          onFinish={(v) => void submit(v)}
          data-testid="ticket-judge-form"
        >
          <Alert type="info" showIcon title={t('actions.validityHint')} style={{ marginBottom: 12 }} />
          <Form.Item name="validity" label={t('actions.validity')} rules={[{ required: true, message: t('actions.validityRequired') }]}>
            <Radio.Group
              optionType="button"
              buttonStyle="solid"
              options={TICKET_VALIDITIES.map((v) => ({ value: v, label: <span data-testid={`ticket-judge-${v}`}>{t(`validities.${v}`)}</span> }))}
            />
          </Form.Item>
          <Form.Item name="reason" label={t('actions.validityReason')} rules={[{ required: true, whitespace: true, message: t('actions.reasonRequired') }, { max: 2000 }]}>
            <Input.TextArea autoSize={{ minRows: 3 }} data-testid="ticket-judge-reason" />
          </Form.Item>
          <Form.Item name="responsibleId" label={t('actions.responsible')} rules={[{ required: true, message: t('actions.responsibleRequired') }]}>
            <UserSelect data-testid="ticket-judge-responsible" />
          </Form.Item>
          <Button type="primary" htmlType="submit" loading={action.isPending} data-testid="ticket-judge-save">
            {t('actions.judge')}
          </Button>
          {editing && (
            <Button style={{ marginLeft: 8 }} onClick={() => setEditing(false)}>
              {t('actions.cancel')}
            </Button>
          )}
        </Form>
      )}
    </Card>
  );
}
