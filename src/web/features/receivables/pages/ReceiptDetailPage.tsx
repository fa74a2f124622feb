import { Button, Card, Descriptions, Flex, Skeleton, Table, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import type { ReceiptAllocation } from '../../../../shared/contracts/collections';
import { useAuth } from '../../../app/auth';
import { DateTime } from '../../../components/DateTime';
import { ErrorAlert } from '../../../components/ErrorAlert';
import { useApiError, useFeedback } from '../../../components/feedback';
import { MoneyText } from '../../../components/MoneyText';
import { PageHeader } from '../../../components/PageHeader';
import { AccountLink } from '../../accounts';
import { useReceipt, useUndoAllocation, useVoidReceipt } from '../api';
import { AllocationDrawer } from '../components/AllocationDrawer';
import { ContractLink, ReasonModal, ReceiptStatusTag } from '../components/bits';
import { ReceiptFormDrawer } from '../components/ReceiptFormDrawer';

/**
 * /receipts/:id — one 回款单: finance confirms it (with the oldest-due-first allocation, editable),
 * its credit is allocated later, an allocation is undone with a reason, a receipt is voided with one;
 * the allocations, undone ones struck through with who, when and why.
 */
export function ReceiptDetailPage() {
  const { t } = useTranslation('receipts');
  const { can } = useAuth();
  const { message } = useFeedback();
  const showError = useApiError();
  const id = Number(useParams().id);
  const q = useReceipt(id);
  const undo = useUndoAllocation();
  const voidIt = useVoidReceipt();
  const [drawer, setDrawer] = useState<'confirm' | 'allocate' | 'edit' | null>(null);
  const [voiding, setVoiding] = useState(false);
  const [undoing, setUndoing] = useState<ReceiptAllocation | null>(null);
  if (q.error) return <ErrorAlert error={q.error} onRetry={() => void q.refetch()} />;
  const r = q.data;
  if (!r) return <Skeleton active />;

  const write = can('receipt:write');
  const canConfirm = can('receipt:confirm') && r.status === 'recorded';
  const canAllocate = write && r.status === 'confirmed' && r.credit > 0;
  // a confirmed receipt is voided by finance, and only while nothing of it is allocated
  const canVoid = write && (r.status === 'recorded' || (r.status === 'confirmed' && r.allocated === 0 && can('receipt:confirm')));
  const live = r.allocations.filter((a) => !a.undoneAt);

  const struck = (a: ReceiptAllocation) => (a.undoneAt ? { textDecoration: 'line-through', color: 'rgba(0,0,0,0.45)' } : undefined);

  return (
    <div>
      <PageHeader
        title={t('detail.title', { number: r.number })}
        subtitle={<ReceiptStatusTag status={r.status} testId="receipt-status" />}
        extra={
          <>
            {canConfirm && (
              <Button type="primary" onClick={() => setDrawer('confirm')} data-testid="receipt-confirm">
                {t('detail.confirm')}
              </Button>
            )}
            {canAllocate && (
              <Button type="primary" onClick={() => setDrawer('allocate')} data-testid="receipt-allocate">
                {t('detail.allocate')}
              </Button>
            )}
            {write && r.status === 'recorded' && (
              <Button onClick={() => setDrawer('edit')} data-testid="receipt-edit">
                {t('detail.edit')}
              </Button>
            )}
            {canVoid && (
              <Button danger onClick={() => setVoiding(true)} data-testid="receipt-void">
                {t('detail.void')}
              </Button>
            )}
            {can('receipt:read') && (
              <Link to={`/accounts/${r.accountId}/statement`} data-testid="receipt-statement">
                <Button>{t('detail.statement')}</Button>
              </Link>
            )}
          </>
        }
      />
      <Card size="small" style={{ marginBottom: 12 }}>
        <Descriptions size="small" column={{ xs: 1, sm: 2, lg: 3 }} data-testid="receipt-facts">
          <Descriptions.Item label={t('fields.account')}>
            <AccountLink id={r.accountId}>{r.accountName}</AccountLink>
          </Descriptions.Item>
          <Descriptions.Item label={t('fields.receivedOn')}>{r.receivedOn}</Descriptions.Item>
          <Descriptions.Item label={t('fields.amount')}>
            <MoneyText fen={r.amount} strong />
          </Descriptions.Item>
          <Descriptions.Item label={t('fields.allocated')}>
            <span data-testid="receipt-allocated">
              <MoneyText fen={r.allocated} />
            </span>
          </Descriptions.Item>
          <Descriptions.Item label={t('fields.credit')}>
            <span data-testid="receipt-credit">
              <MoneyText fen={r.credit} strong={r.credit > 0} />
            </span>
          </Descriptions.Item>
          <Descriptions.Item label={t('fields.method')}>{t(`methods.${r.method}`)}</Descriptions.Item>
          <Descriptions.Item label={t('fields.bankRef')}>{r.bankRef ?? '—'}</Descriptions.Item>
          <Descriptions.Item label={t('fields.payer')}>{r.payer || '—'}</Descriptions.Item>
          <Descriptions.Item label={t('fields.owner')}>
            {r.ownerName} · {r.unitName}
          </Descriptions.Item>
          <Descriptions.Item label={t('fields.recordedBy')}>
            {r.recordedBy.name} · <DateTime value={r.createdAt} />
            {r.source === 'import' ? ` · ${t('sources.import')}` : ''}
          </Descriptions.Item>
          {r.confirmedBy && (
            <Descriptions.Item label={t('fields.confirmedBy')}>
              <span data-testid="receipt-confirmed-by">
                {r.confirmedBy.name} · <DateTime value={r.confirmedAt} />
              </span>
            </Descriptions.Item>
          )}
          {r.note && <Descriptions.Item label={t('fields.note')}>{r.note}</Descriptions.Item>}
          {r.voidReason && (
            <Descriptions.Item label={t('fields.voidReason')}>
              <Typography.Text type="danger">{r.voidReason}</Typography.Text>
            </Descriptions.Item>
          )}
        </Descriptions>
      </Card>
      <Card size="small" title={t('detail.allocations', { count: live.length })}>
        <Table<ReceiptAllocation>
          rowKey="id"
          size="small"
          pagination={false}
          scroll={{ x: 'max-content' }}
          dataSource={r.allocations}
          locale={{ emptyText: t(r.status === 'recorded' ? 'detail.notConfirmed' : 'detail.noAllocations') }}
          data-testid="receipt-allocations"
          onRow={(a) => ({ 'data-testid': `allocation-${a.id}`, 'data-undone': a.undoneAt ? 'true' : 'false' }) as never}
          columns={[
            {
              title: t('fields.contract'),
              key: 'contract',
              render: (_, a) => (
                <span style={struck(a)}>
                  <ContractLink id={a.contractId} number={a.contractNumber} />
                </span>
              ),
            },
            { title: t('fields.instalment'), key: 'seq', render: (_, a) => <span style={struck(a)}>{t('fields.seqOf', { seq: a.instalmentSeq })}{a.milestone ? ` · ${a.milestone}` : ''}</span> },
            { title: t('fields.dueDate'), dataIndex: 'dueDate', render: (v: string, a) => <span style={struck(a)}>{v}</span> },
            {
              title: t('fields.amount'),
              dataIndex: 'amount',
              align: 'right',
              render: (v: number, a) => (
                <span style={struck(a)}>
                  <MoneyText fen={v} />
                </span>
              ),
            },
            {
              title: t('detail.allocatedBy'),
              key: 'by',
              render: (_, a) => (
                <span style={struck(a)}>
                  {a.allocatedBy.name} · <DateTime value={a.allocatedAt} />
                </span>
              ),
            },
            {
              title: t('detail.undo'),
              key: 'undo',
              render: (_, a) =>
                a.undoneAt ? (
                  <Flex vertical>
                    <Typography.Text type="secondary" data-testid={`allocation-undone-${a.id}`}>
                      {t('detail.undoneBy', { name: a.undoneBy?.name ?? '' })} · <DateTime value={a.undoneAt} />
                    </Typography.Text>
                    <Typography.Text type="secondary">{t('detail.undoReason', { reason: a.undoReason ?? '' })}</Typography.Text>
                  </Flex>
                ) : write && r.status === 'confirmed' ? (
                  <Button size="small" danger onClick={() => setUndoing(a)} data-testid={`allocation-undo-${a.id}`}>
                    {t('detail.undo')}
                  </Button>
                ) : null,
            },
          ]}
        />
      </Card>
      {(drawer === 'confirm' || drawer === 'allocate') && <AllocationDrawer receipt={r} mode={drawer} open onClose={() => setDrawer(null)} />}
      <ReceiptFormDrawer open={drawer === 'edit'} receipt={r} onClose={() => setDrawer(null)} onSaved={() => setDrawer(null)} />
      <ReasonModal
        open={voiding}
        title={t('detail.voidTitle', { number: r.number })}
        okText={t('detail.void')}
        testId="receipt-void-modal"
        onClose={() => setVoiding(false)}
        onOk={(reason) =>
          voidIt.mutateAsync({ id: r.id, reason }).then(
            () => void message.success(t('detail.voided')),
            (err: unknown) => {
              showError(err);
              throw err;
            },
          )
        }
      />
      <ReasonModal
        open={undoing !== null}
        title={t('detail.undoTitle', { contract: undoing?.contractNumber ?? '', seq: undoing?.instalmentSeq ?? '' })}
        okText={t('detail.undo')}
        testId="allocation-undo-modal"
        onClose={() => setUndoing(null)}
        onOk={(reason) =>
          undo.mutateAsync({ allocationId: undoing!.id, reason }).catch((err: unknown) => {
            showError(err);
            throw err;
          })
        }
      />
    </div>
  );
}
