import { StatusTag } from '../../../components/StatusTag';

const REPORT_COLORS = { none: 'default', submitted: 'processing', approved: 'success' };

/** The application's status and the report's, in the trips namespace's words. */
export function TripStatusTag({ status }: { status: string }) {
  return <StatusTag value={status} labelPrefix="trips:statuses" />;
}

export function ReportStatusTag({ status }: { status: string }) {
  return <StatusTag value={status} labelPrefix="trips:reportStatuses" colors={REPORT_COLORS} />;
}
