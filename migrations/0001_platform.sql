-- Platform: tenancy helpers, the app role's grants, municipalities and the append-only audit log.
-- The migrator creates the login role vardag_app before this runs (it needs a password from config).

grant usage on schema public to vardag_app;
alter default privileges in schema public grant select, insert, update, delete on tables to vardag_app;
alter default privileges in schema public grant usage, select on sequences to vardag_app;

create extension if not exists pg_trgm;

-- The tenant of the current transaction, set by the app with set_config('app.municipality_id', ..., true).
-- Unset means no tenant: every policy then matches nothing.
create function app_current_municipality() returns uuid
  language sql stable parallel safe
  as $$ select nullif(current_setting('app.municipality_id', true), '')::uuid $$;
comment on function app_current_municipality() is 'The municipality (tenant) of the current transaction; null when unset, which row-level security turns into no rows.';

-- Turns on row-level security for a business table keyed on municipality_id.
create function enable_tenant_isolation(p_table regclass) returns void
  language plpgsql
  as $$
  begin
    execute format('alter table %s enable row level security', p_table);
    execute format(
      'create policy tenant_isolation on %s using (municipality_id = app_current_municipality()) with check (municipality_id = app_current_municipality())',
      p_table);
  end $$;
comment on function enable_tenant_isolation(regclass) is 'Enables row-level security on a table so the app role sees and writes only the current municipality''s rows.';

-- Official records refuse UPDATE, DELETE and TRUNCATE, whoever asks.
create function refuse_change_of_official_record() returns trigger
  language plpgsql
  as $$
  begin
    raise exception '% is an official record: % is not allowed', tg_table_name, tg_op
      using errcode = 'P0001', hint = 'Write a new row (a correction) instead.';
  end $$;
comment on function refuse_change_of_official_record() is 'Trigger function that makes a table append-only.';

create table municipalities (
  id uuid primary key default gen_random_uuid(),
  code text not null unique check (code ~ '^[a-z0-9-]{2,40}$'),
  name text not null check (length(btrim(name)) between 1 and 120),
  is_active boolean not null default true,
  created_at timestamptz not null default now()
);
comment on table municipalities is 'A municipality: one customer (tenant). Its data never mixes with another''s.';
comment on column municipalities.id is 'Tenant id; every business row carries it as municipality_id.';
comment on column municipalities.code is 'Short unique code, e.g. exempelkommun.';
comment on column municipalities.name is 'Display name, e.g. Exempelkommun.';
comment on column municipalities.is_active is 'False stops every sign-in to the municipality.';
comment on column municipalities.created_at is 'When the municipality was created.';
alter table municipalities enable row level security;
create policy tenant_isolation on municipalities using (id = app_current_municipality());
revoke insert, update, delete on municipalities from vardag_app;

create table audit_events (
  municipality_id uuid not null references municipalities (id),
  id bigint generated always as identity,
  occurred_at timestamptz not null default clock_timestamp(),
  user_id uuid,
  position_id uuid,
  unit_id uuid,
  person_id uuid,
  action text not null check (action ~ '^[a-z_]+(\.[a-z_]+)+$'),
  entity_type text,
  entity_id uuid,
  request_id text,
  client_address text,
  details jsonb not null default '{}'::jsonb,
  primary key (municipality_id, id)
);
comment on table audit_events is 'Append-only log of every change and every read of a person''s data. Kept at least 5 years; the app may only insert and read (no UPDATE/DELETE grant, and a trigger refuses both).';
comment on column audit_events.municipality_id is 'Tenant.';
comment on column audit_events.id is 'Running number within the log.';
comment on column audit_events.occurred_at is 'When it happened (clock time, so several events in one transaction keep their order).';
comment on column audit_events.user_id is 'Who (null for the system itself).';
comment on column audit_events.position_id is 'In which position (befattning) the user acted.';
comment on column audit_events.unit_id is 'From which unit the user acted.';
comment on column audit_events.person_id is 'Whose data was read or changed, if a person''s.';
comment on column audit_events.action is 'What, as area.verb, e.g. person.read, person.update, unit.create.';
comment on column audit_events.entity_type is 'The kind of record acted on, e.g. person, unit, user.';
comment on column audit_events.entity_id is 'The record acted on.';
comment on column audit_events.request_id is 'The HTTP request id, to match the structured logs.';
comment on column audit_events.client_address is 'The client''s address as the server saw it.';
comment on column audit_events.details is 'What changed or what was shown (field names, search text), never whole records.';
create index audit_events_person_idx on audit_events (municipality_id, person_id, occurred_at desc) where person_id is not null;
create index audit_events_user_idx on audit_events (municipality_id, user_id, occurred_at desc);
select enable_tenant_isolation('audit_events');
revoke update, delete, truncate on audit_events from vardag_app;
create trigger audit_events_append_only before update or delete on audit_events
  for each row execute function refuse_change_of_official_record();
create trigger audit_events_no_truncate before truncate on audit_events
  for each statement execute function refuse_change_of_official_record();
