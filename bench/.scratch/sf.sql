with scoped as materialized (select distinct person_id from person_unit_links where unit_id = any($1::uuid[]) and (valid_to is null or valid_to >= current_date - 90))
select id, identity_number, first_name, last_name, protected_identity, birth_date, sex, deceased_date from persons join scoped on scoped.person_id = persons.id
where protected_identity = false and (starts_with(first_name_lower, 'an') or starts_with(last_name_lower, 'an'))
order by protected_identity, (case when protected_identity then null else last_name end) collate "sv-x-icu", (case when protected_identity then null else first_name end) collate "sv-x-icu", identity_number limit 51
