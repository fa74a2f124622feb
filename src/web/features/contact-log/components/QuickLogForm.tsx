import { Button, Collapse, DatePicker, Flex, Form, Input, Segmented, Select } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useTranslation } from 'react-i18next';
import { CONTACT_LOG_KINDS, type ContactLogKind } from '../../../../shared/contracts/contact-log';
import { useAccountContacts } from '../../contacts';
import { useAddContactLog } from '../api';
import { saveByButton } from '../../../components/formSubmit';

interface Values {
  kind: ContactLogKind;
  contactId?: number | null;
  occurredAt?: Dayjs | null;
  summary: string;
  place?: string;
  address?: string;
  contactWay?: string;
}

/**
 * 记一笔: the compact quick-add of the contact log — kind, person, what was said, one tap to save;
 * the time defaults to now and the rest of the 联系情况表 (地点, 地址, 联系方式) folds away.
 */
export function QuickLogForm({ accountId, contactId }: { accountId: number; contactId?: number }) {
  const { t } = useTranslation('contactLog');
  const [form] = Form.useForm<Values>();
  const contacts = useAccountContacts(accountId);
  const add = useAddContactLog(form, () => form.resetFields());
  const submit = (v: Values) =>
    add.mutate({
      accountId,
      contactId: contactId ?? v.contactId ?? null,
      kind: v.kind,
      occurredAt: v.occurredAt ? v.occurredAt.toISOString() : undefined,
      summary: v.summary,
      place: v.place,
      address: v.address,
      contactWay: v.contactWay,
    });
  const options = (contacts.data?.items ?? []).filter((c) => c.status === 'active').map((c) => ({ value: c.id, label: c.title ? `${c.name}（${c.title}）` : c.name }));
  return (
    <Form form={form} {...saveByButton} layout="vertical" initialValues={{ kind: 'call' }} onFinish={submit} data-testid="contact-log-form">
      <Form.Item name="kind" style={{ marginBottom: 8 }}>
        <Segmented block options={CONTACT_LOG_KINDS.map((k) => ({ value: k, label: t(`kinds.${k}`) }))} data-testid="contact-log-kind" />
      </Form.Item>
      <Flex gap={8} wrap>
        {contactId === undefined && (
          <Form.Item name="contactId" style={{ marginBottom: 8, flex: '1 1 160px' }}>
            <Select allowClear placeholder={t('fields.contact')} options={options} loading={contacts.isLoading} data-testid="contact-log-contact" />
          </Form.Item>
        )}
        <Form.Item name="occurredAt" style={{ marginBottom: 8, flex: '1 1 160px' }}>
          <DatePicker showTime={{ format: 'HH:mm' }} format="YYYY-MM-DD HH:mm" placeholder={t('placeholders.now')} style={{ width: '100%' }} disabledDate={(d) => d.isAfter(dayjs(), 'day')} />
        </Form.Item>
      </Flex>
      <Form.Item name="summary" rules={[{ required: true, message: t('placeholders.summary') }, { max: 4000 }]} style={{ marginBottom: 8 }}>
        <Input.TextArea autoSize={{ minRows: 2, maxRows: 6 }} placeholder={t('placeholders.summary')} data-testid="contact-log-summary" />
      </Form.Item>
      <Collapse
        ghost
        size="small"
        style={{ marginBottom: 8 }}
        items={[
          {
            key: 'more',
            label: t('more'),
            forceRender: true,
            children: (
              <>
                <Form.Item name="place" label={t('fields.place')} rules={[{ max: 200 }]} style={{ marginBottom: 8 }}>
                  <Input />
                </Form.Item>
                <Form.Item name="address" label={t('fields.address')} rules={[{ max: 300 }]} style={{ marginBottom: 8 }}>
                  <Input />
                </Form.Item>
                <Form.Item name="contactWay" label={t('fields.contactWay')} rules={[{ max: 200 }]} style={{ marginBottom: 0 }}>
                  <Input placeholder={t('placeholders.contactWay')} />
                </Form.Item>
              </>
            ),
          },
        ]}
      />
      <Button type="primary" htmlType="submit" block loading={add.isPending} data-testid="contact-log-save">
        {t('add')}
      </Button>
    </Form>
  );
}
