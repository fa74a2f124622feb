import { Card, Descriptions, Flex, Progress, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import type { Ticket, TicketMilestone } from '../../../../shared/contracts/tickets';
import { DateTime } from '../../../components/DateTime';
import { SLA_COLORS, workSpan } from '../helpers';
import { SlaSummary, SlaTag } from './tags';

const STROKE: Record<string, string> = { error: '#ff4d4f', warning: '#faad14', success: '#52c41a', processing: '#1677ff', default: '#bfbfbf' };

/**
 * 服务时限: each milestone with its state, due time, the working minutes used of its budget (a bar), the
 * minutes paused, when it was met, a breach on record, and the escalations it reached with whom they told.
 */
export function Milestones({ ticket }: { ticket: Ticket }) {
  const { t } = useTranslation('tickets');
  return (
    <Card size="small" title={t('detail.milestones')} extra={<SlaSummary sla={{ ...ticket.sla, dueAt: null }} testId="ticket-sla" />} data-testid="ticket-milestones">
      <Flex vertical gap={16}>
        {ticket.milestones.map((m) => (
          <MilestoneRow key={m.milestone} m={m} escalations={ticket.escalations.filter((e) => e.milestone === m.milestone)} waiting={ticket.status === 'waiting'} />
        ))}
      </Flex>
    </Card>
  );
}

function MilestoneRow({ m, escalations, waiting }: { m: TicketMilestone; escalations: Ticket['escalations']; waiting: boolean }) {
  const { t } = useTranslation('tickets');
  const percent = Math.min(100, Math.round((m.usedMinutes / m.budgetMinutes) * 100));
  return (
    <div data-testid={`ticket-milestone-${m.milestone}`}>
      <Flex justify="space-between" align="center" gap={8} wrap>
        <Typography.Text strong>{t(`milestones.${m.milestone}`)}</Typography.Text>
        <SlaTag state={m.state} testId={`ticket-milestone-${m.milestone}-state`} />
      </Flex>
      <Progress percent={percent} size="small" strokeColor={STROKE[SLA_COLORS[m.state]]} showInfo={false} style={{ margin: '4px 0' }} />
      <Typography.Text type="secondary" style={{ fontSize: 12 }}>
        {t('sla.used', { used: workSpan(m.usedMinutes, t), budget: workSpan(m.budgetMinutes, t) })}
        {m.pausedMinutes > 0 && ` · ${t('sla.paused', { time: workSpan(m.pausedMinutes, t) })}`}
        {waiting && !m.metAt && ` · ${t('sla.pausedNote')}`}
      </Typography.Text>
      <Descriptions size="small" column={1} style={{ marginTop: 4 }}>
        <Descriptions.Item label={t('fields.due')}>
          <span data-testid={`ticket-milestone-${m.milestone}-due`}>
            <DateTime value={m.dueAt} type={m.state === 'breached' ? 'danger' : undefined} />
          </span>
        </Descriptions.Item>
        {m.metAt && (
          <Descriptions.Item label={t('slaStates.met')}>
            <DateTime value={m.metAt} />
          </Descriptions.Item>
        )}
        {m.breachedAt && (
          <Descriptions.Item label={t('slaStates.breached')}>
            <DateTime value={m.breachedAt} type="danger" />
          </Descriptions.Item>
        )}
        {escalations.length > 0 && (
          <Descriptions.Item label={t('detail.escalations')}>
            <Flex vertical gap={2} data-testid={`ticket-milestone-${m.milestone}-escalations`}>
              {escalations.map((e) => (
                <Typography.Text key={e.level} style={{ fontSize: 13 }}>
                  {t(`levels.${e.level}`).trim()} · <DateTime value={e.at} type="secondary" />
                  {e.notified ? ` · ${t('detail.notified', { name: e.notified.name })}` : ''}
                </Typography.Text>
              ))}
            </Flex>
          </Descriptions.Item>
        )}
      </Descriptions>
    </div>
  );
}
