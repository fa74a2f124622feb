-- Visits (SPEC ACT-1..3, seed 003 §3.3 拜访流程 / 客户拜访日报表, seed 000 大客户拜访记录表):
-- plan and application through the approval engine (doc type visit_plan), check-in, the visit
-- record, the visit report and the director's review. Money is integer fen.

create table visits (
  id bigserial primary key,
  account_id bigint not null references accounts(id) on delete cascade deferrable initially immediate,
  -- the visitor (业务人员 / 执行者) and their unit when planned: the data scope
  owner_id bigint not null references users(id) deferrable initially immediate,
  unit_id bigint not null references org_units(id) deferrable initially immediate,
  -- 商谈计划: a 初次拜访 / b 处理问题 / c 建立关系
  purpose text not null check (purpose in ('first', 'problem', 'relationship')),
  method text not null check (method in ('phone', 'onsite', 'email', 'letter')),
  planned_at timestamptz not null,
  plan_note text,
  -- 拜访资源准备: [{ item, quantity, readyBy, department, note }]
  resources jsonb not null default '[]',
  budget bigint not null default 0 check (budget >= 0),
  -- 现金借支 requested from finance (0: none); the approval's amount
  cash_advance bigint not null default 0 check (cash_advance >= 0),
  status text not null default 'draft' check (status in ('draft', 'pending', 'approved', 'rejected', 'withdrawn', 'checked_in', 'recorded', 'cancelled')),
  approval_id bigint,
  submitted_at timestamptz,
  decided_at timestamptz,
  -- check-in: server time; browser geolocation when given, else a place typed by hand
  checked_in_at timestamptz,
  check_in_lat double precision,
  check_in_lng double precision,
  check_in_accuracy double precision,
  check_in_place text,
  -- the visit record (大客户拜访记录表 / 客户拜访日报表)
  recorded_at timestamptz,
  met_name text,
  met_title text,
  -- 第几次联系: the nth recorded visit to this account, computed by the server
  contact_seq int,
  customer_situation text,
  discussed text,
  concerns text,
  solved text,
  to_watch text,
  other text,
  result text check (result in ('A', 'B', 'C', 'D', 'E')),
  -- 费用项目: [{ item, amount, note }]
  expenses jsonb not null default '[]',
  -- total of the spent costs in fen (sum of expenses): what an expense claim may reimburse
  cost_total bigint not null default 0 check (cost_total >= 0),
  next_visit_at timestamptz,
  -- the visit report (拜访总结) and its review: no report, no reimbursement (seed 003 §3.3.3 四.7)
  report_status text not null default 'none' check (report_status in ('none', 'submitted', 'approved', 'returned')),
  report_submitted_at timestamptz,
  report_reviewed_at timestamptz,
  report_reviewer_id bigint references users(id) deferrable initially immediate,
  report_comment text,
  cancel_reason text,
  version int not null default 1,
  created_by bigint references users(id) deferrable initially immediate,
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now(),
  check ((status in ('checked_in', 'recorded')) <= (checked_in_at is not null)),
  check ((status = 'recorded') = (recorded_at is not null)),
  check (report_status = 'none' or status = 'recorded')
);
create index visits_account_idx on visits (account_id, planned_at desc, id desc);
create index visits_owner_idx on visits (owner_id, planned_at desc);
create index visits_unit_idx on visits (unit_id, planned_at desc);
create index visits_report_idx on visits (report_status) where report_status = 'submitted';
create index visits_checked_in_idx on visits (account_id, checked_in_at) where status = 'recorded';

-- the contacts a visit is planned for and, once recorded, which of them were met
create table visit_contacts (
  visit_id bigint not null references visits(id) on delete cascade deferrable initially immediate,
  contact_id bigint not null references contacts(id) on delete cascade deferrable initially immediate,
  met boolean not null default false,
  primary key (visit_id, contact_id)
);
create index visit_contacts_contact_idx on visit_contacts (contact_id);
