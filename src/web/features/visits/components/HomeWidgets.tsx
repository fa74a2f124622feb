import { EnvironmentOutlined, FormOutlined } from '@ant-design/icons';
import { Flex, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { businessDate } from '../../../../shared/domain/business-time';
import { withQuery } from '../../../api/client';
import { useBusinessTime, useDisplay } from '../../../components/display';
import { ErrorAlert } from '../../../components/ErrorAlert';
import { HomeCard } from '../../../components/HomeCard';
import { ItemList } from '../../../components/ItemList';
import { StatCard } from '../../../components/StatCard';
import { useVisits } from '../api';
import { VisitStatusTag } from './tags';

/**
 * Home: my own visits planned for today — today in the business time zone, as the server reads `from`/`to` —
 * earliest first, each with its time, account and status, leading to the visits list filtered the same way.
 */
export function TodayVisitsCard() {
  const { t } = useTranslation(['visits', 'common']);
  const { timeZone } = useDisplay();
  const time = useBusinessTime();
  const today = businessDate(new Date(), timeZone);
  const list = { box: 'mine', from: today, to: today, sort: 'plannedAt' } as const;
  const visits = useVisits({ ...list, page: 1, pageSize: 5 });
  const total = visits.data?.total ?? 0;
  return (
    <HomeCard
      icon={<EnvironmentOutlined />}
      title={t('homeWidgets.todayVisits')}
      aside={
        total > 0 && (
          <Typography.Text type="secondary" style={{ fontWeight: 'normal', fontSize: 13 }}>
            {t('common:state.total', { count: total })}
          </Typography.Text>
        )
      }
      to={withQuery('/visits', list)}
      testId="home-todayVisits"
    >
      {visits.error ? (
        <ErrorAlert error={visits.error} onRetry={() => void visits.refetch()} />
      ) : (
        <ItemList
          loading={visits.isLoading}
          items={visits.data?.items ?? []}
          rowKey={(v) => v.id}
          empty={t('homeWidgets.noVisitsToday')}
          rowProps={(v) => ({ 'data-testid': `home-todayVisits-${v.id}` })}
          renderItem={(v) => (
            <Flex align="center" gap={8} style={{ width: '100%', minWidth: 0 }}>
              <Typography.Text type="secondary" style={{ flexShrink: 0, fontVariantNumeric: 'tabular-nums' }}>
                {time(v.plannedAt, { pattern: 'HH:mm' })}
              </Typography.Text>
              <Typography.Text ellipsis style={{ flex: 1, minWidth: 0 }}>
                <Link to={`/visits/${v.id}`}>{v.account.name}</Link>
              </Typography.Text>
              <VisitStatusTag value={v.status} />
            </Flex>
          )}
        />
      )}
    </HomeCard>
  );
}

/** Home: my visits checked in whose visit record (the report of the visit) is not written yet, leading to them. */
export function ReportsToWriteStat() {
  const { t } = useTranslation('visits');
  const list = { box: 'mine', status: 'checked_in' } as const;
  const visits = useVisits({ ...list, page: 1, pageSize: 1 });
  return (
    <StatCard
      testId="home-stat-reportsToWrite"
      icon={<FormOutlined />}
      title={t('homeWidgets.reportsToWrite')}
      value={visits.data?.total}
      query={visits}
      to={withQuery('/visits', list)}
    />
  );
}
