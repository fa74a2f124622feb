import { AlertOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import { StatCard, wholeSum } from '../../../components/StatCard';
import { useContracts } from '../api';

/**
 * Home: the sales contracts in my scope with an instalment overdue today (a specialist's are his own) and what
 * they have overdue — a sales contract's figures hold its supplements', and a framework's would count its sales
 * contracts again, so only sales contracts are read — leading to that list.
 */
export function OverdueContractsStat() {
  const { t } = useTranslation('deals');
  const overdue = useContracts({ kind: 'sales', overdue: 'true', pageSize: 200, page: 1 });
  return (
    <StatCard
      testId="home-stat-overdue-contracts"
      icon={<AlertOutlined />}
      title={t('home.overdueContracts')}
      value={overdue.data?.total}
      query={overdue}
      // the sum only when every overdue contract is on the page read
      amount={{ value: wholeSum(overdue.data, (c) => c.money.overdue), tone: 'error' }}
      to="/contracts?kind=sales&overdue=true"
    />
  );
}
