import { Button, DatePicker, Flex } from 'antd';
import type { Dayjs } from 'dayjs';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { PageHeader } from '../../../components/PageHeader';
import { ClaimTable } from './ExpenseClaimsPage';

/** 财务: approved claims waiting to be paid, and the month's XLSX reconciliation. */
export function ExpenseFinancePage() {
  const { t } = useTranslation('expenses');
  const [month, setMonth] = useState<Dayjs | null>(null);
  const period = month?.format('YYYY-MM');
  return (
    <>
      <PageHeader title={t('finance.title')} />
      <Flex gap={8} wrap align="center" style={{ marginBottom: 12 }}>
        <DatePicker picker="month" value={month} onChange={setMonth} placeholder={t('finance.period')} />
        <Button disabled={!period} href={period ? `/api/expense-claims/export?period=${period}` : undefined} data-testid="expense-export">
          {t('finance.export')}
        </Button>
      </Flex>
      <ClaimTable box="finance" />
    </>
  );
}
