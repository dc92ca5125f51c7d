-- Official records refused UPDATE and DELETE row by row, but a row trigger never sees TRUNCATE:
-- the database owner could empty assignments (and, with CASCADE, everything hanging on them) in
-- one statement. Every table guarded by a row trigger now also has a statement trigger that
-- refuses TRUNCATE, whoever asks. audit_events has had one since 0001.
--
-- From here on an append-only table is made with make_append_only(), which adds both triggers,
-- so one cannot be forgotten. test/security/append-only.test.ts finds every such table from the
-- catalogue (a trigger whose function speaks of an "official record") and tries all three
-- statements on it.

create function refuse_truncate_of_official_record(p_table regclass) returns void
  language plpgsql
  as $$
  begin
    execute format(
      'create trigger %I before truncate on %s for each statement execute function refuse_change_of_official_record()',
      (select relname from pg_class where oid = p_table) || '_no_truncate', p_table);
  end $$;
comment on function refuse_truncate_of_official_record(regclass) is 'Adds the statement trigger that refuses TRUNCATE on an official record.';

create function make_append_only(p_table regclass) returns void
  language plpgsql
  as $$
  begin
    execute format(
      'create trigger %I before update or delete on %s for each row execute function refuse_change_of_official_record()',
      (select relname from pg_class where oid = p_table) || '_append_only', p_table);
    perform refuse_truncate_of_official_record(p_table);
  end $$;
comment on function make_append_only(regclass) is 'Makes a table append-only for everyone, the owner included: UPDATE, DELETE and TRUNCATE raise.';

-- Wholly append-only since they were made (their row triggers exist already).
select refuse_truncate_of_official_record('assignment_events');
select refuse_truncate_of_official_record('messages');
select refuse_truncate_of_official_record('delivery_events');
select refuse_truncate_of_official_record('provider_case_acknowledgements');
select refuse_truncate_of_official_record('case_officer_changes');

-- Official once sent or decided: a draft may still change, so their row triggers decide per row;
-- TRUNCATE would take the official rows with the drafts.
select refuse_truncate_of_official_record('assignments');
select refuse_truncate_of_official_record('assignment_interventions');
select refuse_truncate_of_official_record('assignment_life_areas');
select refuse_truncate_of_official_record('decisions');

-- A decision's granted interventions are recorded with it and never change; the app had no grant
-- to change them, and now the owner cannot either.
select make_append_only('decision_interventions');
