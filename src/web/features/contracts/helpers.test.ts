import { describe, expect, it } from 'vitest';
import type { ContractListItem } from '../../../shared/contracts/contracts';
import { generatePlan } from '../../../shared/domain/payment-plan';
import { readList, writeList } from '../../components/useListState';
import { accountTotals, CONTRACT_LIST, CONTRACT_LIST_OPTIONS, contractQuery, linePreview, parsePercents, termsFor } from './helpers';

describe('contract list filters in the address bar', () => {
  const read = (search: string) => readList(CONTRACT_LIST, CONTRACT_LIST_OPTIONS, new URLSearchParams(search));

  it('reads known filters, several statuses, numbers as numbers, and drops malformed ones', () => {
    const f = read('q=HT-2026&kind=sales&status=signed&status=in_progress&status=gone&accountId=7&ownerId=x&signedFrom=2026-01-01&signedTo=2026-02-30&overdue=true&sort=-amount&page=3');
    expect(f.filters).toEqual({ q: 'HT-2026', kind: 'sales', status: ['signed', 'in_progress'], accountId: 7, ownerId: undefined, unitId: undefined, signedFrom: '2026-01-01', signedTo: undefined, overdue: true });
    expect(f.sort).toBe('-amount');
    expect(f.page).toBe(3);
    expect(read('kind=lease&sort=-secret&overdue=yes').filters.kind).toBeUndefined();
    expect(read('sort=-secret').sort).toBe('-createdAt');
  });

  it('writes them back without the defaults, so a round trip is stable', () => {
    const f = read('status=signed&status=draft&overdue=true&sort=-createdAt');
    const written = writeList(CONTRACT_LIST, CONTRACT_LIST_OPTIONS, f);
    expect(written.toString()).toBe('status=signed&status=draft&overdue=true');
    expect(readList(CONTRACT_LIST, CONTRACT_LIST_OPTIONS, written)).toEqual(f);
  });

  it('asks the API with statuses comma-separated and the overdue flag only when set', () => {
    expect(contractQuery(read('status=signed&status=in_progress&overdue=true').filters, { page: 2, pageSize: 20 })).toMatchObject({ status: 'signed,in_progress', overdue: 'true', page: 2 });
    const none = contractQuery(read('').filters);
    expect(none.status).toBeUndefined();
    expect(none.overdue).toBeUndefined();
  });
});

describe('the payment terms typed as 30/60/10', () => {
  it('reads percents separated by slashes, commas or spaces, with or without %', () => {
    expect(parsePercents('30/60/10')).toEqual([30, 60, 10]);
    expect(parsePercents(' 30%, 60% 、10 ')).toEqual([30, 60, 10]);
    expect(parsePercents('33.33/33.33/33.34')).toEqual([33.33, 33.33, 33.34]);
  });

  it('refuses what is not a list of percents', () => {
    for (const bad of ['', 'abc', '30/0/70', '30/-10/80', '150', '30.123/69.877']) expect(parsePercents(bad)).toBeNull();
  });

  it('keeps the due dates and milestones typed on the rows that stay, a new row due with the one before', () => {
    const current = [
      { percent: 30, dueDate: '2026-03-01', milestone: '签订' },
      { percent: 70, dueDate: '2026-06-01', milestone: '验收' },
    ];
    expect(termsFor([30, 60, 10], current, '2026-01-01')).toEqual([
      { percent: 30, dueDate: '2026-03-01', milestone: '签订' },
      { percent: 60, dueDate: '2026-06-01', milestone: '验收' },
      { percent: 10, dueDate: '2026-06-01', milestone: '' },
    ]);
    expect(termsFor([100], [], '2026-01-01')).toEqual([{ percent: 100, dueDate: '2026-01-01', milestone: '' }]);
  });

  it('gives terms the shared generator turns into a plan summing to the amount', () => {
    const plan = generatePlan(1_000_001, termsFor([30, 60, 10], [], '2026-01-01'));
    expect(plan.map((x) => x.amount)).toEqual([300_000, 600_000, 100_001]);
  });
});

describe('a product line while typed', () => {
  it('is quantity × unit price less the discount, rounded to the fen', () => {
    expect(linePreview(2, 10_000, 0)).toBe(20_000);
    expect(linePreview(3, 333, 5)).toBe(949); // 999 × 0.95 = 949.05
    expect(linePreview(1.5, 101, 0)).toBe(152); // 151.5 rounds half up
    expect(linePreview(0.001, 1_000_000_000_000, 12.5)).toBe(875_000_000);
  });

  it('is unknown until quantity and price are typed', () => {
    expect(linePreview(null, 100, 0)).toBeNull();
    expect(linePreview(2, undefined, 0)).toBeNull();
    expect(linePreview(2, 100, null)).toBe(200);
  });
});

describe('an account’s contracts added up', () => {
  const money = (contracted: number, received: number, outstanding: number, overdue: number) => ({ contracted, invoiced: 0, received, invoicedNotReceived: 0, writtenOff: 0, outstanding, overdue });
  const c = (kind: ContractListItem['kind'], status: ContractListItem['status'], m: ContractListItem['money']) => ({ kind, status, money: m });

  it('counts signed sales contracts only: their figures already hold their supplements, frameworks only commit, drafts are not signed', () => {
    const totals = accountTotals([
      c('sales', 'signed', money(100, 30, 70, 20)),
      c('sales', 'completed', money(50, 50, 0, 0)),
      c('supplement', 'signed', money(10, 0, 10, 0)),
      c('framework', 'signed', money(150, 80, 70, 20)),
      c('sales', 'draft', money(999, 0, 0, 0)),
      c('sales', 'void', money(5, 0, 0, 0)),
    ]);
    expect(totals).toEqual({ contracted: 150, received: 80, outstanding: 70, overdue: 20 });
  });
});
