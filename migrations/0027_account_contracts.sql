-- Contracts feed the account (issue 14 item 8, decision 014).
--
-- 1. account_revenue gets a fourth source, 'signed': written only by the system from the signed
--    sales contracts and supplements, per sign year. A year's revenue is the larger of the signed
--    contracts and the ledger (import + contract + manual) — never their sum: both describe the
--    same sales, one from the contracts kept here, the other from the core system or typed by hand.
-- 2. 高价值客户 becomes derived (a single contract at or above the threshold with good payment
--    credit); the director's flag stays as an override (null: derived). Flags set so far were the
--    director's, so they become overrides.
alter table account_revenue drop constraint account_revenue_source_check;
alter table account_revenue add constraint account_revenue_source_check check (source in ('import', 'contract', 'manual', 'signed'));

alter table accounts add column high_value_override boolean;
update accounts set high_value_override = true where cat_high_value;
