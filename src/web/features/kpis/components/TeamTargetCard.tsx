import { TeamOutlined } from '@ant-design/icons';
import { Flex, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { businessDate } from '../../../../shared/domain/business-time';
import { periodOf } from '../../../../shared/domain/kpi-period';
import { useDisplay } from '../../../components/display';
import { ErrorAlert } from '../../../components/ErrorAlert';
import { HomeCard } from '../../../components/HomeCard';
import { ItemList } from '../../../components/ItemList';
import { useAttainment } from '../api';
import { AttainmentTag, byConcern, PaceBar, percentText, useFigure } from '../helpers';

/**
 * Home (a director, the GM): this month's 签约额 of each person or sub-unit of their unit against the target and
 * the working days elapsed, those behind first (PERF-4) — leading to the unit's attainment for the month.
 */
export function TeamTargetCard() {
  const { t } = useTranslation(['kpis', 'common']);
  const { timeZone } = useDisplay();
  const period = periodOf(businessDate(new Date(), timeZone), 'month');
  const q = useAttainment({ metric: 'sales', period });
  const figure = useFigure('sales');
  const rows = (q.data?.rows ?? []).filter((r) => r.role === 'child').sort(byConcern);
  return (
    <HomeCard icon={<TeamOutlined />} title={t('home.teamTarget')} to={`/kpis/attainment?metric=sales&period=${period}`} testId="home-teamTarget">
      {q.error ? (
        <ErrorAlert error={q.error} onRetry={() => void q.refetch()} />
      ) : (
        <ItemList
          loading={q.isLoading}
          items={rows.slice(0, 8)}
          rowKey={(r) => `${r.kind}-${r.id}`}
          empty={t('home.noTeam')}
          renderItem={(r) => (
            <Flex vertical style={{ width: '100%', minWidth: 0 }} data-testid={`home-teamTarget-${r.kind}-${r.id}`}>
              <Flex justify="space-between" align="baseline" gap={8} style={{ minWidth: 0 }}>
                <Typography.Text ellipsis style={{ minWidth: 0 }}>
                  {r.name}
                </Typography.Text>
                <Flex gap={8} align="baseline" style={{ flexShrink: 0 }}>
                  <Typography.Text type="secondary" style={{ fontVariantNumeric: 'tabular-nums' }}>
                    {figure(r.actual)}
                    {r.status !== 'no_target' && ` / ${figure(r.target.base)}`}
                  </Typography.Text>
                  <AttainmentTag status={r.status} />
                </Flex>
              </Flex>
              {r.completion !== null && (
                <PaceBar share={q.data?.elapsed.share ?? 0} completion={r.completion} status={r.status} label={percentText(r.completion)} />
              )}
            </Flex>
          )}
        />
      )}
    </HomeCard>
  );
}
