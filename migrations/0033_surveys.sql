-- 满意度 (SPEC SVC-2, issue 15 item 4): satisfaction surveys answered through a one-time public link.
--
-- An invitation asks one contact of one account; the link's token (32 random bytes, base64url) is never
-- stored, only its SHA-256 (token_hash). Answering consumes the invitation in one guarded update
-- (answered_at is null and revoked_at is null and expires_at > now()), so of any number of simultaneous
-- answers exactly one is taken. The answers live on the invitation: CSAT 1–5, NPS 0–10, the 1–5 items of
-- its question set (item_scores, by the set's keys) and a comment.

create table survey_invitations (
  id bigserial primary key,
  account_id bigint not null references accounts(id) deferrable initially immediate,
  contact_id bigint not null references contacts(id) deferrable initially immediate,
  -- manual (by its sender), ticket_closed (the tickets room on closing a ticket), scheduled (the daily job)
  reason text not null check (reason in ('manual', 'ticket_closed', 'scheduled')),
  -- the ticket whose closing sent it (the tickets room's; no reference, so either room can go first)
  ticket_id bigint,
  -- the business day of the scheduled run that made it: one per account and day however many runs
  schedule_key text,
  -- the question set's version (shared/domain/surveys.ts): answers are read with the questions that were asked
  question_set int not null,
  -- SHA-256 (hex) of the link's token; a new link replaces it
  token_hash text not null,
  issued_at timestamptz not null default now(),
  expires_at timestamptz not null,
  emailed_at timestamptz,
  -- null: made by the schedule
  created_by bigint references users(id) on delete set null deferrable initially immediate,
  created_at timestamptz not null default now(),
  revoked_at timestamptz,
  revoked_by bigint references users(id) on delete set null deferrable initially immediate,
  answered_at timestamptz,
  csat smallint check (csat between 1 and 5),
  nps smallint check (nps between 0 and 10),
  item_scores jsonb not null default '{}',
  comment text check (char_length(comment) <= 2000),
  check ((answered_at is null) = (csat is null) and (answered_at is null) = (nps is null)),
  check (answered_at is null or revoked_at is null),
  check ((reason = 'ticket_closed') = (ticket_id is not null)),
  check ((reason = 'scheduled') = (schedule_key is not null))
);
create unique index survey_invitations_token_key on survey_invitations (token_hash);
create unique index survey_invitations_ticket_key on survey_invitations (ticket_id) where ticket_id is not null;
create unique index survey_invitations_schedule_key on survey_invitations (account_id, schedule_key) where schedule_key is not null;
create index survey_invitations_account_idx on survey_invitations (account_id, id desc);
create index survey_invitations_contact_idx on survey_invitations (contact_id);
create index survey_invitations_created_idx on survey_invitations (created_at, id);
create index survey_invitations_answered_idx on survey_invitations (answered_at, account_id) where answered_at is not null;

-- The link of an invitation being e-mailed to its contact, held only until the e-mail job has sent it
-- (or given up): the job cannot rebuild a link from its hash.
create table survey_email_outbox (
  invitation_id bigint primary key references survey_invitations(id) on delete cascade deferrable initially immediate,
  token text not null,
  email text not null,
  created_at timestamptz not null default now()
);

-- Requests to the public survey routes per client address and minute: the limit holds across every
-- server instance on the database. Windows older than a day are pruned by the daily survey job.
create table survey_rate_hits (
  ip text not null,
  window_start timestamptz not null,
  hits int not null default 1,
  primary key (ip, window_start)
);
