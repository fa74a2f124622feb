import { AuditOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import { errorMessage } from '../../../components/errors';
import { StatCard } from '../../../components/StatCard';
import { useApprovalCounts } from './approvalCounts';

/** What waits for my decision; the approvals API may be missing or failing, the home page still shows everything else. */
export function ApprovalInboxStat() {
  const { t } = useTranslation(['personal', 'common']);
  const approvals = useApprovalCounts();
  return (
    <StatCard
      testId="home-stat-approvals"
      icon={<AuditOutlined />}
      title={t('home.approvalInbox')}
      value={approvals.data?.inbox}
      query={approvals}
      failedHint={approvals.error ? `${t('home.approvalsUnavailable')}: ${errorMessage(approvals.error, t)}` : undefined}
      to="/approvals"
    />
  );
}
