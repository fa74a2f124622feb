import { timelineText as str, type TimelineRenderers } from '../../app/types';

/** How the receptions room's events read on the account timeline (`t` is the timeline namespace's). */
export const timelineRenderers: TimelineRenderers = {
  reception(t, p) {
    return { text: t('kinds.reception', { kind: t(`receptions:kinds.${str(p.kind)}`), status: t(`receptions:statuses.${str(p.status)}`), place: p.place ? ` · ${str(p.place)}` : '' }) };
  },
};
