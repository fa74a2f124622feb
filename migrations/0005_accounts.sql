-- The account archive (SPEC ACC-1..5): accounts, service team, revenue ledger, classification history.
-- Money is integer fen; discount_bp is the discount off list price in basis points (1000 = 九折).
create extension if not exists pg_trgm;

create table accounts (
  id bigserial primary key,
  name text not null,
  short_name text,
  credit_code text,
  nature text check (nature in ('soe', 'jv', 'private', 'joint_stock', 'foreign', 'institution', 'government')),
  industry text,
  industry_position text check (industry_position in ('leading', 'middle', 'trailing')),
  founded_year int,
  registered_capital bigint,
  employees int,
  address text,
  postal_code text,
  phone text,
  fax text,
  website text,
  email text,
  legal_representative text,
  superior_org text,
  business_scope text,
  development_plans text,
  main_products text,
  market_share text,
  annual_sales bigint,
  bank_name text,
  bank_account text,
  credit_standing text check (credit_standing in ('good', 'average', 'poor', 'very_poor')),
  fund_status text check (fund_status in ('ample', 'average', 'insufficient', 'tight')),
  payment_attitude text check (payment_attitude in ('prompt', 'average', 'slow', 'difficult', 'chronic_arrears')),
  payment_term_days int,
  discount_bp int check (discount_bp between 0 and 10000),
  target_market text,
  customer_strategy text,
  source_channel text check (source_channel in ('appointment', 'meeting', 'alliance', 'cultivate', 'poach', 'wait')),
  province text,
  city text,
  owner_id bigint not null references users(id) deferrable initially immediate,
  unit_id bigint not null references org_units(id) deferrable initially immediate,
  parent_id bigint references accounts(id) deferrable initially immediate,
  vip boolean not null default false,
  tier text not null default 'smb' check (tier in ('heavy', 'large', 'smb')),
  cat_premium boolean not null default false,
  cat_high_value boolean not null default false,
  cat_group boolean not null default false,
  cat_strategic boolean not null default false,
  grade text check (grade in ('A', 'B', 'C', 'D')),
  lifecycle text not null default 'prospect'
    check (lifecycle in ('prospect', 'developing', 'active', 'maintaining', 'at_risk', 'lost', 'recovered')),
  completeness int not null default 0 check (completeness between 0 and 100),
  -- pinyin of name and short name, written by the service: full syllables joined, and initials
  name_pinyin text not null default '',
  name_initials text not null default '',
  short_pinyin text not null default '',
  short_initials text not null default '',
  version int not null default 1,
  created_by bigint references users(id) deferrable initially immediate,
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now(),
  check (parent_id is null or parent_id <> id)
);
create unique index accounts_credit_code_uq on accounts (credit_code) where credit_code is not null;
create index accounts_owner_idx on accounts (owner_id, updated_at desc);
create index accounts_unit_idx on accounts (unit_id, updated_at desc);
create index accounts_parent_idx on accounts (parent_id) where parent_id is not null;
create index accounts_updated_idx on accounts (updated_at desc, id desc);
create index accounts_created_idx on accounts (created_at);
create index accounts_tier_idx on accounts (tier, unit_id);
create index accounts_lifecycle_idx on accounts (lifecycle);
create index accounts_grade_idx on accounts (grade) where grade is not null;
create index accounts_nature_idx on accounts (nature);
create index accounts_industry_idx on accounts (industry);
create index accounts_region_idx on accounts (province, city);
create index accounts_vip_idx on accounts (id) where vip;
create index accounts_premium_idx on accounts (id) where cat_premium;
create index accounts_high_value_idx on accounts (id) where cat_high_value;
create index accounts_group_idx on accounts (id) where cat_group;
create index accounts_strategic_idx on accounts (id) where cat_strategic;
create index accounts_completeness_idx on accounts (completeness);
create index accounts_name_sort_idx on accounts (name);
-- prefix search on pinyin, initials and credit code
create index accounts_name_pinyin_idx on accounts (name_pinyin text_pattern_ops);
create index accounts_name_initials_idx on accounts (name_initials text_pattern_ops);
create index accounts_short_pinyin_idx on accounts (short_pinyin text_pattern_ops);
create index accounts_short_initials_idx on accounts (short_initials text_pattern_ops);
create index accounts_credit_code_prefix_idx on accounts (credit_code text_pattern_ops);
-- contains-search on names
create index accounts_name_trgm_idx on accounts using gin (name gin_trgm_ops);
create index accounts_short_name_trgm_idx on accounts using gin (short_name gin_trgm_ops);

-- The service team of seed 003 form 1; one row per person and role.
create table account_team (
  account_id bigint not null references accounts(id) on delete cascade deferrable initially immediate,
  user_id bigint not null references users(id) deferrable initially immediate,
  role text not null check (role in ('project_manager', 'account_manager', 'technical', 'specialist', 'complaints')),
  primary key (account_id, user_id, role)
);
create index account_team_user_idx on account_team (user_id);

-- Revenue per account and year, by where the figure came from; the tier rules read it.
create table account_revenue (
  account_id bigint not null references accounts(id) on delete cascade deferrable initially immediate,
  year int not null,
  source text not null check (source in ('import', 'contract', 'manual')),
  amount bigint not null check (amount >= 0),
  note text not null default '',
  updated_at timestamptz not null default now(),
  primary key (account_id, year, source)
);

-- History of classification, lifecycle and ownership (ACC-4, ACC-5, ORG-3).
create table account_changes (
  id bigserial primary key,
  account_id bigint not null references accounts(id) on delete cascade deferrable initially immediate,
  field text not null,
  from_value text,
  to_value text,
  reason text not null,
  actor_id bigint references users(id) deferrable initially immediate,
  at timestamptz not null default now()
);
create index account_changes_account_idx on account_changes (account_id, at desc, id desc);
