-- Business trips (SPEC ACT-9, seed 003 第4章 销售员出差管理 第13–14条: 出差前须提交出差申请，经批准后方可
-- 出差；抵达目的地后向部门考勤汇报行踪登记) and the contact log (ACT-5, seed 000 大客户联系情况表).
-- Money is integer fen.

create table business_trips (
  id bigserial primary key,
  -- 出差人: the traveller, whose scope the trip is read and written in
  owner_id bigint not null references users(id) deferrable initially immediate,
  unit_id bigint not null references org_units(id) deferrable initially immediate,
  destination text not null,
  start_on date not null,
  end_on date not null,
  purpose text not null,
  transport text not null check (transport in ('train', 'plane', 'car', 'bus', 'ship', 'other')),
  transport_note text,
  -- 费用预算: [{category, amount, note}]
  cost_lines jsonb not null default '[]',
  estimated_total bigint not null default 0 check (estimated_total >= 0),
  advance_requested bigint not null default 0 check (advance_requested >= 0),
  status text not null default 'draft' check (status in ('draft', 'pending', 'approved', 'rejected', 'withdrawn', 'cancelled')),
  approval_id bigint references approval_instances(id) deferrable initially immediate,
  submitted_at timestamptz,
  decided_at timestamptz,
  cancelled_at timestamptz,
  cancel_reason text,
  -- 出差报告 on return: none → submitted (with the KA director) → approved; the expense claims read it
  report_status text not null default 'none' check (report_status in ('none', 'submitted', 'approved')),
  returned_on date,
  report_summary text,
  actual_cost_lines jsonb,
  actual_total bigint check (actual_total >= 0),
  report_approval_id bigint references approval_instances(id) deferrable initially immediate,
  report_submitted_at timestamptz,
  report_approved_at timestamptz,
  version int not null default 1,
  created_by bigint not null references users(id) deferrable initially immediate,
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now(),
  check (end_on >= start_on),
  check ((status = 'cancelled') = (cancelled_at is not null)),
  check (report_status = 'none' or actual_total is not null)
);
create index business_trips_owner_idx on business_trips (owner_id, start_on desc);
create index business_trips_unit_idx on business_trips (unit_id, start_on desc);

-- 拜访客户: the accounts the trip is for
create table business_trip_accounts (
  trip_id bigint not null references business_trips(id) on delete cascade deferrable initially immediate,
  account_id bigint not null references accounts(id) deferrable initially immediate,
  primary key (trip_id, account_id)
);
create index business_trip_accounts_account_idx on business_trip_accounts (account_id);

-- 行踪登记: one check-in per trip and business day, stamped with the server's time
create table business_trip_checkins (
  id bigserial primary key,
  trip_id bigint not null references business_trips(id) on delete cascade deferrable initially immediate,
  day date not null,
  checked_at timestamptz not null default now(),
  latitude numeric(9, 6) check (latitude between -90 and 90),
  longitude numeric(9, 6) check (longitude between -180 and 180),
  accuracy numeric(10, 1) check (accuracy >= 0),
  place text,
  work text not null,
  created_by bigint not null references users(id) deferrable initially immediate,
  unique (trip_id, day),
  check ((latitude is null) = (longitude is null)),
  check (latitude is not null or place is not null)
);

-- 大客户联系情况表: one call, e-mail or meeting with an account
create table contact_logs (
  id bigserial primary key,
  account_id bigint not null references accounts(id) deferrable initially immediate,
  contact_id bigint references contacts(id) on delete set null deferrable initially immediate,
  kind text not null check (kind in ('call', 'email', 'meeting', 'other')),
  occurred_at timestamptz not null,
  place text,
  address text,
  contact_way text,
  summary text not null,
  -- 业务人员: our person who made the contact
  user_id bigint not null references users(id) deferrable initially immediate,
  created_by bigint not null references users(id) deferrable initially immediate,
  created_at timestamptz not null default now(),
  version int not null default 1
);
create index contact_logs_account_idx on contact_logs (account_id, occurred_at desc, id desc);
create index contact_logs_contact_idx on contact_logs (contact_id, occurred_at desc) where contact_id is not null;
create index contact_logs_user_idx on contact_logs (user_id, occurred_at desc);
