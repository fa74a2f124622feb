import type { Generated } from 'kysely';
import type { CreatedAt, Id, Timestamp, UpdatedAt, Version } from '../../db/columns';

/** 目标: one unit's targets for one metric and year (migration 0039). */
export interface TargetPlanTable {
  id: Id;
  unit_id: number;
  metric: string;
  year: number;
  status: Generated<string>;
  approval_id: number | null;
  submitted_at: Timestamp | null;
  decided_at: Timestamp | null;
  version: Version;
  created_by: number | null;
  created_at: CreatedAt;
  updated_at: UpdatedAt;
}

/** One month of one row of a plan, in three levels (fen or a count). */
export interface TargetCellTable {
  plan_id: number;
  subject_kind: string;
  subject_id: number;
  month: number;
  base: Generated<number>;
  stretch: number | null;
  challenge: number | null;
}

/** 目标调整: a change of a locked plan, with its reason, through the approval engine. */
export interface TargetChangeTable {
  id: Id;
  plan_id: number;
  status: Generated<string>;
  reason: string;
  approval_id: number | null;
  requested_by: number;
  created_at: CreatedAt;
  submitted_at: Timestamp | null;
  decided_at: Timestamp | null;
  version: Version;
  updated_at: UpdatedAt;
}

export interface TargetChangeLineTable {
  change_id: number;
  subject_kind: string;
  subject_id: number;
  month: number;
  level: string;
  from_value: number | null;
  to_value: number;
}

export interface TargetsTables {
  target_plans: TargetPlanTable;
  target_cells: TargetCellTable;
  target_changes: TargetChangeTable;
  target_change_lines: TargetChangeLineTable;
}
export const TARGETS_TABLES = ['target_plans', 'target_cells', 'target_changes', 'target_change_lines'] as const satisfies readonly (keyof TargetsTables)[];
