import type { ChecklistItem, Stage } from '../../../shared/domain/pipeline';
import { STAGES } from '../../../shared/domain/pipeline';
import { ApiError } from '../../api/client';

/** The drag payload's type on the HTML5 DataTransfer: "<id>:<stage>:<version>". */
export const CARD_DRAG_TYPE = 'application/x-tm-opportunity';

export interface DraggedCard {
  id: number;
  stage: Stage;
  version: number;
}

export function encodeDrag(card: DraggedCard): string {
  return `${card.id}:${card.stage}:${card.version}`;
}

export function decodeDrag(data: string): DraggedCard | null {
  const m = /^(\d+):([1-5]):(\d+)$/.exec(data);
  if (!m) return null;
  return { id: Number(m[1]), stage: Number(m[2]) as Stage, version: Number(m[3]) };
}

/**
 * What dropping a card on a column means: nothing (same column), a move forward (the server
 * checks every gate on the way) or back (which needs a reason).
 */
export type MoveKind = 'none' | 'forward' | 'back';
export function moveKind(from: Stage, to: Stage): MoveKind {
  return to === from ? 'none' : to > from ? 'forward' : 'back';
}

/** The stages a card may be sent to from the "move to…" menu: all but its own. */
export function moveTargets(from: Stage): { stage: Stage; kind: Exclude<MoveKind, 'none'> }[] {
  return STAGES.filter((s) => s !== from).map((s) => ({ stage: s, kind: moveKind(from, s) as Exclude<MoveKind, 'none'> }));
}

export interface GateRefusal {
  /** the stage whose gate stopped the move (an intermediate one when several stages are skipped); null when not said */
  stage: Stage | null;
  missing: ChecklistItem[];
}

/** The unmet gate items of a refused move (409 INVALID_STATE, details.missing and .stage), or null for any other error. */
export function missingOf(err: unknown): GateRefusal | null {
  if (!(err instanceof ApiError) || err.status !== 409 || err.code !== 'INVALID_STATE') return null;
  const details = err.details as { missing?: unknown; stage?: unknown } | undefined;
  const missing = details?.missing;
  if (!Array.isArray(missing) || missing.length === 0 || !missing.every((m) => typeof m === 'string')) return null;
  const stage = (STAGES as readonly unknown[]).includes(details?.stage) ? (details!.stage as Stage) : null;
  return { stage, missing: missing as ChecklistItem[] };
}
