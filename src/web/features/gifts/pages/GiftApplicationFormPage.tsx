import { Button, Card, Col, DatePicker, Flex, Form, Input, InputNumber, Row, Select, Skeleton, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { useNavigate, useParams } from 'react-router';
import type { GiftApplicationCreate } from '../../../../shared/contracts/gifts';
import { ErrorAlert } from '../../../components/ErrorAlert';
import { MoneyText } from '../../../components/MoneyText';
import { PageHeader } from '../../../components/PageHeader';
import { dateFieldProps, today } from '../../../components/formDate';
import { withNulls } from '../../../components/formValues';
import { saveByButton, useOneSave } from '../../../components/formSubmit';
import { useApiError } from '../../../components/feedback';
import { AccountSelect } from '../../accounts';
import { useAccountContacts } from '../../contacts';
import { useGiftApplication, useGiftItems, useRecipientTotal, useSaveGiftApplication } from '../api';
import { CapNotice } from '../components/CapNotice';

type Values = GiftApplicationCreate;

/** 礼品馈赠申请表: new (/gifts/applications/new) or a draft/rejected one changed (/gifts/applications/:id/edit). */
export function GiftApplicationFormPage() {
  const { id } = useParams();
  const editId = id ? Number(id) : null;
  const existing = useGiftApplication(editId);
  if (editId && !existing.data) return existing.error ? <ErrorAlert error={existing.error} /> : <Skeleton active />;
  const a = existing.data;
  const initial: Partial<Values> = a
    ? { accountId: a.accountId, contactId: a.contactId, itemId: a.itemId, quantity: a.quantity, giftOn: a.giftOn, managingDept: a.managingDept, remark: a.remark }
    : { quantity: 1, giftOn: today(), managingDept: '办公室' };
  return <ApplicationForm initial={initial} editId={editId} version={a?.version} />;
}

function ApplicationForm({ initial, editId, version }: { initial: Partial<Values>; editId: number | null; version?: number }) {
  const { t } = useTranslation('gifts');
  const navigate = useNavigate();
  const [form] = Form.useForm<Values>();
  const save = useSaveGiftApplication();
  const showError = useApiError();
  const items = useGiftItems();
  const accountId = Form.useWatch('accountId', form) ?? initial.accountId ?? null;
  const contactId = Form.useWatch('contactId', form) ?? null;
  const itemId = Form.useWatch('itemId', form) ?? null;
  const quantity = Form.useWatch('quantity', form) ?? 0;
  const giftOn = Form.useWatch('giftOn', form) ?? initial.giftOn ?? today();
  const contacts = useAccountContacts(accountId);
  const item = items.data?.items.find((i) => i.id === itemId);
  const value = item ? item.unitValue * (quantity || 0) : 0;
  const total = useRecipientTotal(contactId, Number(String(giftOn).slice(0, 4)), value, editId ?? undefined);

  // one press of 保存 makes one application (Enter in a field does not save; a second click while saving is dropped)
  const submit = useOneSave(async (v: Values) => {
    const body = withNulls(v, ['managingDept', 'remark']);
    try {
      if (editId) {
        const { accountId: _omit, ...rest } = body;
        void _omit;
        await save.mutateAsync({ id: editId, body: { ...rest, version: version! } });
        void navigate(`/gifts/applications/${editId}`);
      } else {
        const r = await save.mutateAsync({ body });
        void navigate(`/gifts/applications/${r.id}`);
      }
    } catch (e) {
      showError(e, form);
    }
  });

  return (
    <>
      <PageHeader title={editId ? t('form.titleEdit') : t('form.titleNew')} />
      <Card style={{ maxWidth: 760 }}>
        <Form<Values> form={form} {...saveByButton} layout="vertical" initialValues={initial} onFinish={(v) => void submit(v)} data-testid="gift-application-form">
          <Row gutter={16}>
            <Col xs={24} md={12}>
              <Form.Item name="accountId" label={t('form.account')} rules={[{ required: true }]}>
                <AccountSelect disabled={editId !== null} onChange={() => form.setFieldValue('contactId', undefined)} data-testid="gift-form-account" />
              </Form.Item>
            </Col>
            <Col xs={24} md={12}>
              <Form.Item name="contactId" label={t('form.contact')} rules={[{ required: true }]}>
                <Select
                  disabled={!accountId}
                  placeholder={accountId ? undefined : t('form.pickAccountFirst')}
                  loading={contacts.isLoading}
                  options={(accountId ? (contacts.data?.items ?? []) : []).map((c) => ({ value: c.id, label: c.title ? `${c.name}（${c.title}）` : c.name }))}
                  data-testid="gift-form-contact"
                />
              </Form.Item>
            </Col>
            <Col xs={24} md={12}>
              <Form.Item name="itemId" label={t('form.item')} rules={[{ required: true }]} extra={item ? t('form.stockHint', { stock: item.stock, unit: item.unit }) : undefined}>
                <Select
                  showSearch={{ optionFilterProp: 'label' }}
                  options={(items.data?.items ?? []).filter((i) => i.active).map((i) => ({ value: i.id, label: i.spec ? `${i.name}（${i.spec}）` : i.name }))}
                  data-testid="gift-form-item"
                />
              </Form.Item>
            </Col>
            <Col xs={12} md={6}>
              <Form.Item name="quantity" label={t('form.quantity')} rules={[{ required: true }]}>
                <InputNumber<number> min={1} precision={0} style={{ width: '100%' }} suffix={item?.unit} data-testid="gift-form-quantity" />
              </Form.Item>
            </Col>
            <Col xs={12} md={6}>
              <Form.Item label={t('form.value')}>
                <Typography.Text data-testid="gift-form-value">
                  <MoneyText fen={value} strong />
                </Typography.Text>
              </Form.Item>
            </Col>
            <Col xs={24} md={12}>
              <Form.Item name="giftOn" label={t('form.giftOn')} rules={[{ required: true }]} {...dateFieldProps}>
                <DatePicker style={{ width: '100%' }} data-testid="gift-form-date" />
              </Form.Item>
            </Col>
            <Col xs={24} md={12}>
              <Form.Item name="managingDept" label={t('form.managingDept')} rules={[{ max: 100 }]}>
                <Input data-testid="gift-form-dept" />
              </Form.Item>
            </Col>
            <Col xs={24}>
              <Form.Item name="remark" label={t('form.remark')} rules={[{ max: 1000 }]}>
                <Input.TextArea autoSize={{ minRows: 2, maxRows: 6 }} data-testid="gift-form-remark" />
              </Form.Item>
            </Col>
          </Row>
          {total.data && <CapNotice check={total.data} value={value} />}
          <Flex gap={8} justify="flex-end" style={{ marginTop: 16 }}>
            <Button onClick={() => void navigate(-1)}>{t('common:actions.cancel')}</Button>
            <Button type="primary" htmlType="submit" loading={save.isPending} data-testid="gift-form-save">
              {t('form.save')}
            </Button>
          </Flex>
        </Form>
      </Card>
    </>
  );
}
