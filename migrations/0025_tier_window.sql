-- The tier's "三年内" (seed 004) is a setting now (accounts.classification.revenueWindow, decision
-- 013), and its default — the last complete years, where the running year and the two before were
-- counted — moves accounts whose revenue is recent between 大型 and 中小微. The stored tiers and
-- quadrants (decision 006) are recomputed by the job right after the upgrade, and again after a
-- backup from before it is restored.
-- @after-restore
insert into jobs (name, payload, dedupe_key)
select 'accounts.recompute', '{"reason":"upgrade"}'::jsonb, 'accounts.recompute'
where exists (select 1 from accounts)
  and not exists (select 1 from jobs where dedupe_key = 'accounts.recompute' and status in ('queued', 'running'));
