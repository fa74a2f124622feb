import { Checkbox, Empty, Flex, Form, Modal, Spin, Tag, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import type { EventDetail } from '../../../../shared/contracts/events';
import { useAuth } from '../../../app/auth';
import { ErrorAlert } from '../../../components/ErrorAlert';
import { useApiError, useFeedback } from '../../../components/feedback';
import { saveByButton, useOneSave } from '../../../components/formSubmit';
import { AccountSelect } from '../../accounts';
import { useAccountContacts } from '../../contacts';
import { useInvite } from '../api';

interface Values {
  accountId?: number | null;
  contactIds?: number[];
}

/**
 * 邀请嘉宾: an account the caller works on, then any of its current contacts (those already on the list shown
 * ticked and fixed); one press invites them all.
 */
export function InviteModal({ event: e, onClose, onStale }: { event: EventDetail; onClose: () => void; onStale: () => void }) {
  const { t } = useTranslation('events');
  const { can } = useAuth();
  const [form] = Form.useForm<Values>();
  const invite = useInvite();
  const showError = useApiError();
  const { message } = useFeedback();
  const accountId = Form.useWatch('accountId', form) as number | null | undefined;
  const picked = (Form.useWatch('contactIds', form) as number[] | undefined) ?? [];
  const readable = can('contact:read');
  const contacts = useAccountContacts(readable ? accountId : null);
  const invited = new Set(e.invitations.map((i) => i.contact.id));
  const active = (contacts.data?.items ?? []).filter((c) => c.status === 'active');

  const submit = useOneSave(async (v: Values) => {
    const ids = (v.contactIds ?? []).filter((id) => !invited.has(id));
    try {
      await invite.mutateAsync({ id: e.id, contactIds: ids });
      void message.success(t('guests.invited', { count: ids.length }));
      onClose();
    } catch (err) {
      showError(err, form, onStale);
    }
  });

  return (
    <Modal
      open
      title={t('guests.invite')}
      onCancel={onClose}
      okText={t('guests.inviteButton', { count: picked.length })}
      cancelText={t('actions.back')}
      okButtonProps={{ disabled: picked.length === 0, loading: invite.isPending, htmlType: 'submit', form: 'event-invite-form', 'data-testid': 'event-invite-ok' } as never}
      destroyOnHidden
    >
      {!readable && <Typography.Paragraph type="secondary">{t('guests.noContactAccess')}</Typography.Paragraph>}
      <Form<Values> form={form} id="event-invite-form" {...saveByButton} layout="vertical" onFinish={(v) => void submit(v)}>
        <Form.Item name="accountId" label={t('guests.pickAccount')} rules={[{ required: true, message: t('guests.accountRequired') }]}>
          <AccountSelect placeholder={t('guests.pickAccountPlaceholder')} onChange={() => form.setFieldValue('contactIds', [])} data-testid="event-invite-account" />
        </Form.Item>
        {accountId && readable ? (
          contacts.isError ? (
            <ErrorAlert error={contacts.error} onRetry={() => void contacts.refetch()} />
          ) : contacts.isLoading ? (
            <Spin />
          ) : active.length === 0 ? (
            <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('guests.noContacts')} />
          ) : (
            <Form.Item name="contactIds" label={t('guests.pickContacts')} rules={[{ required: true, type: 'array', min: 1, message: t('guests.contactsRequired') }]}>
              <ContactChecks contacts={active} invited={invited} />
            </Form.Item>
          )
        ) : null}
      </Form>
    </Modal>
  );
}

type Pickable = { id: number; name: string; title: string | null; department: string | null };

/** The account's contacts as ticks: name, title and department, so two of one name tell apart; those invited already fixed. */
function ContactChecks({ contacts, invited, value, onChange }: { contacts: Pickable[]; invited: Set<number>; value?: number[]; onChange?: (ids: number[]) => void }) {
  const { t } = useTranslation('events');
  return (
    <Checkbox.Group value={value} onChange={(ids) => onChange?.(ids as number[])} style={{ width: '100%' }} data-testid="event-invite-contacts">
      <Flex vertical gap={6} style={{ width: '100%', maxHeight: 320, overflowY: 'auto' }}>
        {contacts.map((c) => (
          <Checkbox key={c.id} value={c.id} disabled={invited.has(c.id)} data-testid={`event-invite-contact-${c.id}`}>
            <span>{c.name}</span>
            {(c.title || c.department) && (
              <Typography.Text type="secondary" style={{ marginInlineStart: 6 }}>
                {[c.department, c.title].filter(Boolean).join(' · ')}
              </Typography.Text>
            )}
            {invited.has(c.id) && <Tag style={{ marginInlineStart: 6 }}>{t('guests.alreadyInvited')}</Tag>}
          </Checkbox>
        ))}
      </Flex>
    </Checkbox.Group>
  );
}
