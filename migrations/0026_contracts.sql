-- Contracts and collections (SPEC DEAL-1..3, issue 14). Money is integer fen.
--
-- The contracts room owns contracts, their product lines and their payment plan (instalments);
-- the collections room owns receipts (回款单), their allocation over instalments, invoices,
-- write-offs and the dunning ledger. An instalment's paid amount is the sum of the live
-- allocations of confirmed receipts, kept by the collections room in the allocation's own
-- transaction; the check constraints below make over-allocation impossible however many
-- requests race (the row updates serialise on the instalment and the receipt).

create table contracts (
  id bigserial primary key,
  -- 合同编号: typed or generated (HT-<year>-<id>); unique whatever the case
  number text not null,
  -- framework = 战略合作协议, sales = 销售合同, supplement = 补充协议
  kind text not null check (kind in ('framework', 'sales', 'supplement')),
  -- sales: the framework agreement it falls under (optional); supplement: the contract it amends
  parent_id bigint references contracts(id) deferrable initially immediate,
  -- a supplement's number under its parent (1, 2, …); 0 for the others
  revision int not null default 0,
  account_id bigint not null references accounts(id) deferrable initially immediate,
  -- our owner and signing unit (data scope)
  owner_id bigint not null references users(id) deferrable initially immediate,
  unit_id bigint not null references org_units(id) deferrable initially immediate,
  -- the customer's signatory
  signatory_contact_id bigint references contacts(id) on delete set null deferrable initially immediate,
  title text not null,
  -- framework: the committed value; sales: the contract value; supplement: the value it adds
  amount bigint not null check (amount >= 0),
  currency text not null default 'CNY' check (currency = 'CNY'),
  sign_date date,
  start_date date,
  end_date date,
  payment_terms text not null default '',
  note text not null default '',
  status text not null default 'draft' check (status in ('draft', 'pending', 'rejected', 'signed', 'in_progress', 'completed', 'terminated', 'void')),
  -- the reason of the last change that needs one (terminate, void, settle by the director)
  status_reason text,
  approval_id bigint,
  submitted_at timestamptz,
  decided_at timestamptz,
  signed_at timestamptz,
  closed_at timestamptz,
  -- who settled it by hand (合同结算 by the director); null when the plan settled it
  settled_by bigint references users(id) deferrable initially immediate,
  version int not null default 1,
  created_by bigint not null references users(id) deferrable initially immediate,
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now(),
  check (kind <> 'supplement' or parent_id is not null),
  check (kind <> 'framework' or parent_id is null),
  check ((kind = 'supplement') = (revision > 0)),
  check (end_date is null or start_date is null or end_date >= start_date),
  check (status not in ('terminated', 'void') or status_reason is not null)
);
create unique index contracts_number_key on contracts (lower(number));
create unique index contracts_revision_key on contracts (parent_id, revision) where kind = 'supplement';
create index contracts_account_idx on contracts (account_id, id desc);
create index contracts_owner_idx on contracts (owner_id, id desc);
create index contracts_unit_idx on contracts (unit_id, id desc);
create index contracts_parent_idx on contracts (parent_id) where parent_id is not null;
create index contracts_status_idx on contracts (status, id desc);
create index contracts_sign_date_idx on contracts (sign_date desc, id desc);

-- 产品明细: prices and discounts are commercial secrets (ORG-4), shown only with contract:prices
create table contract_lines (
  id bigserial primary key,
  contract_id bigint not null references contracts(id) on delete cascade deferrable initially immediate,
  seq int not null,
  product text not null,
  spec text not null default '',
  -- 单位 (台, 套, 吨)
  unit text not null default '',
  quantity numeric(16, 3) not null check (quantity > 0),
  unit_price bigint not null check (unit_price >= 0),
  -- percent off the unit price (5 = 95折)
  discount numeric(5, 2) not null default 0 check (discount >= 0 and discount < 100),
  -- round(quantity × unit_price × (1 − discount / 100))
  amount bigint not null check (amount >= 0),
  unique (contract_id, seq)
);

-- 回款计划: a contract's instalments; their sum equals its amount (the service checks)
create table contract_instalments (
  id bigserial primary key,
  contract_id bigint not null references contracts(id) on delete cascade deferrable initially immediate,
  -- the contract's account, for allocation and ageing without the join
  account_id bigint not null references accounts(id) deferrable initially immediate,
  seq int not null,
  milestone text not null default '',
  due_date date not null,
  amount bigint not null check (amount > 0),
  -- allocations of confirmed receipts (kept by the collections room)
  paid_amount bigint not null default 0 check (paid_amount >= 0),
  -- approved write-offs
  written_off bigint not null default 0 check (written_off >= 0),
  written_off_on date,
  -- the received date of the allocation that settled it (null while open)
  settled_on date,
  unique (contract_id, seq),
  check (paid_amount + written_off <= amount)
);
create index contract_instalments_account_due_idx on contract_instalments (account_id, due_date, id);
create index contract_instalments_open_idx on contract_instalments (due_date, id) where paid_amount + written_off < amount;
create index contract_instalments_settled_idx on contract_instalments (settled_on) where settled_on is not null;

-- 回款单
create table receipts (
  id bigserial primary key,
  -- 回款单号 (HK-<year>-<id> unless typed)
  number text not null,
  account_id bigint not null references accounts(id) deferrable initially immediate,
  -- who chases it: the account's owner when recorded, and their unit (data scope)
  owner_id bigint not null references users(id) deferrable initially immediate,
  unit_id bigint not null references org_units(id) deferrable initially immediate,
  received_on date not null,
  amount bigint not null check (amount > 0),
  -- transfer 银行转账, acceptance 承兑汇票, cash 现金, other 其他
  method text not null default 'transfer' check (method in ('transfer', 'acceptance', 'cash', 'other')),
  -- 银行流水号: a second receipt with the same one is a duplicate
  bank_ref text,
  payer text not null default '',
  note text not null default '',
  source text not null default 'manual' check (source in ('manual', 'import')),
  status text not null default 'recorded' check (status in ('recorded', 'confirmed', 'void')),
  -- the part allocated to instalments (live allocations); the rest is the account's credit
  allocated bigint not null default 0 check (allocated >= 0),
  recorded_by bigint not null references users(id) deferrable initially immediate,
  confirmed_by bigint references users(id) deferrable initially immediate,
  confirmed_at timestamptz,
  void_reason text,
  version int not null default 1,
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now(),
  check (allocated <= amount),
  check ((status = 'confirmed') = (confirmed_at is not null)),
  check (status <> 'void' or void_reason is not null),
  check (status = 'confirmed' or allocated = 0)
);
create unique index receipts_number_key on receipts (lower(number));
create unique index receipts_bank_ref_key on receipts (bank_ref) where bank_ref is not null and status <> 'void';
create index receipts_account_idx on receipts (account_id, received_on desc, id desc);
create index receipts_owner_idx on receipts (owner_id, id desc);
create index receipts_unit_idx on receipts (unit_id, id desc);
create index receipts_status_idx on receipts (status, id desc);
create index receipts_received_idx on receipts (received_on, id);
create index receipts_credit_idx on receipts (account_id) where status = 'confirmed' and allocated < amount;

create table receipt_allocations (
  id bigserial primary key,
  receipt_id bigint not null references receipts(id) deferrable initially immediate,
  instalment_id bigint not null references contract_instalments(id) deferrable initially immediate,
  amount bigint not null check (amount > 0),
  -- the receipt's received date, for ageing as of a date without the join
  received_on date not null,
  allocated_by bigint not null references users(id) deferrable initially immediate,
  allocated_at timestamptz not null default now(),
  undone_at timestamptz,
  undone_by bigint references users(id) deferrable initially immediate,
  undo_reason text,
  check ((undone_at is null) = (undone_by is null)),
  check (undone_at is null or undo_reason is not null)
);
create index receipt_allocations_receipt_idx on receipt_allocations (receipt_id);
create index receipt_allocations_instalment_idx on receipt_allocations (instalment_id) where undone_at is null;
create index receipt_allocations_received_idx on receipt_allocations (received_on) where undone_at is null;

-- 发票 per instalment
create table invoices (
  id bigserial primary key,
  instalment_id bigint not null references contract_instalments(id) deferrable initially immediate,
  contract_id bigint not null references contracts(id) deferrable initially immediate,
  number text not null,
  issued_on date not null,
  amount bigint not null check (amount > 0),
  -- normal 普票, special 专票
  type text not null check (type in ('normal', 'special')),
  status text not null default 'issued' check (status in ('issued', 'void')),
  void_reason text,
  created_by bigint not null references users(id) deferrable initially immediate,
  created_at timestamptz not null default now(),
  version int not null default 1,
  check (status <> 'void' or void_reason is not null)
);
create unique index invoices_number_key on invoices (number) where status = 'issued';
create index invoices_instalment_idx on invoices (instalment_id);
create index invoices_contract_idx on invoices (contract_id);

-- 坏账核销: a write-off of an instalment's unpaid rest goes through the approval engine
create table instalment_write_offs (
  id bigserial primary key,
  instalment_id bigint not null references contract_instalments(id) deferrable initially immediate,
  amount bigint not null check (amount > 0),
  reason text not null,
  status text not null default 'pending' check (status in ('pending', 'approved', 'rejected', 'withdrawn')),
  approval_id bigint,
  requested_by bigint not null references users(id) deferrable initially immediate,
  unit_id bigint not null references org_units(id) deferrable initially immediate,
  submitted_at timestamptz,
  decided_at timestamptz,
  version int not null default 1,
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now()
);
create unique index instalment_write_offs_pending_key on instalment_write_offs (instalment_id) where status = 'pending';
create index instalment_write_offs_instalment_idx on instalment_write_offs (instalment_id);

-- 帐款催收: each dunning level once per instalment (the primary key makes a second instance's run a no-op)
create table dunning_steps (
  instalment_id bigint not null references contract_instalments(id) on delete cascade deferrable initially immediate,
  level int not null check (level between 1 and 9),
  days_overdue int not null,
  at timestamptz not null default now(),
  task_id bigint,
  primary key (instalment_id, level)
);
