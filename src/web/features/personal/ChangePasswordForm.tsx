import { App, Button, Form, Input } from 'antd';
import { useTranslation } from 'react-i18next';
import { changePasswordBody } from '../../../shared/contracts/auth';
import { applyFormErrors, errorMessage, issueMessage } from '../../components/errors';
import { zodRule } from '../../components/zodRule';
import { useChangePassword } from './api';

interface Values {
  currentPassword: string;
  newPassword: string;
  confirmPassword: string;
}

/** Used on the account page and as the forced first step when the password must change. */
export function ChangePasswordForm({ onDone }: { onDone?: () => void | Promise<void> }) {
  const { t } = useTranslation(['auth', 'common']);
  const [form] = Form.useForm<Values>();
  const change = useChangePassword();
  const { message } = App.useApp();

  async function submit(values: Values) {
    try {
      await change.mutateAsync({ currentPassword: values.currentPassword, newPassword: values.newPassword });
      form.resetFields();
      message.success(t('changePassword.success'));
      await onDone?.();
    } catch (err) {
      const localized = applyFormErrors(form, err, (issue) => {
        if (issue.path === 'currentPassword') return t('changePassword.currentWrong');
        if (issue.path === 'newPassword') return t('changePassword.newRejected', { reason: issueMessage(issue, t) });
        return undefined;
      });
      if (!localized) message.error(errorMessage(err, t));
    }
  }

  return (
    <Form form={form} layout="vertical" onFinish={submit} requiredMark={false} style={{ maxWidth: 420 }} data-testid="change-password-form">
      <Form.Item name="currentPassword" label={t('changePassword.currentPassword')} rules={[{ required: true, message: t('changePassword.currentRequired') }]}>
        <Input.Password autoComplete="current-password" />
      </Form.Item>
      <Form.Item
        name="newPassword"
        label={t('changePassword.newPassword')}
        extra={t('changePassword.hint')}
        dependencies={['currentPassword']}
        rules={[
          zodRule(changePasswordBody.shape.newPassword, t('changePassword.newTooShort')),
          ({ getFieldValue }) => ({
            validator: (_r, value) => (!value || value !== getFieldValue('currentPassword') ? Promise.resolve() : Promise.reject(new Error(t('changePassword.mustDiffer')))),
          }),
        ]}
      >
        <Input.Password autoComplete="new-password" />
      </Form.Item>
      <Form.Item
        name="confirmPassword"
        label={t('changePassword.confirmPassword')}
        dependencies={['newPassword']}
        rules={[
          ({ getFieldValue }) => ({
            validator: (_r, value) => (value && value === getFieldValue('newPassword') ? Promise.resolve() : Promise.reject(new Error(t('changePassword.confirmMismatch')))),
          }),
        ]}
      >
        <Input.Password autoComplete="new-password" />
      </Form.Item>
      <Button type="primary" htmlType="submit" loading={change.isPending}>
        {t('changePassword.submit')}
      </Button>
    </Form>
  );
}
