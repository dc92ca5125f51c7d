-- Person search by name reads the links of the searcher's scope, not all persons (bench/README.md).
--
-- Why: a search in a small scope (care staff, one unit of 3,000 persons) for a common prefix had to
-- read every 'an' name of the municipality (17,000 index entries) to keep the few hundred in scope.
-- With the person's search keys copied onto each link to a unit, the unit's persons lie in Swedish
-- name order in one index range, and a large scope walks the whole municipality's links in that
-- order, checking the unit inside the index. Either way the search reads about one page of entries.
--
-- The copies are kept by the database (triggers below), so no code path can forget them.

alter table person_unit_links
  add column search_last_name text collate "sv-x-icu",
  add column search_first_name text collate "sv-x-icu",
  add column last_name_lower text,
  add column first_name_lower text,
  add column first_name_prefix2 text,
  add column first_name_prefix3 text,
  add column identity_number text;
comment on column person_unit_links.search_last_name is 'Copy of the person''s surname, for name search in Swedish order; null when the identity is protected, so a protected person never matches on name. Kept by triggers.';
comment on column person_unit_links.search_first_name is 'Copy of the person''s given names, as search_last_name.';
comment on column person_unit_links.last_name_lower is 'Copy of persons.last_name_lower (prefix matching with starts_with); null when the identity is protected. Kept by triggers.';
comment on column person_unit_links.first_name_lower is 'Copy of persons.first_name_lower, as last_name_lower.';
comment on column person_unit_links.first_name_prefix2 is 'The first two letters of first_name_lower: a search for a two-letter given-name prefix walks these links in surname order. Kept by triggers.';
comment on column person_unit_links.first_name_prefix3 is 'The first three letters of first_name_lower, as first_name_prefix2 for longer prefixes. Kept by triggers.';
comment on column person_unit_links.identity_number is 'Copy of the person''s identity number: the last sort key of a name search. Kept by triggers.';

-- A new link takes the keys from its person.
create function person_unit_links_copy_search_keys() returns trigger
  language plpgsql
  as $$
  begin
    select case when p.protected_identity then null else p.last_name end,
           case when p.protected_identity then null else p.first_name end,
           case when p.protected_identity then null else p.last_name_lower end,
           case when p.protected_identity then null else p.first_name_lower end,
           case when p.protected_identity then null else left(p.first_name_lower, 2) end,
           case when p.protected_identity then null else left(p.first_name_lower, 3) end,
           p.identity_number
      into new.search_last_name, new.search_first_name, new.last_name_lower, new.first_name_lower, new.first_name_prefix2, new.first_name_prefix3, new.identity_number
      from persons p
     where p.municipality_id = new.municipality_id and p.id = new.person_id;
    return new;
  end $$;
comment on function person_unit_links_copy_search_keys() is 'Fills a link''s copy of its person''s search keys (migration 0026).';
create trigger person_unit_links_search_keys
  before insert or update of person_id, search_last_name, search_first_name, last_name_lower, first_name_lower, first_name_prefix2, first_name_prefix3, identity_number
  on person_unit_links
  for each row execute function person_unit_links_copy_search_keys();

-- A change of name, number or protection reaches every link of the person. The update fires the
-- trigger above, which reads the keys from the person again: there is one way to compute them.
create function persons_refresh_link_search_keys() returns trigger
  language plpgsql
  as $$
  begin
    update person_unit_links set identity_number = null
     where municipality_id = new.municipality_id and person_id = new.id;
    return null;
  end $$;
comment on function persons_refresh_link_search_keys() is 'Makes every link of a person copy its search keys again after a change of name, number or protected identity (migration 0026).';
create trigger persons_link_search_keys
  after update of first_name, last_name, protected_identity, identity_number on persons
  for each row
  when (old.first_name is distinct from new.first_name or old.last_name is distinct from new.last_name
        or old.protected_identity is distinct from new.protected_identity or old.identity_number is distinct from new.identity_number)
  execute function persons_refresh_link_search_keys();

update person_unit_links set identity_number = null;

-- By surname, in search order across the municipality: a large scope walks it from the prefix and
-- checks the unit in the index. Covering, so the walk reads no table pages.
create index person_unit_links_name_order_idx on person_unit_links (municipality_id, search_last_name, search_first_name, identity_number, unit_id)
  include (person_id, valid_to, first_name_lower, last_name_lower)
  where search_last_name is not null;
comment on index person_unit_links_name_order_idx is 'Person search by surname in a large scope: links in Swedish name order, unit checked in the index.';

-- By surname, in search order within one unit: a small scope reads only its own persons.
create index person_unit_links_unit_name_order_idx on person_unit_links (municipality_id, unit_id, search_last_name, search_first_name, identity_number)
  include (person_id, valid_to, first_name_lower, last_name_lower)
  where search_last_name is not null;
comment on index person_unit_links_unit_name_order_idx is 'Person search by surname in a small scope: a unit''s links in Swedish name order.';

-- By given-name prefix, in surname order: the links whose given names start with the same two (three)
-- letters as the searched prefix lie in search order, so the walk stops after a page of hits as above.
-- A two-letter prefix matches every link of its group; a longer one reads at most its first three
-- letters' links ('and' for Andersson: 3.5 % of Storkommun's links, where 'an' holds 9.5 %).
create index person_unit_links_first_name2_order_idx on person_unit_links (municipality_id, first_name_prefix2, search_last_name, search_first_name, identity_number, unit_id)
  include (person_id, valid_to, first_name_lower, last_name_lower)
  where first_name_prefix2 is not null;
comment on index person_unit_links_first_name2_order_idx is 'Person search by a two-letter given-name prefix in a large scope: links by the first two letters of the given names, then in Swedish name order.';
create index person_unit_links_unit_first_name2_order_idx on person_unit_links (municipality_id, unit_id, first_name_prefix2, search_last_name, search_first_name, identity_number)
  include (person_id, valid_to, first_name_lower, last_name_lower)
  where first_name_prefix2 is not null;
comment on index person_unit_links_unit_first_name2_order_idx is 'Person search by a two-letter given-name prefix in a small scope: a unit''s links by the first two letters of the given names, then in Swedish name order.';
create index person_unit_links_first_name3_order_idx on person_unit_links (municipality_id, first_name_prefix3, search_last_name, search_first_name, identity_number, unit_id)
  include (person_id, valid_to, first_name_lower, last_name_lower)
  where first_name_prefix3 is not null;
comment on index person_unit_links_first_name3_order_idx is 'Person search by a longer given-name prefix in a large scope: links by the first three letters of the given names, then in Swedish name order.';
create index person_unit_links_unit_first_name3_order_idx on person_unit_links (municipality_id, unit_id, first_name_prefix3, search_last_name, search_first_name, identity_number)
  include (person_id, valid_to, first_name_lower, last_name_lower)
  where first_name_prefix3 is not null;
comment on index person_unit_links_unit_first_name3_order_idx is 'Person search by a longer given-name prefix in a small scope: a unit''s links by the first three letters of the given names, then in Swedish name order.';
