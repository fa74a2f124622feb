-- Gifts (SPEC ACT-8, seed 003 forms 4 礼品馈赠计划表 and 5 礼品馈赠申请表): the gift catalogue with
-- its stock and stock ledger, the gift plan per account, and gift applications approved through the
-- approval engine and issued from stock. Money is integer fen.

create table gift_items (
  id bigserial primary key,
  name text not null,
  -- lower(trimmed name) — one catalogue entry per gift
  name_key text not null unique,
  spec text,
  unit text not null default '件',
  unit_value bigint not null check (unit_value >= 0),
  -- stock on hand; never negative
  stock int not null default 0 check (stock >= 0),
  active boolean not null default true,
  note text,
  version int not null default 1,
  created_by bigint references users(id) deferrable initially immediate,
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now()
);

-- 礼品馈赠计划表: 客户名称 (the account) · 行业 (the account's) · 合作现状 · 馈赠礼品名称 · 礼品数量 ·
-- 预算价值(元) · 负责人姓名 · 备注
create table gift_plans (
  id bigserial primary key,
  account_id bigint not null references accounts(id) on delete cascade deferrable initially immediate,
  cooperation_status text,
  item_id bigint not null references gift_items(id) deferrable initially immediate,
  quantity int not null check (quantity > 0),
  budget bigint check (budget >= 0),
  responsible_id bigint not null references users(id) deferrable initially immediate,
  remark text,
  version int not null default 1,
  created_by bigint references users(id) deferrable initially immediate,
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now()
);
create index gift_plans_account_idx on gift_plans (account_id, id);
create index gift_plans_responsible_idx on gift_plans (responsible_id);

-- 礼品馈赠申请表: 礼品馈赠申请部门 (unit_id) · 礼品管理部门 · 数量 · 馈赠日期 · 馈赠对象 (the account) ·
-- 礼品收受人员 (a contact of the account) · 礼品名称 · 价值(元) · 备注; signed 填表人 → 部门 → 礼品管理员 →
-- 办公室 → 副总经理 (the approval engine).
create table gift_applications (
  id bigserial primary key,
  account_id bigint not null references accounts(id) on delete cascade deferrable initially immediate,
  contact_id bigint not null references contacts(id) deferrable initially immediate,
  item_id bigint not null references gift_items(id) deferrable initially immediate,
  quantity int not null check (quantity > 0),
  -- the item's unit value when written, and value = quantity × unit value: what a claim reimburses
  unit_value bigint not null check (unit_value >= 0),
  value bigint not null check (value >= 0),
  gift_on date not null,
  managing_dept text,
  remark text,
  -- the applicant (填表人) and the applying department (礼品馈赠申请部门)
  owner_id bigint not null references users(id) deferrable initially immediate,
  unit_id bigint not null references org_units(id) deferrable initially immediate,
  status text not null default 'draft' check (status in ('draft', 'pending', 'approved', 'rejected', 'issued')),
  -- compliance: the recipient's approved total of the calendar year before this one, the cap then,
  -- and whether this application takes the total above it (then it needs the GM as well)
  over_cap boolean not null default false,
  year_total_before bigint,
  cap bigint,
  approval_id bigint,
  submitted_at timestamptz,
  decided_at timestamptz,
  issued_at timestamptz,
  issued_by bigint references users(id) deferrable initially immediate,
  version int not null default 1,
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now(),
  check ((status = 'issued') = (issued_at is not null))
);
create index gift_applications_account_idx on gift_applications (account_id, id desc);
create index gift_applications_recipient_idx on gift_applications (contact_id, gift_on) where status in ('approved', 'issued');
create index gift_applications_owner_idx on gift_applications (owner_id, status);
create index gift_applications_status_idx on gift_applications (status, id desc);

-- the stock ledger: every change of an item's stock with the balance after it
create table gift_stock_movements (
  id bigserial primary key,
  item_id bigint not null references gift_items(id) deferrable initially immediate,
  kind text not null check (kind in ('in', 'issue', 'return', 'adjust')),
  -- signed change: in/return > 0, issue < 0, adjust either way
  quantity int not null check (quantity <> 0),
  balance int not null check (balance >= 0),
  application_id bigint references gift_applications(id) deferrable initially immediate,
  note text,
  actor_id bigint references users(id) deferrable initially immediate,
  at timestamptz not null default now(),
  check ((kind = 'issue') = (application_id is not null)),
  check (kind not in ('in', 'return') or quantity > 0),
  check (kind <> 'issue' or quantity < 0)
);
create index gift_stock_movements_item_idx on gift_stock_movements (item_id, id desc);

-- one row: the per-recipient yearly value cap (fen)
create table gift_settings (
  id int primary key default 1 check (id = 1),
  recipient_year_cap bigint not null check (recipient_year_cap >= 0),
  version int not null default 1,
  updated_by bigint references users(id) deferrable initially immediate,
  updated_at timestamptz not null default now()
);
insert into gift_settings (id, recipient_year_cap) values (1, 200000);
