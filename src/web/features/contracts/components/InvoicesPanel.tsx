import { Button, Table, Typography } from 'antd';
import type { TableColumnsType } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Invoice } from '../../../../shared/contracts/collections';
import { useAuth } from '../../../app/auth';
import { ErrorAlert } from '../../../components/ErrorAlert';
import { useApiError, useFeedback } from '../../../components/feedback';
import { MoneyText } from '../../../components/MoneyText';
import { StatusTag } from '../../../components/StatusTag';
import { useContractInvoices, useVoidInvoice } from '../api';
import { ReasonDialog } from './ReasonDialog';

/** 发票 of a contract (GET /api/invoices?contractId=): number, instalment, date, amount, type, status; an issued one can be voided with a reason. */
export function InvoicesPanel({ contractId, active }: { contractId: number; active: boolean }) {
  const { t } = useTranslation(['deals', 'collections']);
  const { can } = useAuth();
  const list = useContractInvoices(contractId, active);
  const voiding = useVoidInvoice();
  const showError = useApiError();
  const { message } = useFeedback();
  const [target, setTarget] = useState<Invoice | null>(null);
  if (list.error) return <ErrorAlert error={list.error} onRetry={() => void list.refetch()} />;
  const columns: TableColumnsType<Invoice> = [
    { title: t('collections:fields.invoiceNumber'), dataIndex: 'number', width: 150 },
    { title: t('invoices.instalment'), dataIndex: 'instalmentSeq', width: 80, render: (v: number) => t('instalment.seq', { seq: v }) },
    { title: t('collections:fields.issuedOn'), dataIndex: 'issuedOn', width: 110 },
    { title: t('collections:fields.amount'), dataIndex: 'amount', width: 130, align: 'right', render: (v: number, r) => (r.status === 'void' ? <Typography.Text delete><MoneyText fen={v} /></Typography.Text> : <MoneyText fen={v} />) },
    { title: t('collections:fields.invoiceType'), dataIndex: 'type', width: 80, render: (v: string) => t(`collections:invoiceTypes.${v}`) },
    { title: t('collections:fields.status'), dataIndex: 'status', width: 100, render: (v: string) => <StatusTag value={v} labelPrefix="collections:invoiceStatuses" colors={{ issued: 'success' }} /> },
    { title: t('invoices.by'), key: 'by', width: 100, render: (_: unknown, r) => r.createdBy.name },
    { title: t('collections:fields.reason'), dataIndex: 'voidReason', render: (v: string | null) => v ?? '' },
    ...(can('receipt:write')
      ? [
          {
            title: t('detail.actions'),
            key: 'actions',
            width: 90,
            render: (_: unknown, r: Invoice) =>
              r.status === 'issued' && (
                <Button type="link" size="small" danger onClick={() => setTarget(r)} data-testid={`invoice-${r.id}-void`}>
                  {t('invoices.void')}
                </Button>
              ),
          },
        ]
      : []),
  ];
  return (
    <>
      <Table<Invoice> rowKey="id" size="small" loading={list.isLoading} pagination={false} columns={columns} dataSource={list.data?.items} scroll={{ x: 'max-content' }} locale={{ emptyText: t('invoices.none') }} data-testid="contract-invoices" />
      <ReasonDialog
        open={target !== null}
        title={target ? t('invoices.voidTitle', { number: target.number }) : ''}
        okText={t('invoices.void')}
        danger
        saving={voiding.isPending}
        onClose={() => setTarget(null)}
        onSubmit={(reason) =>
          voiding.mutateAsync({ id: target!.id, reason }).then(
            () => {
              void message.success(t('invoices.voided'));
              setTarget(null);
            },
            (err: unknown) => {
              showError(err);
              throw err;
            },
          )
        }
        testId="invoice-void"
      />
    </>
  );
}
