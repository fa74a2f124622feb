import { timelineText as str, type TimelineRenderers } from '../../app/types';

/** How the trips room's events read on the account timeline (`t` is the timeline namespace's). */
export const timelineRenderers: TimelineRenderers = {
  trip(t, p) {
    return { text: t('kinds.trip', { destination: str(p.destination), startOn: str(p.startOn), endOn: str(p.endOn) }), detail: str(p.purpose) || undefined };
  },
};
