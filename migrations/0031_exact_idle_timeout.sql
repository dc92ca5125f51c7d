-- The idle timeout kept to the configured time (SESSION_IDLE_MINUTES), replacing the function of
-- migration 0018, which touched last_seen_at only when it was more than a minute old and ended a
-- session when last_seen_at was older than the idle time. Between touches last_seen_at lags the
-- last request by up to a minute, so a session in use ended up to a minute early: with a one-minute
-- idle time every session died at 60 s however busy, because it was never touched at all.
--
-- Why this rule. Writing the row on every request would make it exact, at the price of a write
-- (and a row lock that parallel requests of one session queue on) per request. Instead the row is
-- touched when last_seen_at is at least one touch interval T old, T = a sixtieth of the idle time
-- (30 s of the default 30 minutes, 1 s of one minute). A request that does not touch therefore came
-- less than T after last_seen_at, so the true last request is always in [last_seen_at,
-- last_seen_at + T). Ending the session only once last_seen_at + idle + T has passed means:
--   - a session used within the idle time never ends: its last request u < last_seen_at + T, so
--     u + idle < last_seen_at + idle + T;
--   - a session left alone ends at most T after its idle time has passed since its last request
--     (exactly T after when that request touched the row), never before it;
--   - the row is written at most once per T per session, whatever the number of requests.
-- Which of "never early" and "never late" to give up is forced: without a write per request the
-- server cannot know where in that interval of T the last request fell. Ending a little late (at
-- most 1/60 of the idle time) is the side that does not throw a working user out.
-- The interval is in seconds with fractions, so a test can configure a few seconds of idle time.

create or replace function auth_resolve_session(p_session_id text, p_idle_seconds integer)
  returns table (
    municipality_id uuid, user_id uuid, display_name text, csrf_token text,
    position_id uuid, position_title text, unit_id uuid, unit_name text, service_area text, roles text[],
    units_below uuid[], authority_units uuid[])
  language plpgsql volatile security definer set search_path = public, pg_temp
  as $$
  declare
    v_touch constant interval := make_interval(secs => (p_idle_seconds / 60.0)::double precision);
    -- A session is alive while last_seen_at is later than this (the reasoning is above).
    v_alive_after constant timestamptz := now() - make_interval(secs => p_idle_seconds) - v_touch;
  begin
    update sessions s set last_seen_at = now()
     where s.id = p_session_id and s.last_seen_at <= now() - v_touch
       and s.last_seen_at > v_alive_after and s.expires_at > now();
    return query
      with session_user_row as (
        select s.municipality_id, s.user_id, u.display_name, s.csrf_token, s.position_id
          from sessions s
          join users u on u.municipality_id = s.municipality_id and u.id = s.user_id
          join municipalities m on m.id = s.municipality_id
         where s.id = p_session_id and s.expires_at > now()
           and s.last_seen_at > v_alive_after
           and u.is_active and m.is_active
      ), chosen as (
        select p.id, p.title, p.unit_id, p.roles, un.name, un.service_area
          from session_user_row su
          join positions p on p.municipality_id = su.municipality_id and p.id = su.position_id and p.user_id = su.user_id
          join units un on un.municipality_id = p.municipality_id and un.id = p.unit_id
         where p.is_active and un.is_active
      )
      select su.municipality_id, su.user_id, su.display_name, su.csrf_token,
             c.id, c.title, c.unit_id, c.name, c.service_area, c.roles,
             case when c.id is null then null else units_below(su.municipality_id, c.unit_id) end,
             case when c.id is null then null else (
               select coalesce(array_agg(a.id), '{}') from units a
                where a.municipality_id = su.municipality_id and a.kind = 'authority_unit' and a.service_area = c.service_area) end
        from session_user_row su left join chosen c on true;
  end $$;
comment on function auth_resolve_session(text, integer) is 'Resolves a session token hash to the actor in one call: tenant, user, chosen position with its unit and roles, the units below it and the service area''s authority units; nothing when idle, expired or inactive. Touches last_seen_at at most once per sixtieth of the idle time; a session ends between its idle time and a sixtieth more after its last request, never before (migration 0031).';

comment on column sessions.last_seen_at is 'Last request, lagging it by less than a sixtieth of the idle time (the touch interval); drives the idle timeout (migration 0031).';
