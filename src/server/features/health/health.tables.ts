import type { ColumnType, Generated } from 'kysely';
import type { Id, Json, Timestamp } from '../../db/columns';
import type { MeasureResult } from '../../../shared/domain/health';

/** 客户健康度: an account's current health, narrow for the lists (migration 0034; its explanation in account_health_detail since 0036). */
export interface AccountHealthTable {
  account_id: number;
  /** the account's owner and unit, kept equal to the account's (migration 0038): the at-risk list's scope */
  owner_id: number | null;
  unit_id: number | null;
  score: number | null;
  band: string | null;
  group_score: number | null;
  tier: string;
  revenue: ColumnType<number, number | undefined, number>;
  computed_at: Timestamp;
  band_since: Timestamp;
}

/** The explanation of an account's current health: every measure's raw value, score, weight and contribution (migration 0036). */
export interface AccountHealthDetailTable {
  account_id: number;
  measures: Json<MeasureResult[]>;
  dropped: Json<string[]>;
}

/** A recompute that moved the score, the band or a measure. */
export interface AccountHealthHistoryTable {
  id: Id;
  account_id: number;
  at: Timestamp;
  score: number | null;
  band: string | null;
  measures: Json<MeasureResult[]>;
}

/** Accounts whose signals changed since their last recompute. */
export interface AccountHealthDirtyTable {
  account_id: number;
  since: Generated<Date>;
}

export interface HealthTables {
  account_health: AccountHealthTable;
  account_health_detail: AccountHealthDetailTable;
  account_health_history: AccountHealthHistoryTable;
  account_health_dirty: AccountHealthDirtyTable;
}

export const HEALTH_TABLES = ['account_health', 'account_health_detail', 'account_health_history', 'account_health_dirty'] as const satisfies readonly (keyof HealthTables)[];
