import { describe, expect, it } from 'vitest';
import { boundsProblem, bucketOf, bucketRanges, daysBetween, daysOverdue, dunningLevelsReached, instalmentStatus, outstandingOf } from './receivables';

const inst = (paid: number, writtenOff = 0, amount = 1000, dueDate = '2026-06-30') => ({ amount, paid, writtenOff, dueDate });

describe('instalment status', () => {
  it('is not due before and on the due date, overdue the day after', () => {
    expect(instalmentStatus(inst(0), '2026-06-29')).toBe('not_due');
    expect(instalmentStatus(inst(0), '2026-06-30')).toBe('not_due');
    expect(instalmentStatus(inst(0), '2026-07-01')).toBe('overdue');
  });
  it('is partly paid before the due date and overdue after it while something is owed', () => {
    expect(instalmentStatus(inst(400), '2026-06-01')).toBe('partly_paid');
    expect(instalmentStatus(inst(400), '2026-07-15')).toBe('overdue');
  });
  it('is paid when nothing is owed, written off when a write-off closed it', () => {
    expect(instalmentStatus(inst(1000), '2027-01-01')).toBe('paid');
    expect(instalmentStatus(inst(600, 400), '2027-01-01')).toBe('written_off');
    expect(instalmentStatus(inst(0, 300), '2027-01-01')).toBe('overdue');
  });
  it('counts days overdue only while something is owed', () => {
    expect(daysOverdue(inst(0), '2026-07-31')).toBe(31);
    expect(daysOverdue(inst(1000), '2026-07-31')).toBe(0);
    expect(outstandingOf(inst(700, 200))).toBe(100);
    expect(daysBetween('2026-02-28', '2026-03-01')).toBe(1);
    expect(daysBetween('2024-02-28', '2024-03-01')).toBe(2);
  });
});

describe('ageing buckets', () => {
  it('puts days into the default buckets at their edges', () => {
    expect([0, 1, 30, 31, 60, 61, 90, 91, 180, 181, 1000].map((d) => bucketOf(d))).toEqual([0, 1, 1, 2, 2, 3, 3, 4, 4, 5, 5]);
    expect(bucketRanges()).toEqual(['0', '1-30', '31-60', '61-90', '91-180', '>180']);
  });
  it('follows configured bounds', () => {
    expect(bucketOf(45, [15, 45])).toBe(2);
    expect(bucketOf(46, [15, 45])).toBe(3);
    expect(bucketRanges([15, 45])).toEqual(['0', '1-15', '16-45', '>45']);
  });
  it('rejects bounds out of order, empty or too many', () => {
    expect(boundsProblem([30, 60])).toBeNull();
    expect(boundsProblem([])).toBe('count');
    expect(boundsProblem([1, 2, 3, 4, 5, 6, 7, 8, 9])).toBe('count');
    expect(boundsProblem([60, 30])).toBe('order');
    expect(boundsProblem([0, 30])).toBe('order');
    expect(boundsProblem([30, 30.5])).toBe('order');
  });
});

describe('dunning levels', () => {
  it('reaches each level at its day count', () => {
    expect(dunningLevelsReached(0)).toEqual([]);
    expect(dunningLevelsReached(1)).toEqual([1]);
    expect(dunningLevelsReached(14)).toEqual([1]);
    expect(dunningLevelsReached(15)).toEqual([1, 2]);
    expect(dunningLevelsReached(60)).toEqual([1, 2, 3, 4]);
  });
});
