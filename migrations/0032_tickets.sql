-- Service requests and complaints (SPEC SVC-1, issue 15 items 1–3 and 11; the tickets room).
--
-- A ticket (服务请求 / 投诉) is raised by a customer and handled by its owner: new → assigned → in_progress
-- → waiting (for the customer: the SLA clock is paused) → resolved → closed, and back to in_progress by a
-- reopen with its reason. Its two SLA milestones (first response, resolve) carry their budget in working
-- minutes, the working minutes the clock was paused, and the warning and due instants the working
-- calendar gives; a breach stays on record (breached_at) even when the milestone is met later. Each
-- escalation level (warning → owner, breach → director, breach + N working hours → GM) happens once per
-- ticket and milestone: the primary key of ticket_escalations makes a second run, on any instance, a no-op.
create table tickets (
  id bigserial primary key,
  -- TS-<year>-<id>
  number text not null,
  -- complaint 投诉, enquiry 咨询, service 服务
  kind text not null check (kind in ('complaint', 'enquiry', 'service')),
  severity text not null check (severity in ('critical', 'high', 'medium', 'low')),
  -- phone 电话, email 邮件, wechat 微信, onsite 现场, letter 信函, other 其他
  channel text not null check (channel in ('phone', 'email', 'wechat', 'onsite', 'letter', 'other')),
  account_id bigint not null references accounts(id) deferrable initially immediate,
  -- the customer's person who raised it
  contact_id bigint references contacts(id) on delete set null deferrable initially immediate,
  -- who handles it and their unit (data scope)
  owner_id bigint not null references users(id) deferrable initially immediate,
  unit_id bigint not null references org_units(id) deferrable initially immediate,
  title text not null check (length(title) between 1 and 200),
  description text not null default '' check (length(description) <= 10000),
  status text not null default 'new' check (status in ('new', 'assigned', 'in_progress', 'waiting', 'resolved', 'closed')),
  -- when the customer raised it (a complaint phoned in is often logged later); the SLA clock starts here
  received_at timestamptz not null,
  -- when the clock stopped: waiting for the customer, or resolved (a reopen resumes it); null while it runs
  paused_at timestamptz,
  resolution text,
  resolved_at timestamptz,
  closed_at timestamptz,
  reopened integer not null default 0 check (reopened >= 0),
  -- 有效 / 无效 as the director judged a closed complaint, with the reason and the person responsible
  validity text check (validity in ('valid', 'invalid')),
  validity_reason text,
  responsible_id bigint references users(id) deferrable initially immediate,
  judged_by bigint references users(id) deferrable initially immediate,
  judged_at timestamptz,
  version integer not null default 1,
  created_by bigint not null references users(id) deferrable initially immediate,
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now(),
  check ((paused_at is not null) = (status in ('waiting', 'resolved', 'closed'))),
  check ((status in ('resolved', 'closed')) = (resolved_at is not null)),
  check ((status = 'closed') = (closed_at is not null)),
  check (validity is null or (kind = 'complaint' and status = 'closed')),
  check ((validity is null) = (judged_at is null)),
  check (validity is null or (validity_reason is not null and responsible_id is not null and judged_by is not null))
);
create unique index tickets_number_key on tickets (lower(number));
create index tickets_account_idx on tickets (account_id, id desc);
create index tickets_owner_idx on tickets (owner_id, id desc);
create index tickets_unit_idx on tickets (unit_id, id desc);
create index tickets_status_idx on tickets (status, id desc);
-- the scorecard's valid complaints by the person responsible
create index tickets_valid_idx on tickets (responsible_id, received_at) where validity = 'valid';

-- The SLA milestones of a ticket: first_response (met when it first goes in progress) and resolve (met
-- when resolved; a reopen unmeets it). due_at = the working time budget + paused_minutes after received_at.
create table ticket_milestones (
  ticket_id bigint not null references tickets(id) on delete cascade deferrable initially immediate,
  milestone text not null check (milestone in ('first_response', 'resolve')),
  budget_minutes integer not null check (budget_minutes > 0),
  paused_minutes numeric(12, 3) not null default 0 check (paused_minutes >= 0),
  warn_at timestamptz not null,
  due_at timestamptz not null,
  met_at timestamptz,
  -- the due instant it was missed at; kept when met later
  breached_at timestamptz,
  primary key (ticket_id, milestone),
  check (warn_at <= due_at)
);
create index ticket_milestones_open_idx on ticket_milestones (warn_at) where met_at is null;

-- Each escalation once per ticket, milestone and level (the job's insert … on conflict do nothing).
create table ticket_escalations (
  ticket_id bigint not null references tickets(id) on delete cascade deferrable initially immediate,
  milestone text not null check (milestone in ('first_response', 'resolve')),
  -- warning → the owner; breach → the owner and their director (task); gm → the GM (task)
  level text not null check (level in ('warning', 'breach', 'gm')),
  at timestamptz not null default now(),
  notified_id bigint references users(id) deferrable initially immediate,
  task_id bigint,
  primary key (ticket_id, milestone, level)
);

-- Every change of a ticket: state moves, owner, severity and fields, files, judgement, escalations.
create table ticket_history (
  id bigserial primary key,
  ticket_id bigint not null references tickets(id) on delete cascade deferrable initially immediate,
  at timestamptz not null default now(),
  -- null: the system (an escalation)
  actor_id bigint references users(id) deferrable initially immediate,
  event text not null,
  from_status text,
  to_status text,
  -- field → [before, after]; an escalation's milestone and level
  changes jsonb not null default '{}',
  note text
);
create index ticket_history_ticket_idx on ticket_history (ticket_id, id);
