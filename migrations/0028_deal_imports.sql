-- Imports of contracts, payment plans and receipts from the core systems (issue 14 item 9, ACC-6).
alter table imports drop constraint imports_kind_check;
alter table imports add constraint imports_kind_check check (kind in ('accounts', 'contacts', 'revenue', 'contracts', 'instalments', 'receipts'));
