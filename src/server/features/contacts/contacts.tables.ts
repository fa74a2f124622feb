import type { ColumnType, Generated } from 'kysely';
import type { CreatedAt, Id, UpdatedAt, Version } from '../../db/columns';

export interface ContactTable {
  id: Id;
  account_id: number;
  name: string;
  gender: string | null;
  birthday: string | null;
  native_place: string | null;
  department: string | null;
  title: string | null;
  office_phone: string | null;
  mobile: string | null;
  fax: string | null;
  email: string | null;
  personality: string | null;
  temperament: string | null;
  marital_status: string | null;
  family: string | null;
  hobbies: string | null;
  habits: string | null;
  honorary_posts: string | null;
  education: string | null;
  career_history: string | null;
  background: string | null;
  expression: string | null;
  thinking_style: string | null;
  strengths: string | null;
  weaknesses: string | null;
  business_familiarity: string | null;
  decision_scope: string | null;
  influence: number | null;
  responsibilities: string | null;
  reports_to_id: number | null;
  assistant_of_id: number | null;
  buying_role: string | null;
  is_guide: Generated<boolean>;
  is_insider: Generated<boolean>;
  is_key_person: Generated<boolean>;
  is_decider: Generated<boolean>;
  layer: string | null;
  decision_right: string | null;
  support: Generated<number>;
  closeness: Generated<number>;
  expertise: number | null;
  stage: Generated<string>;
  personality_type: string | null;
  competitor_leaning: string | null;
  our_owner_id: number | null;
  last_contact_at: Date | string | null;
  status: Generated<string>;
  left_at: string | null;
  left_note: string | null;
  /** generated: digits of mobile and office phone, for search */
  phone_digits: ColumnType<string, never, never>;
  version: Version;
  created_by: number | null;
  created_at: CreatedAt;
  updated_at: UpdatedAt;
}

export interface ContactRelationshipHistoryTable {
  id: Id;
  contact_id: number;
  field: string;
  from_value: string | null;
  to_value: string | null;
  evidence: string | null;
  activity_id: number | null;
  occurred_on: string;
  actor_id: number | null;
  at: CreatedAt;
}

/** The tables the contacts room owns (composed into the database's type in db/schema.ts). */
export interface ContactsTables {
  contacts: ContactTable;
  contact_relationship_history: ContactRelationshipHistoryTable;
}
export const CONTACTS_TABLES = ['contacts', 'contact_relationship_history'] as const satisfies readonly (keyof ContactsTables)[];
