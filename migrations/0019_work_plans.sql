-- Monthly work plans (SPEC ACT-4, seed 001 客户专员月度考核表): on the last working day of a
-- month each specialist reports next month's 拜访 / 拓展 / 成交 plan; the plan is compared with
-- the month's actuals (recorded visits, new accounts and development projects, projects won).
-- The daily visit report (seed 003 客户拜访日报表) is generated from the visits and stores nothing.

create table monthly_plans (
  id bigserial primary key,
  -- the planner and their unit when the plan was created: the data scope
  owner_id bigint not null references users(id) deferrable initially immediate,
  unit_id bigint not null references org_units(id) deferrable initially immediate,
  -- the month planned, 'YYYY-MM'
  month text not null check (month ~ '^[0-9]{4}-(0[1-9]|1[0-2])$'),
  status text not null default 'draft' check (status in ('draft', 'submitted')),
  submitted_at timestamptz,
  -- submitted after the last working day (Mon–Fri, business time) of the month before `month`
  late boolean not null default false,
  -- 计划拜访 / 计划拓展 / 计划成交 (组): the targets; the items below name the accounts where known
  planned_visits int not null default 0 check (planned_visits between 0 and 10000),
  planned_expansions int not null default 0 check (planned_expansions between 0 and 10000),
  planned_deals int not null default 0 check (planned_deals between 0 and 10000),
  note text,
  version int not null default 1,
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now(),
  unique (owner_id, month),
  check ((status = 'submitted') = (submitted_at is not null))
);
create index monthly_plans_month_idx on monthly_plans (month, unit_id);

-- The named targets of a plan: an account to visit, a prospect or account to expand into (a
-- prospect not yet in the archive is named by text), an account expected to close.
create table monthly_plan_items (
  id bigserial primary key,
  plan_id bigint not null references monthly_plans(id) on delete cascade deferrable initially immediate,
  kind text not null check (kind in ('visit', 'expansion', 'deal')),
  account_id bigint references accounts(id) on delete set null deferrable initially immediate,
  target_name text not null,
  planned_on date,
  note text,
  sort_order int not null default 0
);
create index monthly_plan_items_plan_idx on monthly_plan_items (plan_id, sort_order);
create index monthly_plan_items_account_idx on monthly_plan_items (account_id) where account_id is not null;

-- the daily report reads a person's recorded visits by check-in day
create index visits_owner_checked_in_idx on visits (owner_id, checked_in_at) where status = 'recorded';
-- the plan's actuals: accounts a person created in a month (拓展)
create index accounts_created_by_idx on accounts (created_by, created_at) where created_by is not null;
