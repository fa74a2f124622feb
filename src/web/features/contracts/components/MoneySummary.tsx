import { Card, Col, Progress, Row, Statistic, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import type { ContractMoney, FrameworkRollup } from '../../../../shared/contracts/contracts';
import { useMoney } from '../../../components/display';
import { MoneyText } from '../../../components/MoneyText';

const FIGURES = ['contracted', 'invoiced', 'received', 'invoicedNotReceived', 'outstanding', 'overdue'] as const;

/**
 * The money of a contract as collected (its collection group: with its signed supplements, or a framework's
 * sales contracts): 合同额, 已开票, 已回款, 已开票未回款, 未回款, 逾期 — one card each, the overdue in red.
 */
export function MoneySummary({ money, testId = 'contract-money' }: { money: ContractMoney; testId?: string }) {
  const { t } = useTranslation('contracts');
  const text = useMoney();
  return (
    <Row gutter={[8, 8]} data-testid={testId}>
      {FIGURES.map((k) => (
        <Col key={k} xs={12} sm={8} lg={4}>
          <Card size="small" styles={{ body: { padding: 12 } }}>
            <Statistic
              title={t(`fields.${k}`)}
              value={money[k]}
              valueRender={() =>
                k === 'overdue' && money.overdue > 0 ? (
                  <Typography.Text type="danger" strong style={{ fontVariantNumeric: 'tabular-nums', whiteSpace: 'nowrap' }} data-testid={`${testId}-${k}`}>
                    {text(money[k])}
                  </Typography.Text>
                ) : (
                  <span data-testid={`${testId}-${k}`}>
                    <MoneyText fen={money[k]} strong />
                  </span>
                )
              }
            />
          </Card>
        </Col>
      ))}
    </Row>
  );
}

/** A framework agreement's committed value, what its signed sales contracts fulfil, and what remains. */
export function FrameworkRollupCard({ rollup }: { rollup: FrameworkRollup }) {
  const { t } = useTranslation('contracts');
  const percent = rollup.committed > 0 ? Math.min(100, Math.round((rollup.fulfilled / rollup.committed) * 1000) / 10) : 0;
  return (
    <Card size="small" data-testid="framework-rollup">
      <Row gutter={[16, 8]} align="middle">
        <Col xs={12} md={5}>
          <Statistic title={t('fields.committed')} value={rollup.committed} valueRender={() => <MoneyText fen={rollup.committed} strong />} />
        </Col>
        <Col xs={12} md={5}>
          <Statistic title={t('fields.fulfilled')} value={rollup.fulfilled} valueRender={() => <span data-testid="framework-fulfilled"><MoneyText fen={rollup.fulfilled} strong /></span>} />
        </Col>
        <Col xs={12} md={5}>
          <Statistic title={t('fields.remaining')} value={rollup.remaining} valueRender={() => <span data-testid="framework-remaining"><MoneyText fen={rollup.remaining} strong /></span>} />
        </Col>
        <Col xs={24} md={9}>
          <Progress percent={percent} status="normal" />
        </Col>
      </Row>
    </Card>
  );
}
