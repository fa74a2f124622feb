-- Import and export (SPEC ACC-6): an uploaded file, its dry-run report row by row, and the
-- commit that applies it. The file stays in the database (import_files) so any instance or
-- worker can validate and commit it, and so what was imported can be looked at later.

create table imports (
  id bigserial primary key,
  kind text not null check (kind in ('accounts', 'contacts', 'revenue')),
  status text not null default 'uploaded'
    check (status in ('uploaded', 'validating', 'validated', 'committing', 'committed', 'failed', 'cancelled')),
  file_name text not null,
  file_format text not null check (file_format in ('csv', 'xlsx')),
  file_size bigint not null,
  file_sha256 text not null,
  -- {onDuplicate, nameThreshold}
  options jsonb not null default '{}'::jsonb,
  -- what runs now ('reading', 'committing', 'classifying') and how far, 0–100
  phase text,
  progress int not null default 0 check (progress between 0 and 100),
  total_rows int not null default 0,
  ok_rows int not null default 0,
  error_rows int not null default 0,
  duplicate_rows int not null default 0,
  -- recognised columns {header, field} and the headers that were ignored
  columns jsonb,
  -- {created, updated, skipped, excluded} after the commit
  result jsonb,
  -- why validation or the commit failed: {key, message, params}
  error jsonb,
  version int not null default 1,
  created_by bigint not null references users(id) deferrable initially immediate,
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now(),
  validated_at timestamptz,
  committed_at timestamptz
);
create index imports_created_by_idx on imports (created_by, created_at desc);

-- The uploaded file in slices of 1 MB: written and read a slice at a time, so a 100 MB file never
-- passes through one statement (PGlite turns a bytea parameter into text several times its size).
create table import_files (
  import_id bigint not null references imports(id) on delete cascade deferrable initially immediate,
  seq int not null,
  data bytea not null,
  primary key (import_id, seq)
);

-- One row of the file: its report and, after the commit, the record it created or changed.
create table import_rows (
  import_id bigint not null references imports(id) on delete cascade deferrable initially immediate,
  row_no int not null,
  status text not null check (status in ('ok', 'error', 'duplicate')),
  -- [{field, column, key, message, params, value}]
  errors jsonb not null default '[]'::jsonb,
  -- the row's values as the API names them, after parsing and validation
  values jsonb not null default '{}'::jsonb,
  -- the record the row duplicates: {source: 'db' | 'file', by, id, name, accountId, row, similarity}
  match jsonb,
  -- the user's choice for this duplicate; null follows the import's default
  action text check (action in ('skip', 'update', 'merge')),
  record_id bigint,
  primary key (import_id, row_no)
);
create index import_rows_status_idx on import_rows (import_id, status, row_no);

-- The name of an account without legal-form words, spaces and punctuation, for "similar name"
-- duplicates (ACC-6). transfer.rules.ts nameKey() is its twin for matches within a file; a test
-- keeps the two equal. Only ASCII letters are lower-cased, so the result does not depend on the
-- database locale.
create function tm_account_name_key(name text) returns text
  language sql immutable parallel safe
  as $$
    select regexp_replace(
      regexp_replace(
        translate(normalize(coalesce(name, ''), NFKC), 'ABCDEFGHIJKLMNOPQRSTUVWXYZ', 'abcdefghijklmnopqrstuvwxyz'),
        '[[:space:]()\[\]{}<>【】《》〈〉「」『』·•.,，。、;；:：!！?？''"“”‘’/\\|&+_~-]', '', 'g'),
      '(股份有限公司|有限责任公司|有限公司|责任公司|股份公司|股份|公司)', '', 'g')
  $$;
create index accounts_name_key_trgm_idx on accounts using gin (tm_account_name_key(name) gin_trgm_ops);
