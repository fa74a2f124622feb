import { AlertOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { useMoney } from '../../../components/display';
import { StatCard } from '../../../components/StatCard';
import { useContracts } from '../api';

/** Home: the contracts in my scope with an instalment overdue today (a specialist's are his own), leading to that list. */
export function OverdueContractsStat() {
  const { t } = useTranslation('deals');
  const navigate = useNavigate();
  const money = useMoney();
  const overdue = useContracts({ overdue: 'true', pageSize: 200, page: 1 });
  const sum = overdue.data?.items.reduce((s, c) => s + c.money.overdue, 0) ?? 0;
  return (
    <StatCard
      testId="home-stat-overdue-contracts"
      icon={<AlertOutlined />}
      title={t('home.overdueContracts')}
      value={overdue.data?.total}
      loading={overdue.isLoading}
      failed={!!overdue.error}
      suffix={sum > 0 ? <span style={{ fontSize: 13, color: 'var(--ant-color-error)' }}>{money(sum)}</span> : undefined}
      onClick={() => void navigate('/contracts?overdue=true')}
    />
  );
}
