import { timelineText as str, type TimelineRenderers } from '../../app/types';

/** How the plans room's events read on the account timeline (`t` is the timeline namespace's). */
export const timelineRenderers: TimelineRenderers = {
  plan_item_created(t, p) {
    return { text: t('kinds.plan_item_created', { level: t(`plans:levels.${str(p.level)}`), measures: str(p.measures) }), detail: p.owner ? t('owner', { name: str(p.owner) }) : undefined };
  },
  plan_item_closed(t, p) {
    return { text: t('kinds.plan_item_closed', { level: t(`plans:levels.${str(p.level)}`), measures: str(p.measures), status: t(`plans:statuses.${str(p.status)}`) }), detail: str(p.outcome) || undefined };
  },
};
