import { ThunderboltOutlined } from '@ant-design/icons';
import { useQueryClient } from '@tanstack/react-query';
import { Button, Flex, Typography } from 'antd';
import { useEffect, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import { DateTime } from '../../../components/DateTime';
import { useApiError, useFeedback } from '../../../components/feedback';
import { runBusy, ticketKeys, useEscalationRun, useRunEscalation } from '../api';

/**
 * 立即检查超时 (ticket:manage): queues the SLA escalation now — or joins the run queued or running — and
 * watches it (every 1.5 s while busy, only while the page shows it); when it ends it says so and reloads the
 * tickets. Beside the button: the latest run.
 */
export function EscalationRunButton() {
  const { t } = useTranslation('tickets');
  const qc = useQueryClient();
  const { message } = useFeedback();
  const showError = useApiError();
  const run = useEscalationRun(true);
  const start = useRunEscalation();
  const watched = useRef<number | null>(null);
  const latest = run.data;
  const busy = runBusy(latest);

  useEffect(() => {
    if (!latest) return;
    if (busy) {
      watched.current ??= latest.id;
      return;
    }
    if (watched.current !== latest.id) return;
    watched.current = null;
    if (latest.status === 'done') {
      void message.success(t('settings.runDone'));
      void qc.invalidateQueries({ queryKey: ticketKeys.all });
    } else void message.error(t('settings.runFailed', { error: latest.lastError ?? '' }));
  }, [latest, busy, message, qc, t]);

  const click = () =>
    start.mutate(undefined, {
      onSuccess: (queued) => {
        watched.current = queued.id;
      },
      onError: (err) => showError(err),
    });

  return (
    <Flex gap={8} align="center" wrap>
      {latest && (
        <Typography.Text type="secondary" style={{ fontSize: 12 }} data-testid="escalation-run-status" data-status={latest.status} data-run-id={latest.id}>
          {busy ? t('settings.running') : <>{t('settings.lastRun', { at: '' })}<DateTime value={latest.finishedAt ?? latest.runAt} type="secondary" /></>}
        </Typography.Text>
      )}
      <Button icon={<ThunderboltOutlined />} loading={start.isPending || busy} onClick={click} data-testid="escalation-run">
        {t('settings.runNow')}
      </Button>
    </Flex>
  );
}
