-- "Ej aktuella – att avsluta" (the desk's count and its list) starts from the delivery rows of the
-- units that ended within the look-back (provider-folders.repository.ts). Grouping every row of a
-- unit instead read the table: 20–35 ms of the desk overview at Storkommun's Hemtjänst Centrum
-- (10,000 rows), while the rows that ended in the last 30 days are a few hundred (bench/README.md).

create index deliveries_unit_end_idx on deliveries (municipality_id, provider_unit_id, period_to) include (person_id);
comment on index deliveries_unit_end_idx is 'Delivery rows of a unit by last day: those that ended lately (Ej aktuella).';
