-- Statutory deadlines (issue 16): what each municipality sets for its watches, the notifications
-- the watch machinery has sent (each item and step exactly once, whichever server ran the check),
-- and which intervention types are short-term stays.

create table watch_settings (
  municipality_id uuid not null references municipalities (id),
  reminder_months smallint not null default 2 check (reminder_months between 1 and 3),
  acknowledge_hours smallint not null default 24 check (acknowledge_hours between 1 and 720),
  acknowledge_hours_alarm smallint not null default 4 check (acknowledge_hours_alarm between 1 and 720),
  period_ending_days smallint not null default 30 check (period_ending_days between 1 and 365),
  updated_at timestamptz not null default now(),
  updated_by_id uuid,
  primary key (municipality_id),
  foreign key (municipality_id, updated_by_id) references users (municipality_id, id)
);
comment on table watch_settings is 'A municipality''s settings for the statutory watches; a municipality without a row uses the defaults.';
comment on column watch_settings.municipality_id is 'Tenant.';
comment on column watch_settings.reminder_months is 'Months after the decision or interruption date when provider and case officer are reminded of the three-month rule (default 2).';
comment on column watch_settings.acknowledge_hours is 'Hours a sent assignment may wait unacknowledged before the provider''s manager is told, and again before the case officer is (default 24).';
comment on column watch_settings.acknowledge_hours_alarm is 'The same for an assignment with a personal alarm (default 4).';
comment on column watch_settings.period_ending_days is 'Days before a decision period ends when the case officer sees a new assessment due (default 30).';
comment on column watch_settings.updated_at is 'When last changed.';
comment on column watch_settings.updated_by_id is 'Who changed them last.';
select enable_tenant_isolation('watch_settings');

create table watch_notifications (
  municipality_id uuid not null,
  rule text not null check (rule ~ '^[a-z_]+$'),
  subject_id uuid not null,
  step text not null check (step ~ '^[a-z_]+$'),
  person_id uuid not null,
  notified_at timestamptz not null default clock_timestamp(),
  primary key (municipality_id, rule, subject_id, step),
  foreign key (municipality_id, person_id) references persons (municipality_id, id)
);
comment on table watch_notifications is 'Each reminder or escalation the watch machinery sent: one row per item and step, so a step is sent exactly once however many servers check at once (the key refuses the second). Append-only; the message it sent is named in the step''s audit row (watch.notify).';
comment on column watch_notifications.municipality_id is 'Tenant.';
comment on column watch_notifications.rule is 'The rule, e.g. undelivered_decision, unacknowledged_assignment.';
comment on column watch_notifications.subject_id is 'The item the rule watches: a granted intervention, an interruption, an assignment.';
comment on column watch_notifications.step is 'The step reached, e.g. reminder, reportable, manager, officer.';
comment on column watch_notifications.person_id is 'Whom the item concerns.';
comment on column watch_notifications.notified_at is 'When it was sent.';
select enable_tenant_isolation('watch_notifications');
revoke update, delete, truncate on watch_notifications from vardag_app;
create trigger watch_notifications_append_only before update or delete on watch_notifications
  for each row execute function refuse_change_of_official_record();
create trigger watch_notifications_no_truncate before truncate on watch_notifications
  for each statement execute function refuse_change_of_official_record();

alter table intervention_types add column is_short_term_stay boolean not null default false;
comment on column intervention_types.is_short_term_stay is 'A short-term stay (korttidsvistelse, korttidsboende): everyone granted one must have a short-term place registered (national statistics).';
update intervention_types set is_short_term_stay = true
 where name ilike 'korttidsvistelse%' or name ilike 'korttidsboende%';

-- The facts the watches read: whether a granted intervention has begun anywhere, and a row's start.
create index assignment_interventions_decision_intervention_idx
  on assignment_interventions (municipality_id, decision_intervention_id);
comment on index assignment_interventions_decision_intervention_idx is 'From a granted intervention to the assignments carrying it: has it been delivered (watches).';
create index deliveries_started_idx
  on deliveries (municipality_id, assignment_intervention_id, started_on) where started_on is not null;
comment on index deliveries_started_idx is 'The first delivery start of an assignment''s intervention (the three-month rule).';
create index decisions_period_to_idx on decisions (municipality_id, period_to) where outcome = 'granted' and ended_on is null;
comment on index decisions_period_to_idx is 'Granted decisions by last day: periods ending soon on the case officer''s desk.';
create index cases_authority_unit_open_idx on cases (municipality_id, authority_unit_id) where closed_on is null;
comment on index cases_authority_unit_open_idx is 'The open cases of an authority unit: the authority manager''s watches.';
