import { issue, type FieldIssue } from '../../../shared/errors';
import type { TargetCell, TargetCellInput, TargetChangeLine, TargetPlanStatus, TargetRowKind } from '../../../shared/contracts/targets';
import { levelOrderIssue } from '../../../shared/domain/targets';

type ApprovalMove = 'pending' | 'approved' | 'rejected' | 'returned' | 'withdrawn';

/** A plan's status as its approval moves: returned reads as rejected (editable again), withdrawn as a draft. */
export function planStatusFor(approval: ApprovalMove): TargetPlanStatus {
  if (approval === 'returned') return 'rejected';
  if (approval === 'withdrawn') return 'draft';
  return approval;
}

/** A change's status as its approval moves (a returned change is over: the requester asks again). */
export function changeStatusFor(approval: ApprovalMove): 'pending' | 'approved' | 'rejected' | 'withdrawn' {
  if (approval === 'returned') return 'rejected';
  return approval;
}

export const EDITABLE_PLAN: readonly TargetPlanStatus[] = ['draft', 'rejected'];

/**
 * Which chain a plan goes to: a plan under a planned unit (its total comes from the plan above) is signed by
 * the KA director above (target_plan_sub); a top plan — a department's whole target — by the GM (target_plan).
 */
export const planDocType = (hasParentPlan: boolean) => (hasParentPlan ? 'target_plan_sub' : 'target_plan');

/**
 * Which chain a change goes to (seed 003 第6条: a change needs the KA director's approval; PERF-1: never by the
 * person it concerns). The KA director above signs (target_change) unless that would be the person concerned
 * or the one asking: a change of the unit's own total, of a KA director's own row, or asked by a KA director
 * goes to the GM (target_change_gm).
 */
export function changeDocType(c: { requesterIsDirector: boolean; touchesTotal: boolean; touchesDirectorRow: boolean }): 'target_change' | 'target_change_gm' {
  return c.requesterIsDirector || c.touchesTotal || c.touchesDirectorRow ? 'target_change_gm' : 'target_change';
}

const rowKey = (kind: TargetRowKind, id: number) => `${kind}:${id}`;

/**
 * The issues of a grid write: every cell names a row the caller may change (`cells.<i>.id` otherwise), a month
 * once (`cells.<i>.month` on a repeat), and its levels in order base ≤ stretch ≤ challenge.
 */
export function cellIssues(cells: readonly TargetCellInput[], editableRows: ReadonlySet<string>): FieldIssue[] {
  const issues: FieldIssue[] = [];
  const seen = new Set<string>();
  cells.forEach((c, i) => {
    const key = rowKey(c.kind, c.id);
    if (!editableRows.has(key)) {
      issues.push(issue(`cells.${i}.id`, 'targets.rowNotInPlan', 'This row is not one of the plan’s rows you may change'));
      return;
    }
    const cellKey = `${key}:${c.month}`;
    if (seen.has(cellKey)) issues.push(issue(`cells.${i}.month`, 'targets.cellRepeated', 'This month of this row is given twice'));
    seen.add(cellKey);
    const bad = levelOrderIssue(c);
    if (bad === 'stretch') issues.push(issue(`cells.${i}.stretch`, 'targets.stretchBelowBase', 'The stretch target is below the base target'));
    if (bad === 'challenge') issues.push(issue(`cells.${i}.challenge`, 'targets.challengeBelowStretch', 'The challenge target is below the stretch target'));
  });
  return issues;
}

/**
 * The issues of a change request: each line names a row the requester may change (`lines.<i>.id`), a cell
 * once, a value that differs from the locked one (`lines.<i>.value` when equal), and the cell's levels stay
 * in order after it (`lines.<i>.value`).
 */
export function changeIssues(lines: readonly TargetChangeLine[], current: (kind: TargetRowKind, id: number, month: number) => TargetCell, changeableRows: ReadonlySet<string>): FieldIssue[] {
  const issues: FieldIssue[] = [];
  const seen = new Set<string>();
  const after = new Map<string, TargetCell>();
  lines.forEach((l, i) => {
    const key = rowKey(l.kind, l.id);
    if (!changeableRows.has(key)) {
      issues.push(issue(`lines.${i}.id`, 'targets.rowNotChangeable', 'You may not ask to change this row'));
      return;
    }
    const lineKey = `${key}:${l.month}:${l.level}`;
    if (seen.has(lineKey)) {
      issues.push(issue(`lines.${i}.level`, 'targets.cellRepeated', 'This month of this row is given twice'));
      return;
    }
    seen.add(lineKey);
    const cellKey = `${key}:${l.month}`;
    const cell = after.get(cellKey) ?? { ...current(l.kind, l.id, l.month) };
    if (cell[l.level] === l.value) issues.push(issue(`lines.${i}.value`, 'targets.changeUnchanged', 'The new value is the locked one'));
    cell[l.level] = l.value;
    after.set(cellKey, cell);
  });
  for (const [cellKey, cell] of after) {
    const bad = levelOrderIssue(cell);
    if (!bad) continue;
    const i = lines.findIndex((l) => `${rowKey(l.kind, l.id)}:${l.month}` === cellKey);
    issues.push(issue(`lines.${i}.value`, bad === 'stretch' ? 'targets.stretchBelowBase' : 'targets.challengeBelowStretch', 'The levels of the cell would be out of order'));
  }
  return issues;
}

/**
 * Seed 003 第4条 (1) 前期平均销售量: a row's own average of each month over the three years before the plan's —
 * over the years in which the row recorded anything at all (a person who joined last year is not averaged
 * against two empty years); none: 0. Rounded to a whole unit.
 */
export function ownAverage(byYearMonth: ReadonlyMap<string, number> | undefined, year: number): number[] {
  const years = [year - 3, year - 2, year - 1].filter((y) => Array.from({ length: 12 }, (_, m) => byYearMonth?.get(`${y}-${m + 1}`) ?? 0).some((v) => v !== 0));
  return Array.from({ length: 12 }, (_, m) => (years.length === 0 ? 0 : Math.round(years.reduce((s, y) => s + (byYearMonth?.get(`${y}-${m + 1}`) ?? 0), 0) / years.length)));
}

/** Each month of the year before the plan's (the seasonality a fill follows). */
export function lastYear(byYearMonth: ReadonlyMap<string, number> | undefined, year: number): number[] {
  return Array.from({ length: 12 }, (_, m) => byYearMonth?.get(`${year - 1}-${m + 1}`) ?? 0);
}
