import type { ColumnType, Generated } from 'kysely';
import type { CreatedAt, Id, Json, UpdatedAt, Version } from '../../db/columns';

export interface OpportunityTable {
  id: Id;
  account_id: number;
  name: string;
  owner_id: number;
  unit_id: number;
  stage: Generated<number>;
  status: Generated<string>;
  expected_value: Generated<number>;
  products: Json<string[]>;
  expected_close_on: string | null;
  procurement_step: string | null;
  description: string | null;
  /** { item: { note, by, at } } */
  checklist: Json<Record<string, { note: string | null; by: number; at: string }>>;
  assessment: Json<unknown> | null;
  assessment_outcome: string | null;
  stage_entered_at: ColumnType<Date, Date | string | undefined, Date | string>;
  close_reason_key: string | null;
  close_note: string | null;
  won_by_competitor_id: number | null;
  closed_at: Date | string | null;
  version: Version;
  created_by: number | null;
  created_at: CreatedAt;
  updated_at: UpdatedAt;
}

export interface OpportunityStageHistoryTable {
  id: Id;
  opportunity_id: number;
  from_stage: number | null;
  to_stage: number;
  from_status: string | null;
  to_status: string;
  reason: string | null;
  actor_id: number | null;
  at: CreatedAt;
}

export interface OpportunityParticipantTable {
  opportunity_id: number;
  user_id: number;
  part: string;
}

export interface OpportunityContactTable {
  opportunity_id: number;
  contact_id: number;
  role: string;
  note: string | null;
}

export interface OpportunityCompetitorTable {
  id: Id;
  opportunity_id: number;
  competitor_id: number;
  strengths: string | null;
  weaknesses: string | null;
  price: number | null;
  price_position: string | null;
  relationships: string | null;
  threat: string | null;
  version: Version;
  created_at: CreatedAt;
  updated_at: UpdatedAt;
}


/** The tables the opportunities room owns (composed into the database's type in db/schema.ts). */
export interface OpportunitiesTables {
  opportunities: OpportunityTable;
  opportunity_stage_history: OpportunityStageHistoryTable;
  opportunity_participants: OpportunityParticipantTable;
  opportunity_contacts: OpportunityContactTable;
  opportunity_competitors: OpportunityCompetitorTable;
}
export const OPPORTUNITIES_TABLES = ['opportunities', 'opportunity_stage_history', 'opportunity_participants', 'opportunity_contacts', 'opportunity_competitors'] as const satisfies readonly (keyof OpportunitiesTables)[];
