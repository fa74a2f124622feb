import type { ColumnType } from 'kysely';
import type { CreatedAt } from '../../db/columns';

/** A KPI of one subject as it stood when its period ended (migration 0040). */
export interface KpiSnapshotTable {
  period: string;
  subject_kind: string;
  subject_id: number;
  kpi: string;
  numerator: string | number;
  denominator: string | number | null;
  value: string | number | null;
  taken_at: CreatedAt;
}

/** A period whose snapshot has been kept. */
export interface KpiSnapshotRunTable {
  period: string;
  /** written again by a recompute */
  taken_at: ColumnType<Date, Date | string | undefined, Date | string>;
  taken_by: number | null;
  subjects: number;
}

export interface KpisTables {
  kpi_snapshots: KpiSnapshotTable;
  kpi_snapshot_runs: KpiSnapshotRunTable;
}

export const KPIS_TABLES = ['kpi_snapshots', 'kpi_snapshot_runs'] as const;
