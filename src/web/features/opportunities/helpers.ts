import type { ChecklistEntry } from '../../../shared/contracts/opportunities';
import { ALL_CHECKLIST_ITEMS, OPPORTUNITY_STATUSES, STAGES, type ChecklistItem, type Stage } from '../../../shared/domain/pipeline';

/** GET /api/opportunities parameters the list page keeps in its URL. */
export const LIST_FILTER_KEYS = ['q', 'stage', 'status', 'ownerId', 'accountId', 'stalled', 'sort'] as const;
const NUMERIC = new Set(['page', 'pageSize', 'ownerId', 'accountId', 'stage']);
const LIST_DEFAULTS: Record<string, string> = { page: '1', pageSize: '20' };

export type ListFilters = Record<string, string | number | undefined> & { page: number; pageSize: number };

/** The list's filters from the address bar; unknown or malformed values are dropped. */
export function listFiltersFromParams(params: URLSearchParams): ListFilters {
  const f: ListFilters = { page: 1, pageSize: 20 };
  for (const [k, v] of params) {
    if (!v || !(k === 'page' || k === 'pageSize' || (LIST_FILTER_KEYS as readonly string[]).includes(k))) continue;
    if (NUMERIC.has(k)) {
      const n = Number(v);
      if (!Number.isInteger(n) || n <= 0 || (k === 'stage' && n > 5)) continue;
      f[k] = n;
    } else if (k === 'status') {
      if ((OPPORTUNITY_STATUSES as readonly string[]).includes(v)) f.status = v;
    } else if (k === 'stalled') {
      if (v === 'true') f.stalled = v;
    } else f[k] = v;
  }
  return f;
}

/** The filters as address-bar parameters, defaults left out. */
export function listFiltersToParams(f: ListFilters): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [k, v] of Object.entries(f)) if (v !== undefined && v !== '' && LIST_DEFAULTS[k] !== String(v)) out[k] = String(v);
  return out;
}

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
