-- 挽回方案 (SPEC SVC-3, ACC-5; issue 15 item 7): an account whose health turns red (or one a person puts on
-- watch) gets a recovery plan with template tasks for its owner; one open plan per account; open →
-- in_progress → won_back (lifecycle 挽回) or lost (lifecycle 流失, with the reason). The plan's steps are
-- tasks linked to it (tasks.link_entity = 'recovery_plan').

create table recovery_plans (
  id bigserial primary key,
  account_id bigint not null references accounts(id) on delete cascade deferrable initially immediate,
  owner_id bigint not null references users(id) deferrable initially immediate,
  state text not null default 'open' check (state in ('open', 'in_progress', 'won_back', 'lost')),
  -- 'health': opened by the band's move to red; 'manual': opened by a person with the reason
  trigger text not null check (trigger in ('health', 'manual')),
  reason text not null default '',
  -- the health measures that cost most when the plan opened (the drivers), and the score then
  drivers jsonb not null default '[]',
  score_at_open smallint,
  lifecycle_before text,
  goal text not null default '',
  actions text not null default '',
  opened_at timestamptz not null,
  opened_by bigint references users(id) deferrable initially immediate,
  started_at timestamptz,
  closed_at timestamptz,
  closed_by bigint references users(id) deferrable initially immediate,
  outcome_reason text,
  version integer not null default 1,
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now(),
  check ((state in ('won_back', 'lost')) = (closed_at is not null))
);
-- one open plan per account, whichever instance or person opens it
create unique index recovery_plans_one_open_idx on recovery_plans (account_id) where state in ('open', 'in_progress');
create index recovery_plans_account_idx on recovery_plans (account_id, opened_at desc);
create index recovery_plans_state_idx on recovery_plans (state, opened_at desc);
