-- Contains-search of one or two characters (a two-character Chinese brand such as 恒华, two
-- pinyin initials) at 100k accounts. Trigram indexes need three characters, so such a search
-- read every row (0.2–0.4 s on the benchmark data). text_grams() lists every one- and
-- two-character piece of the lower-cased text; a GIN index over it answers
-- `text_grams(col) @> array[lower(term)]`, which holds exactly when the text contains the term.
-- The queries keep the ILIKE beside it as the exact condition (see platform/listing.ts).
create function text_grams(t text) returns text[] language sql immutable strict parallel safe as $$
  select coalesce(array_agg(distinct g), '{}')
  from (
    select substr(lower(t), i, 1) as g from generate_series(1, char_length(t)) as i
    union all
    select substr(lower(t), i, 2) from generate_series(1, char_length(t) - 1) as i
  ) pieces
$$;

create index accounts_name_grams_idx on accounts using gin (text_grams(name));
create index accounts_short_name_grams_idx on accounts using gin (text_grams(short_name));

-- the planner's statistics for the new expressions, so it can judge their selectivity at once
analyze accounts;
