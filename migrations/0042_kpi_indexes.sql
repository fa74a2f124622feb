-- The KPI library's reads over a unit's subtree or a list of people (issue 16 item 7): each KPI source is
-- filtered by `unit = any(…)` / `owner = any(…)` and a date range, so these give the filter and the range one
-- index each. Measured on bench:kpis' data (100,000 accounts, 1,400,000 visits, 1,000,000 instalments).

-- visits checked in (拜访次数, 拜访计划执行率): by person or unit and the check-in time. The predicate takes in
-- both checked-in states; the former index on recorded visits only is implied by it and goes.
create index visits_owner_checked_in_any_idx on visits (owner_id, checked_in_at) where status in ('checked_in', 'recorded');
create index visits_unit_checked_in_idx on visits (unit_id, checked_in_at) where status in ('checked_in', 'recorded');
drop index visits_owner_checked_in_idx;

-- a contract's instalments by due date (销售合同结算率: its last instalment's due date), and the instalments
-- falling due in a range with what 合同回款率 reads of them, read from the index alone (it replaces the plain
-- index on the due date)
create index contract_instalments_contract_due_idx on contract_instalments (contract_id, due_date);
create index contract_instalments_due_cover_idx on contract_instalments (due_date) include (contract_id, id, amount, paid_amount);
drop index contract_instalments_due_idx;

-- a unit's contracts with what the receivable KPIs read of them, read from the index alone
create index contracts_unit_cover_idx on contracts (unit_id) include (id, owner_id, status, kind, closed_at);

-- accounts turned 流失 (客户流失率 in a range; the accounts at a range's start leave out those lost before it)
create index account_changes_lost_at_idx on account_changes (at) where field = 'lifecycle' and to_value = 'lost';
create index account_changes_lost_account_idx on account_changes (account_id, at) where field = 'lifecycle' and to_value = 'lost';

-- receipts confirmed (回款额) by unit or person and the day received, with the amount
create index receipts_unit_confirmed_idx on receipts (unit_id, received_on) include (owner_id, amount) where status = 'confirmed';
create index receipts_owner_confirmed_idx on receipts (owner_id, received_on) include (unit_id, amount) where status = 'confirmed';
