-- The at-risk list at 100,000 accounts (issue 15 item 10): its counts and pages joined account_health to
-- accounts only to apply the caller's data scope (owner, unit), which made a director's list read thousands of
-- wide account rows per request. account_health now carries the account's owner and unit: written by every
-- recompute, and kept equal to the account's by a trigger whenever an account changes owner or unit (an
-- assignment, a handover, a transfer, an import), so the list's scope never lags behind the archive.

alter table account_health add column owner_id bigint, add column unit_id bigint;
update account_health h set owner_id = a.owner_id, unit_id = a.unit_id from accounts a where a.id = h.account_id;

create function account_health_follows_owner() returns trigger language plpgsql as $$
begin
  update account_health set owner_id = new.owner_id, unit_id = new.unit_id
  where account_id = new.id and (owner_id is distinct from new.owner_id or unit_id is distinct from new.unit_id);
  return null;
end;
$$;
create trigger accounts_health_scope after update of owner_id, unit_id on accounts
  for each row when (old.owner_id is distinct from new.owner_id or old.unit_id is distinct from new.unit_id)
  execute function account_health_follows_owner();

-- the nightly run rewrites every row, most with the same score, band and revenue: with room left on each page
-- those updates stay heap-only (HOT) and add nothing to the indexes the list reads
alter table account_health set (fillfactor = 50);

-- a director's (unit subtree) and a manager's (own) lists and band counts: index reads by unit or owner
create index account_health_unit_idx on account_health (unit_id, band) include (revenue, score);
create index account_health_owner_idx on account_health (owner_id, band) include (revenue, score);
