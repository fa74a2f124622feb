-- Key people and relationships (SPEC REL-1..5): contacts of an account and the history of their
-- relationship state. A contact who leaves stays on record with status 'left'.
create table contacts (
  id bigserial primary key,
  account_id bigint not null references accounts(id) on delete cascade deferrable initially immediate,
  name text not null,
  gender text check (gender in ('male', 'female')),
  birthday date,
  native_place text,
  department text,
  title text,
  office_phone text,
  mobile text,
  fax text,
  email text,
  personality text,
  temperament text,
  marital_status text,
  family text,
  hobbies text,
  habits text,
  honorary_posts text,
  education text,
  career_history text,
  background text,
  expression text,
  thinking_style text check (thinking_style in ('steady', 'conservative', 'radical')),
  strengths text,
  weaknesses text,
  business_familiarity text,
  decision_scope text,
  influence int check (influence between 1 and 5),
  responsibilities text,
  reports_to_id bigint references contacts(id) on delete set null deferrable initially immediate,
  assistant_of_id bigint references contacts(id) on delete set null deferrable initially immediate,
  buying_role text check (buying_role in ('decision_maker', 'user', 'buyer', 'influencer')),
  -- key roles of seed 004 as flags: one person may be guide and insider at once
  is_guide boolean not null default false,
  is_insider boolean not null default false,
  is_key_person boolean not null default false,
  is_decider boolean not null default false,
  layer text check (layer in ('decision', 'management', 'operation')),
  decision_right text check (decision_right in ('decide', 'suggest', 'recommend', 'veto')),
  support int not null default 0 check (support between -2 and 2),
  closeness int not null default 1 check (closeness between 1 and 5),
  expertise int check (expertise between 1 and 5),
  stage text not null default 'acquainted' check (stage in ('acquainted', 'interested', 'trusting', 'ally')),
  personality_type text check (personality_type in ('eagle', 'fox', 'sheep', 'donkey')),
  competitor_leaning text,
  our_owner_id bigint references users(id) deferrable initially immediate,
  last_contact_at timestamptz,
  status text not null default 'active' check (status in ('active', 'left')),
  left_at date,
  left_note text,
  version int not null default 1,
  created_by bigint references users(id) deferrable initially immediate,
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now(),
  check (reports_to_id is null or reports_to_id <> id),
  check (assistant_of_id is null or assistant_of_id <> id),
  check ((status = 'left') = (left_at is not null))
);
create index contacts_account_idx on contacts (account_id, status, name);
create index contacts_reports_to_idx on contacts (reports_to_id) where reports_to_id is not null;
create index contacts_owner_idx on contacts (our_owner_id) where our_owner_id is not null;
create index contacts_name_trgm_idx on contacts using gin (name gin_trgm_ops);

create table contact_relationship_history (
  id bigserial primary key,
  contact_id bigint not null references contacts(id) on delete cascade deferrable initially immediate,
  field text not null check (field in ('support', 'closeness', 'expertise', 'stage', 'competitorLeaning', 'owner')),
  from_value text,
  to_value text,
  evidence text,
  -- the activity that shows the change, once activities exist (REL-3)
  activity_id bigint,
  occurred_on date not null,
  actor_id bigint references users(id) deferrable initially immediate,
  at timestamptz not null default now()
);
create index contact_relationship_history_contact_idx on contact_relationship_history (contact_id, occurred_on desc, id desc);
