-- Changing delivery rows: a row still under distribution may be ended without ever being sent
-- (e.g. the continuation after a change of time that will never be registered: the person moved
-- away). 0014 demanded a provider case of every row not under distribution; an ended row that was
-- never sent has none, and says so by having no sent_to_delivery_at either.

do $$
declare
  name text;
begin
  select conname into name from pg_constraint
   where conrelid = 'deliveries'::regclass and contype = 'c'
     and pg_get_constraintdef(oid) like '%under_distribution%provider_case_id IS NOT NULL%sent_to_delivery_at IS NOT NULL%';
  if name is null then
    raise exception 'deliveries: the check on provider_case_id from 0014 was not found';
  end if;
  execute format('alter table deliveries drop constraint %I', name);
end
$$;

alter table deliveries add constraint deliveries_sent_rows_have_a_provider_case check (
  status = 'under_distribution'
  or (provider_case_id is not null and sent_to_delivery_at is not null)
  or (status = 'ended' and provider_case_id is null and sent_to_delivery_at is null)
);
comment on constraint deliveries_sent_rows_have_a_provider_case on deliveries is
  'A row sent to delivery belongs to a provider case; only a row under distribution, or one ended without ever being sent, has none.';

-- Interruptions are listed per row and checked for overlap under the row's lock; provider changes
-- are looked up per person (the list) and, while pending, by the rows they move.
create index provider_changes_person_idx on provider_changes (municipality_id, person_id);
create index provider_changes_pending_idx on provider_changes using gin (delivery_ids) where status = 'pending';
