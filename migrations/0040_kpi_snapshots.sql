-- KPI 库 period snapshots (SPEC PERF-2; issue 16 item 2): when a period has ended, every KPI of every unit and
-- every sales person is kept as it stood, so a later correction of the records (a receipt confirmed late, a
-- complaint judged after the month) shows as a correction beside the kept figure, not as a silent change of
-- history. `tongmeng recompute kpis --period …` writes a period's snapshot again (audited).

create table kpi_snapshots (
  period text not null,
  subject_kind text not null check (subject_kind in ('user', 'unit')),
  subject_id bigint not null,
  kpi text not null,
  numerator numeric(20, 2) not null,
  -- null for amounts and counts
  denominator numeric(20, 2),
  value numeric(20, 2),
  taken_at timestamptz not null default now(),
  primary key (period, subject_kind, subject_id, kpi)
);

-- which periods have been kept, when and by whom (null: the nightly job)
create table kpi_snapshot_runs (
  period text primary key,
  taken_at timestamptz not null default now(),
  taken_by bigint references users(id) deferrable initially immediate,
  subjects integer not null
);
