import { useMutation, useQueryClient } from '@tanstack/react-query';
import { DatePicker, Form, Input, Modal, Typography } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import type { ContactListItem } from '../../../../shared/contracts/contacts';
import { api } from '../../../api/client';
import { useApiError, useFeedback } from '../../../components/feedback';
import { contactKeys } from '../api';

interface Values {
  leftOn: string;
  note: string;
}

/** A contact who left the company stays on record with the date and a note. */
export function LeftModal({ contact, onClose }: { contact: ContactListItem | null; onClose: () => void }) {
  const { t } = useTranslation('contacts');
  const [form] = Form.useForm<Values>();
  const qc = useQueryClient();
  const { message } = useFeedback();
  const showError = useApiError();
  // The form instance outlives the dialog; start each contact from today and an empty note.
  useEffect(() => {
    if (contact) form.setFieldsValue({ leftOn: dayjs().format('YYYY-MM-DD'), note: '' });
  }, [contact, form]);
  const run = useMutation({
    mutationFn: (v: Values) => api.post<ContactListItem>(`/api/contacts/${contact?.id}/left`, { ...v, version: contact?.version }),
    onSuccess: () => {
      void message.success(t('left.done'));
      void qc.invalidateQueries({ queryKey: contactKeys.all });
      onClose();
    },
    onError: (err) => showError(err, form, () => void qc.invalidateQueries({ queryKey: contactKeys.all })),
  });
  return (
    <Modal
      open={contact !== null}
      title={contact ? t('left.title', { name: contact.name }) : undefined}
      okText={t('left.ok')}
      cancelText={t('form.cancel')}
      okButtonProps={{ danger: true, loading: run.isPending, 'data-testid': 'contact-left-ok' } as never}
      onOk={() => form.submit()}
      onCancel={onClose}
      destroyOnHidden
    >
      <Typography.Paragraph type="secondary">{t('left.hint')}</Typography.Paragraph>
      <Form<Values> form={form} layout="vertical" preserve={false} initialValues={{ leftOn: dayjs().format('YYYY-MM-DD'), note: '' }} onFinish={(v) => run.mutate(v)}>
        <Form.Item
          name="leftOn"
          label={t('fields.leftAt')}
          rules={[{ required: true, message: t('left.dateRequired') }]}
          getValueProps={(v: unknown) => ({ value: typeof v === 'string' && v ? dayjs(v) : undefined })}
          normalize={(d: Dayjs | null) => (d ? d.format('YYYY-MM-DD') : null)}
        >
          <DatePicker style={{ width: '100%' }} data-testid="contact-left-date" />
        </Form.Item>
        <Form.Item name="note" label={t('fields.leftNote')} rules={[{ required: true, whitespace: true, message: t('left.noteRequired') }, { max: 1000 }]}>
          <Input.TextArea autoSize={{ minRows: 2, maxRows: 5 }} maxLength={1000} showCount data-testid="contact-left-note" />
        </Form.Item>
      </Form>
    </Modal>
  );
}
