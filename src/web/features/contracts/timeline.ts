import i18next from 'i18next';
import { timelineText as str, type TimelineRenderers } from '../../app/types';
import { moneyText } from '../../components/format';

/**
 * How the contracts room's events read on the account timeline (`t` is the timeline namespace's): a contract
 * signed, or closed (completed, terminated, void), with its amount in 元 as the second line (a renderer is
 * no component, so the reader's 万元 preference is not at hand).
 */
export const timelineRenderers: TimelineRenderers = {
  contract(t, p) {
    const args = { kind: t(`contracts:kinds.${str(p.contractKind)}`), number: str(p.number), title: str(p.title), status: t(`contracts:statuses.${str(p.status)}`) };
    const text = t(p.event === 'closed' ? 'contracts:timeline.closed' : 'contracts:timeline.signed', args);
    return { text, detail: typeof p.amount === 'number' ? moneyText(p.amount, 'yuan', t, i18next.language) : undefined };
  },
};
