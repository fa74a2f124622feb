import { Button, Card, Col, Form, Row, TimePicker, Typography } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import type { WorkCalendarView } from '../../../../shared/contracts/workdays';
import { useApiError, useFeedback } from '../../../components/feedback';
import { saveByButton, useOneSave } from '../../../components/formSubmit';
import { useSaveHours } from '../api';

const FIELDS = ['start', 'end', 'breakStart', 'breakEnd'] as const;
type Field = (typeof FIELDS)[number];
type Values = Record<Field, Dayjs | null>;

const toPicker = (hhmm: string | null) => (hhmm ? dayjs().hour(Number(hhmm.slice(0, 2))).minute(Number(hhmm.slice(3, 5))).second(0) : null);
const fromPicker = (d: Dayjs | null | undefined) => (d ? d.format('HH:mm') : null);

/** The working hours of a working day: start, end and the lunch break (both ends or neither), saved at the version read. */
export function HoursCard({ calendar, onStale }: { calendar: WorkCalendarView; onStale: () => void }) {
  const { t } = useTranslation('workdays');
  const [form] = Form.useForm<Values>();
  const { message } = useFeedback();
  const showError = useApiError();
  const saveHours = useSaveHours();
  const { hours, hoursVersion } = calendar;
  useEffect(() => {
    form.setFieldsValue({ start: toPicker(hours.start), end: toPicker(hours.end), breakStart: toPicker(hours.breakStart), breakEnd: toPicker(hours.breakEnd) });
  }, [form, hours.start, hours.end, hours.breakStart, hours.breakEnd]);
  const save = useOneSave(async (v: Values) => {
    try {
      await saveHours.mutateAsync({ start: fromPicker(v.start)!, end: fromPicker(v.end)!, breakStart: fromPicker(v.breakStart), breakEnd: fromPicker(v.breakEnd), version: hoursVersion });
      void message.success(t('hours.saved'));
    } catch (err) {
      showError(err, form, onStale);
    }
  });
  return (
    <Card size="small" title={t('hours.title')} data-testid="work-hours">
      <Typography.Paragraph type="secondary">{t('hours.help')}</Typography.Paragraph>
      <Form<Values> form={form} layout="vertical" onFinish={save} {...saveByButton}>
        <Row gutter={12}>
          {FIELDS.map((f) => (
            <Col key={f} xs={12} sm={6}>
              <Form.Item name={f} label={t(`hours.${f}`)} rules={f === 'start' || f === 'end' ? [{ required: true, message: t('hours.required') }] : []}>
                <TimePicker format="HH:mm" minuteStep={5} needConfirm={false} style={{ width: '100%' }} data-testid={`hours-${f}`} />
              </Form.Item>
            </Col>
          ))}
        </Row>
        <Button type="primary" htmlType="submit" loading={saveHours.isPending} data-testid="hours-save">
          {t('hours.save')}
        </Button>
      </Form>
    </Card>
  );
}
