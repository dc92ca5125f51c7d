# usage: mku.sh "tok1 tok2" branchtoken -> union-form SQL
cond=""
for t in $1; do cond="$cond and (starts_with(first_name_lower, '$t') or starts_with(last_name_lower, '$t'))"; done
b=$2
ORD='order by protected_identity, case when protected_identity then null else last_name end collate "sv-x-icu", case when protected_identity then null else first_name end collate "sv-x-icu", identity_number limit 51'
SCOPE='exists (select 1 from person_unit_links scope_link where scope_link.person_id = persons.id and scope_link.unit_id = any($1::uuid[]) and (scope_link.valid_to is null or scope_link.valid_to >= current_date - 90))'
COLS='id, identity_number, first_name, last_name, protected_identity, birth_date, sex, deceased_date'
cat <<SQL
select * from (
(select $COLS from persons where $SCOPE and protected_identity = false $cond
  and (case when protected_identity then null else last_name end) collate "sv-x-icu" >= '$b' and (case when protected_identity then null else last_name end) collate "sv-x-icu" < '$b' || chr(65535)
  and starts_with(last_name_lower, '$b') $ORD)
union
(select $COLS from persons where $SCOPE and protected_identity = false $cond and starts_with(first_name_lower, '$b') $ORD)
) hits $ORD
SQL
