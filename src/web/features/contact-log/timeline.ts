import { timelineText as str, type TimelineRenderers } from '../../app/types';

/** How the contact-log room's events read on the account timeline (`t` is the timeline namespace's). */
export const timelineRenderers: TimelineRenderers = {
  contact_log(t, p) {
    return {
      text: t('kinds.contact_log', { logKind: t(`contactLog:kinds.${str(p.logKind)}`), summary: str(p.summary) }),
      detail: [p.contact ? t('person', { name: str(p.contact) }) : '', str(p.place)].filter(Boolean).join(' · ') || undefined,
    };
  },
};
