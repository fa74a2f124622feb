import { describe, expect, it } from 'vitest';
import { calendarOf, DEFAULT_WORKING_HOURS, WEEKDAYS_ONLY } from '../../../shared/domain/workdays';
import {
  breachAt,
  canMove,
  currentMilestone,
  DEFAULT_SLA,
  escalationActions,
  gmAt,
  initialStatus,
  levelsReached,
  milestoneState,
  milestoneTimes,
  pausedMinutesOf,
  policyFor,
  policyProblems,
  ticketNumber,
  usedMinutes,
  type WorkClock,
} from './tickets.rules';

const TZ = 'Asia/Shanghai';
/** An instant given in Beijing time. */
const at = (local: string) => new Date(`${local}+08:00`);
const plain: WorkClock = { calendar: WEEKDAYS_ONLY, hours: DEFAULT_WORKING_HOURS, timeZone: TZ };
/** 2026's 中秋 and 国庆 as published: 9-25..27 and 10-01..07 off, 9-20 and 10-10 (Sundays/Saturday) worked. */
const autumn2026: WorkClock = {
  ...plain,
  calendar: calendarOf([
    { date: '2026-09-20', off: false },
    ...['2026-09-25', '2026-09-26', '2026-09-27', '2026-10-01', '2026-10-02', '2026-10-03', '2026-10-04', '2026-10-05', '2026-10-06', '2026-10-07'].map((date) => ({ date, off: true })),
    { date: '2026-10-10', off: false },
  ]),
};

describe('ticket numbers and states', () => {
  it('numbers a ticket TS-<year>-<6-digit id>', () => {
    expect(ticketNumber(2026, 42)).toBe('TS-2026-000042');
    expect(ticketNumber(2027, 1234567)).toBe('TS-2027-1234567');
  });

  it('allows each move only from its states', () => {
    expect(canMove('start', 'new')).toBe(true);
    expect(canMove('start', 'assigned')).toBe(true);
    expect(canMove('start', 'in_progress')).toBe(false);
    expect(canMove('wait', 'in_progress')).toBe(true);
    expect(canMove('wait', 'new')).toBe(false);
    expect(canMove('resume', 'waiting')).toBe(true);
    expect(canMove('resolve', 'waiting')).toBe(true);
    expect(canMove('resolve', 'assigned')).toBe(false);
    expect(canMove('close', 'resolved')).toBe(true);
    expect(canMove('close', 'in_progress')).toBe(false);
    expect(canMove('reopen', 'closed')).toBe(true);
    expect(canMove('reopen', 'resolved')).toBe(true);
    expect(canMove('reopen', 'waiting')).toBe(false);
  });

  it('starts a ticket logged by its owner as new, one logged for another as assigned', () => {
    expect(initialStatus(5, 5)).toBe('new');
    expect(initialStatus(5, 6)).toBe('assigned');
  });
});

describe('SLA policies', () => {
  it('ship a default for every kind and severity, the budgets in working minutes', () => {
    expect(policyProblems(DEFAULT_SLA.policies)).toEqual([]);
    expect(policyFor(DEFAULT_SLA.policies, 'complaint', 'critical', 'heavy')).toMatchObject({ respondMinutes: 60, resolveMinutes: 480 });
  });

  it('take the tier’s own policy before the one for every tier', () => {
    const policies = [...DEFAULT_SLA.policies, { kind: 'complaint' as const, severity: 'critical' as const, tier: 'heavy' as const, respondMinutes: 30, resolveMinutes: 240 }];
    expect(policyFor(policies, 'complaint', 'critical', 'heavy')).toMatchObject({ respondMinutes: 30, resolveMinutes: 240 });
    expect(policyFor(policies, 'complaint', 'critical', 'smb')).toMatchObject({ respondMinutes: 60, resolveMinutes: 480 });
    // settings that lost a default fall back to the built-in one
    expect(policyFor([], 'enquiry', 'low', null)).toMatchObject({ respondMinutes: 960, resolveMinutes: 2880 });
  });

  it('name a duplicate, a resolve shorter than the response and a missing default', () => {
    const [first, ...rest] = DEFAULT_SLA.policies;
    const problems = policyProblems([...rest, { ...rest[0]! }, { ...first!, tier: 'large', respondMinutes: 100, resolveMinutes: 50 }]);
    expect(problems).toEqual([
      { index: 11, problem: 'duplicate' },
      { index: 12, problem: 'resolveBeforeRespond' },
      { index: null, problem: 'defaultMissing', kind: 'complaint', severity: 'critical' },
    ]);
  });
});

describe('due times on working time', () => {
  it('run over the weekend: a complaint logged on Friday at 17:00 with 90 working minutes is due on Monday at 09:30', () => {
    const t = milestoneTimes(at('2026-12-04T17:00:00'), 90, 0, 75, plain);
    expect(t.dueAt).toEqual(at('2026-12-07T09:30:00'));
    // 75 % of 90 = 67.5 minutes: 60 on Friday, 7.5 on Monday
    expect(t.warnAt).toEqual(at('2026-12-07T09:07:30'));
  });

  it('skip the lunch break', () => {
    expect(milestoneTimes(at('2026-12-07T11:30:00'), 60, 0, 75, plain).dueAt).toEqual(at('2026-12-07T14:00:00'));
  });

  it('skip 国庆 2026: logged on 30 September at 17:00, the first response (60) is due that day, the resolution (480) on 8 October at 17:30', () => {
    const received = at('2026-09-30T17:00:00');
    expect(milestoneTimes(received, 60, 0, 75, autumn2026).dueAt).toEqual(at('2026-09-30T18:00:00'));
    expect(milestoneTimes(received, 480, 0, 75, autumn2026).dueAt).toEqual(at('2026-10-08T17:30:00'));
    // without the calendar the holiday would have been counted as working days
    expect(milestoneTimes(received, 480, 0, 75, plain).dueAt).toEqual(at('2026-10-01T17:30:00'));
  });

  it('count a 调休 Saturday as a working day: 10 October 2026', () => {
    // Friday 9 October 17:00 + 120: 60 on Friday, 60 on Saturday the 10th (worked)
    expect(milestoneTimes(at('2026-10-09T17:00:00'), 120, 0, 75, autumn2026).dueAt).toEqual(at('2026-10-10T10:00:00'));
  });

  it('start a ticket received outside working hours at the next working minute', () => {
    expect(milestoneTimes(at('2026-12-05T10:00:00'), 60, 0, 75, plain).dueAt).toEqual(at('2026-12-07T10:00:00'));
  });
});

describe('pausing and resuming', () => {
  it('counts the working minutes the clock stood still and moves the due time out by them', () => {
    const received = at('2026-12-07T09:00:00');
    const before = milestoneTimes(received, 480, 0, 75, plain);
    expect(before.dueAt).toEqual(at('2026-12-08T09:30:00'));
    // waiting from Monday 10:00 to Tuesday 10:00: 390 minutes on Monday, 60 on Tuesday (the night is not worked)
    const paused = pausedMinutesOf(at('2026-12-07T10:00:00'), at('2026-12-08T10:00:00'), plain);
    expect(paused).toBe(450);
    const after = milestoneTimes(received, 480, paused, 75, plain);
    expect(after.dueAt).toEqual(at('2026-12-09T09:30:00'));
    // the used minutes leave the pause out
    expect(usedMinutes(received, at('2026-12-08T11:00:00'), paused, plain)).toBe(120);
  });

  it('counts no working minutes for a pause over a weekend night', () => {
    expect(pausedMinutesOf(at('2026-12-04T18:30:00'), at('2026-12-07T08:45:00'), plain)).toBe(0);
  });
});

describe('milestone states', () => {
  const m = { warnAt: at('2026-12-07T10:30:00'), dueAt: at('2026-12-07T11:00:00'), metAt: null, breachedAt: null };

  it('are in progress, then warning from the warning instant, then breached at the due instant', () => {
    expect(milestoneState(m, false, at('2026-12-07T10:29:59'))).toBe('in_progress');
    expect(milestoneState(m, false, at('2026-12-07T10:30:00'))).toBe('warning');
    expect(milestoneState(m, false, at('2026-12-07T11:00:00'))).toBe('breached');
  });

  it('are paused while waiting, unless a breach is on record', () => {
    expect(milestoneState(m, true, at('2026-12-07T10:45:00'))).toBe('paused');
    expect(milestoneState({ ...m, breachedAt: m.dueAt }, true, at('2026-12-07T12:00:00'))).toBe('breached');
  });

  it('are met once met, a breach staying on record', () => {
    expect(milestoneState({ ...m, metAt: at('2026-12-07T12:00:00'), breachedAt: m.dueAt }, false, at('2026-12-08T09:00:00'))).toBe('met');
  });

  it('put a breach on record at the due instant, once, and never on a milestone met', () => {
    expect(breachAt(m, at('2026-12-07T10:59:00'))).toBeNull();
    expect(breachAt(m, at('2026-12-07T13:00:00'))).toEqual(m.dueAt);
    expect(breachAt({ ...m, breachedAt: m.dueAt }, at('2026-12-07T13:00:00'))).toBeNull();
    expect(breachAt({ ...m, metAt: at('2026-12-07T10:00:00') }, at('2026-12-07T13:00:00'))).toBeNull();
  });

  it('show the first milestone not met as the ticket’s', () => {
    const first = { milestone: 'first_response' as const, metAt: at('2026-12-07T09:10:00') };
    const resolve = { milestone: 'resolve' as const, metAt: null };
    expect(currentMilestone([resolve, first])).toBe(resolve);
    expect(currentMilestone([{ ...first, metAt: null }, resolve])?.milestone).toBe('first_response');
    expect(currentMilestone([first, { ...resolve, metAt: at('2026-12-07T15:00:00') }])).toBeNull();
  });
});

describe('escalation', () => {
  const dueAt = at('2026-12-04T16:00:00');
  const gm = gmAt(dueAt, 240, plain);

  it('tells the GM a number of working minutes after the breach', () => {
    // Friday 16:00 + 240: 120 on Friday, 120 on Monday
    expect(gm).toEqual(at('2026-12-07T11:00:00'));
  });

  it('reaches warning, breach and gm in order', () => {
    const m = { warnAt: at('2026-12-04T15:00:00'), dueAt, gmAt: gm };
    expect(levelsReached(m, at('2026-12-04T14:00:00'))).toEqual([]);
    expect(levelsReached(m, at('2026-12-04T15:30:00'))).toEqual(['warning']);
    expect(levelsReached(m, at('2026-12-05T10:00:00'))).toEqual(['warning', 'breach']);
    expect(levelsReached(m, at('2026-12-07T11:00:00'))).toEqual(['warning', 'breach', 'gm']);
  });

  it('asks for the owner’s notice at the highest level recorded, the director’s at a breach, the GM’s at gm', () => {
    expect(escalationActions(['warning'])).toEqual({ owner: 'warning', director: false, gm: false });
    expect(escalationActions(['warning', 'breach'])).toEqual({ owner: 'breach', director: true, gm: false });
    expect(escalationActions(['breach'])).toEqual({ owner: 'breach', director: true, gm: false });
    expect(escalationActions(['gm'])).toEqual({ owner: null, director: false, gm: true });
    expect(escalationActions([])).toEqual({ owner: null, director: false, gm: false });
  });
});
