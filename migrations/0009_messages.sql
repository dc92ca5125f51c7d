-- Messages: an inbox and a sent box per user, send lists kept by units, event messages by the system.

create table send_lists (
  municipality_id uuid not null,
  id uuid not null default gen_random_uuid(),
  unit_id uuid not null,
  name text not null check (length(btrim(name)) between 1 and 120),
  purpose text check (purpose in ('alarm_group')),
  is_active boolean not null default true,
  version integer not null default 1 check (version >= 1),
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now(),
  primary key (municipality_id, id),
  foreign key (municipality_id, unit_id) references units (municipality_id, id),
  unique (municipality_id, unit_id, name)
);
comment on table send_lists is 'Groups of recipients (sändlistor, meddelandegrupper) kept by a unit, e.g. Jourlarmgruppen, Nattpatrullen.';
comment on column send_lists.municipality_id is 'Tenant.';
comment on column send_lists.id is 'Send list id.';
comment on column send_lists.unit_id is 'The unit that keeps the list.';
comment on column send_lists.name is 'Name shown when writing, e.g. Nattpatrullen.';
comment on column send_lists.purpose is 'alarm_group: personal-alarm assignments are also sent to this list. Null for an ordinary list.';
comment on column send_lists.is_active is 'False: can no longer be written to.';
comment on column send_lists.version is 'Optimistic concurrency.';
comment on column send_lists.created_at is 'When created.';
comment on column send_lists.updated_at is 'When last changed.';
select enable_tenant_isolation('send_lists');

create table send_list_members (
  municipality_id uuid not null,
  send_list_id uuid not null,
  user_id uuid not null,
  added_at timestamptz not null default now(),
  primary key (municipality_id, send_list_id, user_id),
  foreign key (municipality_id, send_list_id) references send_lists (municipality_id, id) on delete cascade,
  foreign key (municipality_id, user_id) references users (municipality_id, id)
);
comment on table send_list_members is 'Who receives what is written to a send list.';
comment on column send_list_members.municipality_id is 'Tenant.';
comment on column send_list_members.send_list_id is 'The list.';
comment on column send_list_members.user_id is 'A member.';
comment on column send_list_members.added_at is 'When added.';
create index send_list_members_user_idx on send_list_members (municipality_id, user_id);
select enable_tenant_isolation('send_list_members');

create table messages (
  municipality_id uuid not null,
  id uuid not null default gen_random_uuid(),
  kind text not null check (kind in ('personal', 'event')),
  sender_id uuid,
  sender_position_id uuid,
  subject text not null check (length(btrim(subject)) between 1 and 200),
  body text not null check (length(body) <= 8000),
  person_id uuid,
  assignment_id uuid,
  addressed_to text not null check (length(addressed_to) <= 2000),
  created_at timestamptz not null default clock_timestamp(),
  primary key (municipality_id, id),
  foreign key (municipality_id, sender_id) references users (municipality_id, id),
  foreign key (municipality_id, sender_position_id) references positions (municipality_id, id),
  foreign key (municipality_id, person_id) references persons (municipality_id, id),
  foreign key (municipality_id, assignment_id) references assignments (municipality_id, id),
  check ((kind = 'personal') = (sender_id is not null))
);
comment on table messages is 'An internal message. Written by a user (personal) or by the system in the same transaction as an event (event: new assignment, stopped assignment, …). Never changed once written.';
comment on column messages.municipality_id is 'Tenant.';
comment on column messages.id is 'Message id.';
comment on column messages.kind is 'personal (a user wrote it) or event (the system wrote it).';
comment on column messages.sender_id is 'The user who wrote it; null for event messages.';
comment on column messages.sender_position_id is 'The position the sender wrote from.';
comment on column messages.subject is 'Subject line.';
comment on column messages.body is 'The text.';
comment on column messages.person_id is 'A person the message links to, if any.';
comment on column messages.assignment_id is 'An assignment the message links to, if any.';
comment on column messages.addressed_to is 'The addressees as written (user names and send lists), for display.';
comment on column messages.created_at is 'When sent.';
create index messages_sender_idx on messages (municipality_id, sender_id, created_at desc);
select enable_tenant_isolation('messages');
revoke update, delete, truncate on messages from vardag_app;
create trigger messages_append_only before update or delete on messages
  for each row execute function refuse_change_of_official_record();

create table message_recipients (
  municipality_id uuid not null,
  message_id uuid not null,
  user_id uuid not null,
  send_list_id uuid,
  read_at timestamptz,
  archived_at timestamptz,
  primary key (municipality_id, message_id, user_id),
  foreign key (municipality_id, message_id) references messages (municipality_id, id),
  foreign key (municipality_id, user_id) references users (municipality_id, id),
  foreign key (municipality_id, send_list_id) references send_lists (municipality_id, id)
);
comment on table message_recipients is 'One row per user a message reached (send lists expanded when sent): the inbox, with read and archived marks.';
comment on column message_recipients.municipality_id is 'Tenant.';
comment on column message_recipients.message_id is 'The message.';
comment on column message_recipients.user_id is 'The recipient.';
comment on column message_recipients.send_list_id is 'The send list it came through, if any.';
comment on column message_recipients.read_at is 'When the recipient opened it; null while unread.';
comment on column message_recipients.archived_at is 'When the recipient moved it out of the inbox.';
create index message_recipients_inbox_idx on message_recipients (municipality_id, user_id, message_id);
create index message_recipients_unread_idx on message_recipients (municipality_id, user_id) where read_at is null and archived_at is null;
select enable_tenant_isolation('message_recipients');
