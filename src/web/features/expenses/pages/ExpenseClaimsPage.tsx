import { PlusOutlined } from '@ant-design/icons';
import { Button, Segmented, Table } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate } from 'react-router';
import type { ExpenseClaimListItem } from '../../../../shared/contracts/expenses';
import { useAuth } from '../../../app/auth';
import { ErrorAlert } from '../../../components/ErrorAlert';
import { MoneyText } from '../../../components/MoneyText';
import { PageHeader } from '../../../components/PageHeader';
import { StatusTag } from '../../../components/StatusTag';
import { oneOf, useListState, type ListState } from '../../../components/useListState';
import { useClaims } from '../api';

export const CLAIM_COLORS: Record<string, string> = { paid: 'green' };

/** Claims as a table (phone: scrolls sideways), paged in the browser; used by my claims and the finance box. */
export function ClaimTable({ box, pagination }: { box: 'mine' | 'finance' | 'all'; pagination: ListState<unknown>['pagination'] }) {
  const { t } = useTranslation('expenses');
  const list = useClaims(box);
  const columns: ColumnsType<ExpenseClaimListItem> = [
    { title: t('fields.title'), dataIndex: 'title', render: (v: string, r) => <Link to={`/expenses/${r.id}`}>{v}</Link> },
    { title: t('fields.owner'), dataIndex: 'ownerName' },
    { title: t('fields.total'), dataIndex: 'total', align: 'right', render: (v: number) => <MoneyText fen={v} /> },
    { title: t('fields.status'), dataIndex: 'status', render: (v: string) => <StatusTag value={v} labelPrefix="expenses:statuses" colors={CLAIM_COLORS} /> },
  ];
  return (
    <>
      {list.error ? <ErrorAlert error={list.error} onRetry={() => void list.refetch()} /> : null}
      <Table<ExpenseClaimListItem> rowKey="id" size="small" loading={list.isLoading} dataSource={list.data?.items ?? []} columns={columns} scroll={{ x: true }} pagination={pagination} data-testid="expense-claims" />
    </>
  );
}

/** 我的报销单 and every claim in scope — the default of those who see others' claims. */
export function ExpenseClaimsPage() {
  const { t } = useTranslation('expenses');
  const { can, seesOthers } = useAuth();
  const navigate = useNavigate();
  // a manager or director (an expense:read scope beyond their own) opens on the claims in scope; a specialist on their own
  const state = useListState({ box: oneOf(['mine', 'all'], seesOthers('expense:read') || !can('expense:write') ? 'all' : 'mine') }, { pageSize: 10 });
  const { box } = state.filters;
  return (
    <>
      <PageHeader
        title={t('claims.title')}
        extra={
          can('expense:write') && (
            <Button type="primary" icon={<PlusOutlined />} onClick={() => void navigate('/expenses/new')} data-testid="expense-new">
              {t('claims.new')}
            </Button>
          )
        }
      />
      <Segmented<'mine' | 'all'> style={{ marginBottom: 12 }} data-testid="expense-boxes" value={box} onChange={(v) => state.set({ box: v })} options={[{ value: 'mine', label: t('claims.mine') }, { value: 'all', label: t('claims.all') }]} />
      <ClaimTable box={box} pagination={state.pagination} />
    </>
  );
}
