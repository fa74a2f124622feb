import { FieldTimeOutlined } from '@ant-design/icons';
import { Tag } from 'antd';
import { useTranslation } from 'react-i18next';
import { StatCard } from '../../../components/StatCard';
import { useTickets } from '../api';

/**
 * Home: the open tickets in the caller's scope whose SLA is in warning or breached (SVC-1, PERF-4), the breached
 * ones flagged — leading to the ticket list filtered the same way.
 */
export function SlaStat() {
  const { t } = useTranslation('tickets');
  const late = useTickets({ open: 'true', sla: 'warning,breached', page: 1, pageSize: 1 });
  const breached = useTickets({ open: 'true', sla: 'breached', page: 1, pageSize: 1 });
  return (
    <StatCard
      testId="home-stat-ticketsSla"
      icon={<FieldTimeOutlined />}
      title={t('home.sla')}
      value={late.data?.total}
      query={late}
      suffix={breached.data?.total ? <Tag color="error">{t('home.breached', { count: breached.data.total })}</Tag> : undefined}
      to="/tickets?open=true&sla=warning&sla=breached"
    />
  );
}
