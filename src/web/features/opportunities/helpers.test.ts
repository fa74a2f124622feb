import { describe, expect, it } from 'vitest';
import type { ChecklistEntry } from '../../../shared/contracts/opportunities';
import { readList, writeList } from '../../components/useListState';
import { checklistByStage, expectedReturn, missingFromError, nextStage, OPPORTUNITY_LIST, OPPORTUNITY_LIST_OPTIONS } from './helpers';

const entry = (item: string, stage: 1 | 2 | 3 | 4 | 5): ChecklistEntry =>
  ({ item, stage, auto: false, met: false, required: true, note: null, doneBy: null, doneAt: null }) as ChecklistEntry;

describe('opportunity list filters in the address bar', () => {
  const read = (search: string) => readList(OPPORTUNITY_LIST, OPPORTUNITY_LIST_OPTIONS, new URLSearchParams(search));
  const none = { q: undefined, stage: undefined, status: undefined, ownerId: undefined, accountId: undefined, stalled: undefined };

  it('reads known filters, numbers as numbers, and drops malformed ones', () => {
    const f = read('q=龙跃&stage=3&status=open&ownerId=7&accountId=x&stalled=true&page=2&foo=1&sort=-expectedValue');
    expect(f).toEqual({ filters: { ...none, q: '龙跃', stage: 3, status: 'open', ownerId: 7, stalled: 'true' }, page: 2, pageSize: 20, sort: '-expectedValue' });
    expect(read('stage=9&status=gone&stalled=false&sort=-secret')).toEqual({ filters: none, page: 1, pageSize: 20, sort: undefined });
  });

  it('writes them back without the defaults, so a round trip is stable', () => {
    const f = read('stage=2&page=1&pageSize=50');
    const written = writeList(OPPORTUNITY_LIST, OPPORTUNITY_LIST_OPTIONS, f);
    expect(Object.fromEntries(written)).toEqual({ stage: '2', pageSize: '50' });
    expect(readList(OPPORTUNITY_LIST, OPPORTUNITY_LIST_OPTIONS, written)).toEqual(f);
  });
});

describe('checklist and stages', () => {
  it('groups the checklist by stage keeping the order', () => {
    const g = checklistByStage([entry('potential_need', 1), entry('insider_found', 2), entry('initial_contact', 1)]);
    expect(g[1].map((e) => e.item)).toEqual(['potential_need', 'initial_contact']);
    expect(g[2].map((e) => e.item)).toEqual(['insider_found']);
    expect(g[5]).toEqual([]);
  });

  it('knows the next stage, none after the fifth', () => {
    expect(nextStage(1)).toBe(2);
    expect(nextStage(4)).toBe(5);
    expect(nextStage(5)).toBeNull();
  });

  it('takes the missing gate items from a refused move, known items only', () => {
    expect(missingFromError({ missing: ['insider_found', 'nonsense', 3, 'demo_given'] })).toEqual(['insider_found', 'demo_given']);
    expect(missingFromError({ issues: [] })).toBeNull();
    expect(missingFromError(undefined)).toBeNull();
  });
});

describe('expected return of a development plan', () => {
  it('is sales less risk less costs, in fen', () => {
    expect(expectedReturn({ sales: 1_000_000, riskCoefficient: 0.2, staffCost: 50_000, travelCost: 20_000, operatingCost: 30_000 })).toBe(700_000);
    expect(expectedReturn({ sales: 100, riskCoefficient: null })).toBe(100);
  });

  it('is unknown without sales and clamps the risk coefficient', () => {
    expect(expectedReturn({ sales: null, staffCost: 1 })).toBeNull();
    expect(expectedReturn({ sales: 100, riskCoefficient: 2 })).toBe(0);
  });
});
