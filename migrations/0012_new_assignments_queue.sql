-- "Nya uppdrag" as a queue: each provider-side state carries the provider and the sending time of
-- its (frozen) assignment, so a provider's new assignments are one range of a partial index, newest
-- first, however many it has accepted before. Both are copied by a trigger from the sent
-- assignment, which never changes again, so they cannot drift; the trigger also refuses a state
-- for an assignment that has not been sent.

alter table assignment_states add column provider_id uuid, add column sent_at timestamptz;
comment on column assignment_states.provider_id is 'The provider the assignment was sent to (copied from the sent assignment by a trigger).';
comment on column assignment_states.sent_at is 'When the assignment was sent (copied from the sent assignment by a trigger); orders Nya uppdrag.';

create function copy_sent_assignment_to_state() returns trigger
  language plpgsql
  as $$
  begin
    select a.provider_id, a.sent_at into new.provider_id, new.sent_at
      from assignments a where a.municipality_id = new.municipality_id and a.id = new.assignment_id;
    if new.sent_at is null then
      raise exception 'assignment_states: assignment % has not been sent', new.assignment_id using errcode = 'P0001';
    end if;
    return new;
  end $$;
comment on function copy_sent_assignment_to_state() is 'Gives a provider-side state its assignment''s provider and sending time; only a sent assignment has a state.';
create trigger assignment_states_copy_sent before insert or update of assignment_id, provider_id, sent_at on assignment_states
  for each row execute function copy_sent_assignment_to_state();

update assignment_states s set provider_id = a.provider_id, sent_at = a.sent_at
  from assignments a where a.municipality_id = s.municipality_id and a.id = s.assignment_id;
alter table assignment_states alter column provider_id set not null, alter column sent_at set not null,
  add foreign key (municipality_id, provider_id) references units (municipality_id, id);

create index assignment_states_new_queue_idx on assignment_states (municipality_id, provider_id, sent_at desc, assignment_id desc)
  where status = 'new';
comment on index assignment_states_new_queue_idx is 'A provider''s Nya uppdrag, newest first: the page, its keyset cursor and the count.';

-- Reading an assignment asks whether a newer one replaced it.
create index assignments_replaces_idx on assignments (municipality_id, replaces_assignment_id) where replaces_assignment_id is not null;
comment on index assignments_replaces_idx is 'The assignment that replaced a given one.';
