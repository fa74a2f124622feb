import { Table } from 'antd';
import type { TableColumnsType } from 'antd';
import { useTranslation } from 'react-i18next';
import type { ForecastBucket } from '../../../../shared/contracts/opportunities';
import { MoneyText } from '../../../components/MoneyText';

/** Owners or units of the forecast: projects, expected and weighted value, largest first. */
export function BucketTable({ buckets, nameTitle, testId }: { buckets: ForecastBucket[]; nameTitle: string; testId: string }) {
  const { t } = useTranslation('board');
  const columns: TableColumnsType<ForecastBucket> = [
    { key: 'name', title: nameTitle, render: (_, b) => b.label ?? b.key, ellipsis: true },
    { key: 'count', title: t('forecast.count'), dataIndex: 'count', align: 'right', width: 72 },
    { key: 'value', title: t('forecast.value'), align: 'right', render: (_, b) => <MoneyText fen={b.value} /> },
    { key: 'weighted', title: t('forecast.weighted'), align: 'right', render: (_, b) => <MoneyText fen={b.weighted} strong /> },
  ];
  return (
    <Table<ForecastBucket>
      size="small"
      rowKey="key"
      columns={columns}
      dataSource={[...buckets].sort((a, b) => b.weighted - a.weighted)}
      pagination={buckets.length > 10 ? { pageSize: 10, size: 'small' } : false}
      scroll={{ x: 'max-content' }}
      data-testid={testId}
    />
  );
}
