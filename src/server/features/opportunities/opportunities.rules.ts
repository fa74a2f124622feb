import { issue, type FieldIssue } from '../../../shared/errors';
import {
  DEAL_ROLES,
  REASONS_FOR,
  STAGE_ITEMS,
  STAGES,
  isAutoItem,
  itemMet,
  missingForGate,
  type AutoFacts,
  type ChecklistItem,
  type DealRole,
  type OpportunityStatus,
  type PipelineSettings,
  type Stage,
} from '../../../shared/domain/pipeline';

const DAY_MS = 86_400_000;

/** Whole days from `from` to `to` (never negative). */
export function daysBetween(from: Date | string, to: Date | string): number {
  const ms = new Date(to).getTime() - new Date(from).getTime();
  return Math.max(0, Math.floor(ms / DAY_MS));
}

/** An open project longer in its stage than the stage's ageing limit. */
export function isStalled(status: string, stage: Stage, stageEnteredAt: Date | string, ageingDays: PipelineSettings['ageingDays'], now: Date): boolean {
  return status === 'open' && daysBetween(stageEnteredAt, now) > ageingDays[stage];
}

/** The manual ticks of the checklist column: { item: { note, by, at } }. */
export type Ticks = Record<string, { note: string | null; by: number; at: string }>;

export interface ChecklistRow {
  item: ChecklistItem;
  stage: Stage;
  auto: boolean;
  met: boolean;
  required: boolean;
  note: string | null;
  by: number | null;
  at: string | null;
}

/** Every item of every stage, in the seed's order, with whether it is met and part of its gate. */
export function checklistRows(ticks: Ticks, facts: AutoFacts, gates: PipelineSettings['gates']): ChecklistRow[] {
  const ticked = new Set(Object.keys(ticks));
  return STAGES.flatMap((stage) =>
    (STAGE_ITEMS[stage] as readonly ChecklistItem[]).map((item) => {
      const tick = ticks[item];
      return {
        item,
        stage,
        auto: isAutoItem(item),
        met: itemMet(item, ticked, facts),
        required: gates[stage].includes(item),
        note: tick?.note ?? null,
        by: tick?.by ?? null,
        at: tick?.at ?? null,
      };
    }),
  );
}

/** DEAL_ROLES nobody on the deal plays. */
export function missingRoles(roles: readonly string[]): DealRole[] {
  return DEAL_ROLES.filter((r) => !roles.includes(r));
}

export type StageMove =
  | { kind: 'forward' | 'back' }
  | { kind: 'same' }
  | { kind: 'needsReason' }
  | { kind: 'gate'; stage: Stage; missing: ChecklistItem[] };

/**
 * A move from `from` to `to`: forward across every gate on the way (the first gate not met
 * stops it, with its missing items); back to any earlier stage with a reason.
 */
export function stageMove(from: Stage, to: Stage, reason: string | null | undefined, gates: PipelineSettings['gates'], ticked: ReadonlySet<string>, facts: AutoFacts): StageMove {
  if (to === from) return { kind: 'same' };
  if (to < from) return reason ? { kind: 'back' } : { kind: 'needsReason' };
  for (let s = from; s < to; s++) {
    const missing = missingForGate(s, gates, ticked, facts);
    if (missing.length) return { kind: 'gate', stage: s, missing };
  }
  return { kind: 'forward' };
}

export type CloseStatus = 'won' | 'lost' | 'abandoned' | 'paused';

/** What a close request cannot carry: a reason that suits the status, a winning competitor only when lost. */
export function closeIssues(status: CloseStatus, reasonKey: string | null | undefined, wonByCompetitorId: number | null | undefined): FieldIssue[] {
  const out: FieldIssue[] = [];
  if (status !== 'paused') {
    if (!reasonKey) out.push(issue('reasonKey', 'pipeline.reasonRequired', 'Say why the project closes', { status }));
    else if (!REASONS_FOR[status].includes(reasonKey)) out.push(issue('reasonKey', 'pipeline.reasonNotForStatus', `${reasonKey} is not a reason for ${status}`, { reasonKey, status }));
  }
  if (wonByCompetitorId !== null && wonByCompetitorId !== undefined && status !== 'lost') {
    out.push(issue('wonByCompetitorId', 'pipeline.competitorOnlyLost', 'Only a lost project names the competitor who won it'));
  }
  return out;
}

/** From which states a close to `to` may start: open or paused ones; pausing only an open one. */
export function canClose(from: OpportunityStatus, to: CloseStatus): boolean {
  return to === 'paused' ? from === 'open' : from === 'open' || from === 'paused';
}

export function canReopen(from: OpportunityStatus): boolean {
  return from === 'lost' || from === 'abandoned' || from === 'paused';
}

/** Positions of a list whose key was already seen earlier (duplicates), for 400s naming them. */
export function duplicateIndexes<T>(items: readonly T[], key: (t: T) => string): number[] {
  const seen = new Set<string>();
  const out: number[] = [];
  items.forEach((item, i) => {
    const k = key(item);
    if (seen.has(k)) out.push(i);
    seen.add(k);
  });
  return out;
}

export interface HistoryRow {
  at: Date | string;
}

/** Days each history entry's state lasted: until the next entry, the last one until now. */
export function historyDays<T extends HistoryRow>(rows: readonly T[], now: Date): (T & { days: number })[] {
  return rows.map((r, i) => ({ ...r, days: daysBetween(r.at, rows[i + 1]?.at ?? now) }));
}

/** What a development project's stage-history row says on the timeline: created, moved, closed, paused or reopened. */
export type OpportunityEvent = 'created' | 'stage' | 'won' | 'lost' | 'abandoned' | 'paused' | 'reopened';
export function opportunityEventOf(r: { from_status: string | null; to_status: string }): OpportunityEvent {
  if (r.from_status === null) return 'created';
  if (r.to_status !== 'open') return r.to_status === r.from_status ? 'stage' : (r.to_status as OpportunityEvent);
  return r.from_status === 'open' ? 'stage' : 'reopened';
}
