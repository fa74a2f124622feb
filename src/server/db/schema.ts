import type { ColumnType, Generated, Insertable, Selectable, Updateable } from 'kysely';

/** Table types for Kysely. int8 columns arrive as number (see client.ts), dates as 'YYYY-MM-DD'. */
type Id = Generated<number>;
type CreatedAt = ColumnType<Date, Date | string | undefined, never>;
type UpdatedAt = ColumnType<Date, Date | string | undefined, Date | string>;
type Timestamp = ColumnType<Date, Date | string, Date | string>;
type Json<T> = ColumnType<T, string, string>;
type Version = ColumnType<number, number | undefined, number>;

export interface OrgUnitTable {
  id: Id;
  parent_id: number | null;
  name: string;
  code: string | null;
  kind: string;
  path: string;
  depth: number;
  sort_order: Generated<number>;
  active: Generated<boolean>;
  version: Version;
  created_at: CreatedAt;
  updated_at: UpdatedAt;
}

export interface UserTable {
  id: Id;
  username: string;
  name: string;
  phone: string | null;
  email: string | null;
  unit_id: number;
  status: Generated<string>;
  password_hash: string | null;
  must_change_password: Generated<boolean>;
  failed_logins: Generated<number>;
  locked_until: Timestamp | null;
  last_login_at: Timestamp | null;
  left_at: Timestamp | null;
  version: Version;
  created_at: CreatedAt;
  updated_at: UpdatedAt;
}

export interface UserPositionTable {
  user_id: number;
  position: string;
}

export interface RoleTable {
  id: Id;
  code: string;
  name: string;
  description: Generated<string>;
  data_scope: Generated<string>;
  builtin: Generated<boolean>;
  version: Version;
  created_at: CreatedAt;
  updated_at: UpdatedAt;
}

export interface RolePermissionTable {
  role_id: number;
  permission: string;
}

/** Default permissions already offered to a built-in role (by code), so removals stick. */
export interface RoleDefaultGrantTable {
  role_code: string;
  permission: string;
}

export interface UserRoleTable {
  user_id: number;
  role_id: number;
}

export interface SessionTable {
  id: string;
  user_id: number;
  csrf_token: string;
  ip: string | null;
  user_agent: string | null;
  created_at: CreatedAt;
  last_seen_at: Timestamp | undefined;
  expires_at: Timestamp;
}

export interface LoginAttemptTable {
  id: Id;
  username: string;
  ip: string;
  success: boolean;
  at: CreatedAt;
}

/** Failed sign-ins and the lockout of usernames that belong to nobody (known users keep theirs on users). */
export interface LoginLockoutTable {
  username: string;
  failed_logins: Generated<number>;
  locked_until: Timestamp | null;
  updated_at: UpdatedAt;
}

export interface ApiTokenTable {
  id: Id;
  user_id: number;
  name: string;
  token_hash: string;
  prefix: string;
  scopes: string[];
  expires_at: Timestamp | null;
  last_used_at: Timestamp | null;
  revoked_at: Timestamp | null;
  created_at: CreatedAt;
}

export interface AuditLogTable {
  id: Id;
  at: CreatedAt;
  actor_id: number | null;
  entity: string;
  entity_id: string;
  action: string;
  diff: Json<Record<string, unknown>>;
  ip: string | null;
  request_id: string | null;
}

export interface FileTable {
  id: Id;
  name: string;
  mime: string;
  size: number;
  sha256: string;
  content: Buffer;
  entity: string | null;
  entity_id: number | null;
  uploaded_by: number;
  created_at: CreatedAt;
}

export interface SettingTable {
  key: string;
  value: Json<unknown>;
  updated_at: UpdatedAt;
}

export interface ApprovalChainTable {
  id: Id;
  doc_type: string;
  unit_id: number | null;
  name: string;
  steps: Json<unknown>;
  active: Generated<boolean>;
  /** one person may decide several steps through a delegation or a transfer */
  allow_repeat_approver: Generated<boolean>;
  version: Version;
  created_at: CreatedAt;
  updated_at: UpdatedAt;
}

export interface ApprovalInstanceTable {
  id: Id;
  doc_type: string;
  doc_id: number;
  title: string;
  amount: number | null;
  submitter_id: number;
  unit_id: number;
  chain_id: number | null;
  /** the chain's allowRepeatApprover when the document was submitted */
  allow_repeat_approver: Generated<boolean>;
  status: string;
  current_seq: number | null;
  version: Version;
  created_at: CreatedAt;
  updated_at: UpdatedAt;
  finished_at: Timestamp | null;
}

export interface ApprovalStepTable {
  id: Id;
  instance_id: number;
  seq: number;
  name: string;
  approver_id: number;
  /** the delegator, when a delegation put the step in someone else's hands */
  original_approver_id: number | null;
  /** how the step came from original_approver_id: a delegation (the delegator may still decide) or a transfer (they may not) */
  via: 'delegation' | 'transfer' | null;
  status: string;
  acted_by: number | null;
  acted_at: Timestamp | null;
  comment: string | null;
}

export interface ApprovalEventTable {
  id: Id;
  instance_id: number;
  at: CreatedAt;
  actor_id: number | null;
  action: string;
  step_seq: number | null;
  to_user_id: number | null;
  comment: string | null;
}

export interface DelegationTable {
  id: Id;
  user_id: number;
  delegate_id: number;
  starts_on: string;
  ends_on: string;
  reason: Generated<string>;
  revoked_at: Timestamp | null;
  created_by: number;
  created_at: CreatedAt;
}

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

export interface JobTable {
  id: Id;
  name: string;
  payload: Json<unknown>;
  status: Generated<string>;
  run_at: ColumnType<Date, Date | string | undefined, Date | string>;
  attempts: Generated<number>;
  max_attempts: Generated<number>;
  last_error: string | null;
  dedupe_key: string | null;
  locked_by: string | null;
  locked_at: Timestamp | null;
  created_at: CreatedAt;
  finished_at: Timestamp | null;
}

export interface JobScheduleTable {
  name: string;
  next_run_at: Timestamp;
  last_run_at: Timestamp | null;
}

export interface NotificationTable {
  id: Id;
  user_id: number;
  kind: string;
  params: Json<Record<string, unknown>>;
  link: string | null;
  read_at: Timestamp | null;
  emailed_at: Timestamp | null;
  created_at: CreatedAt;
}

export interface TaskTable {
  id: Id;
  owner_id: number;
  title: string;
  description: Generated<string>;
  due_at: Timestamp | null;
  link_entity: string | null;
  link_id: number | null;
  link_url: string | null;
  status: Generated<string>;
  source: Generated<string>;
  created_by: number | null;
  completed_at: Timestamp | null;
  /** set when the daily reminder told the owner the task is due (migration 0004) */
  due_notified_at: ColumnType<Date | null, Date | string | null | undefined, Date | string | null>;
  version: Version;
  created_at: CreatedAt;
  updated_at: UpdatedAt;
}

/** The account archive (migration 0005). */
export interface AccountTable {
  id: Id;
  name: string;
  short_name: string | null;
  credit_code: string | null;
  nature: string | null;
  industry: string | null;
  industry_position: string | null;
  founded_year: number | null;
  registered_capital: number | null;
  employees: number | null;
  address: string | null;
  postal_code: string | null;
  phone: string | null;
  fax: string | null;
  website: string | null;
  email: string | null;
  legal_representative: string | null;
  superior_org: string | null;
  business_scope: string | null;
  development_plans: string | null;
  main_products: string | null;
  market_share: string | null;
  annual_sales: number | null;
  bank_name: string | null;
  bank_account: string | null;
  credit_standing: string | null;
  fund_status: string | null;
  payment_attitude: string | null;
  payment_term_days: number | null;
  discount_bp: number | null;
  target_market: string | null;
  customer_strategy: string | null;
  source_channel: string | null;
  province: string | null;
  city: string | null;
  owner_id: number;
  unit_id: number;
  parent_id: number | null;
  vip: Generated<boolean>;
  tier: Generated<string>;
  cat_premium: Generated<boolean>;
  cat_high_value: Generated<boolean>;
  cat_group: Generated<boolean>;
  cat_strategic: Generated<boolean>;
  grade: string | null;
  lifecycle: Generated<string>;
  completeness: Generated<number>;
  coverage_score: Generated<number>;
  coverage_flags: ColumnType<{ code: string; contactIds: number[] }[], string | undefined, string>;
  active_contacts: Generated<number>;
  attractiveness: Generated<number>;
  strength: Generated<number>;
  quadrant_computed: Generated<string>;
  quadrant_override: string | null;
  quadrant_override_reason: string | null;
  quadrant_override_by: number | null;
  quadrant_override_at: Timestamp | null;
  quadrant: Generated<string>;
  quadrant_factors: ColumnType<unknown[], string | undefined, string>;
  derived_at: Timestamp | null;
  name_pinyin: Generated<string>;
  name_initials: Generated<string>;
  short_pinyin: Generated<string>;
  short_initials: Generated<string>;
  version: Version;
  created_by: number | null;
  created_at: CreatedAt;
  updated_at: UpdatedAt;
}

export interface AccountTeamTable {
  account_id: number;
  user_id: number;
  role: string;
}

export interface AccountRevenueTable {
  account_id: number;
  year: number;
  source: string;
  amount: number;
  note: Generated<string>;
  updated_at: UpdatedAt;
}

export interface AccountChangeTable {
  id: Id;
  account_id: number;
  field: string;
  from_value: string | null;
  to_value: string | null;
  reason: string;
  reason_key: string | null;
  actor_id: number | null;
  at: CreatedAt;
}

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

export interface AccountNeedTable {
  id: Id;
  account_id: number;
  product_type: string;
  quantity: number | null;
  unit: string | null;
  region: string | null;
  price_min: number | null;
  price_max: number | null;
  reason: string | null;
  status: Generated<string>;
  closed_at: Date | string | null;
  closed_by: number | null;
  version: Version;
  created_by: number | null;
  created_at: CreatedAt;
  updated_at: UpdatedAt;
}

export interface AccountCountermeasureTable {
  id: Id;
  account_id: number;
  contact_id: number | null;
  direction: string | null;
  direction_note: string | null;
  problem: string;
  measure: string;
  owner_id: number;
  due_on: string | null;
  status: Generated<string>;
  closed_at: Date | string | null;
  closed_by: number | null;
  version: Version;
  created_by: number | null;
  created_at: CreatedAt;
  updated_at: UpdatedAt;
}

export interface AccountPlanItemTable {
  id: Id;
  account_id: number;
  level: string;
  our_relationship: string | null;
  our_stage: string | null;
  competitor: string | null;
  competitor_relationship: string | null;
  owner_id: number;
  measures: string;
  start_on: string | null;
  due_on: string | null;
  notes: string | null;
  status: Generated<string>;
  done_on: string | null;
  outcome: string | null;
  closed_at: Date | string | null;
  closed_by: number | null;
  version: Version;
  created_by: number | null;
  created_at: CreatedAt;
  updated_at: UpdatedAt;
}

export interface AccountPlanItemContactTable {
  item_id: number;
  contact_id: number;
}

export interface SavedViewTable {
  id: Id;
  user_id: number;
  page: string;
  name: string;
  query: Json<Record<string, string | number>>;
  is_default: Generated<boolean>;
  sort_order: Generated<number>;
  version: Version;
  created_at: CreatedAt;
  updated_at: UpdatedAt;
}

/** Imports (migration 0010): the uploaded file and its report row by row. */
export interface ImportTable {
  id: Id;
  kind: string;
  status: Generated<string>;
  file_name: string;
  file_format: string;
  file_size: number;
  file_sha256: string;
  options: Json<Record<string, unknown>>;
  phase: string | null;
  progress: Generated<number>;
  total_rows: Generated<number>;
  ok_rows: Generated<number>;
  error_rows: Generated<number>;
  duplicate_rows: Generated<number>;
  columns: Json<unknown> | null;
  result: Json<unknown> | null;
  error: Json<unknown> | null;
  version: Version;
  created_by: number;
  created_at: CreatedAt;
  updated_at: UpdatedAt;
  validated_at: Timestamp | null;
  committed_at: Timestamp | null;
}

export interface ImportFileTable {
  import_id: number;
  seq: number;
  data: Buffer;
}

export interface ImportRowTable {
  import_id: number;
  row_no: number;
  status: string;
  errors: Json<unknown>;
  values: Json<Record<string, unknown>>;
  match: Json<unknown> | null;
  action: string | null;
  record_id: number | null;
}

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

export interface OpportunityPlanTable {
  id: Id;
  opportunity_id: number;
  strategy: string;
  advantages: Json<string[]>;
  steps: Json<{ title: string; ownerId: number; dueOn: string | null; stage: number | null; done: boolean }[]>;
  support: Json<string[]>;
  resources: string | null;
  budget: number | null;
  sales: number | null;
  profit: number | null;
  staff_cost: number | null;
  travel_cost: number | null;
  operating_cost: number | null;
  risk_coefficient: number | null;
  status: Generated<string>;
  approval_id: number | null;
  submitted_at: Date | string | null;
  decided_at: Date | string | null;
  version: Version;
  created_by: number;
  created_at: CreatedAt;
  updated_at: UpdatedAt;
}

export interface VisitResource {
  item: string;
  quantity: number | null;
  readyBy: string | null;
  department: string | null;
  note: string | null;
}
export interface VisitExpense {
  item: string;
  amount: number;
  note: string | null;
}

export interface VisitTable {
  id: Id;
  account_id: number;
  owner_id: number;
  unit_id: number;
  purpose: string;
  method: string;
  planned_at: Timestamp;
  plan_note: string | null;
  resources: Json<VisitResource[]>;
  budget: number;
  cash_advance: number;
  status: Generated<string>;
  approval_id: number | null;
  submitted_at: Date | string | null;
  decided_at: Date | string | null;
  checked_in_at: Date | string | null;
  check_in_lat: number | null;
  check_in_lng: number | null;
  check_in_accuracy: number | null;
  check_in_place: string | null;
  recorded_at: Date | string | null;
  met_name: string | null;
  met_title: string | null;
  contact_seq: number | null;
  customer_situation: string | null;
  discussed: string | null;
  concerns: string | null;
  solved: string | null;
  to_watch: string | null;
  other: string | null;
  result: string | null;
  expenses: Json<VisitExpense[]>;
  cost_total: Generated<number>;
  next_visit_at: Date | string | null;
  report_status: Generated<string>;
  report_submitted_at: Date | string | null;
  report_reviewed_at: Date | string | null;
  report_reviewer_id: number | null;
  report_comment: string | null;
  cancel_reason: string | null;
  version: Version;
  created_by: number | null;
  created_at: CreatedAt;
  updated_at: UpdatedAt;
}

export interface VisitContactTable {
  visit_id: number;
  contact_id: number;
  met: Generated<boolean>;
}

export interface PipelineSettingsTable {
  id: Generated<number>;
  settings: Json<unknown>;
  version: Version;
  updated_by: number | null;
  updated_at: UpdatedAt;
}

export interface GiftItemTable {
  id: Id;
  name: string;
  name_key: string;
  spec: string | null;
  unit: Generated<string>;
  unit_value: number;
  stock: Generated<number>;
  active: Generated<boolean>;
  note: string | null;
  version: Version;
  created_by: number | null;
  created_at: CreatedAt;
  updated_at: UpdatedAt;
}

export interface GiftPlanTable {
  id: Id;
  account_id: number;
  cooperation_status: string | null;
  item_id: number;
  quantity: number;
  budget: number | null;
  responsible_id: number;
  remark: string | null;
  version: Version;
  created_by: number | null;
  created_at: CreatedAt;
  updated_at: UpdatedAt;
}

export interface ExpenseClaimTable {
  id: Id;
  owner_id: number;
  unit_id: number;
  title: string;
  total: Generated<number>;
  status: Generated<string>;
  approval_id: number | null;
  submitted_at: Date | null;
  decided_at: Date | null;
  paid_at: Date | null;
  paid_by: number | null;
  /** the part of the phone lines above the monthly allowance at the last submission, fen */
  phone_over: Generated<number>;
  version: Generated<number>;
  created_at: Generated<Date>;
  updated_at: Generated<Date>;
}
/** Which claim holds a linked record: one at a time (primary key), while the claim is not rejected. */
export interface ExpenseClaimHoldTable {
  kind: string;
  ref_id: number;
  claim_id: number;
}

export interface ExpenseClaimLineTable {
  id: Id;
  claim_id: number;
  seq: number;
  kind: string;
  ref_id: number | null;
  category: string;
  amount: number;
  note: string | null;
  occurred_on: string;
}
export interface ExpenseBudgetTable {
  id: Id;
  user_id: number | null;
  unit_id: number | null;
  category: string;
  period: string;
  amount: number;
  version: Generated<number>;
  created_by: number | null;
  created_at: Generated<Date>;
  updated_at: Generated<Date>;
}
export interface GiftApplicationTable {
  id: Id;
  account_id: number;
  contact_id: number;
  item_id: number;
  quantity: number;
  unit_value: number;
  value: number;
  gift_on: string;
  managing_dept: string | null;
  remark: string | null;
  owner_id: number;
  unit_id: number;
  status: Generated<string>;
  over_cap: Generated<boolean>;
  year_total_before: number | null;
  cap: number | null;
  approval_id: number | null;
  submitted_at: Date | string | null;
  decided_at: Date | string | null;
  issued_at: Date | string | null;
  issued_by: number | null;
  version: Version;
  created_at: CreatedAt;
  updated_at: UpdatedAt;
}

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

export interface GiftStockMovementTable {
  id: Id;
  item_id: number;
  kind: string;
  quantity: number;
  balance: number;
  application_id: number | null;
  note: string | null;
  actor_id: number | null;
  at: CreatedAt;
}

export interface GiftSettingsTable {
  id: Generated<number>;
  recipient_year_cap: number;
  version: Version;
  updated_by: number | null;
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

export interface PipelineSettingsTable {
  id: Generated<number>;
  settings: Json<unknown>;
  version: Version;
  updated_by: number | null;
  updated_at: UpdatedAt;
}

export interface DB {
  org_units: OrgUnitTable;
  users: UserTable;
  user_positions: UserPositionTable;
  roles: RoleTable;
  role_permissions: RolePermissionTable;
  role_default_grants: RoleDefaultGrantTable;
  user_roles: UserRoleTable;
  sessions: SessionTable;
  login_attempts: LoginAttemptTable;
  login_lockouts: LoginLockoutTable;
  api_tokens: ApiTokenTable;
  audit_log: AuditLogTable;
  files: FileTable;
  settings: SettingTable;
  approval_chains: ApprovalChainTable;
  approval_instances: ApprovalInstanceTable;
  approval_steps: ApprovalStepTable;
  approval_events: ApprovalEventTable;
  delegations: DelegationTable;
  general_requests: GeneralRequestTable;
  jobs: JobTable;
  job_schedules: JobScheduleTable;
  notifications: NotificationTable;
  tasks: TaskTable;
  accounts: AccountTable;
  account_team: AccountTeamTable;
  account_revenue: AccountRevenueTable;
  account_changes: AccountChangeTable;
  contacts: ContactTable;
  contact_relationship_history: ContactRelationshipHistoryTable;
  saved_views: SavedViewTable;
  account_needs: AccountNeedTable;
  account_countermeasures: AccountCountermeasureTable;
  account_plan_items: AccountPlanItemTable;
  account_plan_item_contacts: AccountPlanItemContactTable;
  imports: ImportTable;
  import_files: ImportFileTable;
  import_rows: ImportRowTable;
  competitors: CompetitorTable;
  opportunities: OpportunityTable;
  opportunity_stage_history: OpportunityStageHistoryTable;
  opportunity_participants: OpportunityParticipantTable;
  opportunity_contacts: OpportunityContactTable;
  opportunity_competitors: OpportunityCompetitorTable;
  opportunity_plans: OpportunityPlanTable;
  pipeline_settings: PipelineSettingsTable;
  gift_items: GiftItemTable;
  gift_plans: GiftPlanTable;
  gift_applications: GiftApplicationTable;
  expense_claims: ExpenseClaimTable;
  expense_claim_lines: ExpenseClaimLineTable;
  expense_claim_holds: ExpenseClaimHoldTable;
  expense_budgets: ExpenseBudgetTable;
  gift_stock_movements: GiftStockMovementTable;
  gift_settings: GiftSettingsTable;
  business_trips: BusinessTripTable;
  business_trip_accounts: BusinessTripAccountTable;
  business_trip_checkins: BusinessTripCheckinTable;
  contact_logs: ContactLogTable;
  visits: VisitTable;
  visit_contacts: VisitContactTable;
  receptions: ReceptionTable;
  reception_seating: ReceptionSeatingTable;
  calendar_feed_tokens: CalendarFeedTokenTable;
  visit_overdue: VisitOverdueTable;
  monthly_plans: MonthlyPlanTable;
  monthly_plan_items: MonthlyPlanItemTable;
}

export interface CalendarFeedTokenTable {
  user_id: number;
  token_hash: string;
  prefix: string;
  created_at: UpdatedAt;
  last_used_at: Timestamp | null;
}

export interface VisitOverdueTable {
  account_id: number;
  frequency_days: number;
  last_visit_at: Timestamp | null;
  overdue_since: Timestamp;
  notified_at: CreatedAt;
}

export type UserRow = Selectable<UserTable>;
export type OrgUnitRow = Selectable<OrgUnitTable>;
export type NewUser = Insertable<UserTable>;
export type UserUpdate = Updateable<UserTable>;

export interface MonthlyPlanTable {
  id: Id;
  owner_id: number;
  unit_id: number;
  /** 'YYYY-MM' */
  month: string;
  status: Generated<string>;
  submitted_at: Timestamp | null;
  late: Generated<boolean>;
  planned_visits: Generated<number>;
  planned_expansions: Generated<number>;
  planned_deals: Generated<number>;
  note: string | null;
  version: Version;
  created_at: CreatedAt;
  updated_at: UpdatedAt;
}

export interface MonthlyPlanItemTable {
  id: Id;
  plan_id: number;
  kind: string;
  account_id: number | null;
  target_name: string;
  /** 'YYYY-MM-DD' */
  planned_on: string | null;
  note: string | null;
  sort_order: Generated<number>;
}
