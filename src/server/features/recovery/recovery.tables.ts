import type { Id, Json, Timestamp, UpdatedAt, CreatedAt, Version } from '../../db/columns';
import type { Generated } from 'kysely';
import type { MeasureResult } from '../../../shared/domain/health';

/** 挽回方案: a recovery plan of an account at risk (migration 0035); its steps are tasks linked to it. */
export interface RecoveryPlanTable {
  id: Id;
  account_id: number;
  owner_id: number;
  state: Generated<string>;
  trigger: string;
  reason: Generated<string>;
  drivers: Json<MeasureResult[]>;
  score_at_open: number | null;
  lifecycle_before: string | null;
  goal: Generated<string>;
  actions: Generated<string>;
  opened_at: Timestamp;
  opened_by: number | null;
  started_at: Timestamp | null;
  closed_at: Timestamp | null;
  closed_by: number | null;
  outcome_reason: string | null;
  version: Version;
  created_at: CreatedAt;
  updated_at: UpdatedAt;
}

export interface RecoveryTables {
  recovery_plans: RecoveryPlanTable;
}

export const RECOVERY_TABLES = ['recovery_plans'] as const satisfies readonly (keyof RecoveryTables)[];
