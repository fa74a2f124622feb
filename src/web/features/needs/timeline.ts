import { timelineText as str, type TimelineRenderers } from '../../app/types';

/** How the needs room's events read on the account timeline (`t` is the timeline namespace's). */
export const timelineRenderers: TimelineRenderers = {
  need_closed(t, p) {
    return { text: t('kinds.need_closed', { productType: str(p.productType), status: t(`needs:needs.statuses.${str(p.status)}`) }) };
  },
  countermeasure_added(t, p) {
    return {
      text: t('kinds.countermeasure_added', { problem: str(p.problem) }),
      detail: [p.name ? t('person', { name: str(p.name) }) : '', p.direction ? t(`needs:directions.${str(p.direction)}`) : ''].filter(Boolean).join(' · ') || undefined,
    };
  },
  countermeasure_closed(t, p) {
    return { text: t('kinds.countermeasure_closed', { problem: str(p.problem), status: t(`needs:measures.statuses.${str(p.status)}`) }) };
  },
};
