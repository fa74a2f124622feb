-- Issue 11: what did not hold under attack and concurrent load.

-- One person deciding two steps of one document through a delegation or a transfer is refused
-- unless the chain says it is allowed.
alter table approval_chains add column allow_repeat_approver boolean not null default false;
-- a document keeps the chain's setting from when it was submitted
alter table approval_instances add column allow_repeat_approver boolean not null default false;

-- A transfer hands the step over entirely: whoever transferred it no longer decides it, while
-- a delegator still may decide a step their delegate holds. `via` says how the step came to
-- approver_id from original_approver_id (filled below for existing steps).
alter table approval_steps add column via text check (via in ('delegation', 'transfer'));
alter table approval_steps add constraint approval_steps_via_original check (via is null or original_approver_id is not null);

-- A visit, reception, trip or gift application is held by one claim at a time, by a key rather
-- than a read-then-write: a claim holds the records of its lines while it is not rejected.
create table expense_claim_holds (
  kind text not null check (kind in ('visit', 'reception', 'gift', 'trip')),
  ref_id bigint not null,
  claim_id bigint not null references expense_claims(id) on delete cascade deferrable initially immediate,
  primary key (kind, ref_id)
);
create index expense_claim_holds_claim_idx on expense_claim_holds (claim_id);

-- Sign-in lockout for usernames nobody has, so that a locked-out answer does not tell an
-- attacker which usernames exist (known users keep theirs on users).
create table login_lockouts (
  username text primary key,
  failed_logins int not null default 0,
  locked_until timestamptz,
  updated_at timestamptz not null default now()
);

-- @after-restore: what follows brings existing rows in line, and runs again after a restore of
-- a backup made before this migration (so every statement may run twice; each ends a line with ';').

-- Delegation: only the delegator — or an administrator — sets up a delegation of someone's
-- approvals. The built-in GM and KA director roles no longer carry delegation:manage (it was
-- offered once, so a start does not give it back; an administrator still may), and the
-- delegations they set up for someone else are revoked.
delete from role_permissions rp
using roles r
where rp.role_id = r.id and r.builtin and r.code in ('gm', 'ka_director') and rp.permission = 'delegation:manage';
update delegations d
set revoked_at = now()
where d.revoked_at is null
  and d.created_by is distinct from d.user_id
  and not exists (
    select 1 from user_roles ur join role_permissions rp on rp.role_id = ur.role_id
    where ur.user_id = d.created_by and rp.permission = 'delegation:manage'
  );

-- How each handed-on step came to its approver: a transfer when a transfer event names it,
-- else a delegation.
update approval_steps s
set via = 'transfer'
where s.via is null and s.original_approver_id is not null
  and exists (
    select 1 from approval_events e
    where e.instance_id = s.instance_id and e.step_seq = s.seq and e.action = 'transfer' and e.to_user_id = s.approver_id
  );
update approval_steps set via = 'delegation' where via is null and original_approver_id is not null;

-- Existing claims: the oldest non-rejected claim of a record holds it.
insert into expense_claim_holds (kind, ref_id, claim_id)
select distinct on (l.kind, l.ref_id) l.kind, l.ref_id, c.id
from expense_claim_lines l
join expense_claims c on c.id = l.claim_id
where l.ref_id is not null and l.kind in ('visit', 'reception', 'gift', 'trip') and c.status <> 'rejected'
order by l.kind, l.ref_id, c.id
on conflict do nothing;

-- An import left validating or committing by a server that died, whose job is no longer queued
-- or running, is failed: the user may validate it again or cancel it (before, both were 409).
update imports i
set status = 'failed', phase = null, updated_at = now(),
    error = '{"key": "transfer.runLost", "message": "The server stopped while this import was running, and nothing was saved. Validate the file again or cancel the import."}'::jsonb
where i.status in ('validating', 'committing')
  and not exists (
    select 1 from jobs j
    where j.dedupe_key = 'import:' || i.id || ':' || i.version and j.status in ('queued', 'running')
  );
