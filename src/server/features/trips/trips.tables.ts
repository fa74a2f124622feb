import type { ColumnType, Generated } from 'kysely';
import type { CreatedAt, Id, UpdatedAt, Version } from '../../db/columns';

/** A cost line of a trip (出差费用), in fen. */
export interface TripCostLine {
  category: string;
  amount: number;
  note: string | null;
}

export interface BusinessTripTable {
  id: Id;
  owner_id: number;
  unit_id: number;
  destination: string;
  start_on: string;
  end_on: string;
  purpose: string;
  transport: string;
  transport_note: string | null;
  cost_lines: ColumnType<TripCostLine[], string | undefined, string>;
  estimated_total: Generated<number>;
  advance_requested: Generated<number>;
  status: Generated<string>;
  approval_id: number | null;
  submitted_at: Date | string | null;
  decided_at: Date | string | null;
  cancelled_at: Date | string | null;
  cancel_reason: string | null;
  report_status: Generated<string>;
  returned_on: string | null;
  report_summary: string | null;
  actual_cost_lines: ColumnType<TripCostLine[] | null, string | null, string | null>;
  actual_total: number | null;
  report_approval_id: number | null;
  report_submitted_at: Date | string | null;
  report_approved_at: Date | string | null;
  version: Version;
  created_by: number;
  created_at: CreatedAt;
  updated_at: UpdatedAt;
}

export interface BusinessTripAccountTable {
  trip_id: number;
  account_id: number;
}

export interface BusinessTripCheckinTable {
  id: Id;
  trip_id: number;
  day: string;
  checked_at: CreatedAt;
  latitude: number | null;
  longitude: number | null;
  accuracy: number | null;
  place: string | null;
  work: string;
  created_by: number;
}

/** The tables the trips room owns (composed into the database's type in db/schema.ts). */
export interface TripsTables {
  business_trips: BusinessTripTable;
  business_trip_accounts: BusinessTripAccountTable;
  business_trip_checkins: BusinessTripCheckinTable;
}
export const TRIPS_TABLES = ['business_trips', 'business_trip_accounts', 'business_trip_checkins'] as const satisfies readonly (keyof TripsTables)[];
