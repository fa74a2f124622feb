import { MoneyCollectOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import { withQuery } from '../../../api/client';
import { StatCard, wholeSum } from '../../../components/StatCard';
import { useReceipts } from '../api';

/**
 * Home (finance): the receipts recorded in my scope and waiting for finance's confirmation, how many and their
 * sum — leading to /receipts filtered to them. The sum is shown only when every one is on the page read.
 */
export function ReceiptsToConfirmStat() {
  const { t } = useTranslation('receipts');
  const list = { status: 'recorded' } as const;
  const receipts = useReceipts({ ...list, page: 1, pageSize: 200 });
  return (
    <StatCard
      testId="home-stat-receiptsToConfirm"
      icon={<MoneyCollectOutlined />}
      title={t('homeWidgets.receiptsToConfirm')}
      value={receipts.data?.total}
      query={receipts}
      amount={{ value: wholeSum(receipts.data, (r) => r.amount) }}
      to={withQuery('/receipts', list)}
    />
  );
}
