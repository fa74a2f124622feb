import { AlertOutlined } from '@ant-design/icons';
import { Flex, Tag, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { useMoney } from '../../../components/display';
import { ErrorAlert } from '../../../components/ErrorAlert';
import { HomeCard } from '../../../components/HomeCard';
import { ItemList } from '../../../components/ItemList';
import { useAtRisk } from '../api';
import { BAND_COLOR, measureText } from '../helpers';

/**
 * Home: the red accounts in the caller's scope with the most revenue at stake (SVC-3, PERF-4), each with its
 * score and its first reason in words, and how many are red and yellow — leading to 流失预警.
 */
export function AtRiskCard() {
  const { t } = useTranslation(['health', 'common']);
  const money = useMoney();
  const q = useAtRisk({ band: 'red', sort: 'revenue', page: 1, pageSize: 5 });
  const bands = q.data?.bands;
  return (
    <HomeCard icon={<AlertOutlined />} title={t('home.atRisk')} to="/health/at-risk" testId="home-atRisk">
      {q.error ? (
        <ErrorAlert error={q.error} onRetry={() => void q.refetch()} />
      ) : (
        <Flex vertical gap={8}>
          {bands && (
            <Flex gap={8} wrap data-testid="home-atRisk-bands">
              <Link to="/health/at-risk?bands=red">
                <Tag color={BAND_COLOR.red}>{t('home.bandCount', { band: t('bands.red'), count: bands.red })}</Tag>
              </Link>
              <Link to="/health/at-risk?bands=redYellow">
                <Tag color={BAND_COLOR.yellow}>{t('home.bandCount', { band: t('bands.yellow'), count: bands.yellow })}</Tag>
              </Link>
            </Flex>
          )}
          <ItemList
            loading={q.isLoading}
            items={q.data?.items ?? []}
            rowKey={(r) => r.accountId}
            empty={t('home.noneRed')}
            renderItem={(r) => (
              <Flex vertical style={{ width: '100%', minWidth: 0 }}>
                <Flex justify="space-between" gap={8} style={{ minWidth: 0 }}>
                  <Typography.Text ellipsis style={{ minWidth: 0 }}>
                    <Link to={`/accounts/${r.accountId}?tab=health`}>{r.name}</Link>
                  </Typography.Text>
                  <Flex gap={6} align="center" style={{ flexShrink: 0 }}>
                    {r.revenue > 0 && <Typography.Text type="secondary">{money(r.revenue)}</Typography.Text>}
                    <Tag color={BAND_COLOR[r.band]} style={{ marginInlineEnd: 0 }}>
                      {r.score}
                    </Tag>
                  </Flex>
                </Flex>
                {r.drivers[0] && (
                  <Typography.Text type="secondary" ellipsis style={{ fontSize: 12 }}>
                    {measureText(t, r.drivers[0], money)}
                  </Typography.Text>
                )}
              </Flex>
            )}
          />
        </Flex>
      )}
    </HomeCard>
  );
}
