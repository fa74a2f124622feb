-- Receivables as of a date (issue 14 item 5, the receivables room). The candidates of ageing as of a
-- past date are the instalments open now, settled after it, with an allocation received after it, or
-- written off after it; 0026 indexes the first three, this the fourth (write-offs are few).
create index contract_instalments_written_off_idx on contract_instalments (written_off_on) where written_off > 0;
-- Collection rates and the monthly reconciliation read the instalments falling due in a period,
-- open or not (contract_instalments_open_idx holds only the open ones).
create index contract_instalments_due_idx on contract_instalments (due_date);
