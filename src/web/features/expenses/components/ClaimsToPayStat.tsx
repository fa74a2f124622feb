import { WalletOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import { StatCard } from '../../../components/StatCard';
import { useClaims } from '../api';

/** Home (finance): the claims approved and not yet paid (the finance box), how many and their sum — leading to that box. */
export function ClaimsToPayStat() {
  const { t } = useTranslation('expenses');
  const claims = useClaims('finance');
  const items = claims.data?.items;
  return (
    <StatCard
      testId="home-stat-claimsToPay"
      icon={<WalletOutlined />}
      title={t('homeWidgets.claimsToPay')}
      value={items?.length}
      query={claims}
      amount={{ value: items?.reduce((s, c) => s + c.total, 0) }}
      to="/expenses/finance"
    />
  );
}
