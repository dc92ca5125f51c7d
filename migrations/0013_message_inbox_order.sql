-- The inbox a page at a time in the order it is read (newest first), from an index, however many
-- messages a user has received over the years: an alarm group's members get one per personal-alarm
-- assignment. message_recipients gets the time the message reached the recipient.

alter table message_recipients add column sent_at timestamptz;
update message_recipients r set sent_at = m.created_at
  from messages m
 where m.municipality_id = r.municipality_id and m.id = r.message_id;
alter table message_recipients alter column sent_at set not null;
alter table message_recipients alter column sent_at set default clock_timestamp();
comment on column message_recipients.sent_at is 'When the message reached the recipient (the message''s created_at): the inbox''s order.';

-- The inbox (not archived), newest first; the unread count keeps message_recipients_unread_idx.
create index message_recipients_inbox_order_idx on message_recipients (municipality_id, user_id, sent_at desc, message_id desc)
  where archived_at is null;
