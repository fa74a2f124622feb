-- Account development (SPEC PIPE-1..7, seed 003 §3.2): development projects in five gated stages,
-- the stage-3 value assessment, the competitor register, the development plan (客户开发方案) and
-- the pipeline settings. Money is integer fen.

create table competitors (
  id bigserial primary key,
  name text not null,
  -- lower(trimmed name) — one register entry per competitor
  name_key text not null unique,
  website text,
  products text,
  strengths text,
  weaknesses text,
  price_position text check (price_position in ('lower', 'similar', 'higher')),
  note text,
  active boolean not null default true,
  version int not null default 1,
  created_by bigint references users(id) deferrable initially immediate,
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now()
);

create table opportunities (
  id bigserial primary key,
  account_id bigint not null references accounts(id) on delete cascade deferrable initially immediate,
  name text not null,
  owner_id bigint not null references users(id) deferrable initially immediate,
  -- the owner's unit when created or reassigned: the data scope's unit
  unit_id bigint not null references org_units(id) deferrable initially immediate,
  stage smallint not null default 1 check (stage between 1 and 5),
  status text not null default 'open' check (status in ('open', 'won', 'lost', 'abandoned', 'paused')),
  expected_value bigint not null default 0 check (expected_value >= 0),
  products jsonb not null default '[]',
  expected_close_on date,
  procurement_step text check (procurement_step in ('need', 'survey', 'criteria', 'tender', 'inspection', 'agreement')),
  description text,
  -- manual checklist ticks: { item: { note, by, at } }
  checklist jsonb not null default '{}',
  -- the latest value assessment: { scores, notes, informationSufficient, summary, value, difficulty, outcome, by, at }
  assessment jsonb,
  assessment_outcome text check (assessment_outcome in ('A', 'B', 'C', 'D', 'abandon', 'collect')),
  stage_entered_at timestamptz not null default now(),
  close_reason_key text,
  close_note text,
  won_by_competitor_id bigint references competitors(id) deferrable initially immediate,
  closed_at timestamptz,
  version int not null default 1,
  created_by bigint references users(id) deferrable initially immediate,
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now(),
  check ((status in ('won', 'lost', 'abandoned')) = (closed_at is not null))
);
create index opportunities_account_idx on opportunities (account_id, created_at desc, id desc);
create index opportunities_open_idx on opportunities (stage, stage_entered_at) where status = 'open';
create index opportunities_owner_idx on opportunities (owner_id, status);
create index opportunities_unit_idx on opportunities (unit_id, status);
create index opportunities_close_idx on opportunities (expected_close_on) where status = 'open';

-- every change of stage or status, with who and why; time in stage is read from consecutive rows
create table opportunity_stage_history (
  id bigserial primary key,
  opportunity_id bigint not null references opportunities(id) on delete cascade deferrable initially immediate,
  from_stage smallint,
  to_stage smallint not null,
  from_status text,
  to_status text not null,
  reason text,
  actor_id bigint references users(id) deferrable initially immediate,
  at timestamptz not null default now()
);
create index opportunity_stage_history_opp_idx on opportunity_stage_history (opportunity_id, at, id);
create index opportunity_stage_history_at_idx on opportunity_stage_history (at);

create table opportunity_participants (
  opportunity_id bigint not null references opportunities(id) on delete cascade deferrable initially immediate,
  user_id bigint not null references users(id) deferrable initially immediate,
  part text not null check (part in ('account_manager', 'ka_director', 'senior')),
  primary key (opportunity_id, user_id, part)
);
create index opportunity_participants_user_idx on opportunity_participants (user_id);

create table opportunity_contacts (
  opportunity_id bigint not null references opportunities(id) on delete cascade deferrable initially immediate,
  contact_id bigint not null references contacts(id) on delete cascade deferrable initially immediate,
  role text not null check (role in ('decision_maker', 'buyer', 'user', 'influencer', 'insider')),
  note text,
  primary key (opportunity_id, contact_id, role)
);
create index opportunity_contacts_contact_idx on opportunity_contacts (contact_id);

create table opportunity_competitors (
  id bigserial primary key,
  opportunity_id bigint not null references opportunities(id) on delete cascade deferrable initially immediate,
  competitor_id bigint not null references competitors(id) deferrable initially immediate,
  strengths text,
  weaknesses text,
  price bigint check (price >= 0),
  price_position text check (price_position in ('lower', 'similar', 'higher')),
  relationships text,
  threat text check (threat in ('low', 'medium', 'high')),
  version int not null default 1,
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now(),
  unique (opportunity_id, competitor_id)
);
create index opportunity_competitors_competitor_idx on opportunity_competitors (competitor_id);

-- 客户开发方案: one per project, revised after a rejection and submitted again
create table opportunity_plans (
  id bigserial primary key,
  opportunity_id bigint not null unique references opportunities(id) on delete cascade deferrable initially immediate,
  strategy text not null,
  advantages jsonb not null default '[]',
  -- [{ title, ownerId, dueOn, stage, done }]
  steps jsonb not null default '[]',
  support jsonb not null default '[]',
  resources text,
  budget bigint check (budget >= 0),
  sales bigint check (sales >= 0),
  profit bigint,
  staff_cost bigint check (staff_cost >= 0),
  travel_cost bigint check (travel_cost >= 0),
  operating_cost bigint check (operating_cost >= 0),
  risk_coefficient numeric(3, 2) check (risk_coefficient between 0 and 1),
  status text not null default 'draft' check (status in ('draft', 'pending', 'approved', 'rejected', 'withdrawn')),
  approval_id bigint,
  submitted_at timestamptz,
  decided_at timestamptz,
  version int not null default 1,
  created_by bigint not null references users(id) deferrable initially immediate,
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now()
);

-- one row: gates, factor weights, grading thresholds, stage probabilities, ageing limits
create table pipeline_settings (
  id int primary key default 1 check (id = 1),
  settings jsonb not null,
  version int not null default 1,
  updated_by bigint references users(id) deferrable initially immediate,
  updated_at timestamptz not null default now()
);
