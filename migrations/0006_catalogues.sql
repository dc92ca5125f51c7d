-- Catalogues kept as data per municipality and service area: legal bases and intervention types.

create table legal_bases (
  municipality_id uuid not null references municipalities (id),
  id uuid not null default gen_random_uuid(),
  code text not null check (length(btrim(code)) between 1 and 60),
  description text check (length(description) <= 300),
  valid_from date not null,
  valid_to date,
  version integer not null default 1 check (version >= 1),
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now(),
  primary key (municipality_id, id),
  unique (municipality_id, code, valid_from),
  check (valid_to is null or valid_to >= valid_from)
);
comment on table legal_bases is 'Legal bases (lagrum) a decision can rest on, e.g. "SoL 4 kap. 1 §" or, after the renumbering in Socialtjänstlag 2025:400, "SoL 11 kap. 1 §". Kept as data with validity dates so old decisions keep theirs.';
comment on column legal_bases.municipality_id is 'Tenant.';
comment on column legal_bases.id is 'Legal basis id.';
comment on column legal_bases.code is 'The reference as written in decisions, e.g. LSS 9 § 2.';
comment on column legal_bases.description is 'What it grants, e.g. Bistånd till skälig levnadsnivå.';
comment on column legal_bases.valid_from is 'First day new decisions may use it.';
comment on column legal_bases.valid_to is 'Last day new decisions may use it; null while valid. Decisions made earlier keep it.';
comment on column legal_bases.version is 'Optimistic concurrency.';
comment on column legal_bases.created_at is 'When added.';
comment on column legal_bases.updated_at is 'When last changed.';
select enable_tenant_isolation('legal_bases');

create table intervention_types (
  municipality_id uuid not null references municipalities (id),
  id uuid not null default gen_random_uuid(),
  service_area text not null check (service_area in ('AO', 'FH', 'LSS', 'IFO')),
  name text not null check (length(btrim(name)) between 1 and 120),
  key_code text check (length(key_code) <= 30),
  default_legal_basis_id uuid,
  scope_unit text not null check (scope_unit in ('hours_per_month', 'hours_per_week', 'times_per_day', 'times_per_week', 'times_per_month', 'days_per_month', 'nights_per_month', 'none')),
  is_care_plan_exempt boolean not null default false,
  is_personal_alarm boolean not null default false,
  national_statistics_code text check (length(national_statistics_code) <= 30),
  is_active boolean not null default true,
  version integer not null default 1 check (version >= 1),
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now(),
  primary key (municipality_id, id),
  foreign key (municipality_id, default_legal_basis_id) references legal_bases (municipality_id, id),
  unique (municipality_id, service_area, name)
);
comment on table intervention_types is 'What can be granted (insatstyper), per service area. Real catalogues hold near-duplicate names; they are kept as they are.';
comment on column intervention_types.municipality_id is 'Tenant.';
comment on column intervention_types.id is 'Intervention type id.';
comment on column intervention_types.service_area is 'AO, FH, LSS or IFO.';
comment on column intervention_types.name is 'Name as staff know it, e.g. Personlig omvårdnad, Trygghetslarm.';
comment on column intervention_types.key_code is 'Nyckelkod used in statistics and billing.';
comment on column intervention_types.default_legal_basis_id is 'The legal basis proposed when the type is granted.';
comment on column intervention_types.scope_unit is 'How the granted scope is measured: hours_per_month, hours_per_week, times_per_day, times_per_week, times_per_month, days_per_month, nights_per_month, or none.';
comment on column intervention_types.is_care_plan_exempt is 'True for interventions that need no care plan on their own (personal alarm only, HSL only).';
comment on column intervention_types.is_personal_alarm is 'True for trygghetslarm: assignments go to the alarm group.';
comment on column intervention_types.national_statistics_code is 'Code in Socialstyrelsen''s individual-based statistics; null until mapped.';
comment on column intervention_types.is_active is 'False: no longer offered for new decisions.';
comment on column intervention_types.version is 'Optimistic concurrency.';
comment on column intervention_types.created_at is 'When added.';
comment on column intervention_types.updated_at is 'When last changed.';
select enable_tenant_isolation('intervention_types');
