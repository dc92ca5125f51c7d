-- Every API request turns its session cookie into an actor. That took eight round trips (session,
-- then inside the tenant: user, positions, units below, the service area's authority units); this
-- function answers all of it in one call. Like auth_find_session it runs as the owner, before any
-- tenant is set, and filters every table by the session's own municipality.

create function units_below(p_municipality_id uuid, p_unit_id uuid) returns uuid[]
  language sql stable security definer set search_path = public, pg_temp
  as $$
    with recursive below as (
      select u.id from units u where u.municipality_id = p_municipality_id and u.id = p_unit_id
      union all
      select u.id from units u join below b on u.parent_id = b.id where u.municipality_id = p_municipality_id
    ) select coalesce(array_agg(id), '{}') from below
  $$;
comment on function units_below(uuid, uuid) is 'The unit and every unit below it in the organisation tree.';
revoke all on function units_below(uuid, uuid) from public;

create function auth_resolve_session(p_session_id text, p_idle_seconds integer)
  returns table (
    municipality_id uuid, user_id uuid, display_name text, csrf_token text,
    position_id uuid, position_title text, unit_id uuid, unit_name text, service_area text, roles text[],
    units_below uuid[], authority_units uuid[])
  language plpgsql volatile security definer set search_path = public, pg_temp
  as $$
  begin
    -- Touch at most once a minute: the idle timeout needs no finer grain, and it saves a write per request.
    update sessions s set last_seen_at = now()
     where s.id = p_session_id and s.last_seen_at < now() - interval '1 minute'
       and s.last_seen_at > now() - make_interval(secs => p_idle_seconds) and s.expires_at > now();
    return query
      with session_user_row as (
        select s.municipality_id, s.user_id, u.display_name, s.csrf_token, s.position_id
          from sessions s
          join users u on u.municipality_id = s.municipality_id and u.id = s.user_id
          join municipalities m on m.id = s.municipality_id
         where s.id = p_session_id and s.expires_at > now()
           and s.last_seen_at > now() - make_interval(secs => p_idle_seconds)
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
comment on function auth_resolve_session(text, integer) is 'Resolves a session token hash to the actor in one call: tenant, user, chosen position with its unit and roles, the units below it and the service area''s authority units; nothing when idle, expired or inactive. Touches last_seen_at.';
revoke all on function auth_resolve_session(text, integer) from public;
grant execute on function auth_resolve_session(text, integer) to vardag_app;

-- auth_resolve_session replaces it.
drop function auth_find_session(text, integer);
