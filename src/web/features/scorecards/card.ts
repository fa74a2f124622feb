import { SCORECARD_STATUSES, type ItemInput, type ScoreRule, type ScorecardItem, type ScorecardKind, type ScorecardStatus } from '../../../shared/contracts/scorecards';
import { periodOf } from '../../../shared/domain/kpi-period';
import { DEFAULT_RULE_SETS, judgmentIssue, scoreOf, totalOf } from '../../../shared/domain/scorecards';

/** Points as the card prints them: up to 2 decimals, no trailing zeros (96.5, 25, 3.25); — for none. */
export function fmtPoints(n: number | null | undefined): string {
  if (n === null || n === undefined || !Number.isFinite(n)) return '—';
  const r = Math.round(n * 100) / 100;
  return String(Object.is(r, -0) ? 0 : r);
}

/** A percent as the card prints it: 96.5%. */
export const fmtPercent = (n: number | null | undefined) => (n === null || n === undefined || !Number.isFinite(n) ? '—' : `${fmtPoints(n)}%`);

/** The inputs that are counts (everything else a KPI reads is a percent). */
export const COUNT_INPUTS: readonly ItemInput[] = ['new_accounts', 'valid_complaints', 'late_times', 'absent_days', 'violations'];

/** What an item's rule reads (a judgment reads the evaluator's points). */
export const inputOf = (rule: ScoreRule): ItemInput | null => (rule.kind === 'judgment' ? null : rule.input);

/** Whether an item's value is a percent (a KPI rate), so it reads 96.5%. */
export const isPercent = (rule: ScoreRule) => {
  const input = inputOf(rule);
  return input !== null && !COUNT_INPUTS.includes(input);
};

/** Whether the evaluator types into this item: the evaluator's items (judgments and the counted conduct). */
export const isEntered = (item: Pick<ScorecardItem, 'source'>) => item.source === 'evaluator';

/** How an evaluator's number goes in: judgment points in its steps up to its points; a count whole and from 0. */
export function inputSpec(rule: ScoreRule): { min: number; max: number; step: number; precision?: number } {
  // a judgment's steps are checked (entryIssue), not rounded away: 3.3 shows as typed, in red
  if (rule.kind === 'judgment') return { min: 0, max: rule.points, step: rule.stepOf };
  return { min: 0, max: 1000, step: 1, precision: 0 };
}

/** Why an evaluator's number is refused (an errors-namespace key), or null. */
export function entryIssue(rule: ScoreRule, value: number | null): string | null {
  if (value === null) return null;
  if (rule.kind === 'judgment') return judgmentIssue(rule, value);
  if (!Number.isInteger(value) || value < 0 || value > 1000) return 'scorecards.outOfRange';
  return null;
}

/** An evaluator's edit of one item, not yet saved. */
export interface ItemEdit {
  value: number | null;
  comment: string;
}

/** An item's points as the page shows them: live from the edit (scoreOf) while the evaluator types, else as saved. */
export function livePoints(item: ScorecardItem, edit: ItemEdit | undefined): number | null {
  if (!edit) return item.points;
  return scoreOf(item.rule, edit.value, item.absent);
}

/** The card's total, complete flag and warning, from the items as edited. */
export function liveTotal(items: readonly ScorecardItem[], edits: Record<string, ItemEdit>, threshold: number) {
  return totalOf(
    items.map((i) => livePoints(i, edits[i.key])),
    threshold,
  );
}

/** The edits that differ from what is saved, as PUT /items wants them. */
export function changedEntries(items: readonly ScorecardItem[], edits: Record<string, ItemEdit>) {
  return items
    .filter((i) => {
      const e = edits[i.key];
      return e !== undefined && (e.value !== i.value || (e.comment.trim() || null) !== (i.comment?.trim() || null));
    })
    .map((i) => ({ key: i.key, value: edits[i.key]!.value, comment: edits[i.key]!.comment.trim() || null }));
}

/** A kind's cycle: the director's card is quarterly, the others monthly. */
export const cycleOf = (kind: ScorecardKind) => DEFAULT_RULE_SETS[kind].cycle;

const MONTH = /^(\d{4})-(0[1-9]|1[0-2])$/;
const QUARTER = /^(\d{4})-Q([1-4])$/;

/** Whether a key is a card period (a month or a quarter). */
export const isCardPeriod = (key: string) => MONTH.test(key) || QUARTER.test(key);

/**
 * The period of a kind's cycle that the page shows for `period`: a month for a monthly card (the quarter's month
 * holding today, else its first), a quarter for the director's (the one holding the month).
 */
export function fitPeriod(period: string, kind: ScorecardKind, today: string): string {
  const cycle = cycleOf(kind);
  const m = MONTH.exec(period);
  const q = QUARTER.exec(period);
  if (cycle === 'quarter') {
    if (q) return period;
    if (m) return `${m[1]}-Q${Math.ceil(Number(m[2]) / 3)}`;
    return periodOf(today, 'quarter');
  }
  if (m) return period;
  if (q) {
    const own = periodOf(today, 'quarter') === period;
    return own ? today.slice(0, 7) : `${q[1]}-${String(Number(q[2]) * 3 - 2).padStart(2, '0')}`;
  }
  return today.slice(0, 7);
}

/** The first day of a card period (for a date picker). */
export function periodStart(period: string): string {
  const q = QUARTER.exec(period);
  if (q) return `${q[1]}-${String(Number(q[2]) * 3 - 2).padStart(2, '0')}-01`;
  return `${period}-01`;
}

/** A card period's parts for its label: a month or a quarter of a year. */
export function periodParts(period: string): { year: number; month?: number; quarter?: number } | undefined {
  const m = MONTH.exec(period);
  if (m) return { year: Number(m[1]), month: Number(m[2]) };
  const q = QUARTER.exec(period);
  if (q) return { year: Number(q[1]), quarter: Number(q[2]) };
  return undefined;
}

/** The button that moves a card on, named by where it goes: the locale key under `advance.`. */
export const ADVANCE_LABELS: Record<Exclude<ScorecardStatus, 'draft'>, string> = {
  self_review: 'startSelf',
  evaluator: 'submitSelf',
  director: 'submitReview',
  locked: 'lock',
};

/** The Steps' index of a status. */
export const stepOf = (status: ScorecardStatus) => SCORECARD_STATUSES.indexOf(status);

/** The ranking's sort: `total`, `name`, `status` or `item:<key>`, `-` for descending (the contract's pattern). */
export const SORT_PATTERN = /^-?(total|name|status|item:[a-z][a-z0-9_]{0,39})$/;
export const DEFAULT_SORT = '-total';

/** A column's field in the sort: an item's column is `item:<key>`. */
export const itemSortField = (key: string) => `item:${key}`;

/** The antd sort arrow of a field under `sort`. */
export function sortOrderOf(sort: string, field: string): 'ascend' | 'descend' | null {
  if (sort === field) return 'ascend';
  if (sort === `-${field}`) return 'descend';
  return null;
}

/** The sort after a click on a column's arrow: its field ascending or descending, none back to the default. */
export function sortAfter(field: string | undefined, order: 'ascend' | 'descend' | null | undefined): string {
  if (!field || !order) return DEFAULT_SORT;
  return order === 'descend' ? `-${field}` : field;
}

/** An InputNumber's display without the zeros its step adds (2 not 2.0 in a field of 0.5 steps); as typed while typing. */
export function trimZeros(value: number | string | undefined, info: { userTyping: boolean; input: string }): string {
  if (info.userTyping) return info.input;
  if (value === undefined || value === '') return '';
  const text = String(value);
  return text.includes('.') ? text.replace(/0+$/, '').replace(/\.$/, '') : text;
}

/** An item's name or reading on a kind's form: the form's own words where one item reads differently there (the director's 销售完成率 is a weight). */
export const itemKey = (kind: string, key: string, part: 'name' | 'reading') => [`scorecards:itemsByKind.${kind}.${key}.${part}`, `scorecards:items.${key}.${part}`];
