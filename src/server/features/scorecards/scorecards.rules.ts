import { KPI_KEYS, type KpiFigure, type KpiKey } from '../../../shared/contracts/kpis';
import { SCORECARD_KINDS, SCORECARD_STATUSES, type RuleSet, type ScorecardKind, type ScorecardStatus, type ScoreItemDef } from '../../../shared/contracts/scorecards';
import { fullMarks, scoreOf, totalOf } from '../../../shared/domain/scorecards';

/** The forms of a period: a month's are the account manager's and the specialist's, a quarter's the director's. */
export function kindsOfPeriod(period: string): ScorecardKind[] {
  return /-Q[1-4]$/.test(period) ? ['director'] : ['account_manager', 'specialist'];
}

/** The months of a card's period ('2026-Q3' → 2026-07, 08, 09). */
export function monthsOf(period: string): string[] {
  const q = /^(\d{4})-Q([1-4])$/.exec(period);
  if (!q) return [period];
  const first = Number(q[2]) * 3 - 2;
  return [0, 1, 2].map((i) => `${q[1]}-${String(first + i).padStart(2, '0')}`);
}

/** Which form a person is scored on by their positions (the seeds' three roles), among the period's forms. */
export function kindOfPositions(positions: readonly string[], kinds: readonly ScorecardKind[]): ScorecardKind | null {
  const by: Record<string, ScorecardKind> = { ka_director: 'director', account_manager: 'account_manager', field_specialist: 'specialist', office_specialist: 'specialist' };
  for (const k of kinds) if (positions.some((p) => by[p] === k)) return k;
  return null;
}

/** The positions scored on a form. */
export const POSITIONS_OF: Record<ScorecardKind, readonly string[]> = {
  account_manager: ['account_manager'],
  specialist: ['field_specialist', 'office_specialist'],
  director: ['ka_director'],
};

const next = (s: ScorecardStatus): ScorecardStatus | null => SCORECARD_STATUSES[SCORECARD_STATUSES.indexOf(s) + 1] ?? null;

/**
 * What the caller may do on a card. `manages`: scorecard:manage reaches the card's person — never one's own
 * card. The steps: the manager sends a draft for self-review; the person (or the manager) hands the self-review
 * on; the evaluator (the card's, or a manager) enters the judgment items and hands them on; a manager locks.
 */
export function cardActions(card: { status: ScorecardStatus; userId: number; evaluatorId: number | null }, actor: { userId: number }, manages: boolean) {
  const own = card.userId === actor.userId;
  const evaluates = !own && (manages || card.evaluatorId === actor.userId);
  const to = next(card.status);
  let advance: ScorecardStatus | null = null;
  if (to) {
    if (card.status === 'draft' || card.status === 'director') advance = manages && !own ? to : null;
    else if (card.status === 'self_review') advance = own || (manages && !own) ? to : null;
    else if (card.status === 'evaluator') advance = evaluates ? to : null;
  }
  const sendBack = card.status === 'self_review' || card.status === 'director' ? manages && !own : card.status === 'evaluator' ? evaluates : false;
  return {
    refresh: card.status !== 'locked' && (evaluates || (manages && !own)),
    evaluate: card.status === 'evaluator' && evaluates,
    advance,
    sendBack,
    reopen: card.status === 'locked' && evaluates,
  };
}

/** Which chain a reopening goes to: the GM's when it is a director's card or a director asks, else the KA director's. */
export const reopenDocType = (c: { cardKind: string; requesterIsDirector: boolean }): 'scorecard_reopen' | 'scorecard_reopen_gm' =>
  c.cardKind === 'director' || c.requesterIsDirector ? 'scorecard_reopen_gm' : 'scorecard_reopen';

/** The status a card goes back to. */
export const previous = (s: ScorecardStatus): ScorecardStatus | null => (s === 'draft' || s === 'locked' ? null : SCORECARD_STATUSES[SCORECARD_STATUSES.indexOf(s) - 1]!);

export interface ItemState {
  value: number | null;
  absent: number | null;
  numerator: number | null;
  denominator: number | null;
}

/** The attendance of a card's months summed: late times and absent days, null when a month is missing. */
export function attendanceOf(months: readonly string[], rows: readonly { month: string; late_times: number; absent_days: number }[]): { late: number; absent: number } | null {
  if (!months.every((m) => rows.some((r) => r.month === m))) return null;
  const mine = rows.filter((r) => months.includes(r.month));
  return { late: mine.reduce((s, r) => s + r.late_times, 0), absent: mine.reduce((s, r) => s + Number(r.absent_days), 0) };
}

const isKpi = (input: string): input is KpiKey => (KPI_KEYS as readonly string[]).includes(input);

/**
 * A computed item's state from the KPI figures (the person's, or the unit's for the director's form) and the
 * attendance; null for an item the evaluator fills.
 */
export function computedItem(def: ScoreItemDef, figures: Record<KpiKey, KpiFigure> | undefined, attendance: { late: number; absent: number } | null): ItemState | null {
  if (def.source === 'evaluator') return null;
  if (def.source === 'attendance') return { value: attendance?.late ?? null, absent: attendance?.absent ?? null, numerator: null, denominator: null };
  const input = 'input' in def.rule ? def.rule.input : null;
  const f = input && isKpi(input) ? figures?.[input] : undefined;
  return { value: f?.value ?? null, absent: null, numerator: f?.numerator ?? null, denominator: f?.denominator ?? null };
}

/** The KPIs the computed items of these cards' rule sets read (what the KPI library measures for them). */
export function kpisRead(sets: readonly RuleSet[]): KpiKey[] {
  const out = new Set<KpiKey>();
  for (const set of sets) for (const def of set.items) if (def.source === 'kpi' && 'input' in def.rule && isKpi(def.rule.input)) out.add(def.rule.input);
  return [...out];
}

/** An item's points from its state. */
export const pointsOf = (def: ScoreItemDef, s: { value: number | null; absent: number | null }) => scoreOf(def.rule, s.value, s.absent);

/** A card's total and warning from its items' points. */
export function cardTotal(set: RuleSet, points: ReadonlyMap<string, number | null>) {
  return totalOf(
    set.items.map((i) => points.get(i.key) ?? null),
    set.threshold,
  );
}

/** Ranks by total, best first; ties share a rank (1, 1, 3). */
export function ranked<T extends { total: number }>(rows: readonly T[]): (T & { rank: number })[] {
  const sorted = [...rows].sort((a, b) => b.total - a.total);
  return sorted.map((r) => ({ ...r, rank: sorted.findIndex((x) => x.total === r.total) + 1 }));
}

/** Sorts the ranking rows by total, name, status or an item's points (missing last). */
export function sortRows<T extends { total: number; status: string; person: { name: string }; points: Record<string, number | null> }>(rows: readonly T[], sort: string): T[] {
  const desc = sort.startsWith('-');
  const field = desc ? sort.slice(1) : sort;
  const val = (r: T): number | string | null =>
    field === 'total' ? r.total : field === 'name' ? r.person.name : field === 'status' ? SCORECARD_STATUSES.indexOf(r.status as ScorecardStatus) : (r.points[field.slice(5)] ?? null);
  return [...rows].sort((a, b) => {
    const x = val(a);
    const y = val(b);
    if (x === null || y === null) return x === y ? 0 : x === null ? 1 : -1;
    const c = typeof x === 'string' ? x.localeCompare(String(y), 'zh-CN') : x - (y as number);
    return desc ? -c : c;
  });
}

/**
 * Why a rule set is refused, as issues (path, i18n key): each form once, keys unique, and each item's source
 * fitting its rule — judgment and violations for the evaluator, late times for attendance, KPIs computed.
 */
export function ruleSetIssues(sets: readonly RuleSet[]): { path: string; key: string }[] {
  const out: { path: string; key: string }[] = [];
  SCORECARD_KINDS.forEach((k) => {
    if (sets.filter((s) => s.kind === k).length !== 1) out.push({ path: 'ruleSets', key: 'scorecards.eachFormOnce' });
  });
  sets.forEach((set, i) => {
    if (set.cycle !== (set.kind === 'director' ? 'quarter' : 'month')) out.push({ path: `ruleSets.${i}.cycle`, key: 'scorecards.badCycle' });
    const seen = new Set<string>();
    set.items.forEach((item, j) => {
      const at = `ruleSets.${i}.items.${j}`;
      if (seen.has(item.key)) out.push({ path: `${at}.key`, key: 'scorecards.duplicateItem' });
      seen.add(item.key);
      const r = item.rule;
      const fits =
        item.source === 'evaluator'
          ? r.kind === 'judgment' || (r.kind === 'per' && r.input === 'violations')
          : item.source === 'attendance'
            ? r.kind === 'tiers' && r.input === 'late_times'
            : r.kind !== 'judgment' && r.kind !== 'tiers' && isKpi(r.input);
      if (!fits) out.push({ path: `${at}.source`, key: 'scorecards.sourceMismatch' });
      if (r.kind === 'step' && r.min > r.max) out.push({ path: `${at}.rule.min`, key: 'scorecards.minOverMax' });
    });
    if (set.threshold > fullMarks(set)) out.push({ path: `ruleSets.${i}.threshold`, key: 'scorecards.thresholdOverFull' });
  });
  return out;
}
