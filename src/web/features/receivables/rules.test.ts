import { describe, expect, it } from 'vitest';
import type { AllocationProposal } from '../../../shared/contracts/collections';
import { bucketRange, checkAllocation, drillQuery, fillOldestFirst, formatRate, increasingDays, kindOfPeriod, parseDays, periodOf, periodStart, rowsFromProposal } from './rules';

const line = (instalmentId: number, outstanding: number, proposed: number) => ({
  instalmentId,
  contractId: 1,
  contractNumber: 'HT-1',
  seq: instalmentId,
  milestone: '',
  dueDate: `2026-0${instalmentId}-01`,
  amount: outstanding,
  paid: 0,
  writtenOff: 0,
  outstanding,
  proposed,
});

describe('periods of the rates page', () => {
  it('gives the month, quarter, half and year holding a day, and reads them back', () => {
    expect(periodOf('month', '2026-11-30')).toBe('2026-11');
    expect(periodOf('quarter', '2026-11-30')).toBe('2026-Q4');
    expect(periodOf('quarter', '2026-03-31')).toBe('2026-Q1');
    expect(periodOf('half', '2026-06-30')).toBe('2026-H1');
    expect(periodOf('half', '2026-07-01')).toBe('2026-H2');
    expect(periodOf('year', '2026-07-01')).toBe('2026');
    expect(['2026-11', '2026-Q4', '2026-H2', '2026'].map(kindOfPeriod)).toEqual(['month', 'quarter', 'half', 'year']);
    expect(kindOfPeriod('2026-13')).toBeUndefined();
    expect(kindOfPeriod('2026-Q5')).toBeUndefined();
    expect(['2026-11', '2026-Q4', '2026-H2', '2026'].map(periodStart)).toEqual(['2026-11-01', '2026-10-01', '2026-07-01', '2026-01-01']);
  });

  it('formats a rate as a percent with one decimal, and none as —', () => {
    expect(formatRate(0.8734)).toBe('87.3%');
    expect(formatRate(1)).toBe('100.0%');
    expect(formatRate(0)).toBe('0.0%');
    expect(formatRate(0.99995)).toBe('100.0%');
    expect(formatRate(null)).toBe('—');
  });
});

describe('allocation rows', () => {
  const proposal: AllocationProposal = { receiptId: 9, available: 150_00, lines: [line(1, 100_00, 100_00), line(2, 100_00, 50_00), line(3, 100_00, 0)], proposedTotal: 150_00, remainder: 0 };

  it('start at the proposal and send only the rows given something', () => {
    const rows = rowsFromProposal(proposal);
    expect(rows.map((r) => r.allocate)).toEqual([100_00, 50_00, 0]);
    const check = checkAllocation(rows, proposal.available);
    expect(check).toMatchObject({ total: 150_00, rest: 0, overAvailable: false, overOutstanding: [] });
    expect(check.lines).toEqual([
      { instalmentId: 1, amount: 100_00 },
      { instalmentId: 2, amount: 50_00 },
    ]);
  });

  it('flag a total above what is available and a row above what it owes', () => {
    const rows = rowsFromProposal(proposal).map((r) => (r.instalmentId === 3 ? { ...r, allocate: 120_00 } : r));
    const check = checkAllocation(rows, proposal.available);
    expect(check.overAvailable).toBe(true);
    expect(check.overOutstanding).toEqual([3]);
    expect(checkAllocation(rows.map((r) => ({ ...r, allocate: 0 })), 150_00)).toMatchObject({ total: 0, rest: 150_00, lines: [] });
  });

  it('refill oldest due first over what is available', () => {
    const rows = rowsFromProposal(proposal).map((r) => ({ ...r, allocate: 0 }));
    expect(fillOldestFirst(rows, 230_00).map((r) => r.allocate)).toEqual([100_00, 100_00, 30_00]);
    expect(fillOldestFirst(rows, 0).map((r) => r.allocate)).toEqual([0, 0, 0]);
  });
});

describe('ageing helpers', () => {
  it('drill from a cell to the receivables of its row and bucket', () => {
    expect(drillQuery('account', 7, { asOf: '2026-05-01' }, 2)).toEqual({ asOf: '2026-05-01', accountId: '7', bucket: '2' });
    expect(drillQuery('owner', 3, { asOf: '2026-05-01', unitId: 4 })).toEqual({ asOf: '2026-05-01', unitId: '4', ownerId: '3' });
    // the totals row keeps the page's unit filter; a unit row narrows to its unit
    expect(drillQuery('unit', undefined, { asOf: '2026-05-01', unitId: 4 }, 0)).toEqual({ asOf: '2026-05-01', unitId: '4', bucket: '0' });
    expect(drillQuery('unit', 5, { asOf: '2026-05-01', unitId: 4 }, 1)).toEqual({ asOf: '2026-05-01', unitId: '5', bucket: '1' });
  });

  it('read bucket labels and typed day lists', () => {
    expect(bucketRange('0')).toEqual({ notDue: true });
    expect(bucketRange('1-30')).toEqual({ notDue: false, range: '1–30' });
    expect(bucketRange('>180')).toEqual({ notDue: false, range: '>180' });
    expect(parseDays('30, 60，90 180')).toEqual([30, 60, 90, 180]);
    expect(parseDays('30, x')).toBeNull();
    expect(parseDays('')).toBeNull();
    expect(increasingDays([1, 15, 30, 60])).toBe(true);
    expect(increasingDays([1, 15, 15, 60])).toBe(false);
    expect(increasingDays([0, 15])).toBe(false);
  });
});
