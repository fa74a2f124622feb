import { DeleteOutlined, PlusOutlined } from '@ant-design/icons';
import { Button, Flex, Form, Input, InputNumber, Skeleton, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import type { RecoverySettings } from '../../../../shared/contracts/recovery';
import { useApiError, useFeedback } from '../../../components/feedback';
import { FormDrawer } from '../../../components/FormDrawer';
import { saveByButton, useOneSave } from '../../../components/formSubmit';
import { useRecoverySettings, useSaveRecoverySettings } from '../api';

/** 方案模板: the steps every new plan gives the account's owner, each due so many working days later (recovery:close). */
export function TemplateDrawer({ onClose }: { onClose: () => void }) {
  const { t } = useTranslation('recovery');
  const settings = useRecoverySettings();
  const save = useSaveRecoverySettings();
  const showError = useApiError();
  const { message } = useFeedback();
  const [form] = Form.useForm<RecoverySettings>();
  const submit = useOneSave(async (v: RecoverySettings) => {
    try {
      await save.mutateAsync({ version: settings.data!.version, steps: v.steps.map((s) => ({ title: s.title.trim(), dueDays: s.dueDays })) });
      void message.success(t('settings.saved'));
      onClose();
    } catch (err) {
      showError(err, form, () => void settings.refetch());
    }
  });
  return (
    <FormDrawer open title={t('settings.title')} formId="recovery-template-form" saving={save.isPending} saveText={t('settings.save')} cancelText={t('actions.cancel')} onClose={onClose} testId="recovery-template-drawer">
      <Typography.Paragraph type="secondary">{t('settings.intro')}</Typography.Paragraph>
      {!settings.data ? (
        <Skeleton active />
      ) : (
        <Form<RecoverySettings> form={form} id="recovery-template-form" {...saveByButton} layout="vertical" initialValues={settings.data.settings} onFinish={(v) => void submit(v)}>
          <Form.List name="steps">
            {(fields, { add, remove }) => (
              <Flex vertical gap={4}>
                {fields.map((f, i) => (
                  <Flex key={f.key} gap={8} align="start">
                    <Form.Item name={[f.name, 'title']} label={i === 0 ? t('settings.step') : undefined} rules={[{ required: true, whitespace: true, message: t('detail.stepTitleRequired') }, { max: 200 }]} style={{ flex: 1, marginBottom: 8 }}>
                      <Input data-testid={`recovery-template-title-${i}`} />
                    </Form.Item>
                    <Form.Item name={[f.name, 'dueDays']} label={i === 0 ? t('settings.dueDays') : undefined} rules={[{ required: true, message: t('detail.dueRequired') }]} style={{ width: 120, marginBottom: 8 }}>
                      <InputNumber min={0} max={90} precision={0} style={{ width: '100%' }} data-testid={`recovery-template-days-${i}`} />
                    </Form.Item>
                    <Button icon={<DeleteOutlined />} onClick={() => remove(f.name)} aria-label="remove" style={{ marginTop: i === 0 ? 30 : 0 }} />
                  </Flex>
                ))}
                {fields.length < 12 && (
                  <Button icon={<PlusOutlined />} onClick={() => add({ title: '', dueDays: 5 })} data-testid="recovery-template-add">
                    {t('settings.add')}
                  </Button>
                )}
              </Flex>
            )}
          </Form.List>
        </Form>
      )}
    </FormDrawer>
  );
}
