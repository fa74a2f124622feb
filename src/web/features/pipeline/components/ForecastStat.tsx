import { FunnelPlotOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import { StatCard } from '../../../components/StatCard';
import { useForecast } from '../api';

/**
 * Home: the open development projects in the caller's scope expected to close in the next twelve months and
 * their weighted value (the stage probabilities of the settings) — leading to the forecast.
 */
export function ForecastStat() {
  const { t } = useTranslation('board');
  const q = useForecast({});
  const total = q.data?.total;
  return (
    <StatCard
      testId="home-stat-forecast"
      icon={<FunnelPlotOutlined />}
      title={t('home.forecast')}
      value={total?.count}
      query={q}
      amount={{ value: total?.weighted, label: (value) => t('home.weighted', { value }) }}
      to="/pipeline/forecast"
    />
  );
}
