-- Receptions (SPEC ACT-6, seed 003 forms 6 客户接待申请表 and 7 客户接待报告表; seed 000 接待制度,
-- seed 001 参观管理制度) and banquet seating (ACT-7, seeds 000/001 宴会管理制度). Money is integer fen.

create table receptions (
  id bigserial primary key,
  account_id bigint not null references accounts(id) on delete cascade deferrable initially immediate,
  -- who applied and their unit: the data scope
  owner_id bigint not null references users(id) deferrable initially immediate,
  unit_id bigint not null references org_units(id) deferrable initially immediate,
  -- 'reception' 接待 or 'tour' 参观 (seed 001 参观管理制度)
  kind text not null default 'reception' check (kind in ('reception', 'tour')),
  -- form 6: 接待时间 (start, optional end), the planned place, the visitors [{ name, title }]
  starts_at timestamptz not null,
  ends_at timestamptz,
  place text,
  visitors jsonb not null default '[]',
  -- 招待目的: keys of the seed's checklist
  purposes jsonb not null default '[]',
  -- 客户接待档次 高档 / 中档 / 低档
  level text not null check (level in ('high', 'medium', 'low')),
  -- □全部执行 / □部分执行
  execution text not null default 'full' check (execution in ('full', 'partial')),
  -- 费用明细 in fen: 招待费, 会议费, 典礼费, 礼品费, 其他费用 — and their total
  cost_entertainment bigint not null default 0 check (cost_entertainment >= 0),
  cost_meeting bigint not null default 0 check (cost_meeting >= 0),
  cost_ceremony bigint not null default 0 check (cost_ceremony >= 0),
  cost_gift bigint not null default 0 check (cost_gift >= 0),
  cost_other bigint not null default 0 check (cost_other >= 0),
  cost_total bigint generated always as (cost_entertainment + cost_meeting + cost_ceremony + cost_gift + cost_other) stored,
  -- 参观: route, guide (讲解), areas visited
  tour_route text,
  tour_guide text,
  tour_areas jsonb not null default '[]',
  note text,
  -- the application through the approval engine (doc type 'reception')
  status text not null default 'draft' check (status in ('draft', 'pending', 'approved', 'rejected', 'withdrawn', 'cancelled')),
  approval_id bigint,
  submitted_at timestamptz,
  decided_at timestamptz,
  cancelled_at timestamptz,
  cancel_reason text,
  -- form 7 客户接待报告表; report_status gates expense claims (no report, no reimbursement)
  report_status text not null default 'none' check (report_status in ('none', 'submitted', 'approved')),
  report_date date,
  report_place text,
  guest_attendees jsonb not null default '[]',
  host_attendees jsonb not null default '[]',
  -- 支出费用报告 in fen: 餐费, 住宿费, 交通费, 礼品费, 其他 — and their total (what a claim may ask for)
  spent_meals bigint not null default 0 check (spent_meals >= 0),
  spent_lodging bigint not null default 0 check (spent_lodging >= 0),
  spent_transport bigint not null default 0 check (spent_transport >= 0),
  spent_gifts bigint not null default 0 check (spent_gifts >= 0),
  spent_other bigint not null default 0 check (spent_other >= 0),
  spent_total bigint generated always as (spent_meals + spent_lodging + spent_transport + spent_gifts + spent_other) stored,
  -- notes per cost line { meals: '…', … }
  spent_notes jsonb not null default '{}',
  report_activities text,
  report_cautions text,
  report_effect text,
  report_information text,
  report_submitted_at timestamptz,
  report_confirmed_by bigint references users(id) deferrable initially immediate,
  report_confirmed_at timestamptz,
  report_comment text,
  version int not null default 1,
  created_by bigint references users(id) deferrable initially immediate,
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now()
);
create index receptions_account_idx on receptions (account_id, starts_at desc, id desc);
create index receptions_owner_idx on receptions (owner_id, starts_at desc);
create index receptions_unit_idx on receptions (unit_id, starts_at desc);
create index receptions_report_idx on receptions (report_status) where status = 'approved';

-- The banquet seating plan of a reception (ACT-7): the people with side and rank, and the tables
-- with their seats (person keys by seat index, seat 0 the host's seat facing the door).
create table reception_seating (
  reception_id bigint primary key references receptions(id) on delete cascade deferrable initially immediate,
  seats_per_table smallint not null check (seats_per_table between 4 and 20),
  people jsonb not null default '[]',
  tables jsonb not null default '[]',
  locked boolean not null default false,
  version int not null default 1,
  updated_by bigint references users(id) deferrable initially immediate,
  updated_at timestamptz not null default now()
);
