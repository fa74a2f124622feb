-- Which default permissions each built-in role has already been given (by role code). A start
-- grants a built-in role the default permissions it was never offered — so permissions added by
-- later releases reach existing databases — and never re-grants one an administrator removed.
create table role_default_grants (
  role_code text not null,
  permission text not null,
  primary key (role_code, permission)
);
-- Existing roles: what they hold now counts as offered.
insert into role_default_grants (role_code, permission)
select r.code, rp.permission from roles r join role_permissions rp on rp.role_id = r.id where r.builtin;
