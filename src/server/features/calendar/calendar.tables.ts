import type { Timestamp, UpdatedAt } from '../../db/columns';

export interface CalendarFeedTokenTable {
  user_id: number;
  token_hash: string;
  prefix: string;
  created_at: UpdatedAt;
  last_used_at: Timestamp | null;
}

/** The tables the calendar room owns (composed into the database's type in db/schema.ts). */
export interface CalendarTables {
  calendar_feed_tokens: CalendarFeedTokenTable;
}
export const CALENDAR_TABLES = ['calendar_feed_tokens'] as const satisfies readonly (keyof CalendarTables)[];
