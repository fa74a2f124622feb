import { timelineText as str, type TimelineRenderers } from '../../app/types';

/** How the gifts room's events read on the account timeline (`t` is the timeline namespace's). */
export const timelineRenderers: TimelineRenderers = {
  gift(t, p) {
    return { text: t('kinds.gift', { item: str(p.item), quantity: str(p.quantity), contact: str(p.contact), status: t(`gifts:statuses.${str(p.status)}`) }), detail: p.overCap ? t('gifts:overCap') : undefined };
  },
};
