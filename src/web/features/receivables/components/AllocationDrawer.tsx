import { Alert, Button, Empty, Flex, Skeleton, Table, Typography } from 'antd';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Receipt } from '../../../../shared/contracts/collections';
import { ErrorAlert } from '../../../components/ErrorAlert';
import { useApiError } from '../../../components/feedback';
import { FormDrawer } from '../../../components/FormDrawer';
import { useOneSave } from '../../../components/formSubmit';
import { MoneyInput } from '../../../components/MoneyInput';
import { MoneyText } from '../../../components/MoneyText';
import { useAllocate, useConfirmReceipt, useProposal } from '../api';
import { checkAllocation, fillOldestFirst, rowsFromProposal, type AllocationRow } from '../rules';
import { ContractLink } from './bits';

interface Props {
  receipt: Receipt;
  /** confirm: finance confirms the recorded receipt with these lines (none: all stays credit); allocate: the credit of a confirmed one */
  mode: 'confirm' | 'allocate';
  open: boolean;
  onClose: () => void;
}

/**
 * The allocation of a receipt over its account's open instalments: the server's oldest-due-first
 * proposal as editable rows (instalment: contract, seq, due, outstanding; the amount), the sum checked
 * against the receipt's unallocated remainder before it is sent.
 */
export function AllocationDrawer({ receipt, mode, open, onClose }: Props) {
  const { t } = useTranslation('receipts');
  const proposal = useProposal(receipt.id, open);
  const [rows, setRows] = useState<AllocationRow[]>([]);
  const confirm = useConfirmReceipt();
  const allocate = useAllocate();
  const showError = useApiError();
  useEffect(() => {
    if (open && proposal.data) setRows(rowsFromProposal(proposal.data));
  }, [open, proposal.data]);
  const available = proposal.data?.available ?? 0;
  const check = checkAllocation(rows, available);
  const invalid = check.overAvailable || check.overOutstanding.length > 0 || (mode === 'allocate' && check.lines.length === 0);
  const setAmount = (instalmentId: number, fen: number | null) => setRows((rs) => rs.map((r) => (r.instalmentId === instalmentId ? { ...r, allocate: fen ?? 0 } : r)));

  const save = useOneSave(async () => {
    if (invalid) return;
    try {
      if (mode === 'confirm') await confirm.mutateAsync({ id: receipt.id, version: receipt.version, allocate: check.lines.length ? check.lines : 'none' });
      else await allocate.mutateAsync({ id: receipt.id, allocations: check.lines });
      onClose();
    } catch (err) {
      showError(err, undefined, onClose);
    }
  });

  return (
    <FormDrawer
      open={open}
      title={t(mode === 'confirm' ? 'allocation.confirmTitle' : 'allocation.allocateTitle', { number: receipt.number })}
      formId="allocation-form"
      saving={confirm.isPending || allocate.isPending}
      saveText={t(mode === 'confirm' ? (check.lines.length ? 'allocation.confirmWith' : 'allocation.confirmOnly') : 'allocation.allocate')}
      cancelText={t('form.cancel')}
      onClose={onClose}
      testId="allocation-drawer"
    >
      <form
        id="allocation-form"
        onSubmit={(e) => {
          e.preventDefault();
          void save(undefined);
        }}
      >
        {proposal.error ? <ErrorAlert error={proposal.error} onRetry={() => void proposal.refetch()} /> : null}
        {proposal.isLoading ? (
          <Skeleton active />
        ) : (
          <>
            <Typography.Paragraph type="secondary">{t(mode === 'confirm' ? 'allocation.confirmHint' : 'allocation.allocateHint')}</Typography.Paragraph>
            <Flex justify="space-between" wrap gap={8} style={{ marginBottom: 8 }}>
              <span>
                {t('allocation.available')} <MoneyText fen={available} strong />
              </span>
              <Flex gap={8}>
                <Button size="small" onClick={() => setRows((rs) => fillOldestFirst(rs, available))} data-testid="allocation-auto">
                  {t('allocation.auto')}
                </Button>
                <Button size="small" onClick={() => setRows((rs) => rs.map((r) => ({ ...r, allocate: 0 })))} data-testid="allocation-clear">
                  {t('allocation.clear')}
                </Button>
              </Flex>
            </Flex>
            <Table<AllocationRow>
              rowKey="instalmentId"
              size="small"
              pagination={false}
              scroll={{ x: 'max-content' }}
              dataSource={rows}
              locale={{ emptyText: <Empty description={t('allocation.noOpen')} /> }}
              data-testid="allocation-rows"
              columns={[
                {
                  title: t('fields.instalment'),
                  key: 'instalment',
                  render: (_, r) => (
                    <div style={{ minWidth: 130 }}>
                      <ContractLink id={r.contractId} number={r.contractNumber} />
                      <Typography.Text type="secondary" style={{ display: 'block', fontSize: 12 }}>
                        {t('fields.seqOf', { seq: r.seq })}
                        {r.milestone ? ` · ${r.milestone}` : ''}
                      </Typography.Text>
                    </div>
                  ),
                },
                { title: t('fields.dueDate'), dataIndex: 'dueDate', width: 100 },
                { title: t('fields.outstanding'), dataIndex: 'outstanding', align: 'right', render: (v: number) => <MoneyText fen={v} /> },
                {
                  title: t('allocation.amount'),
                  key: 'allocate',
                  width: 170,
                  render: (_, r) => (
                    <MoneyInput
                      value={r.allocate}
                      max={r.outstanding / 100}
                      status={r.allocate > r.outstanding ? 'error' : undefined}
                      onChange={(fen) => setAmount(r.instalmentId, fen)}
                      data-testid={`allocation-amount-${r.instalmentId}`}
                    />
                  ),
                },
              ]}
            />
            <Flex vertical gap={4} style={{ marginTop: 12 }} data-testid="allocation-sum">
              <span>
                {t('allocation.total')} <MoneyText fen={check.total} strong />
              </span>
              <span>
                {t('allocation.rest')} <MoneyText fen={Math.max(0, check.rest)} />
              </span>
            </Flex>
            {check.overAvailable && <Alert type="error" showIcon style={{ marginTop: 8 }} title={t('allocation.overAvailable')} data-testid="allocation-over" />}
            {check.overOutstanding.length > 0 && <Alert type="error" showIcon style={{ marginTop: 8 }} title={t('allocation.overOutstanding')} />}
            {mode === 'allocate' && check.lines.length === 0 && <Alert type="info" showIcon style={{ marginTop: 8 }} title={t('allocation.nothing')} />}
          </>
        )}
      </form>
    </FormDrawer>
  );
}
