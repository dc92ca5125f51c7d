# usage: mk.sh "tok1 tok2" -> current-form SQL
cond=""
for t in $1; do cond="$cond and (starts_with(first_name_lower, '$t') or starts_with(last_name_lower, '$t'))"; done
cat <<SQL
select id, identity_number, first_name, last_name, protected_identity, birth_date, sex, deceased_date from persons
where exists (select 1 from person_unit_links scope_link where scope_link.person_id = persons.id and scope_link.unit_id = any(\$1::uuid[]) and (scope_link.valid_to is null or scope_link.valid_to >= current_date - 90))
and protected_identity = false $cond
order by protected_identity, case when protected_identity then null else last_name end collate "sv-x-icu", case when protected_identity then null else first_name end collate "sv-x-icu", identity_number limit 51
SQL
