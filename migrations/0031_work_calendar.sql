-- The working calendar (issue 15 item 2, the workdays room): the days that differ from "Monday–Friday
-- work", per year — 法定节假日 and their 放假调休 bridge days off, 调休 make-up days worked. A year is
-- either as the State Council published it (official) or changed by an admin (edited); a year with
-- no row is not known yet and counts by the weekday rule alone.
create table work_calendar_years (
  year integer primary key check (year between 2000 and 2100),
  status text not null check (status in ('official', 'edited')),
  source text not null default '',
  version integer not null default 1,
  updated_by bigint references users (id) deferrable initially immediate,
  updated_at timestamptz not null default now()
);

create table work_calendar_days (
  date date primary key,
  year integer not null references work_calendar_years (year) on delete cascade deferrable initially immediate,
  off boolean not null,
  name text not null check (length(name) between 1 and 40),
  check (extract(year from date)::integer = year)
);
create index work_calendar_days_year_idx on work_calendar_days (year, date);

-- 2026 as published: 国务院办公厅关于2026年部分节假日安排的通知 (gov.cn, November 2025).
insert into work_calendar_years (year, status, source) values (2026, 'official', '国务院办公厅关于2026年部分节假日安排的通知');
insert into work_calendar_days (date, year, off, name) values
  ('2026-01-01', 2026, true, '元旦'), ('2026-01-02', 2026, true, '元旦'), ('2026-01-03', 2026, true, '元旦'), ('2026-01-04', 2026, false, '元旦'),
  ('2026-02-14', 2026, false, '春节'), ('2026-02-15', 2026, true, '春节'), ('2026-02-16', 2026, true, '春节'), ('2026-02-17', 2026, true, '春节'),
  ('2026-02-18', 2026, true, '春节'), ('2026-02-19', 2026, true, '春节'), ('2026-02-20', 2026, true, '春节'), ('2026-02-21', 2026, true, '春节'),
  ('2026-02-22', 2026, true, '春节'), ('2026-02-23', 2026, true, '春节'), ('2026-02-28', 2026, false, '春节'),
  ('2026-04-04', 2026, true, '清明节'), ('2026-04-05', 2026, true, '清明节'), ('2026-04-06', 2026, true, '清明节'),
  ('2026-05-01', 2026, true, '劳动节'), ('2026-05-02', 2026, true, '劳动节'), ('2026-05-03', 2026, true, '劳动节'), ('2026-05-04', 2026, true, '劳动节'),
  ('2026-05-05', 2026, true, '劳动节'), ('2026-05-09', 2026, false, '劳动节'),
  ('2026-06-19', 2026, true, '端午节'), ('2026-06-20', 2026, true, '端午节'), ('2026-06-21', 2026, true, '端午节'),
  ('2026-09-20', 2026, false, '国庆节'), ('2026-09-25', 2026, true, '中秋节'), ('2026-09-26', 2026, true, '中秋节'), ('2026-09-27', 2026, true, '中秋节'),
  ('2026-10-01', 2026, true, '国庆节'), ('2026-10-02', 2026, true, '国庆节'), ('2026-10-03', 2026, true, '国庆节'), ('2026-10-04', 2026, true, '国庆节'),
  ('2026-10-05', 2026, true, '国庆节'), ('2026-10-06', 2026, true, '国庆节'), ('2026-10-07', 2026, true, '国庆节'), ('2026-10-10', 2026, false, '国庆节');
