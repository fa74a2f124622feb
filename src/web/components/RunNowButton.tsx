import { PlayCircleOutlined } from '@ant-design/icons';
import { useMutation, useQuery, useQueryClient, type QueryKey } from '@tanstack/react-query';
import { Button, Flex, Tooltip, Typography } from 'antd';
import { useEffect, useRef, type ReactNode } from 'react';
import { api } from '../api/client';
import { DateTime } from './DateTime';
import { useApiError, useFeedback } from './feedback';

/** A run of a scheduled job as the server reports it (GET …/run). */
export interface JobRunLike {
  id: number;
  status: 'queued' | 'running' | 'done' | 'failed';
  finishedAt: string | null;
  lastError: string | null;
}

export const jobRunBusy = (run: JobRunLike | null | undefined) => run?.status === 'queued' || run?.status === 'running';

/** How often a queued or running run is asked about. */
export const JOB_RUN_POLL_MS = 1500;

interface Props {
  /** the run endpoint: GET the latest run, POST queues one (or joins the one queued or running) */
  url: string;
  /** the latest run's cache key */
  queryKey: QueryKey;
  /** when the run this page started (or found busy) ends well: reload what it changed */
  onDone: () => void;
  labels: { button: string; queued?: string; busy: (status: 'queued' | 'running') => string; done: string; failed: (error: string) => string; lastDone: string; lastFailed: (error: string) => string };
  /** the button's test id; the status beside it is `<testId>-status` with data-status and data-run-id */
  testId: string;
  icon?: ReactNode;
  primary?: boolean;
}

/**
 * 立即运行 a scheduled job (the dunning, the SLA escalation): queues it now — or joins the run queued or
 * running — and watches it while the page shows it; when the run it watches ends it says so and calls
 * onDone, a failed run shows its error. Beside the button: the latest run's state. A run found busy on
 * opening the page is watched the same way.
 */
export function RunNowButton({ url, queryKey, onDone, labels, testId, icon = <PlayCircleOutlined />, primary = true }: Props) {
  const { message } = useFeedback();
  const showError = useApiError();
  const qc = useQueryClient();
  // the latest run, polled while it is queued or running — and only while the page shows the button
  const { data: latest } = useQuery({ queryKey, queryFn: () => api.get<JobRunLike | null>(url), refetchInterval: (q) => (jobRunBusy(q.state.data) ? JOB_RUN_POLL_MS : false) });
  // queues the run and puts it in the cache, which starts the polling
  const start = useMutation({ mutationFn: () => api.post<JobRunLike>(url), onSuccess: (run) => qc.setQueryData(queryKey, run) });
  /** the run whose end this page reports */
  const watched = useRef<number | null>(null);
  const busy = jobRunBusy(latest);

  useEffect(() => {
    if (!latest) return;
    if (busy) {
      watched.current ??= latest.id;
      return;
    }
    if (watched.current !== latest.id) return;
    watched.current = null;
    if (latest.status === 'done') {
      void message.success(labels.done);
      onDone();
    } else void message.error(labels.failed(latest.lastError ?? ''));
  }, [latest, busy, message, labels, onDone]);

  const click = () =>
    start.mutate(undefined, {
      onSuccess: (queued) => {
        watched.current = queued.id;
        if (labels.queued) void message.info(labels.queued);
      },
      onError: (err) => showError(err),
    });

  return (
    <Flex gap={8} align="center" wrap>
      {latest && (
        <Typography.Text type="secondary" style={{ fontSize: 12 }} data-testid={`${testId}-status`} data-status={latest.status} data-run-id={latest.id}>
          {busy ? (
            labels.busy(latest.status as 'queued' | 'running')
          ) : latest.status === 'failed' ? (
            <Tooltip title={latest.lastError}>
              <Typography.Text type="danger" style={{ fontSize: 12, maxWidth: 260 }} ellipsis>
                {labels.lastFailed(latest.lastError ?? '')}
              </Typography.Text>
            </Tooltip>
          ) : (
            <>
              {labels.lastDone} <DateTime value={latest.finishedAt} type="secondary" />
            </>
          )}
        </Typography.Text>
      )}
      <Button type={primary ? 'primary' : 'default'} icon={icon} loading={start.isPending || busy} onClick={click} data-testid={testId}>
        {labels.button}
      </Button>
    </Flex>
  );
}
