import { useQuery } from '@tanstack/react-query';
import { Alert, Button, Card, Col, DatePicker, Descriptions, Flex, Form, Input, Row, Segmented, Select, Skeleton } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate, useParams, useSearchParams } from 'react-router';
import type { AccountDetail } from '../../../../shared/contracts/accounts';
import { MAX_TICKET_DESCRIPTION, TICKET_CHANNELS, TICKET_KINDS, TICKET_SEVERITIES, type Ticket, type TicketChannel, type TicketKind, type TicketSeverity } from '../../../../shared/contracts/tickets';
import { api, isId } from '../../../api/client';
import { useAuth } from '../../../app/auth';
import { ErrorAlert } from '../../../components/ErrorAlert';
import { applyFormErrors } from '../../../components/errors';
import { saveByButton, useOneSave } from '../../../components/formSubmit';
import { PageHeader } from '../../../components/PageHeader';
import { UserSelect } from '../../../components/UserSelect';
import { AccountLink, AccountSelect, accountKeys } from '../../accounts';
import { useAccountContacts } from '../../contacts';
import { useCreateTicket, useTicket, useTicketSettings, useUpdateTicket } from '../api';
import { workSpan } from '../helpers';

interface FormValues {
  kind: TicketKind;
  severity: TicketSeverity;
  channel: TicketChannel;
  accountId?: number | null;
  contactId?: number | null;
  ownerId?: number | null;
  title: string;
  description?: string;
  receivedAt?: Dayjs | null;
}

/** /tickets/new (?accountId=) and /tickets/:id/edit (a ticket not closed). */
export function TicketFormPage() {
  const id = Number(useParams().id);
  const editing = isId(id);
  const one = useTicket(editing ? id : 0);
  const { t } = useTranslation('tickets');
  if (!editing) return <TicketForm />;
  if (one.error) return <ErrorAlert error={one.error} onRetry={() => void one.refetch()} />;
  if (!one.data) return <Skeleton active />;
  if (one.data.status === 'closed') return <Alert type="warning" showIcon title={t('statuses.closed')} action={<Link to={`/tickets/${id}`}>{one.data.number}</Link>} />;
  return <TicketForm ticket={one.data} />;
}

function TicketForm({ ticket }: { ticket?: Ticket }) {
  const { t } = useTranslation(['tickets', 'accounts']);
  const { can } = useAuth();
  const navigate = useNavigate();
  const [params] = useSearchParams();
  const [form] = Form.useForm<FormValues>();
  const create = useCreateTicket();
  const update = useUpdateTicket();
  const [unplaced, setUnplaced] = useState<unknown>(null);
  const settings = useTicketSettings();
  const queryAccount = Number(params.get('accountId'));
  const accountId = (Form.useWatch('accountId', form) as number | null | undefined) ?? ticket?.accountId;
  const kind = (Form.useWatch('kind', form) as TicketKind | undefined) ?? ticket?.kind ?? 'complaint';
  const severity = (Form.useWatch('severity', form) as TicketSeverity | undefined) ?? ticket?.severity ?? 'medium';
  const contacts = useAccountContacts(can('contact:read') ? accountId : null);
  const account = useQuery({ queryKey: accountKeys.detail(accountId ?? 0), queryFn: () => api.get<AccountDetail>(`/api/accounts/${accountId}`), enabled: isId(accountId) && can('account:read') });
  const policies = settings.data?.policies ?? [];
  const tier = account.data?.tier ?? null;
  const policy = policies.find((p) => p.kind === kind && p.severity === severity && p.tier === tier) ?? policies.find((p) => p.kind === kind && p.severity === severity && p.tier === null);

  const initialValues: Partial<FormValues> = ticket
    ? { kind: ticket.kind, severity: ticket.severity, channel: ticket.channel, contactId: ticket.contact?.id ?? null, title: ticket.title, description: ticket.description }
    : { kind: 'complaint', severity: 'medium', channel: 'phone', accountId: isId(queryAccount) ? queryAccount : undefined };

  const submit = useOneSave(async (v: FormValues) => {
    setUnplaced(null);
    try {
      const saved = ticket
        ? await update.mutateAsync({ id: ticket.id, body: { version: ticket.version, kind: v.kind, severity: v.severity, channel: v.channel, contactId: v.contactId ?? null, title: v.title, description: v.description ?? '' } })
        : await create.mutateAsync({
            kind: v.kind,
            severity: v.severity,
            channel: v.channel,
            accountId: v.accountId ?? 0,
            contactId: v.contactId ?? null,
            ownerId: v.ownerId ?? undefined,
            title: v.title,
            description: v.description ?? '',
            receivedAt: v.receivedAt ? v.receivedAt.toISOString() : undefined,
          });
      void navigate(`/tickets/${saved.id}`);
    } catch (err) {
      if (!applyFormErrors(form, err)) setUnplaced(err);
    }
  });

  const col = { xs: 24, md: 12 };
  return (
    <>
      <PageHeader title={ticket ? t('form.editTitle', { number: ticket.number }) : t('form.newTitle')} subtitle={t('form.subtitle')} />
      {unplaced ? <ErrorAlert error={unplaced} /> : null}
      <Form<FormValues> form={form} {...saveByButton} layout="vertical" scrollToFirstError initialValues={initialValues} onFinish={(v) => void submit(v)} style={{ maxWidth: 960 }} data-testid="ticket-form">
        <Card size="small">
          <Row gutter={16}>
            <Col xs={24}>
              <Form.Item name="kind" label={t('fields.kind')} rules={[{ required: true, message: t('form.kindRequired') }]}>
                <Segmented<TicketKind> options={TICKET_KINDS.map((k) => ({ value: k, label: <span data-testid={`ticket-kind-${k}`}>{t(`kinds.${k}`)}</span> }))} />
              </Form.Item>
            </Col>
            <Col {...col}>
              <Form.Item name="severity" label={t('fields.severity')} rules={[{ required: true, message: t('form.severityRequired') }]}>
                <Segmented<TicketSeverity> options={TICKET_SEVERITIES.map((s) => ({ value: s, label: <span data-testid={`ticket-severity-${s}`}>{t(`severities.${s}`)}</span> }))} />
              </Form.Item>
            </Col>
            <Col {...col}>
              <Form.Item name="channel" label={t('fields.channel')} rules={[{ required: true, message: t('form.channelRequired') }]}>
                <Select options={TICKET_CHANNELS.map((c) => ({ value: c, label: t(`channels.${c}`) }))} data-testid="ticket-form-channel" />
              </Form.Item>
            </Col>
            {policy && (
              <Col xs={24}>
                <Alert type="info" showIcon style={{ marginBottom: 16 }} title={t('form.policy', { respond: workSpan(policy.respondMinutes, t), resolve: workSpan(policy.resolveMinutes, t) })} data-testid="ticket-form-policy" />
              </Col>
            )}
            {ticket ? (
              <Col xs={24}>
                <Descriptions size="small" style={{ marginBottom: 12 }}>
                  <Descriptions.Item label={t('fields.account')}>
                    <AccountLink id={ticket.accountId}>{ticket.accountName}</AccountLink>
                  </Descriptions.Item>
                </Descriptions>
              </Col>
            ) : (
              <Col {...col}>
                <Form.Item name="accountId" label={t('fields.account')} rules={[{ required: true, message: t('form.accountRequired') }]}>
                  <AccountSelect data-testid="ticket-form-account" onChange={() => form.setFieldValue('contactId', null)} />
                </Form.Item>
              </Col>
            )}
            <Col {...col}>
              <Form.Item name="contactId" label={t('fields.contact')}>
                <Select
                  allowClear
                  disabled={!accountId || !can('contact:read')}
                  loading={contacts.isLoading}
                  placeholder={can('contact:read') ? t('form.pickContact') : t('form.noContactAccess')}
                  showSearch={{ optionFilterProp: 'label' }}
                  options={(contacts.data?.items ?? []).filter((c) => c.status === 'active' || c.id === ticket?.contact?.id).map((c) => ({ value: c.id, label: c.title ? `${c.name}（${c.title}）` : c.name }))}
                  data-testid="ticket-form-contact"
                />
              </Form.Item>
            </Col>
            {!ticket && (
              <Col {...col}>
                <Form.Item name="ownerId" label={t('fields.owner')} extra={t('form.ownerHint')}>
                  <UserSelect allowClear data-testid="ticket-form-owner" />
                </Form.Item>
              </Col>
            )}
            {!ticket && (
              <Col {...col}>
                <Form.Item name="receivedAt" label={t('fields.receivedAt')} extra={t('form.receivedHint')}>
                  <DatePicker
                    showTime={{ format: 'HH:mm' }}
                    format="YYYY-MM-DD HH:mm"
                    style={{ width: '100%' }}
                    disabledDate={(d) => d.isAfter(dayjs(), 'day') || d.isBefore(dayjs().subtract(30, 'day'), 'day')}
                    data-testid="ticket-form-received"
                  />
                </Form.Item>
              </Col>
            )}
            <Col xs={24}>
              <Form.Item name="title" label={t('fields.title')} rules={[{ required: true, whitespace: true, message: t('form.titleRequired') }, { max: 200 }]}>
                <Input data-testid="ticket-form-title" />
              </Form.Item>
            </Col>
            <Col xs={24}>
              <Form.Item name="description" label={t('fields.description')} rules={[{ max: MAX_TICKET_DESCRIPTION }]}>
                <Input.TextArea autoSize={{ minRows: 4, maxRows: 12 }} showCount maxLength={MAX_TICKET_DESCRIPTION} placeholder={t('form.descriptionPlaceholder')} data-testid="ticket-form-description" />
              </Form.Item>
            </Col>
          </Row>
          <Flex gap={8} justify="flex-end">
            <Button onClick={() => void navigate(ticket ? `/tickets/${ticket.id}` : '/tickets')}>{t('form.cancel')}</Button>
            <Button type="primary" htmlType="submit" loading={create.isPending || update.isPending} data-testid="ticket-form-save">
              {ticket ? t('actions.save') : t('form.save')}
            </Button>
          </Flex>
        </Card>
      </Form>
    </>
  );
}
