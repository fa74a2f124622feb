-- A person's own home page (工作台, PERF-4, issue 17 item 1): the widgets they moved or hid, in their order
-- ([{ "key": "...", "hidden": false }, …]); null until they change it — the widgets then follow their positions.
alter table users add column home_layout jsonb;
