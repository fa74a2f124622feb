-- Needs and countermeasures (SPEC ACC-8, seed 001 大客户需求分析表 / 大客户需要对策表) and the
-- relationship strengthening plan (REL-6, seed 003 客户关系强化表). Money is integer fen.

create table account_needs (
  id bigserial primary key,
  account_id bigint not null references accounts(id) on delete cascade deferrable initially immediate,
  product_type text not null,
  quantity numeric(14, 2) check (quantity >= 0),
  unit text,
  region text,
  price_min bigint check (price_min >= 0),
  price_max bigint check (price_max >= 0),
  reason text,
  status text not null default 'open' check (status in ('open', 'met', 'dropped')),
  closed_at timestamptz,
  closed_by bigint references users(id) deferrable initially immediate,
  version int not null default 1,
  created_by bigint references users(id) deferrable initially immediate,
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now(),
  check (price_min is null or price_max is null or price_min <= price_max),
  check ((status = 'open') = (closed_at is null))
);
create index account_needs_account_idx on account_needs (account_id, created_at desc, id desc);
create index account_needs_closed_idx on account_needs (account_id, closed_at desc, id desc) where closed_at is not null;

create table account_countermeasures (
  id bigserial primary key,
  account_id bigint not null references accounts(id) on delete cascade deferrable initially immediate,
  -- the customer's person concerned (客户姓名); null when it is about the account as a whole
  contact_id bigint references contacts(id) on delete set null deferrable initially immediate,
  -- 移动方向: where the customer is moving; a typical direction and/or free text
  direction text check (direction in ('expand', 'maintain', 'reduce', 'to_competitor', 'wait')),
  direction_note text,
  problem text not null,
  measure text not null,
  owner_id bigint not null references users(id) deferrable initially immediate,
  due_on date,
  status text not null default 'open' check (status in ('open', 'done', 'dropped')),
  closed_at timestamptz,
  closed_by bigint references users(id) deferrable initially immediate,
  version int not null default 1,
  created_by bigint references users(id) deferrable initially immediate,
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now(),
  check ((status = 'open') = (closed_at is null))
);
create index account_countermeasures_account_idx on account_countermeasures (account_id, created_at desc, id desc);
create index account_countermeasures_closed_idx on account_countermeasures (account_id, closed_at desc, id desc) where closed_at is not null;
create index account_countermeasures_owner_idx on account_countermeasures (owner_id) where status = 'open';

-- One row of the 客户关系强化表: a level of the customer's organisation and what we do there.
create table account_plan_items (
  id bigserial primary key,
  account_id bigint not null references accounts(id) on delete cascade deferrable initially immediate,
  level text not null check (level in ('gm', 'deputy_gm', 'dept_manager', 'dept_head', 'staff')),
  our_relationship text,
  our_stage text check (our_stage in ('acquainted', 'interested', 'trusting', 'ally')),
  competitor text,
  competitor_relationship text,
  owner_id bigint not null references users(id) deferrable initially immediate,
  measures text not null,
  start_on date,
  due_on date,
  notes text,
  status text not null default 'planned' check (status in ('planned', 'in_progress', 'done', 'cancelled')),
  done_on date,
  outcome text,
  closed_at timestamptz,
  closed_by bigint references users(id) deferrable initially immediate,
  version int not null default 1,
  created_by bigint references users(id) deferrable initially immediate,
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now(),
  check (start_on is null or due_on is null or start_on <= due_on),
  check ((status = 'done') = (done_on is not null)),
  check ((status in ('done', 'cancelled')) = (closed_at is not null))
);
create index account_plan_items_account_idx on account_plan_items (account_id, created_at desc, id desc);
create index account_plan_items_closed_idx on account_plan_items (account_id, closed_at desc, id desc) where closed_at is not null;
create index account_plan_items_owner_idx on account_plan_items (owner_id) where status in ('planned', 'in_progress');

-- The customer's people a plan item is about (the seed's rows are levels, a level may hold several).
create table account_plan_item_contacts (
  item_id bigint not null references account_plan_items(id) on delete cascade deferrable initially immediate,
  contact_id bigint not null references contacts(id) on delete cascade deferrable initially immediate,
  primary key (item_id, contact_id)
);
create index account_plan_item_contacts_contact_idx on account_plan_item_contacts (contact_id);

-- Timeline sources read these by account and time.
create index contacts_account_created_idx on contacts (account_id, created_at desc, id desc);

-- The departure handover recorded owner changes as 'owner_id' where every other writer says
-- 'owner'; the history endpoint only knows 'owner'.
update account_changes set field = 'owner' where field = 'owner_id';
