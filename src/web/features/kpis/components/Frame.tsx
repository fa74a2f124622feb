import type { UseQueryResult } from '@tanstack/react-query';
import { Card, Flex, Skeleton } from 'antd';
import type { ReactNode } from 'react';
import { ErrorAlert } from '../../../components/ErrorAlert';

/** The pickers of a KPI page (unit, metric, period) in one bar above its figures. */
export function Pickers({ children }: { children: ReactNode }) {
  return (
    <Card size="small" style={{ marginBottom: 12 }}>
      <Flex gap={8} wrap align="center">
        {children}
      </Flex>
    </Card>
  );
}

/** A KPI page's figures once loaded, one card under the other: the error with a retry, a skeleton until then. */
export function Loaded<T>({ query, children }: { query: UseQueryResult<T>; children: (data: T) => ReactNode }) {
  return (
    <>
      {query.isError && <ErrorAlert error={query.error} onRetry={() => void query.refetch()} />}
      {query.data === undefined ? (
        !query.isError && <Skeleton active />
      ) : (
        <Flex vertical gap={12}>
          {children(query.data)}
        </Flex>
      )}
    </>
  );
}
