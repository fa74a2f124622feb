import { zonedInstant } from '../../../shared/domain/business-time';
import { OPEN_PLAN_STATUSES, type PlanStatus } from '../../../shared/contracts/plans';

export { isPastDue as isOverdue } from '../../../shared/domain/business-time';

export function isOpenPlanStatus(status: string): boolean {
  return (OPEN_PLAN_STATUSES as readonly string[]).includes(status);
}

/**
 * What a status change means for the item's closing fields and its task: closing as done or
 * cancelled closes the task the same way; reopening a closed item gives it a new task.
 */
export type StatusTransition = 'none' | 'done' | 'cancelled' | 'reopen';
export function planTransition(from: PlanStatus, to: PlanStatus): StatusTransition {
  const wasOpen = isOpenPlanStatus(from);
  const isOpen = isOpenPlanStatus(to);
  if (wasOpen && !isOpen) return to === 'done' ? 'done' : 'cancelled';
  if (!wasOpen && isOpen) return 'reopen';
  if (!wasOpen && !isOpen && from !== to) return to === 'done' ? 'done' : 'cancelled';
  return 'none';
}

/** The end of the working day (18:00 business time) of a due date: when the task falls due. */
export function taskDueAt(dueOn: string | null, timeZone: string): Date | null {
  if (!dueOn) return null;
  const [y, m, d] = dueOn.split('-').map(Number) as [number, number, number];
  return zonedInstant(timeZone, y, m - 1, d, 18, 0);
}

/** A task title from the item's own words, within the task limit of 200 characters. */
export function planTaskTitle(accountName: string, measures: string): string {
  const firstLine = measures.split(/\r?\n/)[0]!.trim();
  const title = `${accountName} · ${firstLine}`;
  return title.length > 200 ? `${title.slice(0, 199)}…` : title;
}
