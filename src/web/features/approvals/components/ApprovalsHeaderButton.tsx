import { AuditOutlined } from '@ant-design/icons';
import { Badge, Button, Grid, Tooltip } from 'antd';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { useApprovalCounts } from './approvalCounts';

/** The header's way to the approval inbox from every page, with the number of steps waiting for me. */
export function ApprovalsHeaderButton() {
  const { t } = useTranslation('common');
  const navigate = useNavigate();
  const phone = Grid.useBreakpoint().md === false;
  const count = useApprovalCounts().data?.inbox ?? 0;
  const label = t('header.approvals');
  return (
    <Tooltip title={t('header.approvalsWaiting', { count })}>
      <Button type="text" onClick={() => void navigate('/approvals')} aria-label={t('header.approvalsWaiting', { count })} data-testid="header-approvals">
        <Badge count={count} size="small" overflowCount={99} offset={phone ? [0, 0] : [4, -2]} data-testid="header-approvals-count">
          <AuditOutlined style={{ fontSize: 17 }} />
        </Badge>
        {!phone && label}
      </Button>
    </Tooltip>
  );
}
