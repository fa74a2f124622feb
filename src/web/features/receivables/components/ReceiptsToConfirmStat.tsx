import { MoneyCollectOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { withQuery } from '../../../api/client';
import { useMoney } from '../../../components/display';
import { StatCard } from '../../../components/StatCard';
import { useReceipts } from '../api';

/**
 * Home (finance): the receipts recorded in my scope and waiting for finance's confirmation, how many and their
 * sum — leading to /receipts filtered to them. The sum is shown only when every one is on the page read.
 */
export function ReceiptsToConfirmStat() {
  const { t } = useTranslation('receipts');
  const navigate = useNavigate();
  const money = useMoney();
  const list = { status: 'recorded' } as const;
  const receipts = useReceipts({ ...list, page: 1, pageSize: 200 });
  const whole = receipts.data !== undefined && receipts.data.total <= receipts.data.items.length;
  const sum = whole ? receipts.data!.items.reduce((s, r) => s + r.amount, 0) : 0;
  return (
    <StatCard
      testId="home-stat-receiptsToConfirm"
      icon={<MoneyCollectOutlined />}
      title={t('homeWidgets.receiptsToConfirm')}
      value={receipts.data?.total}
      loading={receipts.isLoading}
      failed={!!receipts.error}
      suffix={sum > 0 ? <span style={{ fontSize: 13, color: 'var(--ant-color-text-secondary)' }}>{money(sum)}</span> : undefined}
      onClick={() => void navigate(withQuery('/receipts', list))}
    />
  );
}
