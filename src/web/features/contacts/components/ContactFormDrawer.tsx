import { useIsMutating, useMutation, useQueryClient } from '@tanstack/react-query';
import { ContactLogPanel } from '../../contact-log';
import { useAuth } from '../../../app/auth';
import { Alert, Button, Col, DatePicker, Divider, Drawer, Flex, Form, Grid, Input, Row, Select, Skeleton } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useTranslation } from 'react-i18next';
import {
  BUYING_ROLES,
  CONTACT_LAYERS,
  CONTACT_RIGHTS,
  GENDERS,
  KEY_ROLES,
  PERSONALITY_TYPES,
  THINKING_STYLES,
  type ContactDetail,
  type ContactListItem,
  type PersonalityType,
} from '../../../../shared/contracts/contacts';
import { api } from '../../../api/client';
import { ErrorAlert } from '../../../components/ErrorAlert';
import { dateFieldProps } from '../../../components/formDate';
import { useApiError, useFeedback } from '../../../components/feedback';
import { accountKeys } from '../../accounts';
import { contactKeys, useContact } from '../api';
import { BASIC_FIELDS, CONTACT_FIELDS, isSensitive, PERSONAL_TEXT_FIELDS, SHORT_PERSONAL_FIELDS } from '../fields';
import { PersonalityAdvice } from './PersonalityAdvice';

type Values = Record<string, unknown> & { name: string; reportsToId?: number | null; assistantOfId?: number | null; personalityType?: PersonalityType | null };

interface Props {
  accountId: number;
  /** null: closed; 'new': create; a number: edit that contact */
  contactId: number | 'new' | null;
  /** the account's contacts, for the reporting-line selects */
  contacts: ContactListItem[];
  onClose: () => void;
}

const FORM_ID = 'contact-form';
const SAVE_KEY = ['contacts', 'save'];

const dateProps = dateFieldProps;
const dateTimeProps = {
  getValueProps: (v: unknown) => ({ value: typeof v === 'string' && v ? dayjs(v) : undefined }),
  normalize: (d: Dayjs | null) => (d ? d.startOf('day').toISOString() : null),
};

/** Add or edit a contact (REL-1/2) in a drawer; full width on a phone. */
export function ContactFormDrawer({ accountId, contactId, contacts, onClose }: Props) {
  const { t } = useTranslation('contacts');
  const phone = Grid.useBreakpoint().md === false;
  const editId = typeof contactId === 'number' ? contactId : null;
  const detail = useContact(editId);
  const open = contactId !== null;
  const saving = useIsMutating({ mutationKey: SAVE_KEY });
  const { can } = useAuth();
  return (
    <Drawer
      open={open}
      onClose={onClose}
      size={phone ? '100%' : 720}
      title={editId && detail.data ? t('form.editTitle', { name: detail.data.name }) : t('form.addTitle')}
      destroyOnHidden
      data-testid="contact-drawer"
      footer={
        <Flex gap={8} justify="flex-end">
          <Button onClick={onClose}>{t('form.cancel')}</Button>
          {/* The form lives in the body; the HTML form attribute submits it from the footer. */}
          <Button type="primary" htmlType="submit" form={FORM_ID} loading={saving > 0} disabled={editId !== null && !detail.data} data-testid="contact-save">
            {t('form.save')}
          </Button>
        </Flex>
      }
    >
      {open && editId !== null && detail.isLoading && <Skeleton active paragraph={{ rows: 12 }} />}
      {open && editId !== null && detail.isError && <ErrorAlert error={detail.error} onRetry={() => void detail.refetch()} />}
      {open && (editId === null || detail.data) && (
        <ContactForm key={editId === null ? 'new' : `${editId}-${detail.data?.version}`} accountId={accountId} contact={detail.data && editId !== null ? detail.data : null} contacts={contacts} onDone={onClose} />
      )}
      {open && editId !== null && detail.data && (
        <>
          <Divider titlePlacement="start">{t('contactLog:panelTitle')}</Divider>
          <ContactLogPanel accountId={accountId} contactId={editId} editable={can('contact:write')} compact />
        </>
      )}
    </Drawer>
  );
}

function ContactForm({ accountId, contact, contacts, onDone }: { accountId: number; contact: ContactDetail | null; contacts: ContactListItem[]; onDone: () => void }) {
  const { t } = useTranslation('contacts');
  const [form] = Form.useForm<Values>();
  const qc = useQueryClient();
  const { message } = useFeedback();
  const showError = useApiError();
  const personalityType = Form.useWatch('personalityType', form);
  const sensitiveVisible = contact ? contact.sensitiveVisible : true;

  const save = useMutation({
    mutationKey: SAVE_KEY,
    mutationFn: async (v: Values) => {
      const { reportsToId = null, assistantOfId = null, ...profile } = v;
      // A hidden sensitive field came back null; sending that null would clear the real value.
      const body: Record<string, unknown> = {};
      for (const [k, val] of Object.entries(profile)) {
        if (!sensitiveVisible && isSensitive(k)) continue;
        body[k] = val === undefined ? null : val;
      }
      if (!contact) return api.post<ContactDetail>('/api/contacts', { ...body, accountId, reportsToId, assistantOfId });
      const updated = await api.patch<ContactDetail>(`/api/contacts/${contact.id}`, { ...body, version: contact.version });
      if (reportsToId !== contact.reportsToId || assistantOfId !== contact.assistantOfId)
        return api.put<ContactDetail>(`/api/contacts/${contact.id}/reporting`, { reportsToId, assistantOfId, version: updated.version });
      return updated;
    },
    onSuccess: () => {
      void message.success(t('form.saved'));
      void qc.invalidateQueries({ queryKey: contactKeys.all });
      void qc.invalidateQueries({ queryKey: accountKeys.all });
      onDone();
    },
    onError: (err) => showError(err, form, () => void qc.invalidateQueries({ queryKey: contactKeys.all })),
  });

  const others = contacts.filter((c) => c.id !== contact?.id);
  const contactOptions = others.map((c) => ({ value: c.id, label: c.title ? `${c.name}（${c.title}）` : c.name }));
  const options = (list: readonly string[], prefix: string) => list.map((v) => ({ value: v, label: t(`${prefix}.${v}`) }));
  const textItem = (f: string, long = false) => (
    <Col xs={24} sm={long ? 24 : 12} key={f}>
      <Form.Item name={f} label={t(`fields.${f}`)} rules={[{ max: long ? 5000 : 200 }]}>
        {long ? <Input.TextArea autoSize={{ minRows: 2, maxRows: 6 }} data-testid={`contact-${f}`} /> : <Input data-testid={`contact-${f}`} />}
      </Form.Item>
    </Col>
  );

  const initial: Values = contact
    ? { ...(contact as unknown as Record<string, unknown>), name: contact.name }
    : { name: '', keyRoles: [], reportsToId: null, assistantOfId: null };

  return (
    <Form<Values> form={form} name={FORM_ID} layout="vertical" initialValues={initial} onFinish={(v) => save.mutate(v)} data-testid="contact-form">
      <Divider titlePlacement="start">{t('sections.basic')}</Divider>
      <Row gutter={16}>
        <Col xs={24} sm={12}>
          <Form.Item name="name" label={t('fields.name')} rules={[{ required: true, whitespace: true, message: t('form.nameRequired') }, { max: 100 }]}>
            <Input data-testid="contact-name" />
          </Form.Item>
        </Col>
        <Col xs={24} sm={12}>
          <Form.Item name="gender" label={t('fields.gender')}>
            <Select allowClear options={options(GENDERS, 'genders')} data-testid="contact-gender" />
          </Form.Item>
        </Col>
        {BASIC_FIELDS.map((f) => textItem(f))}
      </Row>

      <Divider titlePlacement="start">{t('sections.contact')}</Divider>
      <Row gutter={16}>
        {CONTACT_FIELDS.filter((f) => f !== 'email').map((f) => textItem(f))}
        <Col xs={24} sm={12}>
          <Form.Item name="email" label={t('fields.email')} rules={[{ type: 'email', message: t('form.emailInvalid') }]}>
            <Input data-testid="contact-email" />
          </Form.Item>
        </Col>
        <Col xs={24} sm={12}>
          <Form.Item name="lastContactAt" label={t('fields.lastContactAt')} {...dateTimeProps}>
            <DatePicker style={{ width: '100%' }} data-testid="contact-last-contact" />
          </Form.Item>
        </Col>
      </Row>

      <Divider titlePlacement="start">{t('sections.roles')}</Divider>
      <Row gutter={16}>
        <Col xs={24} sm={12}>
          <Form.Item name="buyingRole" label={t('fields.buyingRole')}>
            <Select allowClear options={options(BUYING_ROLES, 'buyingRoles')} data-testid="contact-buying-role" />
          </Form.Item>
        </Col>
        <Col xs={24} sm={12}>
          <Form.Item name="keyRoles" label={t('fields.keyRoles')}>
            <Select mode="multiple" allowClear options={options(KEY_ROLES, 'keyRoles')} data-testid="contact-key-roles" />
          </Form.Item>
        </Col>
        <Col xs={24} sm={12}>
          <Form.Item name="layer" label={t('fields.layer')}>
            <Select allowClear options={options(CONTACT_LAYERS, 'layers')} data-testid="contact-layer" />
          </Form.Item>
        </Col>
        <Col xs={24} sm={12}>
          <Form.Item name="right" label={t('fields.right')}>
            <Select allowClear options={options(CONTACT_RIGHTS, 'rights')} data-testid="contact-right" />
          </Form.Item>
        </Col>
        <Col xs={24} sm={12}>
          <Form.Item name="influence" label={t('fields.influence')}>
            <Select allowClear options={[1, 2, 3, 4, 5].map((n) => ({ value: n, label: String(n) }))} data-testid="contact-influence" />
          </Form.Item>
        </Col>
        <Col xs={24} sm={12}>
          <Form.Item name="personalityType" label={t('fields.personalityType')}>
            <Select allowClear options={options(PERSONALITY_TYPES, 'personalityTypes')} data-testid="contact-personality-type" />
          </Form.Item>
        </Col>
      </Row>
      <PersonalityAdvice type={personalityType} />

      <Divider titlePlacement="start">{t('sections.personal')}</Divider>
      {!sensitiveVisible && <Alert type="warning" showIcon style={{ marginBottom: 16 }} title={t('personalHidden')} data-testid="contact-sensitive-hidden" />}
      <Row gutter={16}>
        {sensitiveVisible && (
          <Col xs={24} sm={12}>
            <Form.Item name="birthday" label={t('fields.birthday')} {...dateProps}>
              <DatePicker style={{ width: '100%' }} data-testid="contact-birthday" />
            </Form.Item>
          </Col>
        )}
        <Col xs={24} sm={12}>
          <Form.Item name="thinkingStyle" label={t('fields.thinkingStyle')}>
            <Select allowClear options={options(THINKING_STYLES, 'thinkingStyles')} data-testid="contact-thinking-style" />
          </Form.Item>
        </Col>
        {PERSONAL_TEXT_FIELDS.filter((f) => sensitiveVisible || !isSensitive(f)).map((f) => textItem(f, !SHORT_PERSONAL_FIELDS.has(f)))}
      </Row>

      <Divider titlePlacement="start">{t('sections.reporting')}</Divider>
      <Row gutter={16}>
        <Col xs={24} sm={12}>
          <Form.Item name="reportsToId" label={t('fields.reportsToId')}>
            <Select allowClear showSearch={{ optionFilterProp: 'label' }} placeholder={t('form.pickContact')} options={contactOptions} data-testid="contact-reports-to" />
          </Form.Item>
        </Col>
        <Col xs={24} sm={12}>
          <Form.Item name="assistantOfId" label={t('fields.assistantOfId')}>
            <Select allowClear showSearch={{ optionFilterProp: 'label' }} placeholder={t('form.pickContact')} options={contactOptions} data-testid="contact-assistant-of" />
          </Form.Item>
        </Col>
      </Row>
    </Form>
  );
}
