-- Saved list views per user, contact search, stored coverage, the portfolio quadrant (ACC-4),
-- and system reasons of account changes as translation keys.

-- A user's saved filters and sort of a list page ('accounts', 'coverage'); the query is the
-- page's list query (validated by the service against that page's contract), without the page number.
create table saved_views (
  id bigserial primary key,
  user_id bigint not null references users(id) on delete cascade deferrable initially immediate,
  page text not null check (page in ('accounts', 'coverage')),
  name text not null check (length(name) between 1 and 60),
  query jsonb not null default '{}'::jsonb,
  is_default boolean not null default false,
  sort_order int not null default 0,
  version int not null default 1,
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now()
);
create index saved_views_user_idx on saved_views (user_id, page, sort_order, id);
create unique index saved_views_name_uq on saved_views (user_id, page, lower(name));
-- at most one default view per user and page
create unique index saved_views_default_uq on saved_views (user_id, page) where is_default;

-- ACC-7: the account list finds accounts by a contact's name or phone. Digits only, so
-- "139-1234 5678" is found by "13912345678"; the two numbers are kept apart by a space so a match
-- cannot run across them.
alter table contacts add column phone_digits text generated always as (
  regexp_replace(coalesce(mobile, ''), '[^0-9]', '', 'g') || ' ' || regexp_replace(coalesce(office_phone, ''), '[^0-9]', '', 'g')
) stored;
create index contacts_phone_digits_trgm_idx on contacts using gin (phone_digits gin_trgm_ops);
-- one- and two-character names (most Chinese names) have no trigram: they are found by prefix
create index contacts_name_prefix_idx on contacts (name text_pattern_ops);

-- REL-5 at scale: each account's coverage as the rules last computed it (on every contact write,
-- and nightly because "gone cold" depends on the date). flags: [{code, contactIds}].
alter table accounts
  add column coverage_score int not null default 0 check (coverage_score between 0 and 100),
  add column coverage_flags jsonb not null default '[]'::jsonb,
  add column active_contacts int not null default 0,
  -- ACC-4 portfolio quadrant: attractiveness of the account and strength of our position (0–100),
  -- the computed quadrant, the director's override and the effective one (what lists filter and
  -- sort by); factors explain the last computation.
  add column attractiveness int not null default 0 check (attractiveness between 0 and 100),
  add column strength int not null default 0 check (strength between 0 and 100),
  add column quadrant_computed text not null default 'dog' check (quadrant_computed in ('star', 'question', 'cash_cow', 'dog')),
  add column quadrant_override text check (quadrant_override in ('star', 'question', 'cash_cow', 'dog')),
  add column quadrant_override_reason text,
  add column quadrant_override_by bigint references users(id) deferrable initially immediate,
  add column quadrant_override_at timestamptz,
  add column quadrant text not null default 'dog' check (quadrant in ('star', 'question', 'cash_cow', 'dog')),
  add column quadrant_factors jsonb not null default '[]'::jsonb,
  add column derived_at timestamptz,
  add check ((quadrant_override is null) = (quadrant_override_reason is null));
create index accounts_coverage_idx on accounts (coverage_score, name, id);
create index accounts_quadrant_idx on accounts (quadrant, unit_id);

-- System reasons as translation keys; a person's reason stays text with a null key.
alter table account_changes add column reason_key text;
update account_changes set reason_key = case reason
    when 'created' then 'created'
    when 'profile update' then 'profileUpdate'
    when 'team update' then 'teamUpdate'
    when 'revenue ledger update' then 'revenueUpdate'
    when 'group hierarchy change' then 'groupChange'
    when 'nightly recompute' then 'nightly'
    when 'settings change' then 'settingsChange'
    when 'handover' then 'handover'
  end
where reason in ('created', 'profile update', 'team update', 'revenue ledger update', 'group hierarchy change', 'nightly recompute', 'settings change', 'handover');

-- Existing accounts get their coverage and quadrant from the recompute job right after the upgrade.
insert into jobs (name, payload, dedupe_key)
select 'accounts.recompute', '{"reason":"upgrade"}'::jsonb, 'accounts.recompute'
where exists (select 1 from accounts)
  and not exists (select 1 from jobs where dedupe_key = 'accounts.recompute' and status in ('queued', 'running'));
