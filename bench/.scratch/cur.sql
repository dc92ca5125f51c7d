select id, identity_number, first_name, last_name, protected_identity, birth_date, sex, deceased_date from persons
where exists (select 1 from person_unit_links scope_link where scope_link.person_id = persons.id and scope_link.unit_id = any($1::uuid[]) and (scope_link.valid_to is null or scope_link.valid_to >= current_date - 90))
and protected_identity = false and (starts_with(first_name_lower, 'an') or starts_with(last_name_lower, 'an'))
order by protected_identity, case when protected_identity then null else last_name end collate "sv-x-icu", case when protected_identity then null else first_name end collate "sv-x-icu", identity_number limit 51
