import { describe, expect, it } from 'vitest';
import { checkinRefusal, costTotal, daysBetween, missingDays } from './trips';

const trip = { status: 'approved', reportStatus: 'none', startOn: '2026-12-01', endOn: '2026-12-03', checkedDays: [] as string[] };

describe('trip check-in rules', () => {
  it('allows one check-in per day of an approved trip within its dates', () => {
    expect(checkinRefusal(trip, '2026-12-01')).toBeNull();
    expect(checkinRefusal(trip, '2026-12-03')).toBeNull();
    expect(checkinRefusal({ ...trip, checkedDays: ['2026-12-02'] }, '2026-12-02')).toBe('alreadyCheckedIn');
  });
  it('refuses days outside the trip', () => {
    expect(checkinRefusal(trip, '2026-11-30')).toBe('beforeTrip');
    expect(checkinRefusal(trip, '2026-12-04')).toBe('afterTrip');
  });
  it('refuses before approval, after cancellation and once the report is in', () => {
    for (const status of ['draft', 'pending', 'rejected', 'withdrawn', 'cancelled']) expect(checkinRefusal({ ...trip, status }, '2026-12-02')).toBe('notApproved');
    expect(checkinRefusal({ ...trip, reportStatus: 'submitted' }, '2026-12-02')).toBe('reported');
  });
});

describe('missing days', () => {
  const t = { ...trip, returnedOn: null as string | null, endOn: '2026-12-05' };
  it('counts past trip days without a check-in, not today', () => {
    expect(missingDays({ ...t, checkedDays: ['2026-12-02'] }, '2026-12-04')).toEqual(['2026-12-01', '2026-12-03']);
    expect(missingDays(t, '2026-12-01')).toEqual([]);
  });
  it('stops at the last day or the return date', () => {
    expect(missingDays({ ...t, checkedDays: ['2026-12-01', '2026-12-03'] }, '2027-01-01')).toEqual(['2026-12-02', '2026-12-04', '2026-12-05']);
    expect(missingDays({ ...t, returnedOn: '2026-12-02', checkedDays: ['2026-12-01'] }, '2027-01-01')).toEqual(['2026-12-02']);
  });
  it('has none before approval', () => {
    expect(missingDays({ ...t, status: 'pending' }, '2027-01-01')).toEqual([]);
  });
  it('walks calendar days across month and year ends', () => {
    expect(daysBetween('2026-12-30', '2027-01-02')).toEqual(['2026-12-30', '2026-12-31', '2027-01-01', '2027-01-02']);
    expect(daysBetween('2026-12-02', '2026-12-01')).toEqual([]);
  });
  it('totals cost lines', () => {
    expect(costTotal([{ amount: 120_00 }, { amount: 35_50 }])).toBe(155_50);
  });
});
