import { Button, Card, DatePicker, Form, Input } from 'antd';
import { useTranslation } from 'react-i18next';
import type { TripDetail, TripReportInput } from '../../../../shared/contracts/trips';
import { api } from '../../../api/client';
import { dateFieldProps } from '../../../components/formDate';
import { useTripAction } from '../api';
import { CostLines } from './CostLines';
import { saveByButton } from '../../../components/formSubmit';

type Values = Omit<TripReportInput, 'version'>;

/** 出差报告: the return date, what came of the trip and the actual costs; goes to the KA director. */
export function ReportForm({ trip }: { trip: TripDetail }) {
  const { t } = useTranslation('trips');
  const [form] = Form.useForm<Values>();
  const report = useTripAction((v: Values) => api.post<TripDetail>(`/api/trips/${trip.id}/report`, { ...v, actualCostLines: v.actualCostLines ?? [], version: trip.version }), { form, done: 'reported' });
  const initial: Partial<Values> = {
    returnedOn: trip.report?.returnedOn ?? (trip.today < trip.endOn ? trip.today : trip.endOn),
    summary: trip.report?.summary,
    actualCostLines: trip.report?.actualCostLines ?? trip.costLines,
  };
  return (
    <Card title={t('report.title')} data-testid="trip-report-form">
      <Form form={form} {...saveByButton} layout="vertical" initialValues={initial} onFinish={(v) => report.mutate(v)}>
        <Form.Item name="returnedOn" label={t('report.returnedOn')} rules={[{ required: true }]} {...dateFieldProps}>
          <DatePicker style={{ width: '100%', maxWidth: 220 }} />
        </Form.Item>
        <Form.Item name="summary" label={t('report.summary')} rules={[{ required: true, max: 4000 }]}>
          <Input.TextArea autoSize={{ minRows: 4, maxRows: 12 }} />
        </Form.Item>
        <CostLines name="actualCostLines" label={t('report.actualCostLines')} totalLabel={t('fields.actualTotal')} testId="trip-actual" />
        <Button type="primary" htmlType="submit" loading={report.isPending} data-testid="trip-report-submit">
          {t('report.submit')}
        </Button>
      </Form>
    </Card>
  );
}
