import type { DailyCounts, PlanItemKind, PlanStatus } from '../../../shared/contracts/work-plans';
import { businessDate } from '../../../shared/domain/business-time';
import { lastWorkingDayOfMonth, shiftDate, workingDayUpTo, type WorkCalendar } from '../../../shared/domain/workdays';
import { issue, type FieldIssue } from '../../../shared/errors';

/**
 * Daily and monthly plans (ACT-4) as pure rules: the counts of 客户拜访日报表, the deadline of the
 * monthly plan (本月最后一个工作日上报次月工作计划) and the completion rate of 客户专员月度考核表.
 */

const filled = (s: string | null | undefined) => typeof s === 'string' && s.trim() !== '';

/**
 * The footer of 客户拜访日报表 over one day's recorded visits:
 * - 日拜访数目: the visits;
 * - 日处理问题: visits whose record says what was solved (`solved` filled);
 * - 日未处理问题: visits that raised something — concerns (`concerns`) or points to watch
 *   (`toWatch`) — and solved nothing. A visit that solved something counts as handled even when
 *   it also lists concerns; a visit with neither counts in neither.
 */
export function dayCounts(visits: readonly { solved: string | null; concerns: string | null; toWatch: string | null }[]): DailyCounts {
  let handled = 0;
  let open = 0;
  for (const v of visits) {
    if (filled(v.solved)) handled += 1;
    else if (filled(v.concerns) || filled(v.toWatch)) open += 1;
  }
  return { visits: visits.length, handled, open };
}

const pad = (n: number) => String(n).padStart(2, '0');
const parseMonth = (month: string) => month.split('-').map(Number) as [number, number];

/** The month after 'YYYY-MM'. */
export function addMonths(month: string, n: number): string {
  const [y, m] = parseMonth(month);
  const d = new Date(Date.UTC(y, m - 1 + n, 1));
  return `${d.getUTCFullYear()}-${pad(d.getUTCMonth() + 1)}`;
}

/** The business month of an instant, 'YYYY-MM'. */
export const monthOf = (at: Date, tz: string) => businessDate(at, tz).slice(0, 7);

/** The business date `n` days before 'YYYY-MM-DD' (n < 0: after). */
export const daysBefore = (date: string, n: number): string => shiftDate(date, -n);

/**
 * The day a daily report opens on: the latest day with a recorded visit (`latest`, a business date up to
 * today, or null when there is none in the look-back), else the last working day up to today under the
 * working calendar — never a day of zeros when some day has data, never a weekend or a holiday when none has.
 */
export function reportDayOf(today: string, latest: string | null, cal: WorkCalendar): { date: string; found: boolean } {
  return latest ? { date: latest, found: true } : { date: workingDayUpTo(today, cal), found: false };
}

/**
 * A plan for `month` is due on the last working day of the month before (本月最后一个工作日上报次月工作计划),
 * under the working calendar: a month ending in a holiday steps back before it, a make-up Saturday counts.
 */
export const planDueOn = (month: string, cal: WorkCalendar) => lastWorkingDayOfMonth(addMonths(month, -1), cal);

/** Late: submitted (in business time) after the day it was due. */
export function isLate(month: string, submittedAt: Date, tz: string, cal: WorkCalendar): boolean {
  return businessDate(submittedAt, tz) > planDueOn(month, cal);
}

/** 完成率: actual ÷ planned to 4 decimals (like the expense control rate); null when nothing was planned. */
export function completionRate(actual: number, planned: number): number | null {
  if (planned <= 0) return null;
  return Math.round((actual / planned) * 10_000) / 10_000;
}

export const planVsActual = (planned: number, actual: number) => ({ planned, actual, rate: completionRate(actual, planned) });

/** Only a draft is changed or submitted; a submitted plan is the record the month is judged by. */
export const canChange = (status: PlanStatus) => status === 'draft';

/** A plan is made for the current month (a late plan) or a later one, never for a month gone by. */
export const monthProblem = (month: string, now: Date, tz: string) => month < monthOf(now, tz);

/**
 * The items of a plan: a name without an account (a prospect), a planned day inside the plan's
 * month, no account listed twice under one kind. Field paths items.N.<field>.
 */
export function itemIssues(month: string, items: readonly { kind: PlanItemKind; accountId?: number | null; targetName?: string | null; plannedOn?: string | null }[]): FieldIssue[] {
  const out: FieldIssue[] = [];
  const seen = new Set<string>();
  items.forEach((it, i) => {
    if (it.accountId == null && !filled(it.targetName)) out.push(issue(`items.${i}.targetName`, 'workPlans.targetRequired', 'Choose an account or name the target'));
    if (it.plannedOn && it.plannedOn.slice(0, 7) !== month) out.push(issue(`items.${i}.plannedOn`, 'workPlans.dayOutsideMonth', 'The planned day lies in the plan’s month', { month }));
    if (it.accountId != null) {
      const key = `${it.kind}:${it.accountId}`;
      if (seen.has(key)) out.push(issue(`items.${i}.accountId`, 'workPlans.accountTwice', 'The account is listed twice for this kind'));
      seen.add(key);
    }
  });
  return out;
}
