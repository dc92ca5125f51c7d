select count(*) from (select distinct person_id from person_unit_links where unit_id = any($1::uuid[]) and (valid_to is null or valid_to >= current_date - 90)) s
