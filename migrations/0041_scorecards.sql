-- 考核表 (SPEC PERF-3; issue 16 items 3–5): the seeds' three forms as cards per person and period. A card keeps
-- the rule set it was opened with (an admin's later change does not rewrite a card); its computed items are
-- filled from the KPI library and the attendance months, its judgment items by the evaluator. Draft →
-- self_review → evaluator → director → locked; a locked card's total under the threshold raised a warning.

create table scorecards (
  id bigserial primary key,
  -- the person scored and their unit when the card was opened: the data scope
  user_id bigint not null references users(id) deferrable initially immediate,
  unit_id bigint not null references org_units(id) deferrable initially immediate,
  -- a month ('2026-11') for the monthly forms, a quarter ('2026-Q3') for the director's
  period text not null check (period ~ '^[0-9]{4}-(0[1-9]|1[0-2]|Q[1-4])$'),
  kind text not null check (kind in ('account_manager', 'specialist', 'director')),
  rule_set jsonb not null,
  status text not null default 'draft' check (status in ('draft', 'self_review', 'evaluator', 'director', 'locked')),
  -- who enters the judgment items (null: any manager over the unit but the person)
  evaluator_id bigint references users(id) deferrable initially immediate,
  total numeric(8, 2) not null default 0,
  complete boolean not null default false,
  warning boolean not null default false,
  self_comment text,
  evaluator_comment text,
  director_comment text,
  return_reason text,
  computed_at timestamptz,
  locked_at timestamptz,
  locked_by bigint references users(id) deferrable initially immediate,
  opened_by bigint references users(id) deferrable initially immediate,
  version int not null default 1,
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now(),
  unique (user_id, period, kind),
  check ((status = 'locked') = (locked_at is not null))
);
create index scorecards_period_idx on scorecards (period, kind, unit_id);
create index scorecards_user_idx on scorecards (user_id, kind, period desc);

-- One item of a card: what its rule read (a KPI value, late times, violations, a judgment's points) and the points.
create table scorecard_items (
  card_id bigint not null references scorecards(id) on delete cascade deferrable initially immediate,
  key text not null,
  value numeric(20, 2),
  -- attendance: the days short of full attendance
  absent numeric(6, 2),
  numerator numeric(20, 2),
  denominator numeric(20, 2),
  points numeric(8, 2),
  comment text,
  entered_by bigint references users(id) deferrable initially immediate,
  entered_at timestamptz,
  primary key (card_id, key)
);

-- 考勤: one person's month, entered or imported from a 钉钉 / 企业微信 attendance export.
create table attendance_months (
  user_id bigint not null references users(id) deferrable initially immediate,
  month text not null check (month ~ '^[0-9]{4}-(0[1-9]|1[0-2])$'),
  late_times int not null check (late_times between 0 and 100),
  absent_days numeric(4, 1) not null check (absent_days between 0 and 31),
  source text not null check (source in ('entry', 'import')),
  updated_by bigint references users(id) deferrable initially immediate,
  updated_at timestamptz not null default now(),
  primary key (user_id, month)
);

-- 重新打开: a locked card changes only by a reopening the KA director approves (the GM when the card is a
-- director's or a director asks); approved, the card goes back to the director's step.
create table scorecard_reopenings (
  id bigserial primary key,
  card_id bigint not null references scorecards(id) on delete cascade deferrable initially immediate,
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
create index scorecard_reopenings_card on scorecard_reopenings (card_id, id);
-- one reopening waits per card
create unique index scorecard_reopenings_one_pending on scorecard_reopenings (card_id) where status = 'pending';
