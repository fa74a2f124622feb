import type { ColumnType, Generated, Insertable, Selectable, Updateable } from 'kysely';
import type { RequestsTables } from '../features/requests/requests.tables';
import type { TasksTables } from '../features/tasks/tasks.tables';
import type { AccountsTables } from '../features/accounts/accounts.tables';
import type { ContactsTables } from '../features/contacts/contacts.tables';
import type { SavedViewsTables } from '../features/saved-views/saved-views.tables';
import type { NeedsTables } from '../features/needs/needs.tables';
import type { PlansTables } from '../features/plans/plans.tables';
import type { TransferTables } from '../features/transfer/transfer.tables';
import type { CompetitorsTables } from '../features/competitors/competitors.tables';
import type { OpportunitiesTables } from '../features/opportunities/opportunities.tables';
import type { DevPlansTables } from '../features/dev-plans/dev-plans.tables';
import type { GiftsTables } from '../features/gifts/gifts.tables';
import type { ExpensesTables } from '../features/expenses/expenses.tables';
import type { TripsTables } from '../features/trips/trips.tables';
import type { ContactLogTables } from '../features/contact-log/contact-log.tables';
import type { VisitsTables } from '../features/visits/visits.tables';
import type { ReceptionsTables } from '../features/receptions/receptions.tables';
import type { CalendarTables } from '../features/calendar/calendar.tables';
import type { VisitPolicyTables } from '../features/visit-policy/visit-policy.tables';
import type { WorkPlansTables } from '../features/work-plans/work-plans.tables';
import type { WorkdaysTables } from '../features/workdays/workdays.tables';
import type { ContractsTables } from '../features/contracts/contracts.tables';
import type { CollectionsTables } from '../features/collections/collections.tables';
import type { ReceivablesTables } from '../features/receivables/receivables.tables';
import type { SurveysTables } from '../features/surveys/surveys.tables';
import type { HealthTables } from '../features/health/health.tables';
import type { RecoveryTables } from '../features/recovery/recovery.tables';
import type { EventsTables } from '../features/events/events.tables';
import type { TargetsTables } from '../features/targets/targets.tables';
import type { KpisTables } from '../features/kpis/kpis.tables';
import type { ScorecardsTables } from '../features/scorecards/scorecards.tables';
import type { TicketsTables } from '../features/tickets/tickets.tables';
export type { GeneralRequestTable } from '../features/requests/requests.tables';
export type { TaskTable } from '../features/tasks/tasks.tables';
export type { AccountChangeTable, AccountRevenueTable, AccountTable, AccountTeamTable } from '../features/accounts/accounts.tables';
export type { ContactRelationshipHistoryTable, ContactTable } from '../features/contacts/contacts.tables';
export type { SavedViewTable } from '../features/saved-views/saved-views.tables';
export type { AccountCountermeasureTable, AccountNeedTable } from '../features/needs/needs.tables';
export type { AccountPlanItemContactTable, AccountPlanItemTable } from '../features/plans/plans.tables';
export type { ImportFileTable, ImportRowTable, ImportTable } from '../features/transfer/transfer.tables';
export type { CompetitorTable } from '../features/competitors/competitors.tables';
export type { OpportunityCompetitorTable, OpportunityContactTable, OpportunityParticipantTable, OpportunityStageHistoryTable, OpportunityTable } from '../features/opportunities/opportunities.tables';
export type { OpportunityPlanTable } from '../features/dev-plans/dev-plans.tables';
export type { GiftApplicationTable, GiftItemTable, GiftPlanTable, GiftStockMovementTable } from '../features/gifts/gifts.tables';
export type { ExpenseBudgetTable, ExpenseClaimHoldTable, ExpenseClaimLineTable, ExpenseClaimTable } from '../features/expenses/expenses.tables';
export type { BusinessTripAccountTable, BusinessTripCheckinTable, BusinessTripTable, TripCostLine } from '../features/trips/trips.tables';
export type { ContactLogTable } from '../features/contact-log/contact-log.tables';
export type { VisitContactTable, VisitExpense, VisitResource, VisitTable } from '../features/visits/visits.tables';
export type { ReceptionSeatingTable, ReceptionTable } from '../features/receptions/receptions.tables';
export type { CalendarFeedTokenTable } from '../features/calendar/calendar.tables';
export type { VisitOverdueTable } from '../features/visit-policy/visit-policy.tables';
export type { MonthlyPlanItemTable, MonthlyPlanTable } from '../features/work-plans/work-plans.tables';
import type { CreatedAt, Id, Json, Timestamp, UpdatedAt, Version } from './columns';

/**
 * Table types for Kysely: the platform's tables here (organisation, access, audit, approvals,
 * jobs, notifications, settings, files); each room's in its features/<room>/<room>.tables.ts,
 * composed into DB below. int8 columns arrive as number (see client.ts), dates as 'YYYY-MM-DD'.
 */

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
  /** how money reads for this person (PLAT-6): 'yuan' or 'wan' */
  money_unit: Generated<'yuan' | 'wan'>;
  /** the person's own home page: the widgets in their order, hidden or shown (null: as their positions place them) */
  home_layout: Json<{ key: string; hidden: boolean }[]> | null;
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
  version: Generated<number>;
  updated_by: number | null;
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
  /** the document's amount (fen), as its type labels it */
  amount: number | null;
  /** the document's second figure where it has one (an advance, an estimate), as its type labels it */
  second_amount: number | null;
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

/** The whole database: the platform's tables and every room's. */
export interface DB extends RequestsTables, TasksTables, AccountsTables, ContactsTables, SavedViewsTables, NeedsTables, PlansTables, TransferTables, CompetitorsTables, OpportunitiesTables, DevPlansTables, GiftsTables, ExpensesTables, TripsTables, ContactLogTables, VisitsTables, ReceptionsTables, CalendarTables, VisitPolicyTables, WorkPlansTables, ContractsTables, CollectionsTables, ReceivablesTables, WorkdaysTables, TicketsTables, SurveysTables, HealthTables, RecoveryTables, EventsTables, TargetsTables, KpisTables, ScorecardsTables {
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
  jobs: JobTable;
  job_schedules: JobScheduleTable;
  notifications: NotificationTable;
}

/** The platform's own tables (the rooms declare theirs in their manifests). */
export const PLATFORM_TABLES = ['org_units', 'users', 'user_positions', 'roles', 'role_permissions', 'role_default_grants', 'user_roles', 'sessions', 'login_attempts', 'login_lockouts', 'api_tokens', 'audit_log', 'files', 'settings', 'approval_chains', 'approval_instances', 'approval_steps', 'approval_events', 'delegations', 'jobs', 'job_schedules', 'notifications'] as const satisfies readonly (keyof DB)[];

export type UserRow = Selectable<UserTable>;
export type OrgUnitRow = Selectable<OrgUnitTable>;
export type NewUser = Insertable<UserTable>;
export type UserUpdate = Updateable<UserTable>;

