-- Collection rates (issue 14 item 7) look up, per instalment falling due in the period, its live
-- allocations received after the period: with the received date and amount in the index that is an
-- index-only look-up. Same key and predicate as the index it replaces (0026), so every other reader of
-- receipt_allocations_instalment_idx keeps it.
drop index receipt_allocations_instalment_idx;
create index receipt_allocations_instalment_idx on receipt_allocations (instalment_id) include (received_on, amount) where undone_at is null;

-- The open instalments carry what ageing (its "open now" set), the overdue filter of the contract list
-- and the dunning run read of them, so those are index-only scans of the open ones instead of a heap
-- read per open instalment. Same key and predicate as before (the dunning run's keyset is (due_date, id)).
drop index contract_instalments_open_idx;
create index contract_instalments_open_idx on contract_instalments (due_date, id)
  include (contract_id, account_id, amount, paid_amount, written_off, written_off_on)
  where paid_amount + written_off < amount;
