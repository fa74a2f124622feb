import { Tag } from 'antd';
import { useTranslation } from 'react-i18next';
import type { ReportStatus, VisitStatus } from '../../../../shared/contracts/visits';

const STATUS_COLORS: Record<VisitStatus, string> = {
  draft: 'default',
  pending: 'processing',
  approved: 'blue',
  rejected: 'error',
  withdrawn: 'default',
  checked_in: 'cyan',
  recorded: 'success',
  cancelled: 'default',
};
const REPORT_COLORS: Record<ReportStatus, string> = { none: 'default', submitted: 'processing', approved: 'success', returned: 'warning' };

export function VisitStatusTag({ value }: { value: VisitStatus }) {
  const { t } = useTranslation('visits');
  return (
    <Tag color={STATUS_COLORS[value]} style={{ marginInlineEnd: 0 }} data-testid="visit-status">
      {t(`statuses.${value}`)}
    </Tag>
  );
}

export function ReportTag({ value }: { value: ReportStatus }) {
  const { t } = useTranslation('visits');
  return (
    <Tag color={REPORT_COLORS[value]} style={{ marginInlineEnd: 0 }} data-testid="visit-report-status">
      {t(`reportStatuses.${value}`)}
    </Tag>
  );
}
