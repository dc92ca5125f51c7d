-- "Ej aktuella – att avsluta" (the desk's count and its list) takes each person's last delivery day
-- at the units: max(period_to) grouped by person. With only deliveries_unit_idx the planner read
-- the table (13 ms of the desk overview's 21 ms count at Storkommun's Hemtjänst Centrum, 9,386
-- rows); this index answers it in person order from the index alone (2 ms; bench/README.md).

create index deliveries_unit_person_end_idx on deliveries (municipality_id, provider_unit_id, person_id) include (period_to);
comment on index deliveries_unit_person_end_idx is 'Each person''s last delivery day at a unit (Ej aktuella), index-only.';
