-- One settings mechanism (issue 12): every setting is a key of `settings`, versioned (a write
-- names the version it saw) and audited. The pipeline's and the gifts' one-row tables move in.
alter table settings add column version int not null default 1;
alter table settings add column updated_by bigint references users(id) deferrable initially immediate;

insert into settings (key, value, version, updated_by, updated_at)
  select 'pipeline', settings, version, updated_by, updated_at from pipeline_settings where id = 1
  on conflict (key) do nothing;
insert into settings (key, value, version, updated_by, updated_at)
  select 'gifts', jsonb_build_object('recipientYearCap', recipient_year_cap), version, updated_by, updated_at from gift_settings where id = 1
  on conflict (key) do nothing;

drop table pipeline_settings;
drop table gift_settings;

-- the visit policy's key is the name its audit records always used
update settings set key = 'visit_policy' where key = 'visits.policy';
