import { Form, Input, Modal } from 'antd';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { saveByButton, useOneSave } from '../../../components/formSubmit';

interface Props {
  open: boolean;
  title: ReactNode;
  okText: string;
  hint?: ReactNode;
  danger?: boolean;
  saving: boolean;
  onClose: () => void;
  /** resolves when done (the dialog is then closed by the caller); a rejection keeps it open */
  onSubmit: (reason: string) => Promise<unknown>;
  testId: string;
}

/** A required, audited reason for a move (terminate, void, settle a contract; void an invoice): its OK button is the only submit. */
export function ReasonDialog({ open, title, okText, hint, danger, saving, onClose, onSubmit, testId }: Props) {
  const { t } = useTranslation('deals');
  const [form] = Form.useForm<{ reason: string }>();
  const submit = useOneSave(async (v: { reason: string }) => {
    await onSubmit(v.reason.trim()).catch(() => undefined);
  });
  return (
    <Modal
      open={open}
      title={title}
      onCancel={onClose}
      okText={okText}
      cancelText={t('form.cancel')}
      okButtonProps={{ danger, loading: saving, htmlType: 'submit', form: `${testId}-form`, 'data-testid': `${testId}-ok` } as never}
      destroyOnHidden
      data-testid={testId}
    >
      {hint && <p>{hint}</p>}
      <Form form={form} id={`${testId}-form`} {...saveByButton} layout="vertical" onFinish={(v) => void submit(v)} preserve={false}>
        <Form.Item name="reason" label={t('actions.reason')} rules={[{ required: true, whitespace: true, message: t('actions.reasonRequired') }, { max: 1000 }]}>
          <Input.TextArea autoSize={{ minRows: 3 }} data-testid={`${testId}-reason`} />
        </Form.Item>
      </Form>
    </Modal>
  );
}
