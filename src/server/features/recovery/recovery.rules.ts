import type { LifecycleStage } from '../../../shared/contracts/accounts';
import { OPEN_RECOVERY_STATES, RECOVERABLE_LIFECYCLES, type RecoverySettings, type RecoveryState } from '../../../shared/contracts/recovery';
import type { MeasureResult } from '../../../shared/domain/health';
import { measureText, type Translate } from '../../../shared/domain/health-text';
import { addWorkingDays, type WorkCalendar } from '../../../shared/domain/workdays';

/**
 * The template steps a plan starts with (the settings; an admin of the plans changes them). Written for a
 * key-account department: find out why, reach the top, answer with measures, fix what hurt, confirm.
 */
export const DEFAULT_RECOVERY_SETTINGS: RecoverySettings = {
  steps: [
    { title: '约见客户关键人，了解不满与流失原因', dueDays: 3 },
    { title: '制定挽回措施并报大客户部主管', dueDays: 5 },
    { title: '安排我方领导高层拜访', dueDays: 10 },
    { title: '解决遗留问题（投诉、回款、服务）并向客户反馈', dueDays: 15 },
    { title: '回访确认客户满意度与合作意向', dueDays: 30 },
  ],
};

/** Only customers get a plan: an account in 合作, 维护, 挽回 or already 预警 (a prospect has nothing to lose yet). */
export const recoverable = (lifecycle: string): boolean => (RECOVERABLE_LIFECYCLES as readonly string[]).includes(lifecycle);

/** The lifecycle a plan's opening moves the account to: 预警, unless it is there already. */
export const lifecycleOnOpen = (lifecycle: string): LifecycleStage | null => (recoverable(lifecycle) && lifecycle !== 'at_risk' ? 'at_risk' : null);

/**
 * The lifecycle a plan's close moves the account to: won back → 挽回 (from 预警; an account someone has
 * moved on already stays where it is), lost → 流失 (from anywhere but 流失).
 */
export function lifecycleOnClose(outcome: 'won_back' | 'lost', lifecycle: string): LifecycleStage | null {
  if (outcome === 'won_back') return lifecycle === 'at_risk' ? 'recovered' : null;
  return lifecycle === 'lost' ? null : 'lost';
}

export const isOpen = (state: string): boolean => (OPEN_RECOVERY_STATES as readonly string[]).includes(state);
/** 开始执行: an open plan, not yet in progress. */
export const canStart = (state: string): boolean => state === 'open';
/** A band move that opens a plan: into red from anything else (the first recompute included). */
export const opensPlan = (move: { from: string | null; to: string | null }): boolean => move.to === 'red' && move.from !== 'red';

/** The template steps with their due dates: `dueDays` working days after `today` on the working calendar. */
export function templateSteps(settings: RecoverySettings, today: string, cal: WorkCalendar): { title: string; dueDate: string }[] {
  return settings.steps.map((s) => ({ title: s.title, dueDate: addWorkingDays(today, s.dueDays, cal) }));
}

/** The drivers as one reason ("近 47 天未拜访，政策为 30 天；2 位关键人倾向竞争对手"), in the language of `t`. */
export function driversReason(drivers: readonly MeasureResult[], t: Translate, money: (fen: number) => string): string {
  return drivers.map((d) => measureText(t, d, money)).join('；');
}

/** The state after a close. */
export const closedState = (outcome: 'won_back' | 'lost'): RecoveryState => outcome;
