import { Form, Modal, Select } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { TARGET_METRICS, type TargetMetric, type TargetPlanDetail } from '../../../../shared/contracts/targets';
import { ApiError } from '../../../api/client';
import { ErrorAlert } from '../../../components/ErrorAlert';
import { applyFormErrors } from '../../../components/errors';
import { saveByButton, useOneSave } from '../../../components/formSubmit';
import { useCreateTarget } from '../api';
import { ManagedUnitSelect } from './ManagedUnitSelect';

interface Values {
  unitId: number | null;
  metric: TargetMetric;
  year: number;
}

/** The years a plan is made for: last year's (late), this year's and the next two. */
export const planYears = (now: number) => [now - 1, now, now + 1, now + 2];

/**
 * 新建目标: the unit (one the caller manages), the metric and the year → the plan's page. A plan that exists
 * already (409) or any refusal stays in the dialog in the server's words.
 */
export function CreateTargetModal({ open, year, onClose, onCreated }: { open: boolean; year: number; onClose: () => void; onCreated: (p: TargetPlanDetail) => void }) {
  const { t } = useTranslation('targets');
  const [form] = Form.useForm<Values>();
  const create = useCreateTarget();
  const [error, setError] = useState<unknown>(null);
  const thisYear = new Date().getFullYear();

  const submit = useOneSave(async (v: Values) => {
    setError(null);
    try {
      const plan = await create.mutateAsync({ unitId: v.unitId!, metric: v.metric, year: v.year });
      onCreated(plan);
    } catch (err) {
      if (!(err instanceof ApiError && applyFormErrors(form, err))) setError(err);
    }
  });

  return (
    <Modal
      open={open}
      title={t('create.title')}
      onCancel={onClose}
      afterOpenChange={(o) => !o && setError(null)}
      okText={t('create.ok')}
      cancelText={t('actions.back')}
      okButtonProps={{ loading: create.isPending, htmlType: 'submit', form: 'target-create-form', 'data-testid': 'target-form-ok' } as never}
      cancelButtonProps={{ 'data-testid': 'target-form-cancel' } as never}
      destroyOnHidden
    >
      {error !== null && <ErrorAlert error={error} />}
      <Form<Values> form={form} id="target-create-form" {...saveByButton} layout="vertical" preserve={false} initialValues={{ unitId: null, metric: 'sales', year }} onFinish={(v) => void submit(v)}>
        <Form.Item name="unitId" label={t('fields.unit')} rules={[{ required: true, message: t('create.unitRequired') }]}>
          <ManagedUnitSelect data-testid="target-form-unit" />
        </Form.Item>
        <Form.Item name="metric" label={t('fields.metric')} rules={[{ required: true }]}>
          <Select options={TARGET_METRICS.map((m) => ({ value: m, label: t(`metrics.${m}`) }))} data-testid="target-form-metric" />
        </Form.Item>
        <Form.Item name="year" label={t('fields.year')} rules={[{ required: true }]}>
          <Select options={planYears(thisYear).map((y) => ({ value: y, label: t('yearLabel', { year: y }) }))} data-testid="target-form-year" />
        </Form.Item>
      </Form>
    </Modal>
  );
}
