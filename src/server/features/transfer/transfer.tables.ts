import type { Generated } from 'kysely';
import type { CreatedAt, Id, Json, Timestamp, UpdatedAt, Version } from '../../db/columns';

/** Imports (migration 0010): the uploaded file and its report row by row. */
export interface ImportTable {
  id: Id;
  kind: string;
  status: Generated<string>;
  file_name: string;
  file_format: string;
  file_size: number;
  file_sha256: string;
  options: Json<Record<string, unknown>>;
  phase: string | null;
  progress: Generated<number>;
  total_rows: Generated<number>;
  ok_rows: Generated<number>;
  error_rows: Generated<number>;
  duplicate_rows: Generated<number>;
  columns: Json<unknown> | null;
  result: Json<unknown> | null;
  error: Json<unknown> | null;
  version: Version;
  created_by: number;
  created_at: CreatedAt;
  updated_at: UpdatedAt;
  validated_at: Timestamp | null;
  committed_at: Timestamp | null;
}

export interface ImportFileTable {
  import_id: number;
  seq: number;
  data: Buffer;
}

export interface ImportRowTable {
  import_id: number;
  row_no: number;
  status: string;
  errors: Json<unknown>;
  values: Json<Record<string, unknown>>;
  match: Json<unknown> | null;
  action: string | null;
  record_id: number | null;
}

/** The tables the transfer room owns (composed into the database's type in db/schema.ts). */
export interface TransferTables {
  imports: ImportTable;
  import_files: ImportFileTable;
  import_rows: ImportRowTable;
}
export const TRANSFER_TABLES = ['imports', 'import_files', 'import_rows'] as const satisfies readonly (keyof TransferTables)[];
