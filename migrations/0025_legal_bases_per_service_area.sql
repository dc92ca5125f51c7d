-- A legal basis belongs to the service areas whose decisions may rest on it, so an ÄO decision
-- cannot be made under an LSS paragraph, nor a home-care decision under LVU. The decision rules
-- (src/domain/decision-rules.ts) refuse a legal basis outside the case's area; the catalogue
-- screens and GET /api/catalogues/legal-bases?serviceArea= offer only the area's.

alter table legal_bases add column service_areas text[];

-- Existing rows take their areas from the law named in the code: SoL is bistånd in ÄO, FH and IFO;
-- LSS is its own area; HSL is the municipality's health care where it gives care (ÄO, FH, LSS);
-- LVU, LVM and Föräldrabalken are IFO's. A code naming no known law keeps every area, so nothing
-- offered before disappears unasked; the administrator narrows it. The areas of decisions already
-- resting on a row are always kept, so no recorded decision breaks the rule.
update legal_bases lb set service_areas = array(
  select area from unnest(array['AO', 'FH', 'LSS', 'IFO']) with ordinality as known(area, position)
  where area = any(
    case
      when lb.code !~* '\m(sol|lss|hsl|lvu|lvm|fb)\M' and lb.code !~* 'föräldrabalk' then array['AO', 'FH', 'LSS', 'IFO']
      else array[]::text[]
        || case when lb.code ~* '\msol\M' then array['AO', 'FH', 'IFO'] else array[]::text[] end
        || case when lb.code ~* '\mlss\M' then array['LSS'] else array[]::text[] end
        || case when lb.code ~* '\mhsl\M' then array['AO', 'FH', 'LSS'] else array[]::text[] end
        || case when lb.code ~* '\m(lvu|lvm|fb)\M' or lb.code ~* 'föräldrabalk' then array['IFO'] else array[]::text[] end
    end
    || array(select c.service_area from decisions d
             join cases c on c.municipality_id = d.municipality_id and c.id = d.case_id
             where d.municipality_id = lb.municipality_id and d.legal_basis_id = lb.id))
  order by position);

alter table legal_bases
  alter column service_areas set not null,
  add constraint legal_bases_service_areas_check check (
    cardinality(service_areas) between 1 and 4 and service_areas <@ array['AO', 'FH', 'LSS', 'IFO']::text[]);

comment on column legal_bases.service_areas is 'The service areas (AO, FH, LSS, IFO) whose decisions may rest on it, at least one, in that order; a decision''s case must be of one of them. Areas of decisions already resting on it cannot be removed.';
