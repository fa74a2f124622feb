import { timelineText as str, type TimelineRenderers } from '../../app/types';

/** How the visits room's events read on the account timeline (`t` is the timeline namespace's). */
export const timelineRenderers: TimelineRenderers = {
  visit(t, p) {
    return {
      text: t('kinds.visit', { n: p.n ?? '', purpose: t(`visits:purposes.${str(p.purpose)}`), result: t(`visits:results.${str(p.result)}`) }),
      detail: p.met ? t('person', { name: str(p.met) }) : undefined,
    };
  },
};
