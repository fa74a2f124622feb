import { AimOutlined } from '@ant-design/icons';
import { Flex, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { TARGET_METRICS, type TargetMetric } from '../../../../shared/contracts/targets';
import { businessDate } from '../../../../shared/domain/business-time';
import { periodOf } from '../../../../shared/domain/kpi-period';
import { useAuth } from '../../../app/auth';
import { useDisplay } from '../../../components/display';
import { ErrorAlert } from '../../../components/ErrorAlert';
import { HomeCard } from '../../../components/HomeCard';
import { useKpiSet } from '../api';
import { AttainmentTag, PaceBar, useFigure } from '../helpers';

/** Those who answer for a unit read its figures on their home; the sales staff their own. */
const LEADS = ['gm', 'deputy_gm', 'ka_director'];
const MEASURED = ['ka_director', 'account_manager', 'field_specialist', 'office_specialist'];

/**
 * Home: this month against target (PERF-4) — for a director or the GM their unit, for the sales staff
 * themselves: each target metric's actual against the approved base target, beside the share of the month's
 * working days elapsed, with its status; each row opens the unit's attainment for that metric.
 */
export function MonthTargetCard() {
  const { t } = useTranslation(['kpis', 'common']);
  const { me } = useAuth();
  const { timeZone } = useDisplay();
  const period = periodOf(businessDate(new Date(), timeZone), 'month');
  const positions = me?.positions ?? [];
  const ownUnit = positions.some((p) => LEADS.includes(p)) || !positions.some((p) => MEASURED.includes(p));
  const subject = ownUnit ? `unit:${me?.unitId}` : `user:${me?.id}`;
  const q = useKpiSet({ subject, period });
  const share = q.data?.elapsed.share ?? 0;
  return (
    <HomeCard icon={<AimOutlined />} title={t('home.monthTarget')} to={`/kpis/subject/${subject}?period=${period}`} loading={q.isLoading} testId="home-monthTarget">
      {q.error ? (
        <ErrorAlert error={q.error} onRetry={() => void q.refetch()} />
      ) : q.data ? (
        <Flex vertical gap={10}>
          <Typography.Text type="secondary" data-testid="home-monthTarget-elapsed">
            {t('home.monthElapsed', { name: q.data.subject.name, days: q.data.elapsed.workingDays, total: q.data.elapsed.totalWorkingDays, share: Math.round(share * 100) })}
          </Typography.Text>
          {TARGET_METRICS.map((m) => {
            const item = q.data.items.find((i) => i.key === m);
            return item ? <MetricRow key={m} metric={m} actual={item.numerator} target={item.target} status={item.attainment?.status ?? 'no_target'} share={share} link={`/kpis/attainment?metric=${m}&period=${period}${ownUnit ? `&unitId=${me?.unitId}` : ''}`} /> : null;
          })}
        </Flex>
      ) : null}
    </HomeCard>
  );
}

function MetricRow({ metric, actual, target, status, share, link }: { metric: TargetMetric; actual: number; target: number | null; status: 'met' | 'on_track' | 'behind' | 'no_target'; share: number; link: string }) {
  const { t } = useTranslation('kpis');
  const figure = useFigure(metric);
  return (
    <Link to={link} style={{ color: 'inherit' }} data-testid={`home-monthTarget-${metric}`}>
      <Flex justify="space-between" align="baseline" gap={8} wrap>
        <Typography.Text strong>{t(`metrics.${metric}`)}</Typography.Text>
        <Flex gap={8} align="baseline" style={{ minWidth: 0 }}>
          <Typography.Text>
            {figure(actual)}
            {target !== null && <Typography.Text type="secondary">{` / ${figure(target)}`}</Typography.Text>}
          </Typography.Text>
          <AttainmentTag status={status} />
        </Flex>
      </Flex>
      {target ? <PaceBar share={share} completion={actual / target} status={status} /> : null}
    </Link>
  );
}
