import { Alert, Button, Descriptions, Flex, Popconfirm, Table } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate, useParams } from 'react-router';
import type { ExpenseClaim } from '../../../../shared/contracts/expenses';
import { useAuth } from '../../../app/auth';
import { useMoney } from '../../../components/display';
import { DateTime } from '../../../components/DateTime';
import { ErrorAlert } from '../../../components/ErrorAlert';
import { MoneyText } from '../../../components/MoneyText';
import { PageHeader } from '../../../components/PageHeader';
import { StatusTag } from '../../../components/StatusTag';
import { useClaim, useClaimAction, useDeleteClaim } from '../api';
import { CLAIM_COLORS } from './ExpenseClaimsPage';

type Line = ExpenseClaim['lines'][number];

/** Where a line's linked record opens. */
const RECORD_PATHS: Record<Line['kind'], string> = { visit: '/visits/', reception: '/receptions/', trip: '/trips/', gift: '/gifts/applications/', phone: '', other: '' };

/** One claim with its lines; its owner submits it, finance pays it once approved. */
export function ExpenseClaimDetailPage() {
  const { t } = useTranslation('expenses');
  const { t: ta } = useTranslation('approvals');
  const money = useMoney();
  const { can, me } = useAuth();
  const id = Number(useParams().id);
  const claim = useClaim(id);
  const action = useClaimAction();
  const remove = useDeleteClaim();
  const navigate = useNavigate();
  if (claim.error) return <ErrorAlert error={claim.error} onRetry={() => void claim.refetch()} />;
  const c = claim.data;
  if (!c) return null;
  const mine = c.ownerId === me?.id;
  return (
    <>
      <PageHeader
        title={c.title}
        extra={
          <Flex gap={8}>
            {mine && (c.status === 'draft' || c.status === 'rejected') && (
              <Button type="primary" loading={action.isPending} onClick={() => action.mutate({ id, action: 'submit', version: c.version })} data-testid="expense-submit">
                {t('detail.submit')}
              </Button>
            )}
            {mine && c.status === 'pending' && (
              <Button loading={action.isPending} onClick={() => action.mutate({ id, action: 'withdraw', version: c.version })} data-testid="expense-withdraw">
                {t('detail.withdraw')}
              </Button>
            )}
            {mine && c.status === 'draft' && c.approvalId === null && (
              <Popconfirm
                title={t('detail.deleteConfirm')}
                okText={t('detail.delete')}
                okButtonProps={{ danger: true, 'data-testid': 'expense-delete-confirm' } as never}
                onConfirm={() => remove.mutateAsync({ id, version: c.version }).then(() => void navigate('/expenses')).catch(() => undefined)}
              >
                <Button danger loading={remove.isPending} data-testid="expense-delete">
                  {t('detail.delete')}
                </Button>
              </Popconfirm>
            )}
            {can('expense:pay') && c.status === 'approved' && (
              <Popconfirm
                title={t('detail.payConfirm', { name: c.ownerName })}
                description={<MoneyText fen={c.total} strong />}
                okText={t('detail.pay')}
                okButtonProps={{ 'data-testid': 'expense-pay-confirm' } as never}
                onConfirm={() => action.mutateAsync({ id, action: 'pay', version: c.version }).catch(() => undefined)}
              >
                <Button type="primary" loading={action.isPending} data-testid="expense-pay">
                  {t('detail.pay')}
                </Button>
              </Popconfirm>
            )}
          </Flex>
        }
      />
      {action.error ? <ErrorAlert error={action.error} /> : null}
      {remove.error ? <ErrorAlert error={remove.error} /> : null}
      {c.phoneOver > 0 && <Alert type="warning" showIcon style={{ marginBottom: 12 }} message={t('detail.phoneOver', { amount: money(c.phoneOver) })} data-testid="expense-phone-over" />}
      <Descriptions size="small" column={{ xs: 1, sm: 2 }} style={{ marginBottom: 12 }}>
        <Descriptions.Item label={t('fields.owner')}>{c.ownerName} · {c.unitName}</Descriptions.Item>
        <Descriptions.Item label={t('fields.status')}><span data-testid="expense-status"><StatusTag value={c.status} labelPrefix="expenses:statuses" colors={CLAIM_COLORS} /></span></Descriptions.Item>
        <Descriptions.Item label={t('fields.total')}><MoneyText fen={c.total} strong /></Descriptions.Item>
        <Descriptions.Item label={t('detail.submittedAt')}><DateTime value={c.submittedAt} /></Descriptions.Item>
        {c.docType && (
          <Descriptions.Item label={t('detail.chain')}>
            {c.approvalId ? <Link to={`/approvals/${c.approvalId}`} data-testid="expense-open-approval">{ta(`docTypes.${c.docType}`)}</Link> : ta(`docTypes.${c.docType}`)}
          </Descriptions.Item>
        )}
        {c.paidAt && <Descriptions.Item label={t('detail.paid')}><span data-testid="expense-paid-by">{c.paidByName} · <DateTime value={c.paidAt} /></span></Descriptions.Item>}
      </Descriptions>
      <Table<Line>
        rowKey="id"
        size="small"
        pagination={false}
        scroll={{ x: 'max-content' }}
        dataSource={c.lines}
        columns={[
          { title: '#', dataIndex: 'seq', width: 40 },
          { title: t('fields.kind'), dataIndex: 'kind', render: (v: string) => t(`kinds.${v}`) },
          { title: t('fields.ref'), dataIndex: 'refId', render: (v: number | null, r) => (v === null ? '—' : <Link to={`${RECORD_PATHS[r.kind]}${v}`} data-testid={`expense-line-ref-${r.seq}`}>{r.refLabel ?? `#${v}`}</Link>) },
          { title: t('fields.category'), dataIndex: 'category' },
          { title: t('fields.amount'), dataIndex: 'amount', align: 'right', render: (v: number) => <MoneyText fen={v} /> },
          { title: t('fields.occurredOn'), dataIndex: 'occurredOn' },
          { title: t('fields.note'), dataIndex: 'note' },
        ]}
      />
    </>
  );
}
