-- The IVO report of decisions not delivered (issue 16): what the case officer records for a late
-- item (the reason for the delay, the consequences, interim support, the offers made), the board
-- the municipality reports as, the stable pseudonyms of persons without a personnummer or
-- samordningsnummer, and each quarter's report as marked reported — exactly which rows, append-only.

create table ivo_report_settings (
  municipality_id uuid not null references municipalities (id),
  board_name text not null default 'Socialnämnden' check (length(btrim(board_name)) between 1 and 120),
  updated_at timestamptz not null default now(),
  updated_by_id uuid,
  primary key (municipality_id),
  foreign key (municipality_id, updated_by_id) references users (municipality_id, id)
);
comment on table ivo_report_settings is 'A municipality''s settings for the IVO report; a municipality without a row reports as Socialnämnden. The reporting windows are IVO''s, the same everywhere, and live in src/domain/ivo-report.ts.';
comment on column ivo_report_settings.municipality_id is 'Tenant.';
comment on column ivo_report_settings.board_name is 'The board (nämnd) the report is made for, e.g. Socialnämnden or Vård- och omsorgsnämnden.';
comment on column ivo_report_settings.updated_at is 'When last changed.';
comment on column ivo_report_settings.updated_by_id is 'Who changed it last.';
select enable_tenant_isolation('ivo_report_settings');

create table ivo_late_details (
  municipality_id uuid not null,
  subject_kind text not null check (subject_kind in ('decision', 'interruption')),
  subject_id uuid not null,
  person_id uuid not null,
  delay_reason text check (length(delay_reason) <= 4000),
  consequences text check (length(consequences) <= 4000),
  interim_support text check (length(interim_support) <= 4000),
  offers jsonb not null default '[]' check (jsonb_typeof(offers) = 'array' and jsonb_array_length(offers) <= 50),
  version integer not null default 1 check (version >= 1),
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now(),
  updated_by_id uuid not null,
  primary key (municipality_id, subject_kind, subject_id),
  foreign key (municipality_id, person_id) references persons (municipality_id, id),
  foreign key (municipality_id, updated_by_id) references users (municipality_id, id)
);
comment on table ivo_late_details is 'What the case officer records for the IVO report about a granted intervention not delivered, or an interruption not resumed, within three months. Every change is audited (ivo.details_update with before and after); the report as sent keeps its own copy (ivo_report_rows.snapshot).';
comment on column ivo_late_details.municipality_id is 'Tenant.';
comment on column ivo_late_details.subject_kind is 'decision (a granted intervention, decision_interventions.id) or interruption (interruptions.id).';
comment on column ivo_late_details.subject_id is 'The decision_interventions or interruptions row; not a foreign key since it points at one of two tables by subject_kind.';
comment on column ivo_late_details.person_id is 'Whom the item concerns.';
comment on column ivo_late_details.delay_reason is 'Skäl till dröjsmålet.';
comment on column ivo_late_details.consequences is 'Konsekvenser för den enskilde.';
comment on column ivo_late_details.interim_support is 'Eventuella mellanliggande insatser.';
comment on column ivo_late_details.offers is 'Erbjudanden: [{"offeredOn": "YYYY-MM-DD", "isDeclined": bool, "note": text|null}]. A declined offer does not end the duty to report.';
comment on column ivo_late_details.version is 'Optimistic concurrency.';
comment on column ivo_late_details.created_at is 'When first recorded.';
comment on column ivo_late_details.updated_at is 'When last changed.';
comment on column ivo_late_details.updated_by_id is 'Who changed it last.';
select enable_tenant_isolation('ivo_late_details');

create table ivo_pseudonyms (
  municipality_id uuid not null,
  person_id uuid not null,
  birth_date date not null,
  sex text not null check (sex in ('male', 'female')),
  serial smallint not null check (serial between 0 and 99),
  pseudonym text not null check (pseudonym ~ '^[0-9]{8}-T[0-9]{3}$'),
  created_at timestamptz not null default now(),
  primary key (municipality_id, person_id),
  unique (municipality_id, birth_date, sex, serial),
  unique (municipality_id, pseudonym),
  foreign key (municipality_id, person_id) references persons (municipality_id, id)
);
comment on table ivo_pseudonyms is 'The pseudonym (ÅÅÅÅMMDD-T and three digits) IVO is given for a person with neither personnummer nor samordningsnummer: given once, the lowest serial free for the birth date and sex, and kept for good, so the person has the same one every quarter. Append-only.';
comment on column ivo_pseudonyms.municipality_id is 'Tenant.';
comment on column ivo_pseudonyms.person_id is 'The person.';
comment on column ivo_pseudonyms.birth_date is 'The birth date the pseudonym was made from.';
comment on column ivo_pseudonyms.sex is 'The sex the pseudonym carries (second-last digit even for a woman, odd for a man).';
comment on column ivo_pseudonyms.serial is 'Which of the 100 pseudonyms of that birth date and sex (domain/undelivered.ts ivoPseudonym).';
comment on column ivo_pseudonyms.pseudonym is 'The pseudonym as reported.';
comment on column ivo_pseudonyms.created_at is 'When it was given.';
select enable_tenant_isolation('ivo_pseudonyms');
revoke update, delete, truncate on ivo_pseudonyms from vardag_app;
create trigger ivo_pseudonyms_append_only before update or delete on ivo_pseudonyms
  for each row execute function refuse_change_of_official_record();
create trigger ivo_pseudonyms_no_truncate before truncate on ivo_pseudonyms
  for each statement execute function refuse_change_of_official_record();

create table ivo_reports (
  municipality_id uuid not null,
  id uuid not null default gen_random_uuid(),
  quarter text not null check (quarter ~ '^[0-9]{4}-Q[1-4]$'),
  reference_date date not null,
  board_name text not null,
  reported_at timestamptz not null default now(),
  reported_by_id uuid not null,
  reported_by_name text not null,
  position_id uuid not null,
  primary key (municipality_id, id),
  foreign key (municipality_id, reported_by_id) references users (municipality_id, id)
);
comment on table ivo_reports is 'A quarter''s IVO report marked as reported (Markera som rapporterad): who and when; its rows say exactly what. Append-only, so the next quarter can tell a re-report from a new one. A quarter may be marked more than once (a supplement); each marking is its own row.';
comment on column ivo_reports.municipality_id is 'Tenant.';
comment on column ivo_reports.id is 'Report id.';
comment on column ivo_reports.quarter is 'The quarter, e.g. 2026-Q2.';
comment on column ivo_reports.reference_date is 'The quarter''s last day: the report is as of this day.';
comment on column ivo_reports.board_name is 'The board (nämnd) reported for, as it was then.';
comment on column ivo_reports.reported_at is 'When it was marked reported.';
comment on column ivo_reports.reported_by_id is 'Who marked it.';
comment on column ivo_reports.reported_by_name is 'Their name then, as printed on the report.';
comment on column ivo_reports.position_id is 'The position they marked it in (whose units the rows were scoped to).';
select enable_tenant_isolation('ivo_reports');
create index ivo_reports_quarter_idx on ivo_reports (municipality_id, reference_date);
comment on index ivo_reports_quarter_idx is 'A quarter''s markings, and the earlier ones a quarter reads.';

create table ivo_report_rows (
  municipality_id uuid not null,
  report_id uuid not null,
  subject_kind text not null check (subject_kind in ('decision', 'interruption')),
  subject_id uuid not null,
  person_id uuid not null,
  row_kind text not null check (row_kind in ('new', 're_report', 'delivered', 'ended')),
  snapshot jsonb not null check (jsonb_typeof(snapshot) = 'object'),
  primary key (municipality_id, report_id, subject_kind, subject_id),
  foreign key (municipality_id, report_id) references ivo_reports (municipality_id, id),
  foreign key (municipality_id, person_id) references persons (municipality_id, id)
);
comment on table ivo_report_rows is 'The rows of a report marked reported, each as it was reported (snapshot). Append-only.';
comment on column ivo_report_rows.municipality_id is 'Tenant.';
comment on column ivo_report_rows.report_id is 'The report.';
comment on column ivo_report_rows.subject_kind is 'decision (a granted intervention) or interruption.';
comment on column ivo_report_rows.subject_id is 'The decision_interventions or interruptions row reported.';
comment on column ivo_report_rows.person_id is 'Whom it concerns.';
comment on column ivo_report_rows.row_kind is 'new (first report), re_report (Återrapport), delivered (the delivery date reported), ended (the decision or delivery ended).';
comment on column ivo_report_rows.snapshot is 'The row as reported: every field of IVO''s form, free texts included.';
select enable_tenant_isolation('ivo_report_rows');
create index ivo_report_rows_subject_idx on ivo_report_rows (municipality_id, subject_kind, subject_id);
comment on index ivo_report_rows_subject_idx is 'An item''s earlier reports: new or re-report, closed or not.';

revoke update, delete, truncate on ivo_reports, ivo_report_rows from vardag_app;
create trigger ivo_reports_append_only before update or delete on ivo_reports
  for each row execute function refuse_change_of_official_record();
create trigger ivo_reports_no_truncate before truncate on ivo_reports
  for each statement execute function refuse_change_of_official_record();
create trigger ivo_report_rows_append_only before update or delete on ivo_report_rows
  for each row execute function refuse_change_of_official_record();
create trigger ivo_report_rows_no_truncate before truncate on ivo_report_rows
  for each statement execute function refuse_change_of_official_record();
