import { Skeleton } from 'antd';
import { Navigate, useParams } from 'react-router';
import { ErrorAlert } from '../../../components/ErrorAlert';
import { useReopening } from '../api';

/** /scorecard-reopenings/:id — where a 考核表重新打开's approval links: its card's page, where the request shows. */
export function ReopeningPage() {
  const q = useReopening(Number(useParams().id));
  if (q.error) return <ErrorAlert error={q.error} onRetry={() => void q.refetch()} />;
  if (!q.data) return <Skeleton active />;
  return <Navigate to={`/scorecards/${q.data.cardId}`} replace />;
}
