import { timelineText as str, type TimelineRenderers } from '../../app/types';

/** How the plans read on the account timeline: opened (by the churn warning or a person) with the reason, closed as won back or lost with the reason. */
export const timelineRenderers: TimelineRenderers = {
  recovery_opened(t, p) {
    return { text: t(`recovery:timeline.opened_${str(p.trigger) === 'health' ? 'health' : 'manual'}`), detail: p.reason ? str(p.reason) : undefined };
  },
  recovery_closed(t, p) {
    return { text: t(`recovery:timeline.closed_${str(p.state) === 'won_back' ? 'won_back' : 'lost'}`), detail: p.reason ? str(p.reason) : undefined };
  },
};
