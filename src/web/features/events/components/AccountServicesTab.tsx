import { EditOutlined, PlusOutlined } from '@ant-design/icons';
import { Button, Card, Col, DatePicker, Empty, Flex, Form, Input, List, Modal, Row, Select, Skeleton, Statistic, Tag, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { AccountDetail } from '../../../../shared/contracts/accounts';
import { SERVICE_KINDS, type AccountEventItem, type ServiceKind, type ServiceLog } from '../../../../shared/contracts/events';
import { useAuth } from '../../../app/auth';
import { useMoney } from '../../../components/display';
import { ErrorAlert } from '../../../components/ErrorAlert';
import { useApiError, useFeedback } from '../../../components/feedback';
import { dateFieldProps, today } from '../../../components/formDate';
import { saveByButton, useOneSave } from '../../../components/formSubmit';
import { MoneyInput } from '../../../components/MoneyInput';
import { MoneyText } from '../../../components/MoneyText';
import { useAccountContacts } from '../../contacts';
import { useAccountServices, useDeleteServiceLog, useSaveServiceLog } from '../api';
import { ConfirmDelete, EventKindTag, EventStatusTag, FollowUpLink, ResponseTag, useAttempt, useEventTime } from '../helpers';

const SERVICE_COLOR: Record<ServiceKind, string> = { consulting: 'geekblue', training: 'cyan', experience: 'green', care: 'magenta', priority: 'gold', other: 'default' };

/**
 * The account's 增值服务 tab: the year's services counted and costed, the service log (logged, changed and
 * deleted by its author or the director) and the events its people were invited to — their response,
 * whether they came, and the follow-up that came of it.
 */
export function AccountServicesTab({ account }: { account: AccountDetail }) {
  const { t } = useTranslation('events');
  const money = useMoney();
  const data = useAccountServices(account.id);
  const remove = useDeleteServiceLog();
  const attempt = useAttempt();
  const [editing, setEditing] = useState<ServiceLog | 'new' | null>(null);
  if (data.error) return <ErrorAlert error={data.error} onRetry={() => void data.refetch()} />;
  if (!data.data) return <Skeleton active />;
  const s = data.data;

  return (
    <Flex vertical gap={12} data-testid="account-services">
      <Row gutter={[8, 8]}>
        <Col xs={12}>
          <Card size="small">
            <Statistic title={t('services.yearCount')} value={t('services.times', { count: s.yearCount })} data-testid="account-services-year-count" />
          </Card>
        </Col>
        <Col xs={12}>
          <Card size="small">
            <Statistic title={t('services.yearCost')} value={money(s.yearCost)} styles={{ content: { fontVariantNumeric: 'tabular-nums' } }} data-testid="account-services-year-cost" />
          </Card>
        </Col>
      </Row>
      <Card
        size="small"
        title={t('services.log')}
        extra={
          s.canWrite && (
            <Button type="primary" size="small" icon={<PlusOutlined />} onClick={() => setEditing('new')} data-testid="account-service-add">
              {t('services.add')}
            </Button>
          )
        }
      >
        {s.services.length === 0 ? (
          <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('services.empty')} />
        ) : (
          <List<ServiceLog>
            size="small"
            dataSource={s.services}
            pagination={s.services.length > 10 ? { pageSize: 10, size: 'small' } : false}
            renderItem={(log) => (
              <List.Item key={log.id} data-testid={`account-service-${log.id}`} style={{ display: 'block' }}>
                <Flex justify="space-between" align="start" gap={8}>
                  <Flex vertical gap={2} style={{ minWidth: 0 }}>
                    <Flex gap={6} align="center" wrap>
                      <Tag color={SERVICE_COLOR[log.kind]} style={{ marginInlineEnd: 0 }}>
                        {t(`serviceKinds.${log.kind}`)}
                      </Tag>
                      <Typography.Text strong style={{ overflowWrap: 'anywhere' }}>
                        {log.title}
                      </Typography.Text>
                    </Flex>
                    <Typography.Text type="secondary" style={{ fontSize: 13 }}>
                      {[log.providedOn, log.contact?.name, `${t('fields.provider')} ${log.owner.name}`].filter(Boolean).join(' · ')}
                    </Typography.Text>
                    {log.note && <Typography.Text style={{ whiteSpace: 'pre-wrap', fontSize: 13 }}>{log.note}</Typography.Text>}
                  </Flex>
                  <Flex vertical align="end" gap={2}>
                    <MoneyText fen={log.cost} />
                    {log.canEdit && (
                      <Flex gap={2}>
                        <Button size="small" type="text" icon={<EditOutlined />} aria-label={t('common:actions.edit')} title={t('common:actions.edit')} onClick={() => setEditing(log)} data-testid={`account-service-edit-${log.id}`} />
                        <ConfirmDelete
                          title={t('services.deleteConfirm', { title: log.title })}
                          label={t('common:actions.delete')}
                          testId={`account-service-delete-${log.id}`}
                          onConfirm={() => attempt(() => remove.mutateAsync({ id: log.id, version: log.version }), t('services.deleted'), () => void data.refetch())}
                        />
                      </Flex>
                    )}
                  </Flex>
                </Flex>
              </List.Item>
            )}
          />
        )}
      </Card>
      <AccountEvents items={s.events} />
      {editing && <ServiceLogModal accountId={account.id} log={editing === 'new' ? undefined : editing} onClose={() => setEditing(null)} />}
    </Flex>
  );
}

/** 活动参与: each event the account's people were invited to, newest first, with each person's response, attendance and follow-up. */
function AccountEvents({ items }: { items: AccountEventItem[] }) {
  const { t } = useTranslation('events');
  const when = useEventTime();
  const events = groupByEvent(items);
  return (
    <Card size="small" title={t('services.events')} extra={<Link to="/events?when=all">{t('services.allEvents')}</Link>} data-testid="account-events">
      {events.length === 0 ? (
        <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('services.eventsEmpty')} />
      ) : (
        <List<AccountEventItem[]>
          size="small"
          dataSource={events}
          pagination={events.length > 10 ? { pageSize: 10, size: 'small' } : false}
          renderItem={(people) => {
            const ev = people[0]!;
            return (
              <List.Item key={ev.eventId} style={{ display: 'block' }} data-testid={`account-event-${ev.eventId}`}>
                <Flex gap={6} align="center" wrap>
                  <Link to={`/events/${ev.eventId}`} style={{ overflowWrap: 'anywhere' }}>
                    {ev.title}
                  </Link>
                  <EventKindTag kind={ev.kind} />
                  <EventStatusTag status={ev.status} />
                </Flex>
                <Typography.Text type="secondary" style={{ fontSize: 13 }}>
                  {when(ev.startsAt)}
                </Typography.Text>
                <Flex vertical gap={4} style={{ marginTop: 4, maxWidth: 640 }}>
                  {people.map((r) => (
                    <Flex key={r.contact.id} justify="space-between" align="center" gap={8} wrap data-testid={`account-event-${r.eventId}-${r.contact.id}`}>
                      <Typography.Text>{r.contact.name}</Typography.Text>
                      <Flex gap={6} align="center" wrap>
                        <ResponseTag response={r.response} attended={r.attended} />
                        {r.followUp && <FollowUpLink followUp={r.followUp} />}
                      </Flex>
                    </Flex>
                  ))}
                </Flex>
              </List.Item>
            );
          }}
        />
      )}
    </Card>
  );
}

/** The participation rows, one per person, as one list of people per event (in the order the events come). */
function groupByEvent(items: AccountEventItem[]): AccountEventItem[][] {
  const byEvent = new Map<number, AccountEventItem[]>();
  for (const r of items) byEvent.set(r.eventId, [...(byEvent.get(r.eventId) ?? []), r]);
  return [...byEvent.values()];
}

interface Values {
  kind: ServiceKind;
  title: string;
  providedOn: string;
  contactId?: number | null;
  cost?: number | null;
  note?: string;
}

/** 记录增值服务 / 修改服务记录: kind, what was given, when, to which of the account's people (optional), its cost in 元, a note. */
function ServiceLogModal({ accountId, log, onClose }: { accountId: number; log?: ServiceLog; onClose: () => void }) {
  const { t } = useTranslation('events');
  const { can } = useAuth();
  const [form] = Form.useForm<Values>();
  const save = useSaveServiceLog();
  const showError = useApiError();
  const { message } = useFeedback();
  const contacts = useAccountContacts(can('contact:read') ? accountId : null);
  const options = (contacts.data?.items ?? [])
    .filter((c) => c.status === 'active' || c.id === log?.contact?.id)
    .map((c) => ({ value: c.id, label: c.title ? `${c.name}（${c.title}）` : c.name }));

  const submit = useOneSave(async (v: Values) => {
    const body = { kind: v.kind, title: v.title.trim(), providedOn: v.providedOn, contactId: v.contactId ?? null, cost: v.cost ?? 0, note: v.note?.trim() ?? '' };
    try {
      await save.mutateAsync({ accountId, id: log?.id, version: log?.version, body });
      void message.success(t('services.saved'));
      onClose();
    } catch (err) {
      showError(err, form);
    }
  });

  return (
    <Modal
      open
      title={t(log ? 'services.editTitle' : 'services.addTitle')}
      onCancel={onClose}
      okText={t('common:actions.save')}
      cancelText={t('actions.back')}
      okButtonProps={{ loading: save.isPending, htmlType: 'submit', form: 'service-log-form', 'data-testid': 'service-log-ok' } as never}
      destroyOnHidden
    >
      <Form<Values>
        form={form}
        id="service-log-form"
        {...saveByButton}
        layout="vertical"
        initialValues={log ? { kind: log.kind, title: log.title, providedOn: log.providedOn, contactId: log.contact?.id ?? null, cost: log.cost, note: log.note } : { kind: 'consulting', providedOn: today(), cost: 0 }}
        onFinish={(v) => void submit(v)}
      >
        <Flex gap={12} wrap>
          <Form.Item name="kind" label={t('fields.serviceKind')} rules={[{ required: true, message: t('services.kindRequired') }]} style={{ flex: '1 1 180px' }}>
            <Select options={SERVICE_KINDS.map((k) => ({ value: k, label: t(`serviceKinds.${k}`) }))} data-testid="service-log-kind" />
          </Form.Item>
          <Form.Item name="providedOn" label={t('fields.providedOn')} rules={[{ required: true, message: t('services.dateRequired') }]} {...dateFieldProps} style={{ flex: '1 1 160px' }}>
            <DatePicker style={{ width: '100%' }} inputReadOnly data-testid="service-log-date" />
          </Form.Item>
        </Flex>
        <Form.Item name="title" label={t('fields.serviceTitle')} rules={[{ required: true, whitespace: true, message: t('services.titleRequired') }, { max: 200 }]}>
          <Input placeholder={t('services.titlePlaceholder')} data-testid="service-log-title" />
        </Form.Item>
        <Flex gap={12} wrap>
          <Form.Item name="contactId" label={t('fields.contact')} style={{ flex: '1 1 180px' }}>
            <Select allowClear showSearch={{ optionFilterProp: 'label' }} loading={contacts.isLoading} placeholder={t('services.contactPlaceholder')} options={options} data-testid="service-log-contact" />
          </Form.Item>
          <Form.Item name="cost" label={t('fields.cost')} style={{ flex: '1 1 160px' }}>
            <MoneyInput data-testid="service-log-cost" />
          </Form.Item>
        </Flex>
        <Form.Item name="note" label={t('fields.note')} rules={[{ max: 2000 }]}>
          <Input.TextArea autoSize={{ minRows: 2, maxRows: 6 }} data-testid="service-log-note" />
        </Form.Item>
      </Form>
    </Modal>
  );
}
