import type { ColumnType, Generated } from 'kysely';
import type { CreatedAt, Id, Timestamp, UpdatedAt, Version } from '../../db/columns';

export interface TaskTable {
  id: Id;
  owner_id: number;
  title: string;
  description: Generated<string>;
  due_at: Timestamp | null;
  link_entity: string | null;
  link_id: number | null;
  link_url: string | null;
  status: Generated<string>;
  source: Generated<string>;
  created_by: number | null;
  completed_at: Timestamp | null;
  /** set when the daily reminder told the owner the task is due (migration 0004) */
  due_notified_at: ColumnType<Date | null, Date | string | null | undefined, Date | string | null>;
  version: Version;
  created_at: CreatedAt;
  updated_at: UpdatedAt;
}

/** The tables the tasks room owns (composed into the database's type in db/schema.ts). */
export interface TasksTables {
  tasks: TaskTable;
}
export const TASKS_TABLES = ['tasks'] as const satisfies readonly (keyof TasksTables)[];
