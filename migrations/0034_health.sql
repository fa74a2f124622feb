-- 客户健康度 (SPEC SVC-3, issue 15 items 5–6): each account's current health with every measure's raw
-- value, score, weight and contribution; a history row whenever the score, band or a measure moved; and
-- the accounts whose signals changed since the last recompute (drained by the health.dirty job).

create table account_health (
  account_id bigint primary key references accounts(id) on delete cascade deferrable initially immediate,
  score smallint check (score between 0 and 100),
  band text check (band in ('green', 'yellow', 'red')),
  -- a group account's health rolled up from itself and its subsidiaries, weighted by revenue
  group_score smallint check (group_score between 0 and 100),
  tier text not null,
  -- the year's revenue (fen) the at-risk list sorts by
  revenue bigint not null default 0,
  measures jsonb not null default '[]',
  dropped jsonb not null default '[]',
  computed_at timestamptz not null,
  band_since timestamptz not null,
  check ((score is null) = (band is null))
);
create index account_health_at_risk_idx on account_health (band, revenue desc, account_id) where band in ('red', 'yellow');

create table account_health_history (
  id bigserial primary key,
  account_id bigint not null references accounts(id) on delete cascade deferrable initially immediate,
  at timestamptz not null,
  score smallint,
  band text,
  measures jsonb not null
);
create index account_health_history_idx on account_health_history (account_id, at desc);

create table account_health_dirty (
  account_id bigint primary key references accounts(id) on delete cascade deferrable initially immediate,
  since timestamptz not null default now()
);

-- every account's health on the first start after this upgrade
insert into jobs (name, payload, dedupe_key)
select 'health.recompute', '{"reason":"upgrade"}'::jsonb, 'schedule:health.recompute'
where exists (select 1 from accounts)
  and not exists (select 1 from jobs where dedupe_key = 'schedule:health.recompute' and status in ('queued', 'running'));
