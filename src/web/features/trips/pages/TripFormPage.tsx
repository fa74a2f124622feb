import { DeleteOutlined, PlusOutlined } from '@ant-design/icons';
import { Button, Card, Col, DatePicker, Flex, Form, Input, Row, Select, Skeleton } from 'antd';
import { useTranslation } from 'react-i18next';
import { useNavigate, useParams } from 'react-router';
import { TRANSPORTS, type TripCreate, type TripDetail } from '../../../../shared/contracts/trips';
import { api } from '../../../api/client';
import { ErrorAlert } from '../../../components/ErrorAlert';
import { PageHeader } from '../../../components/PageHeader';
import { dateFieldProps } from '../../../components/formDate';
import { AccountSelect } from '../../accounts';
import { MoneyInput } from '../../../components/MoneyInput';
import { useTrip, useTripAction } from '../api';
import { CostLines } from '../components/CostLines';

type Values = Omit<TripCreate, 'accountIds'> & { accountIds: (number | null)[] };

/** /trips/new and /trips/:id/edit — 出差申请: saved as a draft, or saved and submitted at once. */
export function TripFormPage() {
  const { id } = useParams();
  const editId = id ? Number(id) : null;
  const trip = useTrip(editId);
  if (editId !== null && trip.isLoading) return <Skeleton active />;
  if (trip.isError) return <ErrorAlert error={trip.error} onRetry={() => void trip.refetch()} />;
  return <TripForm trip={editId !== null ? (trip.data ?? null) : null} />;
}

function TripForm({ trip }: { trip: TripDetail | null }) {
  const { t } = useTranslation('trips');
  const navigate = useNavigate();
  const [form] = Form.useForm<Values>();
  const send = async ({ values, submit }: { values: Values; submit: boolean }) => {
    const body = { ...values, accountIds: values.accountIds.filter((a): a is number => typeof a === 'number'), costLines: values.costLines ?? [], advanceRequested: values.advanceRequested ?? 0 };
    const saved = trip ? await api.put<TripDetail>(`/api/trips/${trip.id}`, { ...body, version: trip.version }) : await api.post<TripDetail>('/api/trips', body);
    if (!submit) return saved;
    try {
      return await api.post<TripDetail>(`/api/trips/${saved.id}/submit`, { version: saved.version });
    } catch (err) {
      // the draft is saved: show it, with the reason the submission failed
      void navigate(`/trips/${saved.id}`);
      throw err;
    }
  };
  const save = useTripAction(send, { form, onDone: (d) => void navigate(`/trips/${d.id}`) });
  const initial: Partial<Values> = trip
    ? { destination: trip.destination, startOn: trip.startOn, endOn: trip.endOn, purpose: trip.purpose, accountIds: trip.accounts.map((a) => a.id), transport: trip.transport, transportNote: trip.transportNote, costLines: trip.costLines, advanceRequested: trip.advanceRequested }
    : { transport: 'train', accountIds: [null], costLines: [{ category: 'transport', amount: null as unknown as number }, { category: 'lodging', amount: null as unknown as number }], advanceRequested: 0 };

  const submitWith = (submit: boolean) => () => void form.validateFields().then((values) => save.mutate({ values, submit }));
  return (
    <div style={{ maxWidth: 860 }}>
      <PageHeader title={trip ? t('editTitle') : t('newTitle')} />
      <Card>
        <Form form={form} layout="vertical" initialValues={initial} data-testid="trip-form">
          <Row gutter={16}>
            <Col xs={24} sm={12}>
              <Form.Item name="destination" label={t('fields.destination')} rules={[{ required: true, max: 200 }]}>
                <Input />
              </Form.Item>
            </Col>
            <Col xs={12} sm={6}>
              <Form.Item name="startOn" label={t('fields.startOn')} rules={[{ required: true }]} {...dateFieldProps}>
                <DatePicker style={{ width: '100%' }} />
              </Form.Item>
            </Col>
            <Col xs={12} sm={6}>
              <Form.Item name="endOn" label={t('fields.endOn')} rules={[{ required: true }]} {...dateFieldProps}>
                <DatePicker style={{ width: '100%' }} />
              </Form.Item>
            </Col>
            <Col span={24}>
              <Form.Item name="purpose" label={t('fields.purpose')} rules={[{ required: true, max: 2000 }]}>
                <Input.TextArea autoSize={{ minRows: 2, maxRows: 6 }} />
              </Form.Item>
            </Col>
            <Col span={24}>
              <Form.Item label={t('fields.accountIds')}>
                <Form.List name="accountIds">
                  {(fields, { add, remove }) => (
                    <>
                      {fields.map((f) => (
                        <Flex key={f.key} gap={8} style={{ marginBottom: 8 }}>
                          <Form.Item name={f.name} style={{ marginBottom: 0, flex: 1 }}>
                            <AccountSelect />
                          </Form.Item>
                          <Button icon={<DeleteOutlined />} onClick={() => remove(f.name)} aria-label="remove" />
                        </Flex>
                      ))}
                      <Button icon={<PlusOutlined />} onClick={() => add(null)}>{t('actions.addAccount')}</Button>
                    </>
                  )}
                </Form.List>
              </Form.Item>
            </Col>
            <Col xs={12} sm={8}>
              <Form.Item name="transport" label={t('fields.transport')} rules={[{ required: true }]}>
                <Select options={TRANSPORTS.map((v) => ({ value: v, label: t(`transports.${v}`) }))} />
              </Form.Item>
            </Col>
            <Col xs={12} sm={16}>
              <Form.Item name="transportNote" label={t('fields.transportNote')} rules={[{ max: 200 }]}>
                <Input />
              </Form.Item>
            </Col>
            <Col span={24}>
              <CostLines name="costLines" label={t('fields.costLines')} totalLabel={t('fields.estimatedTotal')} testId="trip-cost" />
            </Col>
            <Col xs={24} sm={12}>
              <Form.Item name="advanceRequested" label={t('fields.advanceRequested')}>
                <MoneyInput />
              </Form.Item>
            </Col>
          </Row>
          <Flex gap={8} justify="flex-end" wrap>
            <Button onClick={() => void navigate(trip ? `/trips/${trip.id}` : '/trips')}>{t('actions.back')}</Button>
            <Button onClick={submitWith(false)} loading={save.isPending} data-testid="trip-save">{t('actions.save')}</Button>
            <Button type="primary" onClick={submitWith(true)} loading={save.isPending} data-testid="trip-save-submit">{t('actions.saveSubmit')}</Button>
          </Flex>
        </Form>
      </Card>
    </div>
  );
}
