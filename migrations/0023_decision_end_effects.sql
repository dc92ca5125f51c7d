-- Ending a decision reaches the provider (issue 4): an assignment still waiting in the provider's
-- Nya uppdrag is withdrawn (återkallat) by the authority; a delivery row that would only have
-- begun after the decision's last day is ended on that day without ever beginning; and the case
-- history shows who changed the case officer, kept in case_officer_changes.

-- A sent assignment can be withdrawn by the authority while it still waits at the provider.
alter table assignment_states drop constraint assignment_states_status_check;
alter table assignment_states add constraint assignment_states_status_check
  check (status in ('new', 'accepted', 'stopped', 'replaced', 'withdrawn'));
comment on column assignment_states.status is 'new (in Nya uppdrag), accepted, stopped (by the provider, back to the officer), replaced (by a newer assignment) or withdrawn (by the authority: its decision ended before the provider accepted it).';
comment on column assignment_states.message is 'The provider''s message when stopped; why, when withdrawn.';

alter table assignment_events drop constraint assignment_events_event_check;
alter table assignment_events add constraint assignment_events_event_check
  check (event in ('sent', 'sent_outside', 'accepted', 'stopped', 'acknowledged', 'replaced', 'withdrawn'));
comment on column assignment_events.event is 'What happened: sent, sent_outside, accepted, stopped, acknowledged, replaced, or withdrawn (the authority took it back when its decision ended).';

-- A row that was to begin after the decision's last day never begins: it is ended on that day,
-- before its first day, so nothing at the unit lasts past the decision (the desk's "Ej aktuella"
-- and the closing of the provider case read the rows' last days). Only a row that never started
-- may do so; 0014's check allowed no period ending before it began.
do $$
declare
  name text;
begin
  select conname into name from pg_constraint
   where conrelid = 'deliveries'::regclass and contype = 'c'
     and pg_get_constraintdef(oid) = 'CHECK (((period_to IS NULL) OR (period_to >= period_from)))';
  if name is null then
    raise exception 'deliveries: the period check from 0014 was not found';
  end if;
  execute format('alter table deliveries drop constraint %I', name);
end
$$;
alter table deliveries add constraint deliveries_period_in_order check (
  period_to is null or period_to >= period_from or (status in ('ended', 'withdrawn') and started_on is null)
);
comment on constraint deliveries_period_in_order on deliveries is
  'A row ends on or after its first day; only a row that never started (ended or withdrawn, no start date) may end before it, when its decision ended first.';
comment on column deliveries.period_to is 'Last day; null = tills vidare (only under a tills vidare decision). Before period_from only when the row never began: its decision ended first.';

-- Ending a decision finds its rows.
create index deliveries_decision_idx on deliveries (municipality_id, decision_id);

create table case_officer_changes (
  municipality_id uuid not null,
  id uuid not null default gen_random_uuid(),
  case_id uuid not null,
  from_officer_id uuid not null,
  to_officer_id uuid not null,
  changed_at timestamptz not null default clock_timestamp(),
  changed_by_id uuid,
  primary key (municipality_id, id),
  foreign key (municipality_id, case_id) references cases (municipality_id, id),
  foreign key (municipality_id, from_officer_id) references users (municipality_id, id),
  foreign key (municipality_id, to_officer_id) references users (municipality_id, id),
  foreign key (municipality_id, changed_by_id) references users (municipality_id, id)
);
comment on table case_officer_changes is 'Each change of a case''s officer (handläggarbyte), for the case history. Append-only.';
comment on column case_officer_changes.municipality_id is 'Tenant.';
comment on column case_officer_changes.id is 'Row id.';
comment on column case_officer_changes.case_id is 'The case.';
comment on column case_officer_changes.from_officer_id is 'The case officer before the change.';
comment on column case_officer_changes.to_officer_id is 'The case officer after it.';
comment on column case_officer_changes.changed_at is 'When.';
comment on column case_officer_changes.changed_by_id is 'Who made the change.';
create index case_officer_changes_case_idx on case_officer_changes (municipality_id, case_id, changed_at);
select enable_tenant_isolation('case_officer_changes');
revoke update, delete, truncate on case_officer_changes from vardag_app;
create trigger case_officer_changes_append_only before update or delete on case_officer_changes
  for each row execute function refuse_change_of_official_record();

-- The changes made so far are in the audit log (case.change_officer, details from/to).
insert into case_officer_changes (municipality_id, case_id, from_officer_id, to_officer_id, changed_at, changed_by_id)
select a.municipality_id, a.entity_id, (a.details ->> 'from')::uuid, (a.details ->> 'to')::uuid, a.occurred_at, a.user_id
  from audit_events a
 where a.action = 'case.change_officer' and a.entity_id is not null
   and a.details ? 'from' and a.details ? 'to'
   and exists (select 1 from cases c where c.municipality_id = a.municipality_id and c.id = a.entity_id);
