import { boundsProblem } from '../../../shared/domain/receivables';
import { addWorkingDays, shiftDate, type WorkCalendar } from '../../../shared/domain/workdays';
import { issue, type FieldIssue } from '../../../shared/errors';
import type { StatementLine, StatementLineKind } from '../../../shared/contracts/receivables';

/** 帐款催收 has four levels: 1 a notice to the owner, 2 a collection task, 3 the KA director, 4 the GM. */
export const DUNNING_LEVEL_COUNT = 4;
/** A collection task falls due this many working days after the run that creates it. */
export const DUNNING_TASK_WORKING_DAYS = 3;
/** The tasks of an instalment's dunning link to it as this entity (settleDunning closes them). */
export const DUNNING_TASK_ENTITY = 'contract_instalment';
/** What made such a task (tasks.source). */
export const DUNNING_TASK_SOURCE = 'dunning';

/** The calendar date `n` days after (negative: before) 'YYYY-MM-DD'. */
export const addDays = shiftDate;

/** The day a collection task made on `asOf` falls due: DUNNING_TASK_WORKING_DAYS working days on, under the working calendar. */
export const dunningTaskDueOn = (asOf: string, cal: WorkCalendar): string => addWorkingDays(asOf, DUNNING_TASK_WORKING_DAYS, cal);

const lastDayOf = (year: number, month: number) => new Date(Date.UTC(year, month, 0)).toISOString().slice(0, 10);
const pad = (n: number) => String(n).padStart(2, '0');

/**
 * A rate period as a date range: 2026-11 (a month), 2026-Q4 (a quarter), 2026-H2 (a half year),
 * 2026 (a year). Null for anything else.
 */
export function periodRange(period: string): { from: string; to: string } | null {
  const m = /^(\d{4})(?:-(?:(0[1-9]|1[0-2])|Q([1-4])|H([12])))?$/.exec(period);
  if (!m) return null;
  const year = Number(m[1]);
  const [first, last] = m[2] ? [Number(m[2]), Number(m[2])] : m[3] ? [Number(m[3]) * 3 - 2, Number(m[3]) * 3] : m[4] ? [Number(m[4]) * 6 - 5, Number(m[4]) * 6] : [1, 12];
  return { from: `${year}-${pad(first)}-01`, to: lastDayOf(year, last) };
}

/** The first and last day of a month 'YYYY-MM'. */
export function monthRange(month: string): { from: string; to: string } {
  return periodRange(month)!;
}

/** Checks the dunning levels: exactly four whole, strictly increasing day counts ≥ 1. */
export function dunningDaysProblem(days: readonly number[]): 'count' | 'order' | null {
  if (days.length !== DUNNING_LEVEL_COUNT) return 'count';
  for (let i = 0; i < days.length; i++) if (!Number.isInteger(days[i]) || days[i]! < 1 || (i > 0 && days[i]! <= days[i - 1]!)) return 'order';
  return null;
}

/** What is wrong with new receivables settings, each issue naming its field. */
export function settingsIssues(input: { ageing?: { bounds: number[] }; dunning?: { days: number[] } }): FieldIssue[] {
  const out: FieldIssue[] = [];
  const bounds = input.ageing ? boundsProblem(input.ageing.bounds) : null;
  if (bounds === 'count') out.push(issue('ageing.bounds', 'receivables.boundsCount', 'Between 1 and 8 bucket bounds'));
  if (bounds === 'order') out.push(issue('ageing.bounds', 'receivables.boundsOrder', 'Bucket bounds are whole days ≥ 1, each above the one before'));
  const days = input.dunning ? dunningDaysProblem(input.dunning.days) : null;
  if (days === 'count') out.push(issue('dunning.days', 'receivables.dunningCount', 'Exactly four dunning levels'));
  if (days === 'order') out.push(issue('dunning.days', 'receivables.dunningOrder', 'Dunning days are whole days ≥ 1, each above the one before'));
  return out;
}

/** a ÷ b to four decimals (0.8125 = 81.25 %); null when nothing was expected. */
export const ratio = (a: number, b: number): number | null => (b > 0 ? Math.round((a / b) * 10_000) / 10_000 : null);

/** The order of a statement's lines on one day: what fell due, then invoices, receipts, write-offs. */
const KIND_ORDER: Record<StatementLineKind, number> = { due: 0, invoice: 1, receipt: 2, write_off: 3 };

export type StatementEntry = Omit<StatementLine, 'balance'>;

/**
 * A statement from its opening balance and entries: the entries in date order (then kind, then
 * reference), each with the balance after it; the closing balance and the column totals.
 */
export function buildStatement(opening: number, entries: readonly StatementEntry[]) {
  const sorted = [...entries].sort((a, b) => a.date.localeCompare(b.date) || KIND_ORDER[a.kind] - KIND_ORDER[b.kind] || a.ref.localeCompare(b.ref) || (a.seq ?? 0) - (b.seq ?? 0));
  let balance = opening;
  const totals = { debit: 0, credit: 0, invoiced: 0 };
  const lines: StatementLine[] = sorted.map((e) => {
    balance += e.debit - e.credit;
    totals.debit += e.debit;
    totals.credit += e.credit;
    totals.invoiced += e.invoiced;
    return { ...e, balance };
  });
  return { opening, lines, totals, closing: balance };
}

/** A dunning step just recorded (only the inserted rows act). */
export interface NewStep {
  instalmentId: number;
  level: number;
}

/**
 * What the newly recorded steps of one run ask for, per instalment: one notice to the owner at the
 * highest new level (a first run that finds 40 days overdue records levels 1–3 but tells the owner
 * once), a collection task when level 2 is new, the KA director when level 3 is new, the GM when 4 is.
 */
export function dunningActions(steps: readonly NewStep[]) {
  const by = new Map<number, number[]>();
  for (const s of steps) by.set(s.instalmentId, [...(by.get(s.instalmentId) ?? []), s.level]);
  return [...by].map(([instalmentId, levels]) => ({
    instalmentId,
    ownerLevel: Math.max(...levels),
    ownerTask: levels.includes(2),
    director: levels.includes(3),
    gm: levels.includes(4),
  }));
}
