import { Space, Tag } from 'antd';
import { useTranslation } from 'react-i18next';
import type { ReceptionSummary } from '../../../../shared/contracts/receptions';

const STATUS_COLORS: Record<string, string> = { draft: 'default', pending: 'processing', approved: 'success', rejected: 'error', withdrawn: 'default', cancelled: 'default' };
const REPORT_COLORS: Record<string, string> = { none: 'default', submitted: 'warning', approved: 'success' };

/** The application's approval state and, once approved, the report's. */
export function ReceptionStatus({ reception }: { reception: Pick<ReceptionSummary, 'status' | 'reportStatus'> }) {
  const { t } = useTranslation('receptions');
  return (
    <Space size={4} wrap>
      <Tag color={STATUS_COLORS[reception.status]} data-testid="reception-status">
        {t(`statuses.${reception.status}`)}
      </Tag>
      {reception.status === 'approved' && (
        <Tag color={REPORT_COLORS[reception.reportStatus]} data-testid="reception-report-status">
          {t(`reportStatuses.${reception.reportStatus}`)}
        </Tag>
      )}
    </Space>
  );
}
