import { timelineText as str, type TimelineRenderers } from '../../app/types';

/**
 * How the tickets room's events read on the account timeline (`t` is the timeline namespace's): the ticket
 * (kind, number, title) and what happened to it — logged, assigned, moved, judged, escalated — with the note
 * (a reason, what is awaited) as the second line.
 */
export const timelineRenderers: TimelineRenderers = {
  ticket(t, p) {
    const event = str(p.event);
    const what = t(`tickets:timeline.${event}`, {
      kind: t(`tickets:kinds.${str(p.ticketKind)}`),
      severity: t(`tickets:severities.${str(p.severity)}`),
      owner: str(p.owner),
      validity: p.validity ? t(`tickets:validities.${str(p.validity)}`) : '',
      milestone: p.milestone ? t(`tickets:milestones.${str(p.milestone)}`) : '',
      level: p.level ? t(`tickets:levels.${str(p.level)}`) : '',
    });
    const text = t('kinds.ticket', { kind: t(`tickets:kinds.${str(p.ticketKind)}`), number: str(p.number), title: str(p.title), what });
    return { text, detail: p.note ? str(p.note) : undefined };
  },
};
