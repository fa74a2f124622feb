import { WalletOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { useMoney } from '../../../components/display';
import { StatCard } from '../../../components/StatCard';
import { useClaims } from '../api';

/** Home (finance): the claims approved and not yet paid (the finance box), how many and their sum — leading to that box. */
export function ClaimsToPayStat() {
  const { t } = useTranslation('expenses');
  const navigate = useNavigate();
  const money = useMoney();
  const claims = useClaims('finance');
  const items = claims.data?.items;
  const sum = items?.reduce((s, c) => s + c.total, 0) ?? 0;
  return (
    <StatCard
      testId="home-stat-claimsToPay"
      icon={<WalletOutlined />}
      title={t('homeWidgets.claimsToPay')}
      value={items?.length}
      loading={claims.isLoading}
      failed={!!claims.error}
      suffix={sum > 0 ? <span style={{ fontSize: 13, color: 'var(--ant-color-text-secondary)' }}>{money(sum)}</span> : undefined}
      onClick={() => void navigate('/expenses/finance')}
    />
  );
}
