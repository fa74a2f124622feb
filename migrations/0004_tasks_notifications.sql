-- Tasks: the daily reminder marks each task it reminded, so a task is reminded once per due date
-- (changing the due date clears the mark).
alter table tasks add column due_notified_at timestamptz;
create index tasks_due_open_idx on tasks (due_at) where status = 'open' and due_notified_at is null;
-- The audit search filters by action and by entity alone.
create index audit_log_action_idx on audit_log (action, at);
