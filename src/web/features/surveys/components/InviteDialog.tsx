import { Form, Modal, Select, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { IssuedInvitation } from '../../../../shared/contracts/surveys';
import { useApiError } from '../../../components/feedback';
import { saveByButton } from '../../../components/formSubmit';
import { useAccountContacts } from '../../contacts';
import { useInvite } from '../api';
import { LinkDialog } from './LinkDialog';

/** 发送满意度调查: pick one of the account's active contacts; the link made is then shown once (LinkDialog). */
export function InviteDialog({ accountId, open, onClose }: { accountId: number; open: boolean; onClose: () => void }) {
  const { t } = useTranslation('surveys');
  const [form] = Form.useForm<{ contactId: number }>();
  const contacts = useAccountContacts(open ? accountId : null);
  const invite = useInvite();
  const apiError = useApiError();
  const [issued, setIssued] = useState<IssuedInvitation | null>(null);
  const active = (contacts.data?.items ?? []).filter((c) => c.status === 'active');
  const submit = async () => {
    const v = await form.validateFields();
    try {
      setIssued(await invite.mutateAsync({ accountId, contactId: v.contactId }));
      onClose();
      form.resetFields();
    } catch (err) {
      apiError(err, form);
    }
  };
  return (
    <>
      <Modal
        open={open}
        title={t('invite.title')}
        onCancel={onClose}
        onOk={() => void submit()}
        okText={t('invite.submit')}
        okButtonProps={{ loading: invite.isPending, disabled: !active.length, 'data-testid': 'survey-invite-submit' } as never}
        destroyOnHidden
        data-testid="survey-invite-dialog"
      >
        <Typography.Paragraph type="secondary">{t('invite.hint')}</Typography.Paragraph>
        <Form form={form} layout="vertical" {...saveByButton}>
          <Form.Item name="contactId" label={t('invite.contact')} rules={[{ required: true, message: t('invite.contactRequired') }]}>
            <Select
              showSearch={{ optionFilterProp: 'label' }}
              loading={contacts.isLoading}
              placeholder={t('invite.contactPlaceholder')}
              notFoundContent={contacts.isLoading ? undefined : t('invite.noContacts')}
              options={active.map((c) => ({ value: c.id, label: [c.name, c.title].filter(Boolean).join(' · ') }))}
              data-testid="survey-invite-contact"
            />
          </Form.Item>
        </Form>
      </Modal>
      <LinkDialog issued={issued} onClose={() => setIssued(null)} />
    </>
  );
}
