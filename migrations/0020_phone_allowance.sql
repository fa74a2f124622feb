-- Phone allowance (SPEC ACT-10; seed 003 第19条: 销售员应在核定范围内报销手机费，超标准需客户总监审批).
-- A claim line of kind 'phone' (手机费) links no record. Within the person's monthly allowance a
-- phone-only claim goes to finance alone; above it the claim needs the KA director. phone_over is
-- the part of the claim's phone lines above the allowance when it was last submitted (fen).

alter table expense_claim_lines drop constraint expense_claim_lines_kind_check;
alter table expense_claim_lines add constraint expense_claim_lines_kind_check
  check (kind in ('visit', 'reception', 'gift', 'trip', 'other', 'phone'));
alter table expense_claim_lines drop constraint expense_claim_lines_check;
alter table expense_claim_lines add constraint expense_claim_lines_ref_check
  check ((kind in ('other', 'phone')) = (ref_id is null));

alter table expense_claims add column phone_over bigint not null default 0 check (phone_over >= 0);

-- the phone lines of a person's claims in a month: what the allowance check sums
create index expense_claim_lines_phone_idx on expense_claim_lines (claim_id, occurred_on) where kind = 'phone';
