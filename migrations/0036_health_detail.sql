-- 客户健康度 at 100,000 accounts (issue 15 item 10): the at-risk list counts and pages account_health, which kept
-- each account's explanation (≈ 2.6 KB of measures) in the same row — so its counts read the whole wide table,
-- twice its size after a nightly rewrite. The explanation moves to its own table; account_health is rebuilt
-- narrow (score, band, revenue, times: dropping the columns alone would leave the file its old size) and the
-- list's counts and orders come from its indexes.

create table account_health_detail (
  account_id bigint primary key references accounts(id) on delete cascade deferrable initially immediate,
  measures jsonb not null default '[]',
  dropped jsonb not null default '[]'
);
insert into account_health_detail (account_id, measures, dropped) select account_id, measures, dropped from account_health;

create table account_health_narrow (
  account_id bigint primary key references accounts(id) on delete cascade deferrable initially immediate,
  score smallint check (score between 0 and 100),
  band text check (band in ('green', 'yellow', 'red')),
  -- a group account's health rolled up from itself and its subsidiaries, weighted by revenue
  group_score smallint check (group_score between 0 and 100),
  tier text not null,
  -- the year's revenue (fen) the at-risk list sorts by
  revenue bigint not null default 0,
  computed_at timestamptz not null,
  band_since timestamptz not null,
  check ((score is null) = (band is null))
);
insert into account_health_narrow (account_id, score, band, group_score, tier, revenue, computed_at, band_since)
select account_id, score, band, group_score, tier, revenue, computed_at, band_since from account_health;
drop table account_health;
alter table account_health_narrow rename to account_health;
alter index account_health_narrow_pkey rename to account_health_pkey;
create index account_health_at_risk_idx on account_health (band, revenue desc, account_id) where band in ('red', 'yellow');
-- the list by score (red, or red and yellow): a top-N read from the index instead of a sort of every such row
create index account_health_score_idx on account_health (score, revenue desc, account_id) where band in ('red', 'yellow');
-- the band counts of a scope: an index-only read
create index account_health_band_idx on account_health (band) include (revenue, score);
