import { SendOutlined } from '@ant-design/icons';
import { Button, Card, Col, DatePicker, Form, Input, Row, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { SPENT_LINES, type ReceptionDetail, type ReceptionReportInput } from '../../../../shared/contracts/receptions';
import { dateFieldProps, today } from '../../../components/formDate';
import { MoneyText } from '../../../components/MoneyText';
import { useApiError } from '../../../components/feedback';
import { MoneyInput } from '../../../components/MoneyInput';
import { useReceptionAction } from '../api';
import { PeopleField } from './PeopleField';
import { saveByButton } from '../../../components/formSubmit';

type Values = Omit<ReceptionReportInput, 'version'>;

/** The 客户接待报告表 (seed 003 form 7) of an approved reception. */
export function ReportForm({ reception: r, onDone }: { reception: ReceptionDetail; onDone: () => void }) {
  const { t } = useTranslation('receptions');
  const [form] = Form.useForm<Values>();
  const action = useReceptionAction(r.id);
  const showError = useApiError();
  const spent = Form.useWatch('spent', form) as Record<string, number | null> | undefined;
  const total = SPENT_LINES.reduce((s, l) => s + (spent?.[l] ?? 0), 0);
  const rep = r.report;
  const initial: Partial<Values> = rep
    ? { ...rep, date: rep.date ?? today(), place: rep.place ?? '', effect: rep.effect ?? '', spent: rep.spent }
    : {
        date: r.startsAt.slice(0, 10) || today(),
        place: r.place ?? '',
        guestAttendees: r.visitors.length ? r.visitors : [{ name: '', title: null }],
        hostAttendees: [{ name: r.owner.name, title: null }],
        spent: { meals: 0, lodging: 0, transport: 0, gifts: 0, other: 0 },
      };
  const submit = async (v: Values) => {
    const spentLines = Object.fromEntries(SPENT_LINES.map((l) => [l, (v.spent as Record<string, number | null> | undefined)?.[l] ?? 0]));
    try {
      await action.mutateAsync({ path: '/report', method: 'put', body: { ...v, spent: spentLines, version: r.version } });
      onDone();
    } catch (err) {
      showError(err, form);
    }
  };
  return (
    <Card size="small" title={t('report.title')}>
      <Form form={form} {...saveByButton} layout="vertical" initialValues={initial} onFinish={submit} data-testid="report-form">
        <Row gutter={16}>
          <Col xs={24} md={8}>
            <Form.Item name="date" label={t('report.date')} rules={[{ required: true }]} {...dateFieldProps}>
              <DatePicker style={{ width: '100%' }} />
            </Form.Item>
          </Col>
          <Col xs={24} md={16}>
            <Form.Item name="place" label={t('report.place')} rules={[{ required: true }]}>
              <Input maxLength={200} data-testid="report-place" />
            </Form.Item>
          </Col>
        </Row>
        <Row gutter={16}>
          <Col xs={24} md={12}>
            <PeopleField name="guestAttendees" label={t('report.guestAttendees')} testId="guest" />
          </Col>
          <Col xs={24} md={12}>
            <PeopleField name="hostAttendees" label={t('report.hostAttendees')} testId="host" />
          </Col>
        </Row>
        <Typography.Title level={5}>{t('report.spent')}</Typography.Title>
        {SPENT_LINES.map((l) => (
          <Row gutter={8} key={l}>
            <Col xs={12} md={6}>
              <Form.Item name={['spent', l]} label={t(`spent.${l}`)}>
                <MoneyInput data-testid={`spent-${l}`} />
              </Form.Item>
            </Col>
            <Col xs={12} md={18}>
              <Form.Item name={['spentNotes', l]} label={t('report.note')}>
                <Input maxLength={200} />
              </Form.Item>
            </Col>
          </Row>
        ))}
        <Form.Item label={t('spent.total')}>
          <MoneyText fen={total} strong />
        </Form.Item>
        <Form.Item name="activities" label={t('report.activities')}>
          <Input.TextArea rows={2} maxLength={4000} />
        </Form.Item>
        <Form.Item name="cautions" label={t('report.cautions')}>
          <Input.TextArea rows={2} maxLength={4000} />
        </Form.Item>
        <Form.Item name="effect" label={t('report.effect')} rules={[{ required: true }]}>
          <Input.TextArea rows={2} maxLength={4000} data-testid="report-effect" />
        </Form.Item>
        <Form.Item name="information" label={t('report.information')}>
          <Input.TextArea rows={2} maxLength={4000} />
        </Form.Item>
        <Button type="primary" htmlType="submit" icon={<SendOutlined />} loading={action.isPending} data-testid="report-save">
          {t('report.write')}
        </Button>
      </Form>
    </Card>
  );
}
