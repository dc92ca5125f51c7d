# usage: mk4.sh "tok1 tok2" branchtoken ; TRICK=1 wraps L's redundant check in coalesce
cond=""
for t in $1; do if [ "$t" != "$2" ]; then cond="$cond and (starts_with(first_name_lower, '$t') or starts_with(last_name_lower, '$t'))"; fi; done
b=$2
LK="(case when protected_identity then null else last_name end) collate \"sv-x-icu\""
FK="(case when protected_identity then null else first_name end) collate \"sv-x-icu\""
if [ -n "$TRICK" ]; then LX="coalesce(starts_with(last_name_lower, '$b'), false)"; else LX="starts_with(last_name_lower, '$b')"; fi
ORD="order by protected_identity, $LK, $FK, identity_number limit 51"
SCOPE='exists (select 1 from person_unit_links scope_link where scope_link.person_id = persons.id and scope_link.unit_id = any($1::uuid[]) and (scope_link.valid_to is null or scope_link.valid_to >= current_date - 90))'
COLS='id, identity_number, first_name, last_name, protected_identity, birth_date, sex, deceased_date'
L="(select $COLS from persons where $SCOPE and protected_identity = false $cond and $LK >= '$b' and $LK < '$b' || chr(65535) and $LX $ORD)"
F="(select $COLS from persons where $SCOPE and protected_identity = false $cond and starts_with(first_name_lower, '$b') $ORD)"
if [ "$ONLY" = L ]; then echo "$L"; elif [ "$ONLY" = F ]; then echo "$F"; else
echo "select * from ($L union $F) hits $ORD"; fi
