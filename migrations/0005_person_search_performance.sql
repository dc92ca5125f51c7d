-- Person search at volume: p95 under 20 ms on 100,000 persons (bench/person-search.bench.ts,
-- figures in bench/README.md).
--
-- Why 0003's indexes were not enough: under row-level security the planner may use a condition in
-- an index only if every function in it is LEAKPROOF, since it would otherwise run before the tenant
-- policy. lower() and LIKE are not leakproof, so `lower(last_name collate "sv-x-icu") like 'an%'` and
-- `identity_number like '19380303%'` never reached an index for the app role: every search read and
-- lower-cased the whole table (45–120 ms). starts_with() and text comparisons are leakproof, so the
-- search now asks with those, on columns that hold the lower-cased names ready-made.

alter table persons
  add column first_name_lower text generated always as (lower(first_name collate "sv-x-icu")) stored,
  add column last_name_lower text generated always as (lower(last_name collate "sv-x-icu")) stored;
comment on column persons.first_name_lower is 'Given names lower-cased with Swedish ICU rules, kept by the database: name search matches prefixes here with starts_with().';
comment on column persons.last_name_lower is 'Surname lower-cased with Swedish ICU rules, kept by the database: name search matches prefixes here with starts_with().';

-- Their expressions now live in the columns above; the app role could never use these two.
drop index persons_first_name_idx;
drop index persons_last_name_idx;

-- The search's own order (protected identities last, then Swedish name order, then number). A name
-- search walks it from the searched surname prefix and stops after one page of hits in scope, instead
-- of sorting thousands of Anderssons. INCLUDE makes it covering, so the walk reads no table pages.
create index persons_name_order_idx on persons (
  municipality_id, protected_identity,
  ((case when protected_identity then null else last_name end) collate "sv-x-icu"),
  ((case when protected_identity then null else first_name end) collate "sv-x-icu"),
  identity_number)
  include (id, first_name, last_name, first_name_lower, last_name_lower, birth_date, sex, deceased_date);
comment on index persons_name_order_idx is 'Person search: hits in search order, by surname prefix range; covering, so no table reads.';

-- Persons by given-name prefix, covering for the same reason.
create index persons_first_name_lower_idx on persons (municipality_id, first_name_lower text_pattern_ops)
  include (id, protected_identity, identity_number, first_name, last_name, last_name_lower, birth_date, sex, deceased_date);
comment on index persons_first_name_lower_idx is 'Person search: persons by given-name prefix (starts_with); covering, so no table reads.';

-- The scope check (src/server/platform/access/person-scope.ts) reads unit, person and valid_to. With
-- valid_to in the index it is answered from the index alone: listing a unit's 3,000 persons, or
-- checking one person, touches no table page.
drop index person_unit_links_unit_idx;
create index person_unit_links_unit_idx on person_unit_links (municipality_id, unit_id, person_id) include (valid_to);
comment on index person_unit_links_unit_idx is 'Scope: the persons a unit may see (index-only with valid_to).';
drop index person_unit_links_person_idx;
create index person_unit_links_person_idx on person_unit_links (municipality_id, person_id, unit_id) include (valid_to);
comment on index person_unit_links_person_idx is 'Scope: may one of these units see this person (index-only with valid_to).';
