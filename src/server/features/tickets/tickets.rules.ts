import type { EscalationLevel, SlaMilestone, SlaPolicy, SlaSettingsValue, SlaState, TicketKind, TicketSeverity, TicketStatus } from '../../../shared/contracts/tickets';
import { SLA_MILESTONES, TICKET_KINDS, TICKET_SEVERITIES } from '../../../shared/contracts/tickets';
import { addWorkingMinutes, workingMinutesBetween, type WorkCalendar, type WorkingHours } from '../../../shared/domain/workdays';

/**
 * The tickets room's pure rules (SVC-1): the number, which moves a state allows, the SLA policy a ticket
 * gets, its milestones' warning and due instants on working time, pausing and resuming their clocks,
 * each milestone's state, and the escalation levels reached and what each asks for.
 */

/** 工单编号: TS-<year>-<id, 6 digits at least>. */
export const ticketNumber = (year: number, id: number) => `TS-${year}-${String(id).padStart(6, '0')}`;

// ---- states ----

/** The moves by hand and the statuses each starts from (assign and judge aside). */
export const TICKET_MOVES = {
  /** 开始处理: meets the first response */
  start: ['new', 'assigned'],
  /** 等待客户: the SLA clock pauses */
  wait: ['in_progress'],
  /** 继续处理: the clock resumes, the pause moved the due times out */
  resume: ['waiting'],
  /** 解决 (with the resolution): meets the resolve milestone; the clock stops */
  resolve: ['in_progress', 'waiting'],
  /** 关闭 */
  close: ['resolved'],
  /** 重新打开 (with the reason): the resolve milestone runs again from where it stopped */
  reopen: ['resolved', 'closed'],
} as const satisfies Record<string, readonly TicketStatus[]>;
export type TicketMove = keyof typeof TICKET_MOVES;
export const MOVE_TARGET: Record<TicketMove, TicketStatus> = { start: 'in_progress', wait: 'waiting', resume: 'in_progress', resolve: 'resolved', close: 'closed', reopen: 'in_progress' };
export const canMove = (move: TicketMove, status: string) => (TICKET_MOVES[move] as readonly string[]).includes(status);

/** A ticket is handed to another owner while it is still handled; a new one becomes assigned. */
export const ASSIGNABLE: readonly TicketStatus[] = ['new', 'assigned', 'in_progress', 'waiting'];
export const assignedStatus = (status: TicketStatus): TicketStatus => (status === 'new' ? 'assigned' : status);
/** A ticket logged by its own owner is new; one logged for someone else is assigned to them. */
export const initialStatus = (ownerId: number, creatorId: number): TicketStatus => (ownerId === creatorId ? 'new' : 'assigned');
/** The statuses whose fields may be changed (a closed ticket is reopened first). */
export const editable = (status: string) => status !== 'closed';
/** The statuses whose SLA clock is stopped. */
export const clockStopped = (status: string) => status === 'waiting' || status === 'resolved' || status === 'closed';

// ---- policies ----

/** Working minutes: one working day is 450 under the default hours (09:00–18:00, 12:00–13:30 off). */
const P = (kind: TicketKind, severity: TicketSeverity, respondMinutes: number, resolveMinutes: number): SlaPolicy => ({ kind, severity, tier: null, respondMinutes, resolveMinutes });
export const DEFAULT_SLA: SlaSettingsValue = {
  policies: [
    P('complaint', 'critical', 60, 480),
    P('complaint', 'high', 120, 960),
    P('complaint', 'medium', 240, 2400),
    P('complaint', 'low', 480, 4800),
    P('service', 'critical', 60, 960),
    P('service', 'high', 120, 1920),
    P('service', 'medium', 480, 2400),
    P('service', 'low', 960, 4800),
    P('enquiry', 'critical', 120, 480),
    P('enquiry', 'high', 240, 960),
    P('enquiry', 'medium', 480, 1920),
    P('enquiry', 'low', 960, 2880),
  ],
  warnPercent: 75,
  gmAfterMinutes: 240,
};

export type PolicyProblem = { index: number; problem: 'duplicate' | 'resolveBeforeRespond' } | { index: null; problem: 'defaultMissing'; kind: TicketKind; severity: TicketSeverity };

/** What is wrong with a set of policies: a duplicate kind × severity × tier, a resolve budget under the response's, a kind × severity without its default (tier null). */
export function policyProblems(policies: readonly SlaPolicy[]): PolicyProblem[] {
  const out: PolicyProblem[] = [];
  const seen = new Set<string>();
  policies.forEach((p, index) => {
    const key = `${p.kind}/${p.severity}/${p.tier ?? ''}`;
    if (seen.has(key)) out.push({ index, problem: 'duplicate' });
    seen.add(key);
    if (p.resolveMinutes < p.respondMinutes) out.push({ index, problem: 'resolveBeforeRespond' });
  });
  for (const kind of TICKET_KINDS)
    for (const severity of TICKET_SEVERITIES) if (!seen.has(`${kind}/${severity}/`)) out.push({ index: null, problem: 'defaultMissing', kind, severity });
  return out;
}

/** The policy of a kind and severity for an account of `tier`: the tier's own, else the default; the built-in default when the settings lack both. */
export function policyFor(policies: readonly SlaPolicy[], kind: TicketKind, severity: TicketSeverity, tier: string | null): SlaPolicy {
  const match = (list: readonly SlaPolicy[]) => list.find((p) => p.kind === kind && p.severity === severity && p.tier === tier) ?? list.find((p) => p.kind === kind && p.severity === severity && p.tier === null);
  return match(policies) ?? match(DEFAULT_SLA.policies)!;
}

export const budgetOf = (policy: SlaPolicy, milestone: SlaMilestone) => (milestone === 'first_response' ? policy.respondMinutes : policy.resolveMinutes);

// ---- clocks ----

/** What working time is: the calendar, the hours of a working day and the business time zone. */
export interface WorkClock {
  calendar: WorkCalendar;
  hours: WorkingHours;
  timeZone: string;
}

/**
 * A milestone's warning and due instants: `warnPercent` % and all of the budget in working time after the
 * ticket was received, moved out by the working minutes the clock was paused.
 */
export function milestoneTimes(receivedAt: Date, budgetMinutes: number, pausedMinutes: number, warnPercent: number, clock: WorkClock): { warnAt: Date; dueAt: Date } {
  const add = (m: number) => addWorkingMinutes(receivedAt, m, clock.calendar, clock.hours, clock.timeZone);
  return { warnAt: add((budgetMinutes * warnPercent) / 100 + pausedMinutes), dueAt: add(budgetMinutes + pausedMinutes) };
}

/** The working minutes the clock stood still from `pausedAt` to `now` (added to every milestone not met when it resumes). */
export const pausedMinutesOf = (pausedAt: Date, now: Date, clock: WorkClock) => workingMinutesBetween(pausedAt, now, clock.calendar, clock.hours, clock.timeZone);

export interface MilestoneClock {
  budgetMinutes: number;
  pausedMinutes: number;
  warnAt: Date;
  dueAt: Date;
  metAt: Date | null;
  breachedAt: Date | null;
}

/**
 * A milestone's state at `now`: met; breached once missed (on record, before anything else while not met);
 * paused while the ticket waits for the customer; breached at its due time; warning from its warning
 * instant; else in progress. `waiting`: the ticket is waiting now.
 */
export function milestoneState(m: Pick<MilestoneClock, 'warnAt' | 'dueAt' | 'metAt' | 'breachedAt'>, waiting: boolean, now: Date): SlaState {
  if (m.metAt) return 'met';
  if (m.breachedAt) return 'breached';
  if (waiting) return 'paused';
  if (now.getTime() >= m.dueAt.getTime()) return 'breached';
  if (now.getTime() >= m.warnAt.getTime()) return 'warning';
  return 'in_progress';
}

/**
 * The breach to record at `now`: the due instant when it passed without the milestone being met and none
 * is on record; null otherwise. (A breach happens at the due time, whenever it is noticed.)
 */
export function breachAt(m: Pick<MilestoneClock, 'dueAt' | 'metAt' | 'breachedAt'>, now: Date): Date | null {
  if (m.metAt || m.breachedAt) return null;
  return now.getTime() >= m.dueAt.getTime() ? m.dueAt : null;
}

/** Working minutes used of the budget: from receipt to `until` (met, the pause, or now) less the paused ones, never below 0. */
export function usedMinutes(receivedAt: Date, until: Date, pausedMinutes: number, clock: WorkClock): number {
  const used = workingMinutesBetween(receivedAt, until, clock.calendar, clock.hours, clock.timeZone) - pausedMinutes;
  return Math.max(0, Math.round(used * 10) / 10);
}

/**
 * The milestone a ticket shows (its current one): the first of first response and resolve not met; null
 * when both are. SLA_MILESTONES is in that order.
 */
export function currentMilestone<T extends { milestone: SlaMilestone; metAt: Date | null }>(milestones: readonly T[]): T | null {
  for (const name of SLA_MILESTONES) {
    const m = milestones.find((x) => x.milestone === name);
    if (m && !m.metAt) return m;
  }
  return null;
}

// ---- escalation ----

/** When the GM is told: `gmAfterMinutes` of working time after the due instant. */
export const gmAt = (dueAt: Date, gmAfterMinutes: number, clock: WorkClock) => addWorkingMinutes(dueAt, gmAfterMinutes, clock.calendar, clock.hours, clock.timeZone);

/** The escalation levels a milestone not met has reached at `now`, in order. */
export function levelsReached(m: { warnAt: Date; dueAt: Date; gmAt: Date }, now: Date): EscalationLevel[] {
  const t = now.getTime();
  const out: EscalationLevel[] = [];
  if (t >= m.warnAt.getTime()) out.push('warning');
  if (t >= m.dueAt.getTime()) out.push('breach');
  if (t >= m.gmAt.getTime()) out.push('gm');
  return out;
}

export interface EscalationActions {
  /** the owner's notice: at the highest of the levels just recorded (levels skipped at once give one notice) */
  owner: 'warning' | 'breach' | null;
  /** a notice and a task to the director above the owner's unit */
  director: boolean;
  /** a notice and a task to the GM */
  gm: boolean;
}

/** What the levels a run has just recorded for one milestone ask for. */
export function escalationActions(recorded: readonly EscalationLevel[]): EscalationActions {
  const has = (l: EscalationLevel) => recorded.includes(l);
  return { owner: has('breach') ? 'breach' : has('warning') ? 'warning' : null, director: has('breach'), gm: has('gm') };
}

// ---- files ----

/** Files a ticket takes (≤ 10 MB, as every upload): documents, pictures, recordings of a call. */
export const TICKET_FILE_TYPES: ReadonlySet<string> = new Set([
  'application/pdf',
  'image/jpeg',
  'image/png',
  'image/gif',
  'image/webp',
  'application/msword',
  'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
  'application/vnd.ms-excel',
  'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
  'text/plain',
  'text/csv',
  'audio/mpeg',
  'audio/mp4',
  'audio/wav',
  'audio/x-m4a',
  'application/zip',
]);
