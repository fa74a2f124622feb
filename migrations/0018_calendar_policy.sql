-- Calendar feed tokens and the visit policy's overdue episodes (issue 5 items 10 and 2).

-- One secret ICS feed per user: only the token's SHA-256 is stored (like api_tokens); the
-- token itself is shown once when (re)created.
create table calendar_feed_tokens (
  user_id bigint primary key references users(id) on delete cascade deferrable initially immediate,
  token_hash text not null unique,
  prefix text not null,
  created_at timestamptz not null default now(),
  last_used_at timestamptz
);

-- An account currently overdue for a visit: one row per episode, inserted (and its owner and
-- director notified) when the daily job first finds it overdue, deleted once a visit is
-- recorded or the policy no longer asks. Derived state, so a merged-away duplicate simply
-- loses its row and the kept account is judged again by the next run.
create table visit_overdue (
  account_id bigint primary key references accounts(id) on delete cascade deferrable initially immediate,
  frequency_days int not null check (frequency_days > 0),
  last_visit_at timestamptz,
  overdue_since timestamptz not null,
  notified_at timestamptz not null default now()
);
