import { DeleteOutlined, PlusOutlined } from '@ant-design/icons';
import { Button, Flex, Form, Input, Select, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { TRIP_COST_CATEGORIES } from '../../../../shared/contracts/trips';
import { costTotal } from '../../../../shared/domain/trips';
import { MoneyText } from '../../../components/MoneyText';
import { MoneyInput } from '../../../components/MoneyInput';

/** Cost lines (费用项目, 金额, 说明) in a form under `name`, with their running total; one line per row, wrapping on a phone. */
export function CostLines({ name, label, totalLabel, testId }: { name: string; label: string; totalLabel: string; testId: string }) {
  const { t } = useTranslation('trips');
  const lines = (Form.useWatch(name) as { amount?: number | null }[] | undefined) ?? [];
  const total = costTotal(lines.map((l) => ({ amount: l?.amount ?? 0 })));
  return (
    <Form.Item label={label} required={false}>
      <Form.List name={name}>
        {(fields, { add, remove }) => (
          <>
            {fields.map((f) => (
              <Flex key={f.key} gap={8} wrap style={{ marginBottom: 8 }} data-testid={`${testId}-line`}>
                <Form.Item name={[f.name, 'category']} rules={[{ required: true }]} style={{ marginBottom: 0, width: 140 }}>
                  <Select options={TRIP_COST_CATEGORIES.map((c) => ({ value: c, label: t(`costCategories.${c}`) }))} placeholder={t('fields.category')} />
                </Form.Item>
                <Form.Item name={[f.name, 'amount']} rules={[{ required: true }]} style={{ marginBottom: 0, width: 150 }}>
                  <MoneyInput placeholder={t('fields.amount')} />
                </Form.Item>
                <Form.Item name={[f.name, 'note']} style={{ marginBottom: 0, flex: '1 1 140px' }}>
                  <Input placeholder={t('fields.note')} maxLength={200} />
                </Form.Item>
                <Button icon={<DeleteOutlined />} onClick={() => remove(f.name)} aria-label="remove" />
              </Flex>
            ))}
            <Flex justify="space-between" align="center" wrap gap={8}>
              <Button icon={<PlusOutlined />} onClick={() => add({ category: 'transport', amount: null })} data-testid={`${testId}-add`}>
                {t('actions.addLine')}
              </Button>
              <Typography.Text>
                {totalLabel}：<MoneyText fen={total} strong />
              </Typography.Text>
            </Flex>
          </>
        )}
      </Form.List>
    </Form.Item>
  );
}
