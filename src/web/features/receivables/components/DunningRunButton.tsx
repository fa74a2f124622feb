import { PlayCircleOutlined } from '@ant-design/icons';
import { useQueryClient } from '@tanstack/react-query';
import { Button, Flex, Tooltip, Typography } from 'antd';
import { useEffect, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import { DateTime } from '../../../components/DateTime';
import { useApiError, useFeedback } from '../../../components/feedback';
import { dunningRunBusy, receivableKeys, useDunningRun, useRunDunning } from '../api';

/**
 * 立即运行催收 (receivable:dunning; the page shows it only to holders): queues the daily dunning run now —
 * or joins the one queued or running — and watches it (every 1.5 s while queued or running; the polling
 * stops when the page goes). When the run it watches ends, it says so and reloads the dunning list; a
 * failed run shows its error. Beside the button: the latest run's state. A run found busy on opening the
 * page is watched the same way.
 */
export function DunningRunButton() {
  const { t } = useTranslation('receipts');
  const qc = useQueryClient();
  const { message } = useFeedback();
  const showError = useApiError();
  const run = useDunningRun(true);
  const start = useRunDunning();
  /** the run whose end this page reports */
  const watched = useRef<number | null>(null);
  const latest = run.data;
  const busy = dunningRunBusy(latest);

  useEffect(() => {
    if (!latest) return;
    if (busy) {
      watched.current ??= latest.id;
      return;
    }
    if (watched.current !== latest.id) return;
    watched.current = null;
    if (latest.status === 'done') {
      void message.success(t('dunning.run.done'));
      void qc.invalidateQueries({ queryKey: [...receivableKeys.all, 'dunning'] });
    } else {
      void message.error(t('dunning.run.failed', { error: latest.lastError ?? '' }));
    }
  }, [latest, busy, message, qc, t]);

  const click = () =>
    start.mutate(undefined, {
      onSuccess: (queued) => {
        watched.current = queued.id;
        void message.info(t('dunning.run.queued'));
      },
      onError: (err) => showError(err),
    });

  return (
    <Flex gap={8} align="center" wrap>
      {latest && (
        <Typography.Text type="secondary" style={{ fontSize: 12 }} data-testid="dunning-run-status" data-status={latest.status} data-run-id={latest.id}>
          {busy ? (
            t(`dunning.run.statuses.${latest.status}`)
          ) : latest.status === 'failed' ? (
            <Tooltip title={latest.lastError}>
              <Typography.Text type="danger" style={{ fontSize: 12, maxWidth: 260 }} ellipsis>
                {t('dunning.run.lastFailed', { error: latest.lastError ?? '' })}
              </Typography.Text>
            </Tooltip>
          ) : (
            <>
              {t('dunning.run.lastDone')} <DateTime value={latest.finishedAt} type="secondary" />
            </>
          )}
        </Typography.Text>
      )}
      <Button type="primary" icon={<PlayCircleOutlined />} loading={start.isPending || busy} onClick={click} data-testid="dunning-run">
        {t('dunning.run.button')}
      </Button>
    </Flex>
  );
}
