import i18next from 'i18next';
import { timelineText as str, type TimelineRenderers } from '../../app/types';
import { moneyText } from '../../components/format';

/**
 * How the events room reads on the account timeline (`t` is the timeline namespace's): a value-added service
 * given (what, with its kind, the contact and its cost below), and one of the account's people at an event.
 */
export const timelineRenderers: TimelineRenderers = {
  service_logged(t, p) {
    const cost = typeof p.cost === 'number' && p.cost > 0 ? t('events:timeline.cost', { cost: moneyText(p.cost, 'yuan', t, i18next.language) }) : '';
    const detail = [p.kind ? t(`events:serviceKinds.${str(p.kind)}`) : '', str(p.contact), cost].filter(Boolean).join(' · ');
    return { text: t('kinds.service_logged', { title: str(p.title) }), detail: detail || undefined };
  },
  event_attended(t, p) {
    return { text: t('kinds.event_attended', { contact: str(p.contact), title: str(p.title) }), detail: p.kind ? t(`events:kinds.${str(p.kind)}`) : undefined };
  },
};
