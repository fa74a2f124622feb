-- 增值服务与客户活动 (SPEC SVC-4; issue 15 item 8; seed 000 第三章 "组织并参与大型活动及沙龙,发掘潜在客户",
-- seed 002 "定期召开大客户座谈会", seed 004 第十一、十二条 "定期举办客户活动 … 提供专属优惠和增值服务").
--
-- customer_events: a seminar (大客户座谈会), salon, experience day or other event organised by a person for
-- their unit, with its budget approved through the engine (doc type customer_event), then held and
-- closed with a summary. Its guests are contacts (event_invitations: invited → registered / declined,
-- attendance recorded at the door) and an attendee's follow-up becomes a visit plan or a development
-- project (followup_kind, followup_id). Its costs (event_costs) are recorded against the approved
-- budget; a cost that takes the total above it carries its reason.
--
-- service_logs: the value-added services given to an account (consulting, training, an experience,
-- care, a priority channel …), with the contact, the date and the cost.

create table customer_events (
  id bigserial primary key,
  kind text not null check (kind in ('seminar', 'salon', 'experience', 'gala', 'other')),
  title text not null,
  -- the organiser, and the unit the event is held for (scope: the unit and the units below it see it)
  owner_id bigint not null references users(id) deferrable initially immediate,
  unit_id bigint not null references org_units(id) deferrable initially immediate,
  starts_at timestamptz not null,
  ends_at timestamptz not null,
  venue text not null default '',
  capacity integer check (capacity > 0),
  -- fen, approved with the event
  budget bigint not null default 0 check (budget >= 0),
  agenda text not null default '',
  status text not null default 'draft' check (status in ('draft', 'pending', 'approved', 'rejected', 'held', 'closed', 'cancelled')),
  approval_id bigint,
  submitted_at timestamptz,
  decided_at timestamptz,
  held_at timestamptz,
  closed_at timestamptz,
  summary text not null default '',
  cancel_reason text,
  -- the director is told once when the costs pass the budget
  over_budget_noticed boolean not null default false,
  version integer not null default 1,
  created_by bigint references users(id) deferrable initially immediate,
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now(),
  check (ends_at >= starts_at),
  check ((status = 'closed') = (closed_at is not null))
);
create index customer_events_starts_idx on customer_events (starts_at desc, id desc);
create index customer_events_owner_idx on customer_events (owner_id, starts_at desc);
create index customer_events_unit_idx on customer_events (unit_id, starts_at desc);

create table event_invitations (
  id bigserial primary key,
  event_id bigint not null references customer_events(id) on delete cascade deferrable initially immediate,
  contact_id bigint not null references contacts(id) on delete cascade deferrable initially immediate,
  -- the contact's account when invited (a merge moves it; scope reads it)
  account_id bigint not null references accounts(id) on delete cascade deferrable initially immediate,
  invited_by bigint not null references users(id) deferrable initially immediate,
  invited_at timestamptz not null default now(),
  response text not null default 'invited' check (response in ('invited', 'registered', 'declined')),
  responded_at timestamptz,
  -- null: not recorded yet
  attended boolean,
  checked_in_at timestamptz,
  note text not null default '',
  followup_kind text check (followup_kind in ('visit', 'opportunity')),
  followup_id bigint,
  followup_at timestamptz,
  followup_by bigint references users(id) deferrable initially immediate,
  version integer not null default 1,
  unique (event_id, contact_id),
  check ((followup_kind is null) = (followup_id is null)),
  check (attended is not true or response = 'registered')
);
create index event_invitations_account_idx on event_invitations (account_id, event_id);
create index event_invitations_contact_idx on event_invitations (contact_id);

create table event_costs (
  id bigserial primary key,
  event_id bigint not null references customer_events(id) on delete cascade deferrable initially immediate,
  category text not null check (category in ('venue', 'catering', 'materials', 'gifts', 'transport', 'speaker', 'other')),
  amount bigint not null check (amount > 0),
  spent_on date not null,
  note text not null default '',
  -- required when this line took the total above the budget
  over_budget_reason text,
  created_by bigint not null references users(id) deferrable initially immediate,
  created_at timestamptz not null default now()
);
create index event_costs_event_idx on event_costs (event_id, id);

create table service_logs (
  id bigserial primary key,
  account_id bigint not null references accounts(id) on delete cascade deferrable initially immediate,
  contact_id bigint references contacts(id) on delete set null deferrable initially immediate,
  kind text not null check (kind in ('consulting', 'training', 'experience', 'care', 'priority', 'other')),
  title text not null,
  provided_on date not null,
  -- fen
  cost bigint not null default 0 check (cost >= 0),
  note text not null default '',
  -- who gave the service
  owner_id bigint not null references users(id) deferrable initially immediate,
  version integer not null default 1,
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now()
);
create index service_logs_account_idx on service_logs (account_id, provided_on desc, id desc);
create index service_logs_owner_idx on service_logs (owner_id);
