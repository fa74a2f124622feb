import type { EventStatus, InvitationResponse } from '../../../shared/contracts/events';
import { EVENT_GM_THRESHOLD } from '../../../shared/contracts/events';
import { issue, type FieldIssue } from '../../../shared/errors';

export const DOC_TYPE = 'customer_event';
export const ENTITY = 'customer_event';

/** The event's status that follows its approval: a return reads as a rejection, a withdrawal makes it a draft. */
export function eventStatusFor(approval: 'pending' | 'approved' | 'rejected' | 'returned' | 'withdrawn'): EventStatus {
  if (approval === 'returned') return 'rejected';
  if (approval === 'withdrawn') return 'draft';
  return approval;
}

/** Whether the GM signs too: a budget above ¥50,000. */
export const needsGm = (budget: number) => budget > EVENT_GM_THRESHOLD;

const EDITABLE: readonly EventStatus[] = ['draft', 'rejected'];
const OPEN_FOR_GUESTS: readonly EventStatus[] = ['draft', 'pending', 'rejected', 'approved', 'held'];

export type EventAction = 'edit' | 'submit' | 'withdraw' | 'hold' | 'close' | 'cancel' | 'invite' | 'costs' | 'attendance';

/**
 * What may happen to an event in a status, pure. `started`: its start time has come. Editing the
 * plan (and its budget) is for a draft or a rejected event; an approved one keeps its budget but its
 * time, venue and agenda may still move (`editApproved`). Attendance and holding wait for the start.
 */
export function allowed(action: EventAction, status: EventStatus, started: boolean): boolean {
  switch (action) {
    case 'edit':
      return EDITABLE.includes(status) || status === 'approved';
    case 'submit':
      return EDITABLE.includes(status);
    case 'withdraw':
      return status === 'pending';
    case 'hold':
      return status === 'approved' && started;
    case 'close':
      return status === 'held';
    case 'cancel':
      return EDITABLE.includes(status) || status === 'approved';
    case 'invite':
      return OPEN_FOR_GUESTS.includes(status);
    case 'costs':
      return status === 'approved' || status === 'held';
    case 'attendance':
      return (status === 'approved' || status === 'held') && started;
  }
}

/** The plan's fields an approved event may still change: the budget was what the approvers signed. */
export function lockedFieldIssues(status: EventStatus, input: { budget?: number }, before: { budget: number }): FieldIssue[] {
  if (status !== 'approved' || input.budget === undefined || input.budget === before.budget) return [];
  return [issue('budget', 'events.budgetLocked', 'The budget was approved; cancel and plan again to change it')];
}

export function timeIssues(startsAt: Date, endsAt: Date): FieldIssue[] {
  return endsAt.getTime() < startsAt.getTime() ? [issue('endsAt', 'events.endsBeforeStart', 'The event ends after it starts')] : [];
}

/**
 * A cost against the budget: the total with it, and whether it needs a reason (it takes the total
 * above the budget). A cost on an event already over its budget needs one too.
 */
export function costCheck(spent: number, amount: number, budget: number, reason: string | undefined): { total: number; over: boolean; issues: FieldIssue[] } {
  const total = spent + amount;
  const over = total > budget;
  const issues = over && !reason ? [issue('overBudgetReason', 'events.overBudgetReason', 'This cost takes the event above its budget: give the reason', { budget, total })] : [];
  return { total, over, issues };
}

/**
 * A change of one invitation, pure: attendance only once the event has started (and not for a
 * declined guest — a walk-in is recorded as registered); the response while the event is open for
 * guests. Returns the values to write or the issues.
 */
export function invitationChange(
  cur: { response: InvitationResponse; attended: boolean | null; followedUp?: boolean },
  input: { response?: InvitationResponse; attended?: boolean | null },
  ev: { status: EventStatus; started: boolean },
): { response: InvitationResponse; attended: boolean | null; issues: FieldIssue[] } {
  const issues: FieldIssue[] = [];
  let response = input.response ?? cur.response;
  const attended = input.attended === undefined ? cur.attended : input.attended;
  if (input.attended !== undefined && input.attended !== cur.attended && !allowed('attendance', ev.status, ev.started)) {
    issues.push(issue('attended', 'events.attendanceNotYet', 'Attendance is recorded once the event has started'));
  }
  if (input.response !== undefined && input.response !== cur.response && !allowed('invite', ev.status, ev.started)) {
    issues.push(issue('response', 'events.closedForGuests', 'The event takes no more changes to its guests'));
  }
  if (cur.followedUp && cur.attended === true && attended !== true) issues.push(issue('attended', 'events.followedUpAttended', 'The guest was followed up as one who came'));
  if (attended === true) {
    if (input.response === 'declined') issues.push(issue('response', 'events.attendedNotDeclined', 'A guest who came cannot have declined'));
    else response = 'registered';
  }
  return { response, attended, issues };
}

/** An attendee's follow-up: once the event is held, for a guest who came, once. */
export function followUpIssue(ev: { status: EventStatus }, inv: { attended: boolean | null; followup_kind: string | null }): FieldIssue | null {
  if (ev.status !== 'held' && ev.status !== 'closed') return issue('kind', 'events.followUpNotHeld', 'Follow-ups come after the event is held');
  if (inv.attended !== true) return issue('kind', 'events.followUpNotAttended', 'Follow up the guests who came');
  return null;
}
