import { timelineText as str, type TimelineRenderers, type TimelineParams } from '../../app/types';

/** How the opportunities room's events read on the account timeline (`t` is the timeline namespace's). */
export const timelineRenderers: TimelineRenderers = {
  opportunity(t, p) {
    const stage = (v: TimelineParams[string]) => t(`pipeline:stages.${str(v)}`, { defaultValue: str(v) });
    const what = t(`opportunityEvents.${str(p.event)}`, { from: stage(p.fromStage), to: stage(p.toStage) });
    return { text: t('kinds.opportunity', { name: str(p.name), what }), detail: str(p.reason) || undefined };
  },
};
