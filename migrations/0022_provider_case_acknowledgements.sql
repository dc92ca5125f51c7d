-- Acknowledging (kvittera) is per assignment, not once per provider case: rows of a later
-- assignment sent into a person's open, acknowledged case at a unit make it wait under the unit
-- staff's Nya uppdrag again, and staff acknowledge that assignment. provider_cases.acknowledged_at
-- stays the case's summary ("nothing waits"), which the desk's folders count on their index; which
-- assignment staff acknowledged, and when, is kept here.

create table provider_case_acknowledgements (
  municipality_id uuid not null,
  provider_case_id uuid not null,
  assignment_id uuid not null,
  acknowledged_at timestamptz not null,
  acknowledged_by_id uuid not null,
  primary key (municipality_id, provider_case_id, assignment_id),
  foreign key (municipality_id, provider_case_id) references provider_cases (municipality_id, id),
  foreign key (municipality_id, assignment_id) references assignments (municipality_id, id),
  foreign key (municipality_id, acknowledged_by_id) references users (municipality_id, id)
);
comment on table provider_case_acknowledgements is 'Which assignments in a provider case staff of its unit have acknowledged (kvittera), when and by whom: one row per assignment, written when staff acknowledge and, when rows of a new assignment come into an acknowledged case, for the assignments that acknowledgement covered. An assignment with rows in the case and no row here waits under Nya uppdrag. Append-only.';
comment on column provider_case_acknowledgements.municipality_id is 'Tenant.';
comment on column provider_case_acknowledgements.provider_case_id is 'The provider case (a person at a unit).';
comment on column provider_case_acknowledgements.assignment_id is 'The assignment whose rows were sent into the case.';
comment on column provider_case_acknowledgements.acknowledged_at is 'When staff acknowledged it.';
comment on column provider_case_acknowledgements.acknowledged_by_id is 'Who acknowledged it.';
select enable_tenant_isolation('provider_case_acknowledgements');
revoke update, delete, truncate on provider_case_acknowledgements from vardag_app;
create trigger provider_case_acknowledgements_append_only before update or delete on provider_case_acknowledgements
  for each row execute function refuse_change_of_official_record();

alter table provider_cases add column waiting_again_since timestamptz;
comment on column provider_cases.waiting_again_since is 'When rows of an assignment new to the case were last sent into it after staff had acknowledged it, so that it waits under Nya uppdrag again from then; null when it has only ever waited since it opened (created_at).';
comment on column provider_cases.acknowledged_at is 'When staff last acknowledged (kvittera) the case; null while an assignment in it waits under Nya uppdrag in the staff view (a new case, or rows of a new assignment sent into it since). Per assignment: provider_case_acknowledgements.';
comment on column provider_cases.acknowledged_by_id is 'Who last acknowledged it.';

-- The cases acknowledged so far were acknowledged for every assignment in them.
insert into provider_case_acknowledgements (municipality_id, provider_case_id, assignment_id, acknowledged_at, acknowledged_by_id)
select distinct pc.municipality_id, pc.id, d.assignment_id, pc.acknowledged_at, pc.acknowledged_by_id
  from provider_cases pc
  join deliveries d on d.municipality_id = pc.municipality_id and d.provider_case_id = pc.id
 where pc.acknowledged_at is not null;
