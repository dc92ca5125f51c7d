# usage: mk3.sh "tok1 tok2" branchtoken -> union-form SQL with ICU ranges on CASE keys, original LIKE filters
# TRICK=1 wraps the branch token's redundant check in coalesce()
cond=""
for t in $1; do if [ "$t" != "$2" ]; then cond="$cond and (lower(first_name collate \"sv-x-icu\") like '$t%' or lower(last_name collate \"sv-x-icu\") like '$t%')"; fi; done
b=$2
LK="(case when protected_identity then null else last_name end) collate \"sv-x-icu\""
FK="(case when protected_identity then null else first_name end) collate \"sv-x-icu\""
if [ -n "$TRICK" ]; then LX="coalesce(lower(last_name collate \"sv-x-icu\") like '$b%', false)"; FX="coalesce(lower(first_name collate \"sv-x-icu\") like '$b%', false)"; else LX="lower(last_name collate \"sv-x-icu\") like '$b%'"; FX="lower(first_name collate \"sv-x-icu\") like '$b%'"; fi
ORD="order by protected_identity, $LK, $FK, identity_number limit 51"
SCOPE='exists (select 1 from person_unit_links scope_link where scope_link.person_id = persons.id and scope_link.unit_id = any($1::uuid[]) and (scope_link.valid_to is null or scope_link.valid_to >= current_date - 90))'
COLS='id, identity_number, first_name, last_name, protected_identity, birth_date, sex, deceased_date'
L="(select $COLS from persons where $SCOPE and protected_identity = false $cond and $LK >= '$b' and $LK < '$b' || chr(65535) and $LX $ORD)"
F="(select $COLS from persons where $SCOPE and protected_identity = false $cond and $FK >= '$b' and $FK < '$b' || chr(65535) and $FX $ORD)"
if [ "$ONLY" = L ]; then echo "$L"; elif [ "$ONLY" = F ]; then echo "$F"; else
echo "select * from ($L union $F) hits $ORD"; fi
