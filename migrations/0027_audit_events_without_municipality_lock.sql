-- Audit rows no longer check their municipality with a foreign key.
--
-- Every request that shows persons writes an audit row per person (a search page: 50), and a
-- foreign key checks each row by locking the municipality's one row FOR KEY SHARE. That cost about
-- 15 µs a row (0.7–1 ms of a 50-hit search, bench/README.md), and it makes every concurrent request
-- of a municipality take a share lock on the same row, which PostgreSQL then tracks as a multixact.
--
-- What the key guarded still holds: row-level security's WITH CHECK lets the app write only the
-- municipality of its transaction, which it takes from a signed-in session of an existing
-- municipality, and the app may not delete municipalities (0001).

alter table audit_events drop constraint audit_events_municipality_id_fkey;
comment on column audit_events.municipality_id is 'Tenant. Not a foreign key, so writing an audit row takes no lock on the municipality (migration 0027); row-level security keeps it the current municipality.';
