import type { Generated } from 'kysely';
import type { CreatedAt, Id, Json, Timestamp, UpdatedAt, Version } from '../../db/columns';
import type { RuleSet } from '../../../shared/contracts/scorecards';

/** 考核表: one person's card for one period and form (migration 0041). */
export interface ScorecardTable {
  id: Id;
  user_id: number;
  unit_id: number;
  period: string;
  kind: string;
  /** the rule set the card was opened with (JSON text on insert) */
  rule_set: Json<RuleSet>;
  status: Generated<string>;
  evaluator_id: number | null;
  total: Generated<string | number>;
  complete: Generated<boolean>;
  warning: Generated<boolean>;
  self_comment: string | null;
  evaluator_comment: string | null;
  director_comment: string | null;
  return_reason: string | null;
  computed_at: Timestamp | null;
  locked_at: Timestamp | null;
  locked_by: number | null;
  opened_by: number | null;
  version: Version;
  created_at: CreatedAt;
  updated_at: UpdatedAt;
}

/** One item of a card. */
export interface ScorecardItemTable {
  card_id: number;
  key: string;
  value: string | number | null;
  absent: string | number | null;
  numerator: string | number | null;
  denominator: string | number | null;
  points: string | number | null;
  comment: string | null;
  entered_by: number | null;
  entered_at: Timestamp | null;
}

/** 考勤: one person's month. */
export interface AttendanceMonthTable {
  user_id: number;
  month: string;
  late_times: number;
  absent_days: string | number;
  source: string;
  updated_by: number | null;
  updated_at: UpdatedAt;
}

/** 重新打开: a locked card's reopening through the approval engine. */
export interface ScorecardReopeningTable {
  id: Id;
  card_id: number;
  status: Generated<string>;
  reason: string;
  approval_id: number | null;
  requested_by: number;
  created_at: CreatedAt;
  submitted_at: Timestamp | null;
  decided_at: Timestamp | null;
  version: Version;
  updated_at: UpdatedAt;
}

export interface ScorecardsTables {
  scorecards: ScorecardTable;
  scorecard_items: ScorecardItemTable;
  attendance_months: AttendanceMonthTable;
  scorecard_reopenings: ScorecardReopeningTable;
}

export const SCORECARDS_TABLES = ['scorecards', 'scorecard_items', 'attendance_months', 'scorecard_reopenings'] as const;
