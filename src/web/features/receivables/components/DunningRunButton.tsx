import { useQueryClient } from '@tanstack/react-query';
import { useCallback, useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { RunNowButton } from '../../../components/RunNowButton';
import { receivableKeys } from '../api';

/**
 * 立即运行催收 (receivable:dunning; the page shows it only to holders): queues the daily dunning run now —
 * or joins the one queued or running — and watches it (every 1.5 s while queued or running; the polling
 * stops when the page goes). When the run it watches ends, it says so and reloads the dunning list; a
 * failed run shows its error. Beside the button: the latest run's state.
 */
export function DunningRunButton() {
  const { t } = useTranslation('receipts');
  const qc = useQueryClient();
  const onDone = useCallback(() => void qc.invalidateQueries({ queryKey: [...receivableKeys.all, 'dunning'] }), [qc]);
  const labels = useMemo(
    () => ({
      button: t('dunning.run.button'),
      queued: t('dunning.run.queued'),
      busy: (status: 'queued' | 'running') => t(`dunning.run.statuses.${status}`),
      done: t('dunning.run.done'),
      failed: (error: string) => t('dunning.run.failed', { error }),
      lastDone: t('dunning.run.lastDone'),
      lastFailed: (error: string) => t('dunning.run.lastFailed', { error }),
    }),
    [t],
  );
  return <RunNowButton url="/api/receivables/dunning/run" queryKey={receivableKeys.dunningRun} onDone={onDone} labels={labels} testId="dunning-run" />;
}
