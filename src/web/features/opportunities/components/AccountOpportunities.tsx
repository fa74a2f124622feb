import { PlusOutlined } from '@ant-design/icons';
import { Button, Empty, Flex, Skeleton } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { useAuth } from '../../../app/auth';
import { ErrorAlert } from '../../../components/ErrorAlert';
import { useOpportunities } from '../api';
import { OpportunityCard } from '../pages/OpportunitiesPage';

/** 开发项目 tab of the account 360 page: the account's projects, newest activity first. */
export function AccountOpportunities({ accountId }: { accountId: number }) {
  const { t } = useTranslation('opportunities');
  const { can } = useAuth();
  const list = useOpportunities({ accountId, page: 1, pageSize: 50, sort: '-updatedAt' });
  if (list.isLoading) return <Skeleton active />;
  if (list.isError) return <ErrorAlert error={list.error} onRetry={() => void list.refetch()} />;
  const items = list.data?.items ?? [];
  return (
    <div data-testid="account-opportunities">
      {can('opportunity:write') && (
        <Flex justify="flex-end" style={{ marginBottom: 12 }}>
          <Link to={`/opportunities/new?accountId=${accountId}`} data-testid="account-opportunity-new">
            <Button type="primary" icon={<PlusOutlined />}>
              {t('list.create')}
            </Button>
          </Link>
        </Flex>
      )}
      {items.length === 0 ? (
        <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('account.none')} />
      ) : (
        <div style={{ display: 'grid', gridTemplateColumns: 'repeat(auto-fill, minmax(300px, 1fr))', gap: 8 }}>
          {items.map((o) => (
            <OpportunityCard key={o.id} o={o} />
          ))}
        </div>
      )}
      {(list.data?.total ?? 0) > items.length && (
        <Link to={`/opportunities?accountId=${accountId}`}>{t('account.all', { count: list.data?.total ?? 0 })}</Link>
      )}
    </div>
  );
}
