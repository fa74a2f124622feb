-- Money as each person reads it (PLAT-6, issue 13 item 10): 元 or 万元, chosen per user.
alter table users add column money_unit text not null default 'yuan' check (money_unit in ('yuan', 'wan'));

-- An approval's amount is its document's real amount, labelled by its type (issue 13 item 4);
-- where the document has a second figure (the advance beside a budget, the estimate beside the
-- actual cost) the approval keeps it too, so the inbox shows both.
alter table approval_instances add column second_amount bigint;

-- @after-restore
-- A visit plan's approval carried its cash advance as its amount: it is the budget, with the advance beside it.
update approval_instances ai set amount = v.budget, second_amount = v.cash_advance
  from visits v
  where ai.doc_type = 'visit_plan' and v.id = ai.doc_id
    and (ai.amount is distinct from v.budget or ai.second_amount is distinct from v.cash_advance);
-- A trip application: the estimate, with the advance asked for beside it.
update approval_instances ai set second_amount = t.advance_requested
  from business_trips t
  where ai.doc_type in ('business_trip', 'business_trip_advance') and t.id = ai.doc_id
    and ai.second_amount is distinct from t.advance_requested;
-- A trip report: the actual cost, with the estimate beside it.
update approval_instances ai set second_amount = t.estimated_total
  from business_trips t
  where ai.doc_type = 'business_trip_report' and t.id = ai.doc_id
    and ai.second_amount is distinct from t.estimated_total;
