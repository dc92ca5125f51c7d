-- Read limits (ADR 0016): how much personal data a session and a user have been shown in the current
-- window, so that bulk extraction meets a 429 while real work never does. The counts live here rather
-- than in one process's memory so that they hold across any number of app servers, and the window is
-- timed by the database's clock, which every server shares.

create table read_meters (
  municipality_id uuid not null,
  user_id uuid not null,
  session_id text not null check (session_id = '' or session_id ~ '^[0-9a-f]{64}$'),
  budget text not null check (budget in ('person_record', 'person_list')),
  window_started_at timestamptz not null,
  used integer not null check (used >= 0),
  refused integer not null default 0 check (refused >= 0),
  primary key (municipality_id, user_id, budget, session_id),
  foreign key (municipality_id, user_id) references users (municipality_id, id)
);
comment on table read_meters is 'What a session (burst window) and a user over all their sessions (long window) have been shown of personal data in the current window, per budget; read_meter_charge counts and refuses. Not an official record: rows of ended windows are reset or pruned.';
comment on column read_meters.municipality_id is 'Tenant; first in the key so the table shards with the rest of the municipality''s rows.';
comment on column read_meters.user_id is 'Whose reads are counted.';
comment on column read_meters.session_id is 'The session (sessions.id) for its burst window; empty for the user''s long window over all their sessions.';
comment on column read_meters.budget is 'person_record: reads of one person''s record or one of its tabs, 1 each; person_list: persons a list or search page can show (its page size).';
comment on column read_meters.window_started_at is 'When the current window began (the database''s clock); the window ends after the configured number of seconds.';
comment on column read_meters.used is 'What the allowed requests of the current window have cost.';
comment on column read_meters.refused is 'Requests refused in the current window; the first one is the passing that is audited (read_limit.exceeded).';
select enable_tenant_isolation('read_meters');

-- One call per metered request. Counting and refusing happen in one statement so that two servers
-- answering the same user at the same moment cannot both let the last read through: the row locks
-- serialise them. A request is allowed only when both windows have room for its whole cost, and only
-- an allowed request is counted, so refused requests neither use up the budget nor extend a window.
create function read_meter_charge(
  p_municipality_id uuid, p_user_id uuid, p_session_id text, p_budget text, p_cost integer,
  p_session_allowed integer, p_session_window_seconds integer, p_user_allowed integer, p_user_window_seconds integer)
  returns table (is_allowed boolean, retry_after_seconds integer, session_passed boolean, user_passed boolean,
                 session_used integer, user_used integer)
  language plpgsql volatile set search_path = public, pg_temp
  as $$
  declare
    previous_tenant text := current_setting('app.municipality_id', true);
    session_window interval := make_interval(secs => p_session_window_seconds);
    user_window interval := make_interval(secs => p_user_window_seconds);
    created integer;
    s read_meters;
    u read_meters;
    session_over boolean;
    user_over boolean;
  begin
    -- Row-level security applies to this table as to every other; the caller is the app role.
    perform set_config('app.municipality_id', p_municipality_id::text, true);
    -- A lost count after a crash only gives someone a little more room: no need to wait for the disk.
    -- Transaction-local, so the caller must run this as a statement of its own (the access hook does).
    perform set_config('synchronous_commit', 'off', true);

    insert into read_meters (municipality_id, user_id, session_id, budget, window_started_at, used)
      values (p_municipality_id, p_user_id, '', p_budget, now(), 0), (p_municipality_id, p_user_id, p_session_id, p_budget, now(), 0)
      on conflict do nothing;
    get diagnostics created = row_count;
    if created > 0 then
      -- A new session's first metered read: drop the user's rows of other sessions whose window has
      -- ended, so the table holds about one row per live session and budget.
      delete from read_meters r
       where r.municipality_id = p_municipality_id and r.user_id = p_user_id and r.budget = p_budget
         and r.session_id not in ('', p_session_id) and r.window_started_at <= now() - session_window;
    end if;

    -- The user's row first, then the session's: every caller locks in this order, so none deadlock.
    select * into u from read_meters r
     where r.municipality_id = p_municipality_id and r.user_id = p_user_id and r.budget = p_budget and r.session_id = ''
       for update;
    select * into s from read_meters r
     where r.municipality_id = p_municipality_id and r.user_id = p_user_id and r.budget = p_budget and r.session_id = p_session_id
       for update;
    -- Not found: the row was pruned by another session of the user between the insert and the lock.
    if u.window_started_at is null or u.window_started_at <= now() - user_window then u.window_started_at := now(); u.used := 0; u.refused := 0; end if;
    if s.window_started_at is null or s.window_started_at <= now() - session_window then s.window_started_at := now(); s.used := 0; s.refused := 0; end if;

    session_over := s.used + p_cost > p_session_allowed;
    user_over := u.used + p_cost > p_user_allowed;
    if not session_over and not user_over then
      s.used := s.used + p_cost;
      u.used := u.used + p_cost;
    else
      if session_over then s.refused := s.refused + 1; end if;
      if user_over then u.refused := u.refused + 1; end if;
    end if;

    insert into read_meters as r (municipality_id, user_id, session_id, budget, window_started_at, used, refused)
      values (p_municipality_id, p_user_id, '', p_budget, u.window_started_at, u.used, u.refused),
             (p_municipality_id, p_user_id, p_session_id, p_budget, s.window_started_at, s.used, s.refused)
      on conflict (municipality_id, user_id, budget, session_id) do update
        set window_started_at = excluded.window_started_at, used = excluded.used, refused = excluded.refused;

    perform set_config('app.municipality_id', coalesce(previous_tenant, ''), true);
    return query select
      not (session_over or user_over),
      -- Until the later of the full windows ends: waiting for one while the other is still full would only meet a second 429.
      case when session_over or user_over then greatest(
        case when session_over then ceil(extract(epoch from s.window_started_at + session_window - now()))::integer else 0 end,
        case when user_over then ceil(extract(epoch from u.window_started_at + user_window - now()))::integer else 0 end, 1)
      else 0 end,
      session_over and s.refused = 1,
      user_over and u.refused = 1,
      s.used, u.used;
  end $$;
comment on function read_meter_charge(uuid, uuid, text, text, integer, integer, integer, integer, integer) is 'Counts one metered request of a session against its burst window and its user''s long window (read_meters), or refuses it when either has no room; says how long to wait and whether this refusal is the first of its window (to audit once). Sets the tenant itself and turns off synchronous commit for its transaction: call it as a statement of its own.';
revoke all on function read_meter_charge(uuid, uuid, text, text, integer, integer, integer, integer, integer) from public;
grant execute on function read_meter_charge(uuid, uuid, text, text, integer, integer, integer, integer, integer) to vardag_app;
