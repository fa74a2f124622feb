import { Button, DatePicker, Flex } from 'antd';
import dayjs from 'dayjs';
import { useTranslation } from 'react-i18next';
import { PageHeader } from '../../../components/PageHeader';
import { month, useListState } from '../../../components/useListState';
import { ClaimTable } from './ExpenseClaimsPage';

/** 财务: approved claims waiting to be paid, and the month's XLSX reconciliation. */
export function ExpenseFinancePage() {
  const { t } = useTranslation('expenses');
  // the export month and the page of the payout box, in the URL
  const state = useListState({ period: month() }, { pageSize: 10 });
  const { period } = state.filters;
  return (
    <>
      <PageHeader title={t('finance.title')} />
      <Flex gap={8} wrap align="center" style={{ marginBottom: 12 }}>
        <DatePicker picker="month" value={period ? dayjs(`${period}-01`) : null} onChange={(d) => state.set({ period: d?.format('YYYY-MM') })} placeholder={t('finance.period')} />
        <Button disabled={!period} href={period ? `/api/expense-claims/export?period=${period}` : undefined} data-testid="expense-export">
          {t('finance.export')}
        </Button>
      </Flex>
      <ClaimTable box="finance" pagination={state.pagination} />
    </>
  );
}
