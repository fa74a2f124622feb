import { ThunderboltOutlined } from '@ant-design/icons';
import { useQueryClient } from '@tanstack/react-query';
import { useCallback, useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { RunNowButton } from '../../../components/RunNowButton';
import { ticketKeys } from '../api';

/**
 * 立即检查超时 (ticket:manage): queues the SLA escalation now — or joins the run queued or running — and
 * watches it while the page shows it; when it ends it says so and reloads the tickets. Beside the button:
 * the latest run.
 */
export function EscalationRunButton() {
  const { t } = useTranslation('tickets');
  const qc = useQueryClient();
  const onDone = useCallback(() => void qc.invalidateQueries({ queryKey: ticketKeys.all }), [qc]);
  const labels = useMemo(
    () => ({
      button: t('settings.runNow'),
      busy: () => t('settings.running'),
      done: t('settings.runDone'),
      failed: (error: string) => t('settings.runFailed', { error }),
      lastDone: t('settings.lastRun'),
      lastFailed: (error: string) => t('settings.runFailed', { error }),
    }),
    [t],
  );
  return <RunNowButton url="/api/tickets/escalation/run" queryKey={ticketKeys.run} onDone={onDone} labels={labels} testId="escalation-run" icon={<ThunderboltOutlined />} primary={false} />;
}
