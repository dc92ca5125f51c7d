-- Assignments (uppdrag) from a decision to one provider. A sent assignment is an official record.

create table assignments (
  municipality_id uuid not null,
  id uuid not null default gen_random_uuid(),
  assignment_number text not null,
  case_id uuid not null,
  decision_id uuid not null,
  person_id uuid not null,
  provider_id uuid not null,
  replaces_assignment_id uuid,
  instructions text check (length(instructions) <= 8000),
  is_new_client boolean not null default false,
  handover_by text check (length(handover_by) <= 120),
  handover_at timestamptz,
  total_granted_minutes integer not null default 0 check (total_granted_minutes >= 0 and total_granted_minutes % 15 = 0),
  total_staff_minutes integer not null default 0 check (total_staff_minutes >= 0 and total_staff_minutes % 15 = 0),
  created_by_id uuid not null,
  sent_at timestamptz,
  sent_by_id uuid,
  sent_via text check (sent_via in ('system', 'secure_mail')),
  version integer not null default 1 check (version >= 1),
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now(),
  primary key (municipality_id, id),
  unique (municipality_id, assignment_number),
  foreign key (municipality_id, case_id) references cases (municipality_id, id),
  foreign key (municipality_id, decision_id) references decisions (municipality_id, id),
  foreign key (municipality_id, person_id) references persons (municipality_id, id),
  foreign key (municipality_id, provider_id) references units (municipality_id, id),
  foreign key (municipality_id, replaces_assignment_id) references assignments (municipality_id, id),
  foreign key (municipality_id, created_by_id) references users (municipality_id, id),
  foreign key (municipality_id, sent_by_id) references users (municipality_id, id),
  check ((sent_at is null) = (sent_by_id is null) and (sent_at is null) = (sent_via is null)),
  check (not is_new_client or sent_at is null or (handover_by is not null and handover_at is not null))
);
comment on table assignments is 'An assignment (uppdrag) from the authority to one provider, written from a decision. A draft may change; once sent it is an official record, never changed in place (trigger) — a change is a new assignment that replaces it.';
comment on column assignments.municipality_id is 'Tenant.';
comment on column assignments.id is 'Assignment id.';
comment on column assignments.assignment_number is 'Running number, e.g. U-2026-00017.';
comment on column assignments.case_id is 'The case.';
comment on column assignments.decision_id is 'The decision it carries out.';
comment on column assignments.person_id is 'Whom it concerns.';
comment on column assignments.provider_id is 'The provider (a unit of kind provider) it is sent to.';
comment on column assignments.replaces_assignment_id is 'The earlier assignment this one changes, if any.';
comment on column assignments.instructions is 'Free instructions to the provider.';
comment on column assignments.is_new_client is 'A new client: the routine requires a telephone hand-over before sending.';
comment on column assignments.handover_by is 'Who at the provider took the telephone hand-over.';
comment on column assignments.handover_at is 'When the hand-over was made.';
comment on column assignments.total_granted_minutes is 'Total granted time per month, rounded up to the nearest quarter hour.';
comment on column assignments.total_staff_minutes is 'Staff time per month with two-staff interventions counted twice, rounded up to the quarter hour.';
comment on column assignments.created_by_id is 'The case officer who wrote it.';
comment on column assignments.sent_at is 'When it was sent; null while a draft.';
comment on column assignments.sent_by_id is 'Who sent it.';
comment on column assignments.sent_via is 'system (to a provider in Vardag) or secure_mail (PDF sent outside to a provider without system access).';
comment on column assignments.version is 'Optimistic concurrency for drafts.';
comment on column assignments.created_at is 'When the draft was started.';
comment on column assignments.updated_at is 'When the draft was last saved.';
create index assignments_case_idx on assignments (municipality_id, case_id);
create index assignments_person_idx on assignments (municipality_id, person_id);
select enable_tenant_isolation('assignments');

create function refuse_change_of_sent_assignment() returns trigger
  language plpgsql
  as $$
  declare
    v_sent timestamptz;
  begin
    if tg_table_name = 'assignments' then
      if old.sent_at is not null then
        raise exception 'assignments is an official record once sent: % is not allowed', tg_op
          using errcode = 'P0001', hint = 'Write a new assignment that replaces it.';
      end if;
      return case when tg_op = 'DELETE' then old else new end;
    end if;
    select a.sent_at into v_sent from assignments a
     where a.municipality_id = coalesce(new.municipality_id, old.municipality_id)
       and a.id = coalesce(new.assignment_id, old.assignment_id);
    if v_sent is not null then
      raise exception '% belongs to a sent assignment, an official record: % is not allowed', tg_table_name, tg_op using errcode = 'P0001';
    end if;
    return case when tg_op = 'DELETE' then old else new end;
  end $$;
comment on function refuse_change_of_sent_assignment() is 'Keeps a sent assignment and its rows as they were sent.';
create trigger assignments_official before update or delete on assignments
  for each row execute function refuse_change_of_sent_assignment();

create table assignment_interventions (
  municipality_id uuid not null,
  id uuid not null default gen_random_uuid(),
  assignment_id uuid not null,
  decision_intervention_id uuid not null,
  intervention_type_id uuid not null,
  granted_amount numeric(8, 2),
  scope_unit text not null check (scope_unit in ('hours_per_month', 'hours_per_week', 'times_per_day', 'times_per_week', 'times_per_month', 'days_per_month', 'nights_per_month', 'none')),
  minutes_per_occasion numeric(7, 2) check (minutes_per_occasion is null or minutes_per_occasion > 0),
  planned_days text[] not null default '{}' check (planned_days <@ array['mon', 'tue', 'wed', 'thu', 'fri', 'sat', 'sun']::text[]),
  planned_times text check (length(planned_times) <= 200),
  is_two_staff boolean not null default false,
  note text check (length(note) <= 2000),
  primary key (municipality_id, id),
  foreign key (municipality_id, assignment_id) references assignments (municipality_id, id) on delete cascade,
  foreign key (municipality_id, decision_intervention_id) references decision_interventions (municipality_id, id),
  foreign key (municipality_id, intervention_type_id) references intervention_types (municipality_id, id),
  unique (municipality_id, assignment_id, decision_intervention_id)
);
comment on table assignment_interventions is 'The granted interventions an assignment hands to the provider, with their scope, planned days and whether two staff are needed.';
comment on column assignment_interventions.municipality_id is 'Tenant.';
comment on column assignment_interventions.id is 'Row id.';
comment on column assignment_interventions.assignment_id is 'The assignment.';
comment on column assignment_interventions.decision_intervention_id is 'The granted intervention in the decision.';
comment on column assignment_interventions.intervention_type_id is 'What (copied from the decision for reading).';
comment on column assignment_interventions.granted_amount is 'Granted scope in scope_unit, as decided.';
comment on column assignment_interventions.scope_unit is 'Unit of granted_amount.';
comment on column assignment_interventions.minutes_per_occasion is 'Minutes per visit or occasion for scopes counted in times; drives the total granted time.';
comment on column assignment_interventions.planned_days is 'Planned weekdays: mon … sun.';
comment on column assignment_interventions.planned_times is 'Planned times of day as text, e.g. morgon och kväll.';
comment on column assignment_interventions.is_two_staff is 'Needs two staff (dubbelbemanning).';
comment on column assignment_interventions.note is 'Note to the provider on this intervention.';
select enable_tenant_isolation('assignment_interventions');
create trigger assignment_interventions_official before insert or update or delete on assignment_interventions
  for each row execute function refuse_change_of_sent_assignment();

create table assignment_life_areas (
  municipality_id uuid not null,
  id uuid not null default gen_random_uuid(),
  assignment_id uuid not null,
  life_area text not null check (life_area in ('learning', 'general_tasks', 'communication', 'mobility', 'self_care', 'domestic_life',
    'interpersonal', 'major_life_areas', 'community_life', 'sense_of_security')),
  need text check (length(need) <= 4000),
  goal text check (length(goal) <= 4000),
  primary key (municipality_id, id),
  foreign key (municipality_id, assignment_id) references assignments (municipality_id, id) on delete cascade,
  unique (municipality_id, assignment_id, life_area)
);
comment on table assignment_life_areas is 'The person''s needs and goals per IBIC life area, as the case officer assessed them for the assignment.';
comment on column assignment_life_areas.municipality_id is 'Tenant.';
comment on column assignment_life_areas.id is 'Row id.';
comment on column assignment_life_areas.assignment_id is 'The assignment.';
comment on column assignment_life_areas.life_area is 'IBIC life area: learning, general_tasks, communication, mobility, self_care, domestic_life, interpersonal, major_life_areas, community_life, sense_of_security (känsla av trygghet).';
comment on column assignment_life_areas.need is 'The need, in the person''s words where possible.';
comment on column assignment_life_areas.goal is 'The goal.';
select enable_tenant_isolation('assignment_life_areas');
create trigger assignment_life_areas_official before insert or update or delete on assignment_life_areas
  for each row execute function refuse_change_of_sent_assignment();

create table assignment_states (
  municipality_id uuid not null,
  assignment_id uuid not null,
  status text not null check (status in ('new', 'accepted', 'stopped', 'replaced')),
  changed_at timestamptz not null default now(),
  changed_by_id uuid,
  message text check (length(message) <= 4000),
  version integer not null default 1 check (version >= 1),
  primary key (municipality_id, assignment_id),
  foreign key (municipality_id, assignment_id) references assignments (municipality_id, id),
  foreign key (municipality_id, changed_by_id) references users (municipality_id, id)
);
comment on table assignment_states is 'Where a sent assignment stands at the provider: new (in Nya uppdrag), accepted, stopped (back to the officer with the provider''s message) or replaced by a newer assignment. Each change is also an assignment_events row.';
comment on column assignment_states.municipality_id is 'Tenant.';
comment on column assignment_states.assignment_id is 'The sent assignment.';
comment on column assignment_states.status is 'new, accepted, stopped or replaced.';
comment on column assignment_states.changed_at is 'When the status last changed.';
comment on column assignment_states.changed_by_id is 'Who changed it.';
comment on column assignment_states.message is 'The provider''s message when stopped.';
comment on column assignment_states.version is 'Optimistic concurrency: two managers acting at once, one wins.';
create index assignment_states_status_idx on assignment_states (municipality_id, status, assignment_id);
select enable_tenant_isolation('assignment_states');

create table assignment_events (
  municipality_id uuid not null,
  id bigint generated always as identity,
  assignment_id uuid not null,
  event text not null check (event in ('sent', 'sent_outside', 'accepted', 'stopped', 'acknowledged', 'replaced')),
  occurred_at timestamptz not null default clock_timestamp(),
  actor_id uuid,
  message text check (length(message) <= 4000),
  primary key (municipality_id, id),
  foreign key (municipality_id, assignment_id) references assignments (municipality_id, id)
);
comment on table assignment_events is 'The history of a sent assignment: sent, sent outside the system, accepted, stopped, acknowledged, replaced. Append-only.';
comment on column assignment_events.municipality_id is 'Tenant.';
comment on column assignment_events.id is 'Running number.';
comment on column assignment_events.assignment_id is 'The assignment.';
comment on column assignment_events.event is 'What happened.';
comment on column assignment_events.occurred_at is 'When.';
comment on column assignment_events.actor_id is 'Who.';
comment on column assignment_events.message is 'A message that went with it (e.g. why it was stopped).';
create index assignment_events_assignment_idx on assignment_events (municipality_id, assignment_id, id);
select enable_tenant_isolation('assignment_events');
revoke update, delete, truncate on assignment_events from vardag_app;
create trigger assignment_events_append_only before update or delete on assignment_events
  for each row execute function refuse_change_of_official_record();

alter table person_unit_links drop constraint person_unit_links_source_check;
alter table person_unit_links add constraint person_unit_links_source_check check (source in ('registered', 'case', 'assignment', 'provider_case'));
comment on column person_unit_links.source is 'registered (the unit registered or attached the person), case (authority case), assignment (a provider was sent an assignment), provider_case (genomförande at a provider unit).';
