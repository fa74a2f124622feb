/**
 * Pure rules of business trips (ACT-9): when a 行踪登记 is allowed, which trip days lack one, and
 * the totals of cost lines. Dates are business dates 'YYYY-MM-DD' (compare as strings).
 */

export type CheckinRefusal = 'notApproved' | 'beforeTrip' | 'afterTrip' | 'reported' | 'alreadyCheckedIn';

export interface CheckinState {
  status: string;
  reportStatus: string;
  startOn: string;
  endOn: string;
  /** days that already have a check-in */
  checkedDays: readonly string[];
}

/** Why a check-in on `day` is refused, or null when it is allowed: approved trips only, within their dates, once a day, not after the report. */
export function checkinRefusal(trip: CheckinState, day: string): CheckinRefusal | null {
  if (trip.status !== 'approved') return 'notApproved';
  if (trip.reportStatus !== 'none') return 'reported';
  if (day < trip.startOn) return 'beforeTrip';
  if (day > trip.endOn) return 'afterTrip';
  if (trip.checkedDays.includes(day)) return 'alreadyCheckedIn';
  return null;
}

/** The next calendar date of a 'YYYY-MM-DD'. */
export function nextDay(day: string): string {
  const d = new Date(`${day}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + 1);
  return d.toISOString().slice(0, 10);
}

/** Every date from `from` to `to` inclusive (empty when to < from); at most 366 days. */
export function daysBetween(from: string, to: string): string[] {
  const out: string[] = [];
  for (let d = from; d <= to && out.length < 366; d = nextDay(d)) out.push(d);
  return out;
}

/**
 * Trip days without a check-in: from the first day up to the day before `today` (today can still
 * be checked in), the last day, or the return date, whichever is earliest. Only an approved trip
 * has days to miss.
 */
export function missingDays(trip: { status: string; startOn: string; endOn: string; returnedOn: string | null; checkedDays: readonly string[] }, today: string): string[] {
  if (trip.status !== 'approved') return [];
  const checked = new Set(trip.checkedDays);
  const lastDue = [trip.endOn, trip.returnedOn ?? trip.endOn, previousDay(today)].sort()[0]!;
  return daysBetween(trip.startOn, lastDue).filter((d) => !checked.has(d));
}

export function previousDay(day: string): string {
  const d = new Date(`${day}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() - 1);
  return d.toISOString().slice(0, 10);
}

/** Sum of cost lines in fen. */
export function costTotal(lines: readonly { amount: number }[]): number {
  return lines.reduce((s, l) => s + l.amount, 0);
}
