-- The provider side: a person's case at a provider unit (genomförande), delivery rows
-- (verkställighet) with their history, interruptions, "Mina personer" and changes of provider.

create table provider_cases (
  municipality_id uuid not null,
  id uuid not null default gen_random_uuid(),
  person_id uuid not null,
  provider_unit_id uuid not null,
  opened_on date not null,
  acknowledged_at timestamptz,
  acknowledged_by_id uuid,
  closed_on date,
  closed_by_id uuid,
  version integer not null default 1 check (version >= 1),
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now(),
  primary key (municipality_id, id),
  foreign key (municipality_id, person_id) references persons (municipality_id, id),
  foreign key (municipality_id, provider_unit_id) references units (municipality_id, id),
  foreign key (municipality_id, acknowledged_by_id) references users (municipality_id, id),
  foreign key (municipality_id, closed_by_id) references users (municipality_id, id),
  check (closed_on is null or closed_on >= opened_on),
  check ((acknowledged_at is null) = (acknowledged_by_id is null)),
  check ((closed_on is null) = (closed_by_id is null))
);
comment on table provider_cases is 'A person''s case at a provider unit (genomförande): opened when a delivery row is first sent to delivery there, acknowledged by staff (kvittera), closed by the manager from "Ej aktuella – att avsluta".';
comment on column provider_cases.municipality_id is 'Tenant.';
comment on column provider_cases.id is 'Provider case id.';
comment on column provider_cases.person_id is 'The person.';
comment on column provider_cases.provider_unit_id is 'The provider unit that carries out the support.';
comment on column provider_cases.opened_on is 'The day the first delivery row was sent to delivery here.';
comment on column provider_cases.acknowledged_at is 'When staff acknowledged the assignment (kvittera); null while it waits under Nya uppdrag in the staff view.';
comment on column provider_cases.acknowledged_by_id is 'Who acknowledged it.';
comment on column provider_cases.closed_on is 'The day the provider case was closed; null while open.';
comment on column provider_cases.closed_by_id is 'Who closed it.';
comment on column provider_cases.version is 'Optimistic concurrency.';
comment on column provider_cases.created_at is 'When created.';
comment on column provider_cases.updated_at is 'When last changed.';
create unique index provider_cases_one_open on provider_cases (municipality_id, person_id, provider_unit_id) where closed_on is null;
create index provider_cases_unit_idx on provider_cases (municipality_id, provider_unit_id) where closed_on is null;
select enable_tenant_isolation('provider_cases');

create table deliveries (
  municipality_id uuid not null,
  id uuid not null default gen_random_uuid(),
  assignment_id uuid not null,
  assignment_intervention_id uuid not null,
  decision_id uuid not null,
  person_id uuid not null,
  provider_unit_id uuid not null,
  provider_case_id uuid,
  status text not null check (status in ('under_distribution', 'sent_to_delivery', 'withdrawn', 'ended')),
  label text check (length(label) <= 120),
  form_of_delivery text check (length(form_of_delivery) <= 120),
  resource text check (length(resource) <= 120),
  resource_use text check (length(resource_use) <= 120),
  watch_date date,
  period_from date not null,
  period_to date,
  hours_per_visit numeric(6, 2) check (hours_per_visit is null or hours_per_visit > 0),
  extra_hours_two_staff numeric(6, 2) check (extra_hours_two_staff is null or extra_hours_two_staff > 0),
  days text check (days in ('whole_week', 'weekdays', 'weekends')),
  frequency numeric(8, 2) check (frequency is null or frequency > 0),
  frequency_unit text check (frequency_unit in ('times_per_day', 'times_per_week', 'times_per_month', 'hours_per_week', 'hours_per_month')),
  started_on date,
  end_reason text check (length(end_reason) <= 200),
  continues_delivery_id uuid,
  sent_to_delivery_at timestamptz,
  sent_to_delivery_by_id uuid,
  created_by_id uuid not null,
  version integer not null default 1 check (version >= 1),
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now(),
  primary key (municipality_id, id),
  foreign key (municipality_id, assignment_id) references assignments (municipality_id, id),
  foreign key (municipality_id, assignment_intervention_id) references assignment_interventions (municipality_id, id),
  foreign key (municipality_id, decision_id) references decisions (municipality_id, id),
  foreign key (municipality_id, person_id) references persons (municipality_id, id),
  foreign key (municipality_id, provider_unit_id) references units (municipality_id, id),
  foreign key (municipality_id, provider_case_id) references provider_cases (municipality_id, id),
  foreign key (municipality_id, continues_delivery_id) references deliveries (municipality_id, id),
  foreign key (municipality_id, sent_to_delivery_by_id) references users (municipality_id, id),
  foreign key (municipality_id, created_by_id) references users (municipality_id, id),
  check (period_to is null or period_to >= period_from),
  check ((frequency is null) = (frequency_unit is null)),
  check (status = 'under_distribution' or (provider_case_id is not null and sent_to_delivery_at is not null)),
  check (status <> 'ended' or period_to is not null),
  check (status <> 'withdrawn' or period_to is not null),
  check (started_on is null or started_on >= period_from)
);
comment on table deliveries is 'Delivery rows (verkställighet): an intervention of an assignment carried out by a provider unit over a period with a time. Status: under_distribution (Under fördelning), sent_to_delivery (Skickad till genomförande), withdrawn (Återkallad — a change of time: the row ends the day before and a new row continues it), ended. Every change is also a delivery_events row.';
comment on column deliveries.municipality_id is 'Tenant.';
comment on column deliveries.id is 'Delivery row id.';
comment on column deliveries.assignment_id is 'The assignment the row carries out.';
comment on column deliveries.assignment_intervention_id is 'The intervention of the assignment.';
comment on column deliveries.decision_id is 'The decision behind it; the row''s period must lie inside the decision''s.';
comment on column deliveries.person_id is 'Whom it concerns.';
comment on column deliveries.provider_unit_id is 'The provider unit that carries it out.';
comment on column deliveries.provider_case_id is 'The provider case it belongs to; set when sent to delivery.';
comment on column deliveries.status is 'under_distribution, sent_to_delivery, withdrawn or ended.';
comment on column deliveries.label is 'The provider''s name for the row when an intervention is split, e.g. Morgonhjälp, Dusch.';
comment on column deliveries.form_of_delivery is 'Genomförandeform, e.g. Hemtjänst dag, Hemtjänst natt.';
comment on column deliveries.resource is 'Resurs: the team or group that does it.';
comment on column deliveries.resource_use is 'Resursanvändning.';
comment on column deliveries.watch_date is 'Bevakning: a date to look at the row again.';
comment on column deliveries.period_from is 'First day of delivery.';
comment on column deliveries.period_to is 'Last day; null = tills vidare (only under a tills vidare decision).';
comment on column deliveries.hours_per_visit is 'Hours per visit (tim/besök), e.g. 0,33.';
comment on column deliveries.extra_hours_two_staff is 'Extra hours per visit when two staff (+ dubbel).';
comment on column deliveries.days is 'Which days: whole_week (hela veckan), weekdays (vardagar), weekends (helger).';
comment on column deliveries.frequency is 'Tid/frekvens: how often, in frequency_unit.';
comment on column deliveries.frequency_unit is 'times_per_day, times_per_week, times_per_month, hours_per_week or hours_per_month.';
comment on column deliveries.started_on is 'Verkställighetsdatum: the day the support actually started; drives billing and the statutory reports.';
comment on column deliveries.end_reason is 'Why the row ended (avslutsorsak), when ended.';
comment on column deliveries.continues_delivery_id is 'The withdrawn row this row continues after a change of time.';
comment on column deliveries.sent_to_delivery_at is 'When it was sent to delivery (Till genomförande).';
comment on column deliveries.sent_to_delivery_by_id is 'Who sent it.';
comment on column deliveries.created_by_id is 'Who registered the row.';
comment on column deliveries.version is 'Optimistic concurrency.';
comment on column deliveries.created_at is 'When registered.';
comment on column deliveries.updated_at is 'When last changed.';
create index deliveries_unit_idx on deliveries (municipality_id, provider_unit_id, status);
create index deliveries_person_idx on deliveries (municipality_id, person_id);
create index deliveries_assignment_idx on deliveries (municipality_id, assignment_id);
create index deliveries_provider_case_idx on deliveries (municipality_id, provider_case_id);
select enable_tenant_isolation('deliveries');

create table delivery_events (
  municipality_id uuid not null,
  id bigint generated always as identity,
  delivery_id uuid not null,
  event text not null check (event in ('registered', 'changed', 'sent_to_delivery', 'started', 'withdrawn', 'ended', 'corrected', 'moved_to_provider')),
  occurred_at timestamptz not null default clock_timestamp(),
  actor_id uuid,
  snapshot jsonb not null,
  note text check (length(note) <= 2000),
  primary key (municipality_id, id),
  foreign key (municipality_id, delivery_id) references deliveries (municipality_id, id)
);
comment on table delivery_events is 'The full history of every delivery row: what happened, who, when, and the row as it stood after. Append-only.';
comment on column delivery_events.municipality_id is 'Tenant.';
comment on column delivery_events.id is 'Running number.';
comment on column delivery_events.delivery_id is 'The delivery row.';
comment on column delivery_events.event is 'registered, changed, sent_to_delivery, started, withdrawn, ended, corrected or moved_to_provider.';
comment on column delivery_events.occurred_at is 'When.';
comment on column delivery_events.actor_id is 'Who.';
comment on column delivery_events.snapshot is 'The row''s fields after the event.';
comment on column delivery_events.note is 'A note that went with it.';
create index delivery_events_delivery_idx on delivery_events (municipality_id, delivery_id, id);
select enable_tenant_isolation('delivery_events');
revoke update, delete, truncate on delivery_events from vardag_app;
create trigger delivery_events_append_only before update or delete on delivery_events
  for each row execute function refuse_change_of_official_record();

create table interruptions (
  municipality_id uuid not null,
  id uuid not null default gen_random_uuid(),
  delivery_id uuid not null,
  from_date date not null,
  to_date date,
  reason text not null check (length(btrim(reason)) between 1 and 300),
  created_by_id uuid not null,
  version integer not null default 1 check (version >= 1),
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now(),
  primary key (municipality_id, id),
  foreign key (municipality_id, delivery_id) references deliveries (municipality_id, id),
  foreign key (municipality_id, created_by_id) references users (municipality_id, id),
  check (to_date is null or to_date >= from_date)
);
comment on table interruptions is 'Interruptions (avbrott) of a delivery: an interruption not resumed within three months must be reported to IVO.';
comment on column interruptions.municipality_id is 'Tenant.';
comment on column interruptions.id is 'Interruption id.';
comment on column interruptions.delivery_id is 'The delivery row interrupted.';
comment on column interruptions.from_date is 'First day without delivery.';
comment on column interruptions.to_date is 'Last day without delivery; null while not resumed.';
comment on column interruptions.reason is 'Why, e.g. Sjukhusvistelse, Brukaren har tackat nej tillfälligt.';
comment on column interruptions.created_by_id is 'Who registered it.';
comment on column interruptions.version is 'Optimistic concurrency.';
comment on column interruptions.created_at is 'When registered.';
comment on column interruptions.updated_at is 'When last changed.';
create index interruptions_delivery_idx on interruptions (municipality_id, delivery_id);
select enable_tenant_isolation('interruptions');

create table my_persons (
  municipality_id uuid not null,
  user_id uuid not null,
  person_id uuid not null,
  added_at timestamptz not null default now(),
  primary key (municipality_id, user_id, person_id),
  foreign key (municipality_id, user_id) references users (municipality_id, id),
  foreign key (municipality_id, person_id) references persons (municipality_id, id)
);
comment on table my_persons is '"Mina personer": the persons a user chose to keep at hand (e.g. when acknowledging). Gives no access by itself: listing still follows scope.';
comment on column my_persons.municipality_id is 'Tenant.';
comment on column my_persons.user_id is 'Whose list.';
comment on column my_persons.person_id is 'The person.';
comment on column my_persons.added_at is 'When added.';
select enable_tenant_isolation('my_persons');

create table provider_changes (
  municipality_id uuid not null,
  id uuid not null default gen_random_uuid(),
  person_id uuid not null,
  from_assignment_id uuid not null,
  to_assignment_id uuid not null,
  from_provider_unit_id uuid not null,
  to_provider_unit_id uuid not null,
  change_date date not null,
  delivery_ids uuid[] not null check (cardinality(delivery_ids) >= 1),
  status text not null check (status in ('pending', 'accepted', 'stopped')),
  requested_by_id uuid not null,
  decided_by_id uuid,
  decided_at timestamptz,
  version integer not null default 1 check (version >= 1),
  created_at timestamptz not null default now(),
  primary key (municipality_id, id),
  foreign key (municipality_id, person_id) references persons (municipality_id, id),
  foreign key (municipality_id, from_assignment_id) references assignments (municipality_id, id),
  foreign key (municipality_id, to_assignment_id) references assignments (municipality_id, id),
  foreign key (municipality_id, from_provider_unit_id) references units (municipality_id, id),
  foreign key (municipality_id, to_provider_unit_id) references units (municipality_id, id),
  foreign key (municipality_id, requested_by_id) references users (municipality_id, id),
  foreign key (municipality_id, decided_by_id) references users (municipality_id, id),
  check ((status = 'pending') = (decided_at is null))
);
comment on table provider_changes is 'A change of provider (byt utförare): chosen delivery rows move to another provider unit from a date through a new assignment. Accepted: the old rows end the day before. Stopped: they stay, and the old provider is told.';
comment on column provider_changes.municipality_id is 'Tenant.';
comment on column provider_changes.id is 'Change id.';
comment on column provider_changes.person_id is 'Whom it concerns.';
comment on column provider_changes.from_assignment_id is 'The assignment the rows came from.';
comment on column provider_changes.to_assignment_id is 'The new assignment sent to the new provider.';
comment on column provider_changes.from_provider_unit_id is 'The unit giving the support up.';
comment on column provider_changes.to_provider_unit_id is 'The unit chosen to take over.';
comment on column provider_changes.change_date is 'The first day with the new provider; the old rows end the day before.';
comment on column provider_changes.delivery_ids is 'The delivery rows that move.';
comment on column provider_changes.status is 'pending until the new provider accepts or stops the new assignment.';
comment on column provider_changes.requested_by_id is 'The manager who made the change.';
comment on column provider_changes.decided_by_id is 'Who at the new provider accepted or stopped it.';
comment on column provider_changes.decided_at is 'When.';
comment on column provider_changes.version is 'Optimistic concurrency.';
comment on column provider_changes.created_at is 'When made.';
create unique index provider_changes_to_assignment on provider_changes (municipality_id, to_assignment_id);
select enable_tenant_isolation('provider_changes');
