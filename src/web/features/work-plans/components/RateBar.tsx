import { Flex, Progress, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import type { PlanVsActual } from '../../../../shared/contracts/work-plans';

/** 计划 / 实际 and the 完成率 as a bar; no bar when nothing was planned. */
export function RateBar({ value, label, testId }: { value: PlanVsActual; label?: string; testId?: string }) {
  const { t } = useTranslation('workPlans');
  const pct = value.rate === null ? null : Math.round(value.rate * 1000) / 10;
  return (
    <Flex vertical gap={2} style={{ minWidth: 0 }} data-testid={testId}>
      <Flex justify="space-between" gap={8}>
        {label && <Typography.Text>{label}</Typography.Text>}
        <Typography.Text type="secondary" style={{ fontVariantNumeric: 'tabular-nums', whiteSpace: 'nowrap' }}>
          {t('plans.actualOfPlanned', { actual: value.actual, planned: value.planned })}
        </Typography.Text>
      </Flex>
      {pct === null ? (
        <Typography.Text type="secondary" style={{ fontSize: 12 }}>
          {t('plans.noTarget')}
        </Typography.Text>
      ) : (
        <Progress percent={Math.min(pct, 100)} format={() => `${pct}%`} size="small" status={pct >= 100 ? 'success' : 'normal'} />
      )}
    </Flex>
  );
}
