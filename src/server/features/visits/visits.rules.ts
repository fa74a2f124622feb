import type { ReportStatus, VisitStatus } from '../../../shared/contracts/visits';

/**
 * The visit loop of seed 003 §3.3 as pure rules: plan → approval → check-in → record → report →
 * review. The status of the visit itself and the status of its report are two plain columns.
 */

export type VisitAction = 'edit' | 'submit' | 'cancel' | 'checkIn' | 'record' | 'submitReport' | 'review';

/** Where each action may start from (the approval engine moves pending → approved/rejected/withdrawn). */
const FROM: Record<VisitAction, readonly VisitStatus[]> = {
  edit: ['draft', 'rejected', 'withdrawn'],
  submit: ['draft', 'rejected', 'withdrawn'],
  // a pending visit is withdrawn through the approval first; a visit that happened stays on record
  cancel: ['draft', 'rejected', 'withdrawn', 'approved'],
  checkIn: ['approved'],
  record: ['checked_in', 'recorded'],
  submitReport: ['recorded'],
  review: ['recorded'],
};

/** Which report statuses allow an action that touches the record or its report. */
const REPORT_FROM: Partial<Record<VisitAction, readonly ReportStatus[]>> = {
  // the record is rewritten until its report is submitted, and again after a return
  record: ['none', 'returned'],
  submitReport: ['none', 'returned'],
  review: ['submitted'],
};

export function canDo(action: VisitAction, status: VisitStatus, reportStatus: ReportStatus = 'none'): boolean {
  if (!FROM[action].includes(status)) return false;
  const reports = REPORT_FROM[action];
  return !reports || reports.includes(reportStatus);
}

/** The visit status that follows an approval instance's status (a return sends it back like a rejection). */
export function visitStatusFor(approval: 'pending' | 'approved' | 'rejected' | 'returned' | 'withdrawn'): VisitStatus {
  return approval === 'returned' ? 'rejected' : approval;
}

/** The report status after the director's review. */
export function reviewedReportStatus(decision: 'approve' | 'return'): ReportStatus {
  return decision === 'approve' ? 'approved' : 'returned';
}

/**
 * 第几次联系: this visit is the nth recorded visit to the account — the recorded visits checked in
 * before it, plus one. Visits checked in at the same instant count by id, so the numbers never repeat.
 */
export function nthContact(earlier: readonly { id: number; checkedInAt: Date }[], self: { id: number; checkedInAt: Date }): number {
  const t = self.checkedInAt.getTime();
  return earlier.filter((v) => v.id !== self.id && (v.checkedInAt.getTime() < t || (v.checkedInAt.getTime() === t && v.id < self.id))).length + 1;
}

/** Seed 003 §3.3.3 四.5: within a week after the visit the visitor calls or visits again to hear the customer. */
export const FOLLOW_UP_DAYS = 7;
const DAY_MS = 86_400_000;

/** The follow-up task's due time: FOLLOW_UP_DAYS calendar days (一周, weekends included) after the check-in. */
export function followUpDue(checkedInAt: Date): Date {
  return new Date(checkedInAt.getTime() + FOLLOW_UP_DAYS * DAY_MS);
}

/** The spent costs of a visit in fen: the sum of its expense lines. */
export function costTotal(expenses: readonly { amount: number }[]): number {
  return expenses.reduce((sum, e) => sum + e.amount, 0);
}

/** A check-in needs a position (lat and lng together) or a place typed by hand; returns the failing field paths. */
export function checkInProblems(input: { lat?: number | null; lng?: number | null; place?: string | null }): string[] {
  const hasLat = input.lat !== undefined && input.lat !== null;
  const hasLng = input.lng !== undefined && input.lng !== null;
  if (hasLat !== hasLng) return [hasLat ? 'lng' : 'lat'];
  if (!hasLat && !input.place) return ['place'];
  return [];
}

/** The next visit must come after the visit itself. */
export function nextVisitProblem(nextVisitAt: Date | null, checkedInAt: Date): boolean {
  return nextVisitAt !== null && nextVisitAt.getTime() <= checkedInAt.getTime();
}
