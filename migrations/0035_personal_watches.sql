-- Personal watches (bevakningar): a user's own dated reminder on a person, or on one of the
-- person's records (an authority case, an assignment, a provider case). Only the owner sees and
-- clears a watch; clearing marks it done and keeps it.

create table personal_watches (
  municipality_id uuid not null,
  id uuid not null default gen_random_uuid(),
  user_id uuid not null,
  person_id uuid not null,
  record_kind text check (record_kind in ('case', 'assignment', 'provider_case')),
  record_id uuid,
  due_on date not null,
  note text not null check (length(btrim(note)) between 1 and 300),
  created_at timestamptz not null default now(),
  done_at timestamptz,
  done_by_id uuid,
  primary key (municipality_id, id),
  foreign key (municipality_id, user_id) references users (municipality_id, id),
  foreign key (municipality_id, person_id) references persons (municipality_id, id),
  foreign key (municipality_id, done_by_id) references users (municipality_id, id),
  check ((record_kind is null) = (record_id is null)),
  check ((done_at is null) = (done_by_id is null))
);
comment on table personal_watches is 'Personal watches (bevakningar): a user''s own dated reminder on a person, optionally on one of the person''s records. Only the owner reads, clears, reopens or deletes it; clearing marks it done and keeps the row. Gives no access: reading still follows the person''s scope.';
comment on column personal_watches.municipality_id is 'Tenant.';
comment on column personal_watches.id is 'Watch id.';
comment on column personal_watches.user_id is 'The owner: the user who set the watch, the only one who sees it.';
comment on column personal_watches.person_id is 'The person the watch is on.';
comment on column personal_watches.record_kind is 'What record of the person it concerns, if any: case (authority case), assignment or provider_case (genomförande). A reference, not a foreign key (one column for three tables); the service checks it when the watch is set, and none of those records is ever deleted.';
comment on column personal_watches.record_id is 'The id of that record; null exactly when record_kind is.';
comment on column personal_watches.due_on is 'The day to look at it (Swedish calendar day): upcoming before it, due on it, overdue after it.';
comment on column personal_watches.note is 'What to look at, 1–300 characters.';
comment on column personal_watches.created_at is 'When it was set.';
comment on column personal_watches.done_at is 'When it was cleared (klarmarkerad); null while open. Reopening sets it back to null.';
comment on column personal_watches.done_by_id is 'Who cleared it (the owner); null exactly when done_at is.';
-- The desk's summary and the folder: the owner's open watches by due date, one index range.
create index personal_watches_open_by_due on personal_watches (municipality_id, user_id, due_on) where done_at is null;
-- The person page's list: the owner's watches on one person, open or done.
create index personal_watches_owner_person on personal_watches (municipality_id, user_id, person_id);
select enable_tenant_isolation('personal_watches');
