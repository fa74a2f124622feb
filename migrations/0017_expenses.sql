-- Expense claims (SPEC ACT-10; seed 003 §3.3.3 and 第13–19条: no report, no reimbursement). A claim
-- by its owner has lines linked by (kind, ref_id) to a visit, reception, business trip or gift
-- application — or 'other' without a link. It goes through the approval engine ('expense_claim')
-- and finance pays it. Budgets per person or unit, category and month give the control rate
-- (actual approved + paid claims ÷ budget). Money is integer fen.

create table expense_claims (
  id bigserial primary key,
  -- the claimant, and their unit when written (scope)
  owner_id bigint not null references users(id) deferrable initially immediate,
  unit_id bigint not null references org_units(id) deferrable initially immediate,
  title text not null,
  -- the sum of the lines
  total bigint not null default 0 check (total >= 0),
  status text not null default 'draft' check (status in ('draft', 'pending', 'approved', 'rejected', 'paid')),
  approval_id bigint,
  submitted_at timestamptz,
  decided_at timestamptz,
  paid_at timestamptz,
  paid_by bigint references users(id) deferrable initially immediate,
  version int not null default 1,
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now(),
  check ((status = 'paid') = (paid_at is not null))
);
create index expense_claims_owner_idx on expense_claims (owner_id, id desc);
create index expense_claims_status_idx on expense_claims (status, id desc);

create table expense_claim_lines (
  id bigserial primary key,
  claim_id bigint not null references expense_claims(id) on delete cascade deferrable initially immediate,
  seq int not null,
  kind text not null check (kind in ('visit', 'reception', 'gift', 'trip', 'other')),
  -- visits.id / receptions.id / gift_applications.id / business_trips.id; null for 'other'
  ref_id bigint,
  category text not null,
  amount bigint not null check (amount > 0),
  note text,
  occurred_on date not null,
  unique (claim_id, seq),
  check ((kind = 'other') = (ref_id is null))
);
-- a record is claimed once: the service checks the non-rejected claims holding (kind, ref_id)
create index expense_claim_lines_ref_idx on expense_claim_lines (kind, ref_id) where ref_id is not null;

create table expense_budgets (
  id bigserial primary key,
  -- a person's budget or a unit's, never both
  user_id bigint references users(id) deferrable initially immediate,
  unit_id bigint references org_units(id) deferrable initially immediate,
  category text not null,
  period text not null check (period ~ '^[0-9]{4}-(0[1-9]|1[0-2])$'),
  amount bigint not null check (amount >= 0),
  version int not null default 1,
  created_by bigint references users(id) deferrable initially immediate,
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now(),
  check ((user_id is null) <> (unit_id is null))
);
create unique index expense_budgets_key on expense_budgets (coalesce(user_id, 0), coalesce(unit_id, 0), category, period);
