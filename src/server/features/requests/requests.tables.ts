import type { Generated } from 'kysely';
import type { CreatedAt, Id, Timestamp, UpdatedAt, Version } from '../../db/columns';

export interface GeneralRequestTable {
  id: Id;
  title: string;
  category: string;
  amount: number;
  description: Generated<string>;
  status: Generated<string>;
  owner_id: number;
  unit_id: number;
  submitted_at: Timestamp | null;
  decided_at: Timestamp | null;
  version: Version;
  created_at: CreatedAt;
  updated_at: UpdatedAt;
}

/** The tables the requests room owns (composed into the database's type in db/schema.ts). */
export interface RequestsTables {
  general_requests: GeneralRequestTable;
}
export const REQUESTS_TABLES = ['general_requests'] as const satisfies readonly (keyof RequestsTables)[];
