import { describe, expect, it } from 'vitest';
import { countsOf } from '../../../shared/domain/surveys';
import { itemMean, scoreFigures, sumCounts } from './surveys.rules';

describe('scores report figures', () => {
  const keys = [{ key: 'service' }, { key: 'care' }];

  it('a group’s counts add up to the totals the same as scoring all its answers at once', () => {
    const a = [{ csat: 5, nps: 10 }, { csat: 2, nps: 3 }];
    const b = [{ csat: 4, nps: 8 }, { csat: 4, nps: 9 }, { csat: 3, nps: 6 }];
    expect(sumCounts([countsOf(a), countsOf(b)])).toEqual(countsOf([...a, ...b]));
    expect(sumCounts([])).toEqual(countsOf([]));
  });

  it('carry the response rate, the target, every item (null when unanswered) and the last answer', () => {
    const last = new Date('2026-11-20T02:00:00Z');
    const f = scoreFigures(countsOf([{ csat: 5, nps: 10 }, { csat: 4, nps: 7 }, { csat: 3, nps: 2 }]), { sent: 4, answered: 3 }, new Map([['service', { sum: 13, n: 3 }]]), last, 90, keys);
    expect(f).toEqual({
      answers: 3,
      csat: 4,
      satisfiedRate: 66.7,
      nps: 0,
      sent: 4,
      answeredOfSent: 3,
      responseRate: 75,
      meetsTarget: false,
      items: { service: 4.33, care: null },
      lastAnsweredAt: '2026-11-20T02:00:00.000Z',
    });
    expect(scoreFigures(countsOf([{ csat: 5, nps: 9 }]), { sent: 0, answered: 0 }, new Map(), null, 90, []).meetsTarget).toBe(true);
    expect(scoreFigures(countsOf([]), { sent: 2, answered: 0 }, new Map(), null, 90, keys)).toMatchObject({ answers: 0, csat: null, responseRate: 0, meetsTarget: null, items: { service: null, care: null } });
  });

  it('an item’s mean has two decimals', () => {
    expect(itemMean({ sum: 9, n: 2 })).toBe(4.5);
    expect(itemMean({ sum: 10, n: 3 })).toBe(3.33);
    expect(itemMean({ sum: 0, n: 0 })).toBeNull();
    expect(itemMean(undefined)).toBeNull();
  });
});
