import { AlertOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { useMoney } from '../../../components/display';
import { StatCard } from '../../../components/StatCard';
import { useContracts } from '../api';

/**
 * Home: the sales contracts in my scope with an instalment overdue today (a specialist's are his own) and what
 * they have overdue — a sales contract's figures hold its supplements', and a framework's would count its sales
 * contracts again, so only sales contracts are read — leading to that list.
 */
export function OverdueContractsStat() {
  const { t } = useTranslation('deals');
  const navigate = useNavigate();
  const money = useMoney();
  const overdue = useContracts({ kind: 'sales', overdue: 'true', pageSize: 200, page: 1 });
  // the sum is shown only when every overdue contract is on the page read
  const whole = overdue.data !== undefined && overdue.data.total <= overdue.data.items.length;
  const sum = whole ? overdue.data!.items.reduce((s, c) => s + c.money.overdue, 0) : 0;
  return (
    <StatCard
      testId="home-stat-overdue-contracts"
      icon={<AlertOutlined />}
      title={t('home.overdueContracts')}
      value={overdue.data?.total}
      loading={overdue.isLoading}
      failed={!!overdue.error}
      suffix={sum > 0 ? <span style={{ fontSize: 13, color: 'var(--ant-color-error)' }}>{money(sum)}</span> : undefined}
      onClick={() => void navigate('/contracts?kind=sales&overdue=true')}
    />
  );
}
