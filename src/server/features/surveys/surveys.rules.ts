import { meetsTarget, responseRate, scoresOf, type ScoreCounts } from '../../../shared/domain/surveys';

/** Sum and count of one 1–5 item's answers, by item key. */
export type ItemSums = Map<string, { sum: number; n: number }>;

/** The counts of several groups together (a report's totals). */
export function sumCounts(all: readonly ScoreCounts[]): ScoreCounts {
  return all.reduce<ScoreCounts>(
    (t, c) => ({ answers: t.answers + c.answers, csatSum: t.csatSum + c.csatSum, satisfied: t.satisfied + c.satisfied, promoters: t.promoters + c.promoters, detractors: t.detractors + c.detractors }),
    { answers: 0, csatSum: 0, satisfied: 0, promoters: 0, detractors: 0 },
  );
}

/** An item's mean, two decimals; null when nobody answered it. */
export function itemMean(s: { sum: number; n: number } | undefined): number | null {
  return s && s.n > 0 ? Math.round((100 * s.sum) / s.n) / 100 : null;
}

/**
 * The figures of one row of a scores report (or its totals): CSAT, 满意率 and NPS from the answers'
 * counts, the response rate of the invitations sent in the period, whether 满意率 meets the target, and
 * each item's mean (every key of `keys`, null for those nobody answered).
 */
export function scoreFigures(c: ScoreCounts, sent: { sent: number; answered: number }, items: ItemSums, last: Date | null, target: number, keys: readonly { key: string }[]) {
  const s = scoresOf(c);
  return {
    ...s,
    sent: sent.sent,
    answeredOfSent: sent.answered,
    responseRate: responseRate(sent.answered, sent.sent),
    meetsTarget: meetsTarget(s.satisfiedRate, target),
    items: Object.fromEntries(keys.map((k) => [k.key, itemMean(items.get(k.key))])),
    lastAnsweredAt: last ? last.toISOString() : null,
  };
}
