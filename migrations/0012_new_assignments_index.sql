-- "Nya uppdrag": a provider's sent assignments, newest first, read a page at a time by (sent_at, id).
-- Without this index the page sorts every assignment the provider was ever sent.

create index assignments_provider_sent_idx on assignments (municipality_id, provider_id, sent_at desc, id desc)
  where sent_at is not null;
comment on index assignments_provider_sent_idx is 'A provider''s sent assignments newest first: the page of Nya uppdrag and its keyset cursor.';
