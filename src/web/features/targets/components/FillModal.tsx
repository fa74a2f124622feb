import { Alert, Col, Form, Modal, Row, Segmented, Select, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import type { TargetCell, TargetLevel, TargetMetric, TargetRow } from '../../../../shared/contracts/targets';
import { saveByButton } from '../../../components/formSubmit';
import { FILL_MODES, FILL_RANGES, fillRow, hasSeason, monthRange, type FillMode, type FillRange } from '../grid';
import { MetricInput, useMonthName } from '../helpers';

interface Values {
  mode: FillMode;
  from: number;
  to: number;
  /** fen for money, else the count */
  amount: number | null;
}

const MONTH_NUMBERS = Array.from({ length: 12 }, (_, i) => i + 1);

/**
 * 填充 one row at the level shown: an amount over a range of months (全年, 上半年, 下半年, a quarter, or any
 * months), split evenly (按月平均分摊) or as last year's months went (按去年季节性分摊). It writes into the page's
 * grid, saved with 保存.
 */
export function FillModal({ row, metric, level, onClose, onFill }: { row: TargetRow | null; metric: TargetMetric; level: TargetLevel; onClose: () => void; onFill: (row: TargetRow, months: TargetCell[]) => void }) {
  const { t } = useTranslation('targets');
  const monthName = useMonthName();
  const [form] = Form.useForm<Values>();
  const from = Form.useWatch('from', form) ?? 1;
  const to = Form.useWatch('to', form) ?? 12;
  const mode = Form.useWatch('mode', form) ?? 'even';
  const months = monthRange(from, to);
  const preset = (Object.keys(FILL_RANGES) as FillRange[]).find((k) => FILL_RANGES[k][0] === Math.min(from, to) && FILL_RANGES[k][1] === Math.max(from, to));
  const noHistory = row !== null && mode === 'season' && !hasSeason(row, months);

  const finish = (v: Values) => {
    if (!row) return;
    onFill(row, fillRow(row, level, v.amount ?? 0, monthRange(v.from, v.to), v.mode));
    onClose();
  };

  return (
    <Modal
      open={row !== null}
      title={row ? t('fill.title', { name: row.name, level: t(`levels.${level}`) }) : ''}
      onCancel={onClose}
      okText={t('fill.ok')}
      cancelText={t('actions.back')}
      okButtonProps={{ htmlType: 'submit', form: 'target-fill-form', 'data-testid': 'target-fill-ok' } as never}
      destroyOnHidden
    >
      <Form<Values> form={form} id="target-fill-form" {...saveByButton} layout="vertical" preserve={false} initialValues={{ mode: 'even', from: 1, to: 12, amount: null }} onFinish={finish}>
        <Form.Item name="mode" label={t('fill.mode')}>
          <Segmented block options={FILL_MODES.map((m) => ({ value: m, label: <span data-testid={`target-fill-mode-${m}`}>{t(`fill.modes.${m}`)}</span> }))} />
        </Form.Item>
        <Form.Item label={t('fill.range')} style={{ marginBottom: 8 }}>
          <Segmented
            block
            size="small"
            value={preset ?? ''}
            onChange={(k) => {
              const r = FILL_RANGES[k as FillRange];
              form.setFieldsValue({ from: r[0], to: r[1] });
            }}
            options={(Object.keys(FILL_RANGES) as FillRange[]).map((k) => ({ value: k, label: <span data-testid={`target-fill-range-${k}`}>{t(`periods.${k}`)}</span> }))}
            style={{ overflowX: 'auto' }}
          />
        </Form.Item>
        <Row gutter={8}>
          <Col span={12}>
            <Form.Item name="from" label={t('fill.from')}>
              <Select options={MONTH_NUMBERS.map((m) => ({ value: m, label: monthName(m) }))} data-testid="target-fill-from" />
            </Form.Item>
          </Col>
          <Col span={12}>
            <Form.Item name="to" label={t('fill.to')}>
              <Select options={MONTH_NUMBERS.map((m) => ({ value: m, label: monthName(m) }))} data-testid="target-fill-to" />
            </Form.Item>
          </Col>
        </Row>
        <Form.Item
          name="amount"
          label={t('fill.amount', { months: months.length })}
          extra={t('fill.amountHint', { level: t(`levels.${level}`) })}
          rules={[{ required: true, message: t('fill.amountRequired') }]}
        >
          <MetricInput metric={metric} testId="target-fill-amount" />
        </Form.Item>
        {noHistory && <Alert type="info" showIcon title={t('fill.noHistory')} data-testid="target-fill-no-history" />}
        <Typography.Text type="secondary" style={{ fontSize: 12 }}>
          {t('fill.note')}
        </Typography.Text>
      </Form>
    </Modal>
  );
}
