import type { CreatedAt, Id, Timestamp, Version } from '../../db/columns';

export interface ContactLogTable {
  id: Id;
  account_id: number;
  contact_id: number | null;
  kind: string;
  occurred_at: Timestamp;
  place: string | null;
  address: string | null;
  contact_way: string | null;
  summary: string;
  user_id: number;
  created_by: number;
  created_at: CreatedAt;
  version: Version;
}

/** The tables the contact-log room owns (composed into the database's type in db/schema.ts). */
export interface ContactLogTables {
  contact_logs: ContactLogTable;
}
export const CONTACT_LOG_TABLES = ['contact_logs'] as const satisfies readonly (keyof ContactLogTables)[];
