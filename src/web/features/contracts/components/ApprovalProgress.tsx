import { useQuery } from '@tanstack/react-query';
import { Steps, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { ApprovalDetail } from '../../../../shared/contracts/approvals';
import { api } from '../../../api/client';
import { useAuth } from '../../../app/auth';
import { DateTime } from '../../../components/DateTime';

const STEP_STATUS: Record<string, 'wait' | 'process' | 'finish' | 'error'> = { waiting: 'wait', pending: 'process', approved: 'finish', rejected: 'error', returned: 'error', skipped: 'finish', cancelled: 'wait' };

/**
 * The contract's approval: a link to it and, for those the engine lets see it (the submitter, the approvers),
 * its steps — who decides, who decided and when. Anyone else sees the link only.
 */
export function ApprovalProgress({ approvalId }: { approvalId: number }) {
  const { t } = useTranslation('deals');
  const { can } = useAuth();
  const approval = useQuery({
    queryKey: ['approvals', 'detail', approvalId],
    queryFn: () => api.get<ApprovalDetail>(`/api/approvals/${approvalId}`),
    enabled: can('approval:act'),
    retry: false,
  });
  const steps = approval.data?.steps ?? [];
  return (
    <div data-testid="contract-approval">
      <Link to={`/approvals/${approvalId}`} data-testid="contract-open-approval">
        {t('detail.openApproval')}
      </Link>
      {steps.length > 0 && (
        <Steps
          size="small"
          style={{ marginTop: 12 }}
          responsive
          items={steps.map((s) => ({
            title: s.name,
            status: STEP_STATUS[s.status] ?? 'wait',
            description: (
              <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                {s.actedByName ?? s.approverName}
                {s.actedAt && (
                  <>
                    {' · '}
                    <DateTime value={s.actedAt} type="secondary" />
                  </>
                )}
                {s.comment ? ` · ${s.comment}` : ''}
              </Typography.Text>
            ),
          }))}
        />
      )}
    </div>
  );
}
