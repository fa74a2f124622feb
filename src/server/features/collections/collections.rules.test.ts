import { describe, expect, it } from 'vitest';
import { allocateOldestFirst, allocationIssues, inLockOrder, invoiceFits, overReceipt, owedOn, proposedLines, receiptNumber, writeOffApplied, writeOffStatusFor } from './collections.rules';

const inst = (id: number, dueDate: string, amount: number, paid = 0, writtenOff = 0) => ({ id, dueDate, amount, paid, writtenOff });

describe('allocateOldestFirst', () => {
  it('fills the oldest due first, each up to what it owes, and stops when the money runs out', () => {
    const lines = allocateOldestFirst(150_000, [inst(3, '2026-09-30', 100_000), inst(1, '2026-03-31', 100_000), inst(2, '2026-06-30', 100_000)]);
    expect(lines.map((l) => [l.id, l.owed, l.proposed])).toEqual([
      [1, 100_000, 100_000],
      [2, 100_000, 50_000],
      [3, 100_000, 0],
    ]);
    expect(proposedLines(lines)).toEqual([
      { instalmentId: 1, amount: 100_000 },
      { instalmentId: 2, amount: 50_000 },
    ]);
  });

  it('counts what was paid and written off, and leaves out what owes nothing', () => {
    const lines = allocateOldestFirst(80_000, [inst(1, '2026-01-31', 100_000, 70_000), inst(2, '2026-02-28', 100_000, 60_000, 40_000), inst(3, '2026-03-31', 50_000, 0, 10_000)]);
    expect(lines.map((l) => [l.id, l.owed, l.proposed])).toEqual([
      [1, 30_000, 30_000],
      [3, 40_000, 40_000],
    ]);
  });

  it('breaks a tie of due dates by id, and gives nothing from nothing', () => {
    expect(allocateOldestFirst(10, [inst(9, '2026-01-31', 10), inst(4, '2026-01-31', 10)]).map((l) => [l.id, l.proposed])).toEqual([
      [4, 10],
      [9, 0],
    ]);
    expect(allocateOldestFirst(0, [inst(1, '2026-01-31', 10)]).map((l) => l.proposed)).toEqual([0]);
    expect(allocateOldestFirst(-5, [inst(1, '2026-01-31', 10)]).map((l) => l.proposed)).toEqual([0]);
    expect(allocateOldestFirst(100, [])).toEqual([]);
  });

  it('leaves the remainder when the receipt is larger than everything owed', () => {
    const lines = allocateOldestFirst(500, [inst(1, '2026-01-31', 100), inst(2, '2026-02-28', 200)]);
    expect(lines.reduce((s, l) => s + l.proposed, 0)).toBe(300);
  });
});

describe('allocation requests', () => {
  it('names an instalment given twice', () => {
    expect(allocationIssues([{ instalmentId: 1 }, { instalmentId: 2 }])).toEqual([]);
    expect(allocationIssues([{ instalmentId: 1 }, { instalmentId: 2 }, { instalmentId: 1 }]).map((i) => [i.path, i.key])).toEqual([['allocations.2.instalmentId', 'collections.instalmentTwice']]);
  });

  it('tells a total above what the receipt has left', () => {
    expect(overReceipt([{ amount: 10 }, { amount: 5 }], 15)).toEqual({ total: 15, over: false });
    expect(overReceipt([{ amount: 10 }, { amount: 6 }], 15)).toEqual({ total: 16, over: true });
  });

  it('updates instalments by id and remembers each line’s place in the request', () => {
    expect(inLockOrder([{ instalmentId: 7 }, { instalmentId: 2 }, { instalmentId: 5 }])).toEqual([
      { instalmentId: 2, index: 1 },
      { instalmentId: 5, index: 2 },
      { instalmentId: 7, index: 0 },
    ]);
  });
});

describe('numbers, invoices and write-offs', () => {
  it('numbers a receipt HK-<received year>-<6-digit id>', () => {
    expect(receiptNumber('2026-11-03', 42)).toBe('HK-2026-000042');
    expect(receiptNumber('2027-01-01', 1_234_567)).toBe('HK-2027-1234567');
  });

  it('lets invoices add up to the instalment, not beyond', () => {
    expect(invoiceFits(100, 60, 40)).toBe(true);
    expect(invoiceFits(100, 60, 41)).toBe(false);
  });

  it('writes off at most what is still owed when approved, and says when that is less', () => {
    expect(writeOffApplied(50_000, 80_000)).toEqual({ applied: 50_000, shrunk: false });
    expect(writeOffApplied(50_000, 30_000)).toEqual({ applied: 30_000, shrunk: true });
    expect(writeOffApplied(50_000, 0)).toEqual({ applied: 0, shrunk: true });
    expect(owedOn({ amount: 100, paid: 70, writtenOff: 40 })).toBe(0);
  });

  it('reads a returned approval as rejected', () => {
    expect(writeOffStatusFor('returned')).toBe('rejected');
    expect(writeOffStatusFor('approved')).toBe('approved');
    expect(writeOffStatusFor('withdrawn')).toBe('withdrawn');
  });
});
