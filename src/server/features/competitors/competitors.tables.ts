import type { Generated } from 'kysely';
import type { CreatedAt, Id, UpdatedAt, Version } from '../../db/columns';

export interface CompetitorTable {
  id: Id;
  name: string;
  name_key: string;
  website: string | null;
  products: string | null;
  strengths: string | null;
  weaknesses: string | null;
  price_position: string | null;
  note: string | null;
  active: Generated<boolean>;
  version: Version;
  created_by: number | null;
  created_at: CreatedAt;
  updated_at: UpdatedAt;
}

/** The tables the competitors room owns (composed into the database's type in db/schema.ts). */
export interface CompetitorsTables {
  competitors: CompetitorTable;
}
export const COMPETITORS_TABLES = ['competitors'] as const satisfies readonly (keyof CompetitorsTables)[];
