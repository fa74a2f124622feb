import type { ColumnType, Generated } from 'kysely';
import type { CreatedAt, Id, Json, Timestamp, UpdatedAt, Version } from '../../db/columns';

export interface ReceptionTable {
  id: Id;
  account_id: number;
  owner_id: number;
  unit_id: number;
  kind: Generated<string>;
  starts_at: Timestamp;
  ends_at: Date | string | null;
  place: string | null;
  visitors: Json<{ name: string; title: string | null }[]>;
  purposes: Json<string[]>;
  level: string;
  execution: Generated<string>;
  cost_entertainment: Generated<number>;
  cost_meeting: Generated<number>;
  cost_ceremony: Generated<number>;
  cost_gift: Generated<number>;
  cost_other: Generated<number>;
  cost_total: ColumnType<number, never, never>;
  tour_route: string | null;
  tour_guide: string | null;
  tour_areas: Json<string[]>;
  note: string | null;
  status: Generated<string>;
  approval_id: number | null;
  submitted_at: Date | string | null;
  decided_at: Date | string | null;
  cancelled_at: Date | string | null;
  cancel_reason: string | null;
  report_status: Generated<string>;
  report_date: string | null;
  report_place: string | null;
  guest_attendees: Json<{ name: string; title: string | null }[]>;
  host_attendees: Json<{ name: string; title: string | null }[]>;
  spent_meals: Generated<number>;
  spent_lodging: Generated<number>;
  spent_transport: Generated<number>;
  spent_gifts: Generated<number>;
  spent_other: Generated<number>;
  spent_total: ColumnType<number, never, never>;
  spent_notes: Json<Record<string, string>>;
  report_activities: string | null;
  report_cautions: string | null;
  report_effect: string | null;
  report_information: string | null;
  report_submitted_at: Date | string | null;
  report_confirmed_by: number | null;
  report_confirmed_at: Date | string | null;
  report_comment: string | null;
  version: Version;
  created_by: number | null;
  created_at: CreatedAt;
  updated_at: UpdatedAt;
}

export interface ReceptionSeatingTable {
  reception_id: number;
  seats_per_table: number;
  people: Json<unknown[]>;
  tables: Json<unknown[]>;
  locked: Generated<boolean>;
  version: Version;
  updated_by: number | null;
  updated_at: UpdatedAt;
}

/** The tables the receptions room owns (composed into the database's type in db/schema.ts). */
export interface ReceptionsTables {
  receptions: ReceptionTable;
  reception_seating: ReceptionSeatingTable;
}
export const RECEPTIONS_TABLES = ['receptions', 'reception_seating'] as const satisfies readonly (keyof ReceptionsTables)[];
