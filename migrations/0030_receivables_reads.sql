-- Collection rates (issue 14 item 7) look up, per instalment falling due in the period, its live
-- allocations received after the period: with the received date and amount in the index that is an
-- index-only look-up. Same key and predicate as the index it replaces (0026), so every other reader of
-- receipt_allocations_instalment_idx keeps it.
drop index receipt_allocations_instalment_idx;
create index receipt_allocations_instalment_idx on receipt_allocations (instalment_id) include (received_on, amount) where undone_at is null;
