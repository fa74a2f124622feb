import { useQuery } from '@tanstack/react-query';
import { Skeleton } from 'antd';
import { Navigate, useParams } from 'react-router';
import type { WriteOff } from '../../../../shared/contracts/collections';
import { api, isId } from '../../../api/client';
import { ErrorAlert } from '../../../components/ErrorAlert';

/**
 * Where an approval of a write-off (坏账核销) links to: the write-off is part of its contract's payment
 * plan, so the page opens the contract, whose plan shows the instalment and its write-offs.
 */
export function WriteOffPage() {
  const { id } = useParams();
  const valid = isId(id);
  const q = useQuery({ queryKey: ['instalment-write-offs', id], queryFn: () => api.get<WriteOff>(`/api/instalment-write-offs/${id}`), enabled: valid });
  if (!valid) return <Navigate to="/contracts" replace />;
  if (q.isError) return <ErrorAlert error={q.error} onRetry={() => void q.refetch()} />;
  if (!q.data) return <Skeleton active />;
  return <Navigate to={`/contracts/${q.data.contractId}`} replace />;
}
