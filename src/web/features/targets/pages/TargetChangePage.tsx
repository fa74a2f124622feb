import { useQuery } from '@tanstack/react-query';
import { Skeleton } from 'antd';
import { Navigate, useParams } from 'react-router';
import { api, isId } from '../../../api/client';
import { ErrorAlert } from '../../../components/ErrorAlert';

/** /target-changes/:id — where a 目标调整's approval links: its plan's page, where the change is listed. */
export function TargetChangePage() {
  const id = Number(useParams().id);
  const q = useQuery({ queryKey: ['targets', 'change', id], queryFn: () => api.get<{ planId: number }>(`/api/target-changes/${id}`), enabled: isId(id) });
  if (q.error) return <ErrorAlert error={q.error} onRetry={() => void q.refetch()} />;
  if (!q.data) return <Skeleton active />;
  return <Navigate to={`/targets/${q.data.planId}`} replace />;
}
