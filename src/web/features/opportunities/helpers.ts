import { OPPORTUNITY_SORTS, type ChecklistEntry } from '../../../shared/contracts/opportunities';
import { ALL_CHECKLIST_ITEMS, OPPORTUNITY_STATUSES, STAGES, type ChecklistItem, type Stage } from '../../../shared/domain/pipeline';
import { id, int, oneOf, text } from '../../components/useListState';

/** GET /api/opportunities parameters the list page keeps in its URL (page, pageSize and sort besides). */
export const OPPORTUNITY_LIST = {
  q: text(),
  stage: int({ max: 5 }),
  status: oneOf(OPPORTUNITY_STATUSES),
  ownerId: id(),
  accountId: id(),
  stalled: oneOf(['true']),
};
export const OPPORTUNITY_LIST_OPTIONS = { sorts: OPPORTUNITY_SORTS };

/** The checklist in stage order, each stage's items in the seed's order as the server sends them. */
export function checklistByStage(checklist: readonly ChecklistEntry[]): Record<Stage, ChecklistEntry[]> {
  const out = Object.fromEntries(STAGES.map((s) => [s, [] as ChecklistEntry[]])) as unknown as Record<Stage, ChecklistEntry[]>;
  for (const e of checklist) out[e.stage].push(e);
  return out;
}

export function nextStage(stage: Stage): Stage | null {
  return stage < 5 ? ((stage + 1) as Stage) : null;
}

/**
 * The gate items a refused move names (409 INVALID_STATE, `details.missing`), known items only,
 * or null when the error is something else.
 */
export function missingFromError(details: unknown): ChecklistItem[] | null {
  const missing = (details as { missing?: unknown } | null | undefined)?.missing;
  if (!Array.isArray(missing)) return null;
  return missing.filter((m): m is ChecklistItem => typeof m === 'string' && (ALL_CHECKLIST_ITEMS as readonly string[]).includes(m));
}

export interface ForecastFigures {
  sales?: number | null;
  staffCost?: number | null;
  travelCost?: number | null;
  operatingCost?: number | null;
  riskCoefficient?: number | null;
}

/**
 * 预期收益 as the server states it: sales × (1 − risk) − staff, travel and operating costs, in
 * fen; null until sales is known. The plan editor shows it while typing.
 */
export function expectedReturn(f: ForecastFigures): number | null {
  if (f.sales === null || f.sales === undefined) return null;
  const risk = Math.min(1, Math.max(0, f.riskCoefficient ?? 0));
  return Math.round(f.sales * (1 - risk) - (f.staffCost ?? 0) - (f.travelCost ?? 0) - (f.operatingCost ?? 0));
}
