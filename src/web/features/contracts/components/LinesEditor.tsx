import { DeleteOutlined, PlusOutlined } from '@ant-design/icons';
import { Button, Card, Col, Flex, Form, Input, InputNumber, Row, Typography } from 'antd';
import type { FormInstance } from 'antd';
import { useTranslation } from 'react-i18next';
import { MoneyText } from '../../../components/MoneyText';
import { MoneyInput } from '../../../components/MoneyInput';
import { linePreview } from '../helpers';

export interface LineValues {
  product?: string;
  spec?: string;
  unit?: string;
  quantity?: number | null;
  /** fen */
  unitPrice?: number | null;
  discount?: number | null;
}

/**
 * 产品明细 of the contract form (only for holders of contract:prices — ORG-4): product, spec, unit, quantity,
 * unit price and discount, the line's amount computed as the server will, and their total, which can be
 * taken as the contract amount.
 */
export function LinesEditor({ form }: { form: FormInstance }) {
  const { t } = useTranslation(['deals', 'contracts']);
  const lines = (Form.useWatch('lines', form) as LineValues[] | undefined) ?? [];
  const amounts = lines.map((l) => linePreview(l?.quantity, l?.unitPrice, l?.discount));
  const total = amounts.reduce<number>((s, a) => s + (a ?? 0), 0);
  return (
    <Form.List name="lines">
      {(fields, { add, remove }, { errors }) => (
        <Flex vertical gap={8} data-testid="line-rows">
          {fields.map((f, i) => (
            <Card key={f.key} size="small" styles={{ body: { paddingBottom: 0 } }} data-testid={`line-${i}`}>
              <Row gutter={8}>
                <Col xs={24} md={6}>
                  <Form.Item name={[f.name, 'product']} label={t('contracts:lineFields.product')} rules={[{ required: true, whitespace: true, message: t('form.productRequired') }, { max: 200 }]}>
                    <Input data-testid={`line-${i}-product`} />
                  </Form.Item>
                </Col>
                <Col xs={12} md={4}>
                  <Form.Item name={[f.name, 'spec']} label={t('contracts:lineFields.spec')} rules={[{ max: 200 }]}>
                    <Input data-testid={`line-${i}-spec`} />
                  </Form.Item>
                </Col>
                <Col xs={12} md={2}>
                  <Form.Item name={[f.name, 'unit']} label={t('contracts:lineFields.unit')} rules={[{ max: 20 }]}>
                    <Input data-testid={`line-${i}-unit`} />
                  </Form.Item>
                </Col>
                <Col xs={8} md={3}>
                  <Form.Item name={[f.name, 'quantity']} label={t('contracts:lineFields.quantity')} rules={[{ required: true, message: t('form.quantityRequired') }]}>
                    <InputNumber<number> min={0.001} precision={3} style={{ width: '100%' }} data-testid={`line-${i}-quantity`} />
                  </Form.Item>
                </Col>
                <Col xs={16} md={4}>
                  <Form.Item name={[f.name, 'unitPrice']} label={t('contracts:lineFields.unitPrice')} rules={[{ required: true, message: t('form.priceRequired') }]}>
                    <MoneyInput data-testid={`line-${i}-price`} />
                  </Form.Item>
                </Col>
                <Col xs={8} md={2}>
                  <Form.Item name={[f.name, 'discount']} label={t('contracts:lineFields.discount')}>
                    <InputNumber<number> min={0} max={99.99} precision={2} style={{ width: '100%' }} data-testid={`line-${i}-discount`} />
                  </Form.Item>
                </Col>
                <Col xs={12} md={2}>
                  <Form.Item label={t('contracts:lineFields.amount')}>
                    <span data-testid={`line-${i}-amount`}>
                      <MoneyText fen={amounts[i]} />
                    </span>
                  </Form.Item>
                </Col>
                <Col xs={4} md={1}>
                  <Form.Item label=" " colon={false}>
                    <Button type="text" icon={<DeleteOutlined />} onClick={() => remove(f.name)} aria-label={t('form.removeLine')} data-testid={`line-${i}-remove`} />
                  </Form.Item>
                </Col>
              </Row>
            </Card>
          ))}
          <Form.ErrorList errors={errors} />
          <Flex justify="space-between" wrap gap={8} align="center">
            <Button icon={<PlusOutlined />} onClick={() => add({ discount: 0 })} data-testid="line-add">
              {t('form.addLine')}
            </Button>
            {lines.length > 0 && (
              <Flex gap={8} align="center" wrap>
                <Typography.Text>
                  {t('form.linesTotal')} <MoneyText fen={total} strong />
                </Typography.Text>
                <Button size="small" onClick={() => form.setFieldValue('amount', total)} disabled={total <= 0} data-testid="line-use-total">
                  {t('form.useLinesTotal')}
                </Button>
              </Flex>
            )}
          </Flex>
        </Flex>
      )}
    </Form.List>
  );
}

/** The lines as the API takes them. */
export const linesBody = (rows: readonly LineValues[] | undefined) =>
  (rows ?? []).map((l) => ({ product: (l.product ?? '').trim(), spec: (l.spec ?? '').trim(), unit: (l.unit ?? '').trim(), quantity: l.quantity ?? 0, unitPrice: l.unitPrice ?? 0, discount: l.discount ?? 0 }));
