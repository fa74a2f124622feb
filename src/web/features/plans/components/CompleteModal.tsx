import { useMutation } from '@tanstack/react-query';
import { DatePicker, Form, Input, Modal, Typography } from 'antd';
import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import type { PlanItem } from '../../../../shared/contracts/plans';
import { api } from '../../../api/client';
import { dateFieldProps, today } from '../../../components/formDate';
import { useApiError, useFeedback } from '../../../components/feedback';

interface Values {
  doneOn: string;
  outcome: string;
}

/** Marks a plan item done with the day and what came of it; its task is completed with it. */
export function CompleteModal({ item, onClose, onSaved }: { item: PlanItem | null; onClose: () => void; onSaved: () => void }) {
  const { t } = useTranslation('plans');
  const [form] = Form.useForm<Values>();
  const { message } = useFeedback();
  const showError = useApiError();
  // the form instance outlives the dialog: start each item from today and an empty outcome
  useEffect(() => {
    if (item) form.setFieldsValue({ doneOn: today(), outcome: '' });
  }, [item, form]);
  const run = useMutation({
    mutationFn: (v: Values) => api.post<PlanItem>(`/api/plan-items/${item?.id}/complete`, { ...v, version: item?.version }),
    onSuccess: () => {
      void message.success(t('completed'));
      onSaved();
      onClose();
    },
    onError: (err) => showError(err, form, onSaved),
  });
  return (
    <Modal
      open={item !== null}
      title={t('completeTitle')}
      okText={t('complete')}
      cancelText={t('cancel')}
      okButtonProps={{ loading: run.isPending, 'data-testid': 'plan-complete-ok' } as never}
      onOk={() => form.submit()}
      onCancel={onClose}
      destroyOnHidden
    >
      {item && <Typography.Paragraph type="secondary" ellipsis={{ rows: 2 }}>{item.measures}</Typography.Paragraph>}
      <Form<Values> form={form} layout="vertical" preserve={false} initialValues={{ doneOn: today(), outcome: '' }} onFinish={(v) => run.mutate(v)}>
        <Form.Item name="doneOn" label={t('fields.doneOn')} rules={[{ required: true, message: t('doneOnRequired') }]} {...dateFieldProps}>
          <DatePicker style={{ width: '100%' }} data-testid="plan-complete-date" />
        </Form.Item>
        <Form.Item name="outcome" label={t('fields.outcome')} rules={[{ required: true, whitespace: true, message: t('outcomeRequired') }, { max: 2000 }]}>
          <Input.TextArea autoSize={{ minRows: 2, maxRows: 6 }} maxLength={2000} showCount data-testid="plan-complete-outcome" />
        </Form.Item>
      </Form>
    </Modal>
  );
}
