-- 目标与分解 (SPEC PERF-1; issue 16 item 1; seed 000 第二章 任务指标及分解, seed 003 第4、6条).
--
-- target_plans: one unit's targets for one metric and one year, approved through the engine (doc types
-- target_plan / target_plan_sub) and then locked. Its cells (target_cells) are rows × months in three
-- levels: the unit's own total (subject_kind 'unit', subject_id = the plan's unit; only in a plan whose
-- parent unit has no plan of the same metric and year), its sub-units and its people.
--
-- target_changes: a change to a locked plan (目标调整, seed 003 第6条 "销售指标执行程中变更必须客户总监批准"),
-- its reason and lines (target_change_lines: a cell's level, from → to), approved through the engine
-- (target_change / target_change_gm) and applied on approval. One waits per plan at a time.

create table target_plans (
  id bigserial primary key,
  unit_id bigint not null references org_units(id) deferrable initially immediate,
  metric text not null check (metric in ('sales', 'collections', 'new_accounts', 'visits', 'projects_won')),
  year integer not null check (year between 2000 and 2100),
  status text not null default 'draft' check (status in ('draft', 'pending', 'approved', 'rejected')),
  approval_id bigint,
  submitted_at timestamptz,
  decided_at timestamptz,
  version integer not null default 1,
  created_by bigint references users(id) deferrable initially immediate,
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now(),
  unique (unit_id, metric, year)
);
create index target_plans_year_metric on target_plans (year, metric);

create table target_cells (
  plan_id bigint not null references target_plans(id) on delete cascade deferrable initially immediate,
  subject_kind text not null check (subject_kind in ('unit', 'user')),
  subject_id bigint not null,
  month smallint not null check (month between 1 and 12),
  base bigint not null default 0 check (base >= 0),
  stretch bigint check (stretch >= base),
  challenge bigint check (challenge >= coalesce(stretch, base)),
  primary key (plan_id, subject_kind, subject_id, month)
);
-- a person's or unit's targets across plans (the KPI library's attainment reads them)
create index target_cells_subject on target_cells (subject_kind, subject_id);

create table target_changes (
  id bigserial primary key,
  plan_id bigint not null references target_plans(id) on delete cascade deferrable initially immediate,
  status text not null default 'pending' check (status in ('pending', 'approved', 'rejected', 'withdrawn')),
  reason text not null,
  approval_id bigint,
  requested_by bigint not null references users(id) deferrable initially immediate,
  created_at timestamptz not null default now(),
  submitted_at timestamptz,
  decided_at timestamptz,
  version integer not null default 1,
  updated_at timestamptz not null default now()
);
create index target_changes_plan on target_changes (plan_id, id);
-- one change waits per plan
create unique index target_changes_one_pending on target_changes (plan_id) where status = 'pending';

create table target_change_lines (
  change_id bigint not null references target_changes(id) on delete cascade deferrable initially immediate,
  subject_kind text not null check (subject_kind in ('unit', 'user')),
  subject_id bigint not null,
  month smallint not null check (month between 1 and 12),
  level text not null check (level in ('base', 'stretch', 'challenge')),
  from_value bigint,
  to_value bigint not null check (to_value >= 0),
  primary key (change_id, subject_kind, subject_id, month, level)
);
