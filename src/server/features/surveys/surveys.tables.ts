import type { ColumnType, Generated } from 'kysely';
import type { CreatedAt, Id, Timestamp } from '../../db/columns';

/** 满意度调查邀请 (SVC-2): one contact of one account asked once; the answers live on it (migration 0033). */
export interface SurveyInvitationTable {
  id: Id;
  account_id: number;
  contact_id: number;
  reason: string;
  ticket_id: number | null;
  schedule_key: string | null;
  question_set: number;
  token_hash: string;
  issued_at: ColumnType<Date, Date | string | undefined, Date | string>;
  expires_at: Timestamp;
  emailed_at: Timestamp | null;
  created_by: number | null;
  created_at: CreatedAt;
  revoked_at: Timestamp | null;
  revoked_by: number | null;
  answered_at: Timestamp | null;
  csat: number | null;
  nps: number | null;
  item_scores: ColumnType<Record<string, number>, string | undefined, string>;
  comment: string | null;
}

/** The link of an invitation being e-mailed, until the e-mail job has sent it. */
export interface SurveyEmailOutboxTable {
  invitation_id: number;
  token: string;
  email: string;
  created_at: CreatedAt;
}

/** Public survey requests per client address and minute (the rate limit across instances). */
export interface SurveyRateHitTable {
  ip: string;
  window_start: Timestamp;
  hits: Generated<number>;
}

/** The tables the surveys room owns (composed into the database's type in db/schema.ts). */
export interface SurveysTables {
  survey_invitations: SurveyInvitationTable;
  survey_email_outbox: SurveyEmailOutboxTable;
  survey_rate_hits: SurveyRateHitTable;
}
export const SURVEYS_TABLES = ['survey_invitations', 'survey_email_outbox', 'survey_rate_hits'] as const satisfies readonly (keyof SurveysTables)[];
