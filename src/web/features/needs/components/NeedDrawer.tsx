import { Col, Form, Input, InputNumber, Row, Select } from 'antd';
import { useTranslation } from 'react-i18next';
import { NEED_STATUSES, type Need, type NeedCreate } from '../../../../shared/contracts/needs';
import { api } from '../../../api/client';
import { FormDrawer } from '../../../components/FormDrawer';
import { withNulls } from '../../../components/formValues';
import { MoneyInput } from '../../../components/MoneyInput';
import { useSaveNeedsRecord } from '../api';

type Values = NeedCreate & { status?: Need['status'] };
const FORM_ID = 'need-form';

/** Add or edit one row of the 大客户需求分析表. */
export function NeedDrawer({ accountId, need, onClose }: { accountId: number; need: Need | 'new' | null; onClose: () => void }) {
  const { t } = useTranslation('needs');
  const [form] = Form.useForm<Values>();
  const editing = need !== null && need !== 'new' ? need : null;
  const save = useSaveNeedsRecord<Values>(accountId, form, onClose, (v) => {
    const body = withNulls(v, ['quantity', 'unit', 'region', 'priceMin', 'priceMax', 'reason']);
    return editing ? api.patch<Need>(`/api/needs/${editing.id}`, { ...body, version: editing.version }) : api.post<Need>(`/api/accounts/${accountId}/needs`, body);
  });

  const initial: Partial<Values> = editing
    ? { productType: editing.productType, quantity: editing.quantity, unit: editing.unit, region: editing.region, priceMin: editing.priceMin, priceMax: editing.priceMax, reason: editing.reason, status: editing.status }
    : {};
  return (
    <FormDrawer
      open={need !== null}
      title={editing ? t('needs.editTitle') : t('needs.addTitle')}
      formId={FORM_ID}
      saving={save.isPending}
      saveText={t('save')}
      cancelText={t('cancel')}
      onClose={onClose}
      testId="need-drawer"
    >
      <Form<Values> form={form} name={FORM_ID} layout="vertical" initialValues={initial} onFinish={(v) => save.mutate(v)}>
        <Form.Item name="productType" label={t('needs.fields.productType')} rules={[{ required: true, whitespace: true, message: t('needs.productTypeRequired') }, { max: 200 }]}>
          <Input placeholder={t('needs.productTypeExample')} data-testid="need-product-type" />
        </Form.Item>
        <Row gutter={16}>
          <Col xs={14} sm={12}>
            <Form.Item name="quantity" label={t('needs.fields.quantity')}>
              <InputNumber<number> min={0} precision={2} style={{ width: '100%' }} data-testid="need-quantity" />
            </Form.Item>
          </Col>
          <Col xs={10} sm={12}>
            <Form.Item name="unit" label={t('needs.fields.unit')} rules={[{ max: 20 }]}>
              <Input placeholder={t('needs.unitExample')} data-testid="need-unit" />
            </Form.Item>
          </Col>
        </Row>
        <Form.Item name="region" label={t('needs.fields.region')} rules={[{ max: 200 }]}>
          <Input data-testid="need-region" />
        </Form.Item>
        <Row gutter={16}>
          <Col xs={12}>
            <Form.Item name="priceMin" label={t('needs.fields.priceMin')}>
              <MoneyInput data-testid="need-price-min" />
            </Form.Item>
          </Col>
          <Col xs={12}>
            <Form.Item
              name="priceMax"
              label={t('needs.fields.priceMax')}
              dependencies={['priceMin']}
              rules={[
                ({ getFieldValue }) => ({
                  validator: (_r, v: number | null) => {
                    const min = getFieldValue('priceMin') as number | null | undefined;
                    return v !== null && v !== undefined && min !== null && min !== undefined && v < min ? Promise.reject(new Error(t('needs.priceRange'))) : Promise.resolve();
                  },
                }),
              ]}
            >
              <MoneyInput data-testid="need-price-max" />
            </Form.Item>
          </Col>
        </Row>
        <Form.Item name="reason" label={t('needs.fields.reason')} rules={[{ max: 2000 }]}>
          <Input.TextArea autoSize={{ minRows: 3, maxRows: 8 }} maxLength={2000} showCount data-testid="need-reason" />
        </Form.Item>
        {editing && (
          <Form.Item name="status" label={t('status')}>
            <Select options={NEED_STATUSES.map((s) => ({ value: s, label: t(`needs.statuses.${s}`) }))} data-testid="need-status" />
          </Form.Item>
        )}
      </Form>
    </FormDrawer>
  );
}
