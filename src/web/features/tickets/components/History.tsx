import { Timeline, Typography } from 'antd';
import type { TFunction } from 'i18next';
import { useTranslation } from 'react-i18next';
import type { Ticket, TicketHistoryEntry } from '../../../../shared/contracts/tickets';
import { DateTime } from '../../../components/DateTime';

/** Fields whose values are codes the history shows in words. */
const WORDED: Record<string, string> = { kind: 'kinds', severity: 'severities', channel: 'channels', validity: 'validities', milestone: 'milestones', level: 'levels' };

const valueText = (t: TFunction, field: string, v: unknown) => {
  if (v === null || v === undefined || v === '') return '—';
  return WORDED[field] ? t(`${WORDED[field]}.${String(v)}`).trim() : String(v);
};
const pair = (c: Record<string, unknown>, k: string) => (Array.isArray(c[k]) ? (c[k] as unknown[]) : null);

/** One entry's sentence: the event in words with what it names (the new owner, the judgement, the milestone escalated). */
export function eventText(t: TFunction, h: Pick<TicketHistoryEntry, 'event' | 'changes'>): string {
  const c = h.changes;
  return t(`events.${h.event}`, {
    owner: valueText(t, 'owner', pair(c, 'owner')?.[1]),
    validity: valueText(t, 'validity', pair(c, 'validity')?.[1]),
    file: valueText(t, 'file', pair(c, 'file')?.[1] ?? pair(c, 'file')?.[0]),
    milestone: valueText(t, 'milestone', c.milestone),
    level: c.level ? t(`levels.${String(c.level)}`) : '',
  });
}

/** The field changes of an edit: 紧急程度：低 → 紧急. */
function changeLines(t: TFunction, h: TicketHistoryEntry): string[] {
  if (h.event !== 'updated') return [];
  return Object.entries(h.changes).map(([k, v]) => {
    const [from, to] = Array.isArray(v) ? v : [null, v];
    return `${t(`changeFields.${k}`, { defaultValue: k })}：${valueText(t, k, from)} → ${valueText(t, k, to)}`;
  });
}

/** 处理记录: every change of the ticket, oldest first, with who made it (系统 for an escalation), when, and the note. */
export function History({ ticket }: { ticket: Ticket }) {
  const { t } = useTranslation('tickets');
  return (
    <Timeline
      data-testid="ticket-history"
      items={ticket.history.map((h) => ({
        color: h.event === 'escalated' ? 'red' : h.event === 'resolved' || h.event === 'closed' ? 'green' : 'blue',
        content: (
          <div data-testid={`ticket-history-${h.event}`}>
            <Typography.Text strong>{h.actor?.name ?? t('detail.system')}</Typography.Text> <Typography.Text>{eventText(t, h)}</Typography.Text>
            <div>
              <DateTime value={h.at} type="secondary" />
            </div>
            {changeLines(t, h).map((line) => (
              <Typography.Text key={line} type="secondary" style={{ display: 'block', fontSize: 13 }}>
                {line}
              </Typography.Text>
            ))}
            {h.event === 'resolved' && typeof pair(h.changes, 'resolution')?.[1] === 'string' && (
              <Typography.Paragraph style={{ margin: 0, whiteSpace: 'pre-wrap' }}>{String(pair(h.changes, 'resolution')![1])}</Typography.Paragraph>
            )}
            {h.note && (
              <Typography.Paragraph type="secondary" style={{ margin: 0, whiteSpace: 'pre-wrap' }}>
                {h.note}
              </Typography.Paragraph>
            )}
          </div>
        ),
      }))}
    />
  );
}
