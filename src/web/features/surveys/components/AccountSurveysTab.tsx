import { SendOutlined, UnorderedListOutlined } from '@ant-design/icons';
import { Button, Card, Empty, Flex, Grid, Skeleton, Table } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { Invitation } from '../../../../shared/contracts/surveys';
import { useAuth } from '../../../app/auth';
import { ErrorAlert } from '../../../components/ErrorAlert';
import { useInvitations, useScores } from '../api';
import { InvitationCard, useInvitationColumns } from './InvitationBits';
import { InviteDialog } from './InviteDialog';
import { ScoreSummary } from './ScoreSummary';

/**
 * 满意度 tab of the account 360 page (SVC-2): the account's satisfaction over the last 12 months (满意率
 * against the target, CSAT, NPS, items, by month), its invitations with their state, and — with survey:write —
 * a new one for a contact, whose link is shown to copy or scan.
 */
export function AccountSurveysTab({ accountId }: { accountId: number }) {
  const { t } = useTranslation('surveys');
  const { can } = useAuth();
  const phone = Grid.useBreakpoint().md === false;
  const [inviting, setInviting] = useState(false);
  const scores = useScores({ accountId, groupBy: 'account' });
  const list = useInvitations({ accountId, pageSize: 50 });
  const columns = useInvitationColumns({ account: false });
  const items = list.data?.items ?? [];
  return (
    <Flex vertical gap={12} data-testid="account-surveys">
      <Flex gap={8} wrap justify="flex-end">
        <Link to={`/surveys?accountId=${accountId}`}>
          <Button icon={<UnorderedListOutlined />}>{t('account.all')}</Button>
        </Link>
        {can('survey:write') && (
          <Button type="primary" icon={<SendOutlined />} onClick={() => setInviting(true)} data-testid="account-survey-new">
            {t('invite.action')}
          </Button>
        )}
      </Flex>
      <Card size="small" title={t('account.scoresTitle')}>
        {scores.isLoading ? <Skeleton active /> : scores.error ? <ErrorAlert error={scores.error} onRetry={() => void scores.refetch()} /> : scores.data && <ScoreSummary report={scores.data} testId="account-survey-scores" />}
      </Card>
      <Card size="small" title={t('account.invitations')}>
        {list.error ? (
          <ErrorAlert error={list.error} onRetry={() => void list.refetch()} />
        ) : !list.isLoading && items.length === 0 ? (
          <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('account.none')} />
        ) : phone ? (
          items.map((i) => <InvitationCard key={i.id} i={i} account={false} />)
        ) : (
          <Table<Invitation> rowKey="id" size="small" loading={list.isLoading} columns={columns.map((c) => ({ ...c, sorter: false }))} dataSource={items} pagination={items.length > 10 ? { pageSize: 10, size: 'small' } : false} scroll={{ x: 'max-content' }} data-testid="account-surveys-table" />
        )}
      </Card>
      <InviteDialog accountId={accountId} open={inviting} onClose={() => setInviting(false)} />
    </Flex>
  );
}
