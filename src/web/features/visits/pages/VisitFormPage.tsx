import { MinusCircleOutlined, PlusOutlined } from '@ant-design/icons';
import { Button, Card, DatePicker, Flex, Form, Input, InputNumber, Radio, Select, Skeleton } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useTranslation } from 'react-i18next';
import { useNavigate, useParams, useSearchParams } from 'react-router';
import { VISIT_METHODS, VISIT_PURPOSES, VISIT_RESOURCE_ITEMS, type VisitDetail } from '../../../../shared/contracts/visits';
import { ErrorAlert } from '../../../components/ErrorAlert';
import { applyFormErrors, errorMessage } from '../../../components/errors';
import { dateFieldProps } from '../../../components/formDate';
import { saveByButton, useOneSave } from '../../../components/formSubmit';
import { PageHeader } from '../../../components/PageHeader';
import { useFeedback } from '../../../components/feedback';
import { AccountSelect } from '../../accounts';
import { useAccountContacts } from '../../contacts';
import { useCreateVisit, useVisit, useVisitAction } from '../api';
import { toFen, toYuan } from '../components/money';

interface Values {
  accountId?: number;
  contactIds: number[];
  purpose: string;
  method: string;
  plannedAt?: Dayjs;
  planNote?: string;
  resources: { item: string; quantity?: number | null; readyBy?: string | null; department?: string; note?: string }[];
  budget?: number | null;
  cashAdvance?: number | null;
}

/** /visits/new and /visits/:id/edit — the visit plan and application (seed 003 §3.3.1). */
export function VisitFormPage() {
  const { id } = useParams();
  const visitId = Number(id) || 0;
  const existing = useVisit(visitId || undefined);
  if (visitId && !existing.data) return existing.error ? <ErrorAlert error={existing.error} /> : <Skeleton active />;
  return <VisitForm visit={visitId ? existing.data : undefined} />;
}

function VisitForm({ visit }: { visit?: VisitDetail }) {
  const { t } = useTranslation('visits');
  const { message } = useFeedback();
  const navigate = useNavigate();
  const [params] = useSearchParams();
  const [form] = Form.useForm<Values>();
  const accountId = Form.useWatch('accountId', form);
  const contacts = useAccountContacts(accountId);
  const create = useCreateVisit();
  const edit = useVisitAction(visit?.id ?? 0, 'edit');
  const busy = create.isPending || edit.isPending;

  const initialValues: Values = visit
    ? {
        accountId: visit.account.id,
        contactIds: visit.contacts.map((c) => c.id),
        purpose: visit.purpose,
        method: visit.method,
        plannedAt: dayjs(visit.plannedAt),
        planNote: visit.planNote ?? undefined,
        resources: visit.resources.map((r) => ({ ...r, department: r.department ?? undefined, note: r.note ?? undefined })),
        budget: toYuan(visit.budget),
        cashAdvance: toYuan(visit.cashAdvance),
      }
    : { accountId: Number(params.get('accountId')) || undefined, contactIds: [], purpose: 'first', method: 'onsite', resources: [] };

  // one press of 保存 makes one visit: Enter in a field does not save (saveByButton), a second click while saving is dropped
  const onFinish = useOneSave(async (v: Values) => {
    const body = {
      accountId: v.accountId,
      contactIds: v.contactIds ?? [],
      purpose: v.purpose,
      method: v.method,
      plannedAt: v.plannedAt?.toISOString(),
      planNote: v.planNote ?? null,
      resources: (v.resources ?? []).map((r) => ({ item: r.item, quantity: r.quantity ?? null, readyBy: r.readyBy ?? null, department: r.department ?? null, note: r.note ?? null })),
      budget: toFen(v.budget),
      cashAdvance: toFen(v.cashAdvance),
    };
    try {
      const saved = visit ? await edit.mutateAsync({ ...body, version: visit.version }) : await create.mutateAsync(body);
      void message.success(t('messages.saved'));
      navigate(`/visits/${saved.id}`, { replace: !!visit });
    } catch (err) {
      if (!applyFormErrors(form, err)) void message.error(errorMessage(err, t));
    }
  });

  return (
    <div style={{ maxWidth: 760 }}>
      <PageHeader title={visit ? t('edit') : t('new')} />
      <Card size="small">
        <Form form={form} {...saveByButton} layout="vertical" initialValues={initialValues} onFinish={onFinish} data-testid="visit-form">
          <Form.Item name="accountId" label={t('fields.account')} rules={[{ required: true }]}>
            <AccountSelect data-testid="visit-account" onChange={() => form.setFieldValue('contactIds', [])} />
          </Form.Item>
          <Form.Item name="contactIds" label={t('fields.contacts')}>
            <Select
              mode="multiple"
              disabled={!accountId}
              loading={contacts.isLoading}
              options={(contacts.data?.items ?? []).map((c) => ({ value: c.id, label: c.title ? `${c.name}（${c.title}）` : c.name }))}
              data-testid="visit-contacts"
            />
          </Form.Item>
          <Form.Item name="purpose" label={t('fields.purpose')} rules={[{ required: true }]}>
            <Radio.Group optionType="button" options={VISIT_PURPOSES.map((p) => ({ value: p, label: t(`purposes.${p}`) }))} data-testid="visit-purpose" />
          </Form.Item>
          <Form.Item name="method" label={t('fields.method')} rules={[{ required: true }]}>
            <Radio.Group optionType="button" options={VISIT_METHODS.map((m) => ({ value: m, label: t(`methods.${m}`) }))} data-testid="visit-method" />
          </Form.Item>
          <Form.Item name="plannedAt" label={t('fields.plannedAt')} rules={[{ required: true }]}>
            <DatePicker showTime={{ format: 'HH:mm' }} format="YYYY-MM-DD HH:mm" style={{ width: '100%' }} data-testid="visit-planned-at" />
          </Form.Item>
          <Form.Item name="planNote" label={t('fields.planNote')}>
            <Input.TextArea autoSize={{ minRows: 2, maxRows: 6 }} maxLength={2000} />
          </Form.Item>
          <Form.Item label={t('fields.resources')}>
            <Form.List name="resources">
              {(fields, { add, remove }) => (
                <Flex vertical gap={8}>
                  {fields.map((f) => (
                    <Flex key={f.key} gap={8} wrap align="start">
                      <Form.Item name={[f.name, 'item']} rules={[{ required: true }]} style={{ marginBottom: 0, minWidth: 150, flex: '1 1 150px' }}>
                        <Select placeholder={t('fields.resourceItem')} options={VISIT_RESOURCE_ITEMS.map((i) => ({ value: i, label: t(`resourceItems.${i}`) }))} />
                      </Form.Item>
                      <Form.Item name={[f.name, 'quantity']} style={{ marginBottom: 0, width: 90 }}>
                        <InputNumber min={0} precision={0} placeholder={t('fields.quantity')} style={{ width: '100%' }} />
                      </Form.Item>
                      <Form.Item name={[f.name, 'readyBy']} {...dateFieldProps} style={{ marginBottom: 0, width: 140 }}>
                        <DatePicker placeholder={t('fields.readyBy')} style={{ width: '100%' }} />
                      </Form.Item>
                      <Form.Item name={[f.name, 'department']} style={{ marginBottom: 0, flex: '1 1 120px' }}>
                        <Input placeholder={t('fields.department')} maxLength={100} />
                      </Form.Item>
                      <Form.Item name={[f.name, 'note']} style={{ marginBottom: 0, flex: '1 1 120px' }}>
                        <Input placeholder={t('fields.note')} maxLength={500} />
                      </Form.Item>
                      <Button type="text" icon={<MinusCircleOutlined />} onClick={() => remove(f.name)} aria-label="remove" />
                    </Flex>
                  ))}
                  <Button type="dashed" icon={<PlusOutlined />} onClick={() => add({ item: 'brochure' })} data-testid="visit-add-resource">
                    {t('fields.addResource')}
                  </Button>
                </Flex>
              )}
            </Form.List>
          </Form.Item>
          <Flex gap={16} wrap>
            <Form.Item name="budget" label={t('fields.budget')} style={{ flex: '1 1 200px' }}>
              <InputNumber min={0} precision={2} style={{ width: '100%' }} data-testid="visit-budget" />
            </Form.Item>
            <Form.Item name="cashAdvance" label={t('fields.cashAdvance')} extra={t('fields.cashAdvanceHint')} style={{ flex: '1 1 200px' }}>
              <InputNumber min={0} precision={2} style={{ width: '100%' }} data-testid="visit-cash-advance" />
            </Form.Item>
          </Flex>
          <Flex gap={8}>
            <Button type="primary" htmlType="submit" loading={busy} data-testid="visit-save">
              {t('actions.save')}
            </Button>
            <Button onClick={() => navigate(-1)}>{t('actions.back')}</Button>
          </Flex>
        </Form>
      </Card>
    </div>
  );
}
