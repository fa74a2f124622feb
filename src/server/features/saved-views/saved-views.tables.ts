import type { Generated } from 'kysely';
import type { CreatedAt, Id, Json, UpdatedAt, Version } from '../../db/columns';

export interface SavedViewTable {
  id: Id;
  user_id: number;
  page: string;
  name: string;
  query: Json<Record<string, string | number>>;
  is_default: Generated<boolean>;
  sort_order: Generated<number>;
  version: Version;
  created_at: CreatedAt;
  updated_at: UpdatedAt;
}

/** The tables the saved-views room owns (composed into the database's type in db/schema.ts). */
export interface SavedViewsTables {
  saved_views: SavedViewTable;
}
export const SAVED_VIEWS_TABLES = ['saved_views'] as const satisfies readonly (keyof SavedViewsTables)[];
