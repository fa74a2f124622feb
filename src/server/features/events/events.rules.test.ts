import { describe, expect, it } from 'vitest';
import { allowed, costCheck, eventStatusFor, followUpIssue, invitationChange, lockedFieldIssues, needsGm, timeIssues } from './events.rules';

describe('events rules', () => {
  it('maps the approval onto the event', () => {
    expect(eventStatusFor('returned')).toBe('rejected');
    expect(eventStatusFor('withdrawn')).toBe('draft');
    expect(eventStatusFor('approved')).toBe('approved');
  });

  it('asks the GM above ¥50,000 only', () => {
    expect(needsGm(5_000_000)).toBe(false);
    expect(needsGm(5_000_001)).toBe(true);
  });

  it('allows each action in its statuses', () => {
    expect(allowed('submit', 'draft', false)).toBe(true);
    expect(allowed('submit', 'approved', false)).toBe(false);
    expect(allowed('hold', 'approved', false)).toBe(false);
    expect(allowed('hold', 'approved', true)).toBe(true);
    expect(allowed('close', 'approved', true)).toBe(false);
    expect(allowed('close', 'held', true)).toBe(true);
    expect(allowed('costs', 'draft', true)).toBe(false);
    expect(allowed('costs', 'held', true)).toBe(true);
    expect(allowed('costs', 'closed', true)).toBe(false);
    expect(allowed('cancel', 'held', true)).toBe(false);
    expect(allowed('invite', 'closed', true)).toBe(false);
    expect(allowed('invite', 'held', true)).toBe(true);
    expect(allowed('attendance', 'approved', false)).toBe(false);
  });

  it('keeps an approved budget', () => {
    expect(lockedFieldIssues('approved', { budget: 10 }, { budget: 5 })[0]?.key).toBe('events.budgetLocked');
    expect(lockedFieldIssues('approved', { budget: 5 }, { budget: 5 })).toEqual([]);
    expect(lockedFieldIssues('draft', { budget: 10 }, { budget: 5 })).toEqual([]);
  });

  it('refuses an end before the start', () => {
    expect(timeIssues(new Date('2026-12-10T10:00:00Z'), new Date('2026-12-10T09:00:00Z'))[0]?.path).toBe('endsAt');
    expect(timeIssues(new Date('2026-12-10T10:00:00Z'), new Date('2026-12-10T10:00:00Z'))).toEqual([]);
  });

  it('asks a reason for a cost above the budget, up to it none', () => {
    expect(costCheck(80, 20, 100, undefined)).toEqual({ total: 100, over: false, issues: [] });
    const over = costCheck(80, 21, 100, undefined);
    expect(over.over).toBe(true);
    expect(over.issues[0]?.key).toBe('events.overBudgetReason');
    expect(costCheck(80, 21, 100, '客户临时增加人数').issues).toEqual([]);
    expect(costCheck(0, 1, 0, undefined).over).toBe(true);
  });

  it('records attendance after the start; a walk-in becomes registered; a guest who came has not declined', () => {
    const open = { status: 'approved' as const, started: false };
    const started = { status: 'held' as const, started: true };
    expect(invitationChange({ response: 'invited', attended: null }, { attended: true }, open).issues[0]?.key).toBe('events.attendanceNotYet');
    expect(invitationChange({ response: 'invited', attended: null }, { attended: true }, started)).toEqual({ response: 'registered', attended: true, issues: [] });
    expect(invitationChange({ response: 'registered', attended: true }, { response: 'declined' }, started).issues[0]?.key).toBe('events.attendedNotDeclined');
    expect(invitationChange({ response: 'registered', attended: true }, { response: 'declined', attended: null }, started)).toEqual({ response: 'declined', attended: null, issues: [] });
    expect(invitationChange({ response: 'declined', attended: null }, { attended: true }, started).response).toBe('registered');
    expect(invitationChange({ response: 'invited', attended: null }, { response: 'declined', attended: true }, started).issues[0]?.key).toBe('events.attendedNotDeclined');
    expect(invitationChange({ response: 'invited', attended: null }, { response: 'registered' }, { status: 'closed', started: true }).issues[0]?.key).toBe('events.closedForGuests');
    expect(invitationChange({ response: 'registered', attended: null }, { attended: false }, started)).toEqual({ response: 'registered', attended: false, issues: [] });
    // a guest followed up as one who came stays one
    expect(invitationChange({ response: 'registered', attended: true, followedUp: true }, { attended: false }, started).issues[0]?.key).toBe('events.followedUpAttended');
    expect(invitationChange({ response: 'registered', attended: true, followedUp: true }, {}, started).issues).toEqual([]);
  });

  it('follows up guests who came to a held event', () => {
    expect(followUpIssue({ status: 'approved' }, { attended: true, followup_kind: null })?.key).toBe('events.followUpNotHeld');
    expect(followUpIssue({ status: 'held' }, { attended: false, followup_kind: null })?.key).toBe('events.followUpNotAttended');
    expect(followUpIssue({ status: 'closed' }, { attended: true, followup_kind: null })).toBe(null);
  });
});
