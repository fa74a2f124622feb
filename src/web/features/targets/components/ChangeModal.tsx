import { Alert, Flex, Form, Input, Modal, Segmented, Select, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { TARGET_LEVELS, type TargetLevel, type TargetPlanDetail, type TargetRow } from '../../../../shared/contracts/targets';
import { levelOf } from '../../../../shared/domain/targets';
import { useApiError, useFeedback } from '../../../components/feedback';
import { saveByButton, useOneSave } from '../../../components/formSubmit';
import { useRequestChange } from '../api';
import { changeLines } from '../grid';
import { MetricInput, useGridNumber, useMonthName } from '../helpers';

interface Values {
  level: TargetLevel;
  months: number[];
  /** per month (1–12): the new value, fen for money */
  values: Record<string, number | null>;
  reason: string;
}

const MONTH_NUMBERS = Array.from({ length: 12 }, (_, i) => i + 1);

/**
 * 申请调整 of one row of a locked plan: the level, the months and their new values (each beside what it is
 * now), and why — required. The change waits for its approval; on approval its values apply.
 */
export function ChangeModal({ plan, row, level: shown, onClose, onStale }: { plan: TargetPlanDetail; row: TargetRow | null; level: TargetLevel; onClose: () => void; onStale: () => void }) {
  const { t } = useTranslation('targets');
  const monthName = useMonthName();
  const num = useGridNumber(plan.metric);
  const [form] = Form.useForm<Values>();
  const request = useRequestChange();
  const showError = useApiError();
  const { message } = useFeedback();
  const [nothing, setNothing] = useState(false);
  const level = Form.useWatch('level', form) ?? shown;
  const months = [...(Form.useWatch('months', form) ?? [])].sort((a, b) => a - b);

  const submit = useOneSave(async (v: Values) => {
    if (!row) return;
    const values = Object.fromEntries(v.months.map((m) => [m - 1, v.values?.[String(m)] ?? null]));
    const lines = changeLines(row, v.level, values);
    setNothing(lines.length === 0);
    if (!lines.length) return;
    try {
      await request.mutateAsync({ id: plan.id, body: { reason: v.reason.trim(), lines } });
      void message.success(t('change.requested'));
      onClose();
    } catch (err) {
      showError(err, form, onStale);
    }
  });

  return (
    <Modal
      open={row !== null}
      title={row ? t('change.title', { name: row.name }) : ''}
      onCancel={onClose}
      afterOpenChange={(o) => !o && setNothing(false)}
      okText={t('change.ok')}
      cancelText={t('actions.back')}
      okButtonProps={{ loading: request.isPending, htmlType: 'submit', form: 'target-change-form', 'data-testid': 'target-change-ok' } as never}
      destroyOnHidden
    >
      {row && (
        <Form<Values>
          form={form}
          id="target-change-form"
          {...saveByButton}
          layout="vertical"
          preserve={false}
          initialValues={{ level: shown, months: [], values: {}, reason: '' }}
          onValuesChange={(changed: Partial<Values>, all: Values) => {
            // another level: the months' values start from what they are at that level
            if (changed.level) form.setFieldsValue({ values: Object.fromEntries(all.months.map((m) => [String(m), levelOf(row.months[m - 1]!, changed.level!)])) });
          }}
          onFinish={(v) => void submit(v)}
        >
          <Form.Item name="level" label={t('fields.level')}>
            <Segmented block options={TARGET_LEVELS.map((l) => ({ value: l, label: <span data-testid={`target-change-level-${l}`}>{t(`levels.${l}`)}</span> }))} />
          </Form.Item>
          <Form.Item name="months" label={t('change.months')} rules={[{ required: true, message: t('change.monthsRequired') }]}>
            <Select mode="multiple" allowClear options={MONTH_NUMBERS.map((m) => ({ value: m, label: monthName(m) }))} placeholder={t('change.monthsPlaceholder')} data-testid="target-change-months" />
          </Form.Item>
          {months.map((m) => {
            const now = levelOf(row.months[m - 1]!, level);
            return (
              <Flex key={m} gap={8} align="baseline" wrap={false} style={{ marginBottom: 8 }}>
                <Typography.Text style={{ width: 48, flex: 'none' }}>{monthName(m)}</Typography.Text>
                <Typography.Text type="secondary" style={{ flex: 'none', fontSize: 12, minWidth: 0 }}>
                  {t('change.now', { value: num(now) })}
                </Typography.Text>
                <Form.Item name={['values', String(m)]} initialValue={now} rules={[{ required: true, message: t('change.valueRequired') }]} style={{ flex: 1, marginBottom: 0, minWidth: 0 }}>
                  <MetricInput metric={plan.metric} testId={`target-change-value-${m}`} />
                </Form.Item>
              </Flex>
            );
          })}
          <Form.Item name="reason" label={t('change.reason')} rules={[{ required: true, whitespace: true, message: t('change.reasonRequired') }, { max: 2000 }]}>
            <Input.TextArea autoSize={{ minRows: 3, maxRows: 10 }} placeholder={t('change.reasonPlaceholder')} data-testid="target-change-reason" />
          </Form.Item>
          {nothing && <Alert type="warning" showIcon title={t('change.nothing')} data-testid="target-change-nothing" />}
          <Typography.Text type="secondary" style={{ fontSize: 12 }}>
            {t('change.note')}
          </Typography.Text>
        </Form>
      )}
    </Modal>
  );
}
