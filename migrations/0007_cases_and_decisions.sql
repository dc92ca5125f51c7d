-- Authority cases and decisions, with running numbers per municipality.

create table number_series (
  municipality_id uuid not null references municipalities (id),
  series text not null check (series in ('case', 'decision', 'assignment')),
  year integer not null check (year between 2000 and 2999),
  last_value integer not null default 0 check (last_value >= 0),
  primary key (municipality_id, series, year)
);
comment on table number_series is 'Running numbers per municipality, series and year (case, decision and assignment numbers). Taking a number locks its row, so numbers never repeat.';
comment on column number_series.municipality_id is 'Tenant.';
comment on column number_series.series is 'case, decision or assignment.';
comment on column number_series.year is 'The year the numbers belong to.';
comment on column number_series.last_value is 'The last number handed out.';
select enable_tenant_isolation('number_series');

create table cases (
  municipality_id uuid not null,
  id uuid not null default gen_random_uuid(),
  person_id uuid not null,
  service_area text not null check (service_area in ('AO', 'FH', 'LSS', 'IFO')),
  authority_unit_id uuid not null,
  case_officer_id uuid not null,
  case_number text not null,
  opened_on date not null,
  closed_on date,
  end_reason text check (length(end_reason) <= 200),
  version integer not null default 1 check (version >= 1),
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now(),
  primary key (municipality_id, id),
  unique (municipality_id, case_number),
  foreign key (municipality_id, person_id) references persons (municipality_id, id),
  foreign key (municipality_id, authority_unit_id) references units (municipality_id, id),
  foreign key (municipality_id, case_officer_id) references users (municipality_id, id),
  check (closed_on is null or closed_on >= opened_on),
  check ((closed_on is null) = (end_reason is null))
);
comment on table cases is 'An authority case (ärende) for one person in one service area. Never a variable named case in code.';
comment on column cases.municipality_id is 'Tenant.';
comment on column cases.id is 'Case id.';
comment on column cases.person_id is 'Whose case.';
comment on column cases.service_area is 'AO, FH, LSS or IFO.';
comment on column cases.authority_unit_id is 'The authority unit that holds the case.';
comment on column cases.case_officer_id is 'The responsible case officer (handläggare).';
comment on column cases.case_number is 'Running number shown to staff, e.g. ÄO-2026-00017.';
comment on column cases.opened_on is 'The day the case was opened.';
comment on column cases.closed_on is 'The day it was closed; null while open.';
comment on column cases.end_reason is 'Why it was closed (avslutsorsak); set with closed_on.';
comment on column cases.version is 'Optimistic concurrency.';
comment on column cases.created_at is 'When registered.';
comment on column cases.updated_at is 'When last changed.';
create unique index cases_one_open_per_area on cases (municipality_id, person_id, service_area) where closed_on is null;
create index cases_person_idx on cases (municipality_id, person_id);
select enable_tenant_isolation('cases');

create table decisions (
  municipality_id uuid not null,
  id uuid not null default gen_random_uuid(),
  case_id uuid not null,
  decision_number text not null,
  outcome text not null check (outcome in ('granted', 'refused')),
  legal_basis_id uuid not null,
  decision_date date not null,
  period_from date not null,
  period_to date,
  justification text check (length(justification) <= 4000),
  decided_by_id uuid not null,
  ended_on date,
  end_reason text check (length(end_reason) <= 200),
  version integer not null default 1 check (version >= 1),
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now(),
  primary key (municipality_id, id),
  unique (municipality_id, decision_number),
  foreign key (municipality_id, case_id) references cases (municipality_id, id),
  foreign key (municipality_id, legal_basis_id) references legal_bases (municipality_id, id),
  foreign key (municipality_id, decided_by_id) references users (municipality_id, id),
  check (period_to is null or period_to >= period_from),
  check (ended_on is null or ended_on >= period_from - 1),
  check ((ended_on is null) = (end_reason is null))
);
comment on table decisions is 'A decision (beslut) in a case: granted or refused, with legal basis, decision date and period. Once recorded only its ending may change (a trigger keeps the rest).';
comment on column decisions.municipality_id is 'Tenant.';
comment on column decisions.id is 'Decision id.';
comment on column decisions.case_id is 'The case it belongs to.';
comment on column decisions.decision_number is 'Running number, e.g. B-2026-00042.';
comment on column decisions.outcome is 'granted (bifall) or refused (avslag).';
comment on column decisions.legal_basis_id is 'The legal basis (lagrum) as valid on the decision date.';
comment on column decisions.decision_date is 'The day the decision was made; drives the three-month delivery rule.';
comment on column decisions.period_from is 'First day of the decision period.';
comment on column decisions.period_to is 'Last day of the decision period; null = tills vidare.';
comment on column decisions.justification is 'Short reasoning (motivering).';
comment on column decisions.decided_by_id is 'Who made the decision.';
comment on column decisions.ended_on is 'Last day the decision applies when ended early; null otherwise.';
comment on column decisions.end_reason is 'Why it was ended; set with ended_on.';
comment on column decisions.version is 'Optimistic concurrency.';
comment on column decisions.created_at is 'When recorded.';
comment on column decisions.updated_at is 'When last changed (only by ending).';
create index decisions_case_idx on decisions (municipality_id, case_id);
select enable_tenant_isolation('decisions');

create function keep_decision_fixed() returns trigger
  language plpgsql
  as $$
  begin
    if tg_op = 'DELETE' then
      raise exception 'decisions is an official record: DELETE is not allowed' using errcode = 'P0001';
    end if;
    if (new.case_id, new.decision_number, new.outcome, new.legal_basis_id, new.decision_date, new.period_from, new.period_to, new.justification, new.decided_by_id)
       is distinct from
       (old.case_id, old.decision_number, old.outcome, old.legal_basis_id, old.decision_date, old.period_from, old.period_to, old.justification, old.decided_by_id) then
      raise exception 'decisions is an official record: only its ending may change' using errcode = 'P0001';
    end if;
    return new;
  end $$;
comment on function keep_decision_fixed() is 'A recorded decision changes only by being ended; a new decision is a new row.';
create trigger decisions_fixed before update or delete on decisions for each row execute function keep_decision_fixed();

create table decision_interventions (
  municipality_id uuid not null,
  id uuid not null default gen_random_uuid(),
  decision_id uuid not null,
  intervention_type_id uuid not null,
  granted_amount numeric(8, 2) check (granted_amount is null or granted_amount > 0),
  scope_unit text not null check (scope_unit in ('hours_per_month', 'hours_per_week', 'times_per_day', 'times_per_week', 'times_per_month', 'days_per_month', 'nights_per_month', 'none')),
  note text check (length(note) <= 1000),
  created_at timestamptz not null default now(),
  primary key (municipality_id, id),
  foreign key (municipality_id, decision_id) references decisions (municipality_id, id),
  foreign key (municipality_id, intervention_type_id) references intervention_types (municipality_id, id),
  check ((scope_unit = 'none') = (granted_amount is null))
);
comment on table decision_interventions is 'The interventions a decision grants, each with its granted scope.';
comment on column decision_interventions.municipality_id is 'Tenant.';
comment on column decision_interventions.id is 'Row id.';
comment on column decision_interventions.decision_id is 'The decision.';
comment on column decision_interventions.intervention_type_id is 'What is granted.';
comment on column decision_interventions.granted_amount is 'Granted scope in scope_unit, e.g. 20 (hours per month); null when the unit is none.';
comment on column decision_interventions.scope_unit is 'The unit of granted_amount, copied from the type when decided.';
comment on column decision_interventions.note is 'Free note, e.g. what the service covers.';
comment on column decision_interventions.created_at is 'When recorded.';
create index decision_interventions_decision_idx on decision_interventions (municipality_id, decision_id);
select enable_tenant_isolation('decision_interventions');
revoke update, delete on decision_interventions from vardag_app;
