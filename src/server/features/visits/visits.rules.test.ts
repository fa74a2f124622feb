import { describe, expect, it } from 'vitest';
import { canDo, checkInProblems, costTotal, followUpDue, nextVisitProblem, nthContact, reviewedReportStatus, visitStatusFor } from './visits.rules';

describe('visit rules', () => {
  it('walks the loop plan → approval → check-in → record → report → review and nothing else', () => {
    expect(canDo('submit', 'draft')).toBe(true);
    expect(canDo('submit', 'pending')).toBe(false);
    expect(canDo('submit', 'rejected')).toBe(true);
    expect(canDo('edit', 'approved')).toBe(false);
    expect(canDo('checkIn', 'pending')).toBe(false);
    expect(canDo('checkIn', 'approved')).toBe(true);
    expect(canDo('checkIn', 'checked_in')).toBe(false);
    expect(canDo('record', 'approved')).toBe(false);
    expect(canDo('record', 'checked_in')).toBe(true);
    expect(canDo('record', 'recorded', 'none')).toBe(true);
    expect(canDo('record', 'recorded', 'submitted')).toBe(false);
    expect(canDo('record', 'recorded', 'returned')).toBe(true);
    expect(canDo('record', 'recorded', 'approved')).toBe(false);
    expect(canDo('submitReport', 'checked_in')).toBe(false);
    expect(canDo('submitReport', 'recorded', 'none')).toBe(true);
    expect(canDo('submitReport', 'recorded', 'submitted')).toBe(false);
    expect(canDo('review', 'recorded', 'submitted')).toBe(true);
    expect(canDo('review', 'recorded', 'approved')).toBe(false);
    expect(canDo('cancel', 'approved')).toBe(true);
    expect(canDo('cancel', 'pending')).toBe(false);
    expect(canDo('cancel', 'checked_in')).toBe(false);
    expect(canDo('cancel', 'cancelled')).toBe(false);
  });

  it('follows the approval instance and the review', () => {
    expect(visitStatusFor('returned')).toBe('rejected');
    expect(visitStatusFor('approved')).toBe('approved');
    expect(visitStatusFor('withdrawn')).toBe('withdrawn');
    expect(reviewedReportStatus('approve')).toBe('approved');
    expect(reviewedReportStatus('return')).toBe('returned');
  });

  it('counts the nth contact from the recorded visits checked in before, ties by id', () => {
    const at = (d: string) => new Date(d);
    const earlier = [
      { id: 3, checkedInAt: at('2026-11-01T02:00:00Z') },
      { id: 5, checkedInAt: at('2026-11-10T02:00:00Z') },
      { id: 9, checkedInAt: at('2026-11-20T02:00:00Z') },
    ];
    expect(nthContact([], { id: 1, checkedInAt: at('2026-11-01T00:00:00Z') })).toBe(1);
    expect(nthContact(earlier, { id: 12, checkedInAt: at('2026-11-15T00:00:00Z') })).toBe(3);
    expect(nthContact(earlier, { id: 12, checkedInAt: at('2026-11-25T00:00:00Z') })).toBe(4);
    // itself is never counted; the same instant counts by id
    expect(nthContact(earlier, { id: 5, checkedInAt: at('2026-11-10T02:00:00Z') })).toBe(2);
    expect(nthContact(earlier, { id: 4, checkedInAt: at('2026-11-10T02:00:00Z') })).toBe(2);
    expect(nthContact(earlier, { id: 6, checkedInAt: at('2026-11-10T02:00:00Z') })).toBe(3);
  });

  it('the follow-up is due seven calendar days after the check-in, weekends included', () => {
    // Friday 10:00 in Shanghai → the Friday after
    expect(followUpDue(new Date('2026-11-27T02:00:00Z')).toISOString()).toBe('2026-12-04T02:00:00.000Z');
  });

  it('sums the expense lines in fen', () => {
    expect(costTotal([])).toBe(0);
    expect(costTotal([{ amount: 12_000 }, { amount: 3_550 }])).toBe(15_550);
  });

  it('a check-in needs a position or a place', () => {
    expect(checkInProblems({ lat: 31.2, lng: 121.5 })).toEqual([]);
    expect(checkInProblems({ place: '客户总部大堂' })).toEqual([]);
    expect(checkInProblems({})).toEqual(['place']);
    expect(checkInProblems({ lat: null, lng: null, place: null })).toEqual(['place']);
    expect(checkInProblems({ lat: 31.2 })).toEqual(['lng']);
    expect(checkInProblems({ lng: 121.5, place: 'x' })).toEqual(['lat']);
  });

  it('the next visit comes after this one', () => {
    const at = new Date('2026-11-27T02:00:00Z');
    expect(nextVisitProblem(null, at)).toBe(false);
    expect(nextVisitProblem(new Date('2026-11-27T02:00:00Z'), at)).toBe(true);
    expect(nextVisitProblem(new Date('2026-12-01T02:00:00Z'), at)).toBe(false);
  });
});
