import { Alert, Form, Input, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import type { ReceivablesSettings } from '../../../../shared/contracts/receivables';
import { useApiError } from '../../../components/feedback';
import { FormDrawer } from '../../../components/FormDrawer';
import { saveByButton, useOneSave } from '../../../components/formSubmit';
import { useFormSession } from '../../../components/layout';
import { useSaveReceivablesSettings } from '../api';
import { increasingDays, parseDays } from '../rules';

/** named as the API's fields, so a 400 naming ageing.bounds or dunning.days lands on its field */
interface Values {
  ageing: { bounds: string };
  dunning: { days: string };
}

/**
 * 账龄与催收设置 (contract:manage): the ageing buckets' upper bounds (1–8 increasing day counts; the
 * buckets are not due, 1–b1, …, > the last) and the days overdue of the four dunning levels.
 */
export function SettingsDrawer({ open, settings, onClose }: { open: boolean; settings: ReceivablesSettings; onClose: () => void }) {
  const { t } = useTranslation('receipts');
  const [form] = Form.useForm<Values>();
  const save = useSaveReceivablesSettings();
  const showError = useApiError();
  useFormSession(form, open ? settings : null, () => ({ ageing: { bounds: settings.ageing.bounds.join(', ') }, dunning: { days: settings.dunning.days.join(', ') } }));
  const daysRule = (min: number, max: number, key: string) => ({
    validator: (_: unknown, v: string) => {
      const days = parseDays(v ?? '');
      return days && days.length >= min && days.length <= max && increasingDays(days) ? Promise.resolve() : Promise.reject(new Error(t(key)));
    },
  });
  const submit = useOneSave(async (v: Values) => {
    const bounds = parseDays(v.ageing.bounds)!;
    const days = parseDays(v.dunning.days)!;
    const body = {
      ...(bounds.join() !== settings.ageing.bounds.join() ? { ageing: { bounds, version: settings.ageing.version } } : {}),
      ...(days.join() !== settings.dunning.days.join() ? { dunning: { days, version: settings.dunning.version } } : {}),
    };
    if (!body.ageing && !body.dunning) return onClose();
    try {
      await save.mutateAsync(body);
      onClose();
    } catch (err) {
      showError(err, form, onClose);
    }
  });
  return (
    <FormDrawer open={open} title={t('settings.title')} formId="receivables-settings" saving={save.isPending} saveText={t('form.save')} cancelText={t('form.cancel')} onClose={onClose} testId="receivables-settings">
      <Form<Values> id="receivables-settings" form={form} layout="vertical" {...saveByButton} onFinish={(v) => void submit(v)}>
        <Form.Item name={['ageing', 'bounds']} label={t('settings.bounds')} extra={t('settings.boundsHint')} rules={[daysRule(1, 8, 'settings.boundsBad')]}>
          <Input data-testid="settings-bounds" />
        </Form.Item>
        <Form.Item name={['dunning', 'days']} label={t('settings.dunning')} extra={t('settings.dunningHint')} rules={[daysRule(4, 4, 'settings.dunningBad')]}>
          <Input data-testid="settings-dunning" />
        </Form.Item>
        <Alert type="info" showIcon title={<Typography.Text>{t('settings.note')}</Typography.Text>} />
      </Form>
    </FormDrawer>
  );
}
