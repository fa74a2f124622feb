import { AuditOutlined } from '@ant-design/icons';
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { api } from '../../../api/client';
import { errorMessage } from '../../../components/errors';
import { StatCard } from '../../../components/StatCard';

/** What waits for my decision; the approvals API may be missing or failing, the home page still shows everything else. */
export function ApprovalInboxStat() {
  const { t } = useTranslation(['personal', 'common']);
  const navigate = useNavigate();
  const approvals = useQuery({ queryKey: ['approvals', 'counts'], queryFn: () => api.get<{ inbox: number }>('/api/approvals/counts'), retry: false });
  return (
    <StatCard
      testId="home-stat-approvals"
      icon={<AuditOutlined />}
      title={t('home.approvalInbox')}
      value={approvals.data?.inbox}
      loading={approvals.isLoading}
      failed={!!approvals.error}
      failedHint={approvals.error ? `${t('home.approvalsUnavailable')}: ${errorMessage(approvals.error, t)}` : undefined}
      onClick={() => void navigate('/approvals')}
    />
  );
}
