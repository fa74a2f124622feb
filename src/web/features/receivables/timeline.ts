import { timelineText as str, type TimelineRenderers } from '../../app/types';

/** How a confirmed receipt reads on the account timeline (`t` is the timeline namespace's; the words are the receipts namespace's). */
export const timelineRenderers: TimelineRenderers = {
  receipt(t, p) {
    return {
      text: t('receipts:timeline.confirmed', { yuan: str(p.yuan), number: str(p.number) }),
      detail: p.receivedOn ? t('receipts:timeline.receivedOn', { date: str(p.receivedOn) }) : undefined,
    };
  },
};
