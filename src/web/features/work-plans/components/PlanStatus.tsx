import { Flex, Tag } from 'antd';
import { useTranslation } from 'react-i18next';
import type { MonthlyPlanListItem } from '../../../../shared/contracts/work-plans';

/** Draft / submitted, and 逾期上报 when submitted after the due day. */
export function PlanStatus({ plan }: { plan: Pick<MonthlyPlanListItem, 'status' | 'late'> }) {
  const { t } = useTranslation('workPlans');
  return (
    <Flex gap={4} wrap>
      <Tag color={plan.status === 'submitted' ? 'success' : 'default'} style={{ marginInlineEnd: 0 }} data-testid="plan-status">
        {t(`plans.statuses.${plan.status}`)}
      </Tag>
      {plan.late && (
        <Tag color="warning" style={{ marginInlineEnd: 0 }}>
          {t('plans.late')}
        </Tag>
      )}
    </Flex>
  );
}
