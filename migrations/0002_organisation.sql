-- Organisation: the unit tree, users, their sign-in identities and positions, sessions, sign-in throttling.

create table units (
  municipality_id uuid not null references municipalities (id),
  id uuid not null default gen_random_uuid(),
  parent_id uuid,
  kind text not null check (kind in ('service_area', 'authority_unit', 'provider', 'provider_unit', 'residential_unit', 'department')),
  name text not null check (length(btrim(name)) between 1 and 200),
  service_area text not null check (service_area in ('AO', 'FH', 'LSS', 'IFO')),
  ownership text check (ownership in ('municipal', 'private')),
  has_system_access boolean not null default true,
  is_active boolean not null default true,
  version integer not null default 1 check (version >= 1),
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now(),
  primary key (municipality_id, id),
  foreign key (municipality_id, parent_id) references units (municipality_id, id),
  check ((kind = 'service_area') = (parent_id is null)),
  check ((kind = 'provider') = (ownership is not null)),
  check (kind = 'provider' or has_system_access)
);
comment on table units is 'The organisation tree: service area -> authority units and providers -> provider units (-> residential units -> departments). Access follows this tree.';
comment on column units.municipality_id is 'Tenant.';
comment on column units.id is 'Unit id.';
comment on column units.parent_id is 'The unit above; null only for a service area, the root of its branch.';
comment on column units.kind is 'service_area, authority_unit (myndighetsenhet), provider (utförare), provider_unit (utförarenhet), residential_unit (boendeenhet), department (avdelning).';
comment on column units.name is 'Name as staff know it, e.g. Blandaren htj ute.';
comment on column units.service_area is 'The service area the unit belongs to (ÄO = AO, FH, LSS, IFO); equal to its service area root''s.';
comment on column units.ownership is 'For a provider: municipal (egen regi) or private (enskild regi); null for other kinds.';
comment on column units.has_system_access is 'For a provider: false when a private provider has no access to Vardag and gets assignments as PDF.';
comment on column units.is_active is 'False hides the unit from choices; history keeps pointing at it.';
comment on column units.version is 'Optimistic concurrency: bumped on every update.';
comment on column units.created_at is 'When the unit was created.';
comment on column units.updated_at is 'When the unit was last changed.';
create index units_parent_idx on units (municipality_id, parent_id);
create unique index units_one_root_per_service_area on units (municipality_id, service_area) where kind = 'service_area';
select enable_tenant_isolation('units');

create table users (
  municipality_id uuid not null references municipalities (id),
  id uuid not null default gen_random_uuid(),
  username text not null check (username ~ '^[a-z0-9._-]{2,60}$'),
  display_name text not null check (length(btrim(display_name)) between 1 and 120),
  email text check (email is null or email ~ '^[^@\s]+@[^@\s]+$'),
  password_hash text,
  is_active boolean not null default true,
  version integer not null default 1 check (version >= 1),
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now(),
  last_sign_in_at timestamptz,
  primary key (municipality_id, id),
  unique (municipality_id, username)
);
comment on table users is 'A person who signs in to Vardag. What they may do comes from their positions.';
comment on column users.municipality_id is 'Tenant.';
comment on column users.id is 'User id.';
comment on column users.username is 'Lower-case user name for password sign-in; globally unique through login_identities.';
comment on column users.display_name is 'Name shown in the interface and in the audit log.';
comment on column users.email is 'Work e-mail, optional.';
comment on column users.password_hash is 'argon2id hash; null when the user signs in only through the municipality''s identity provider.';
comment on column users.is_active is 'False stops sign-in and ends the user''s sessions.';
comment on column users.version is 'Optimistic concurrency: bumped on every update.';
comment on column users.created_at is 'When the user was created.';
comment on column users.updated_at is 'When the user was last changed.';
comment on column users.last_sign_in_at is 'Last successful sign-in.';
select enable_tenant_isolation('users');

create table login_identities (
  issuer text not null check (length(issuer) between 1 and 300),
  subject text not null check (length(subject) between 1 and 300),
  municipality_id uuid not null,
  user_id uuid not null,
  created_at timestamptz not null default now(),
  primary key (issuer, subject),
  foreign key (municipality_id, user_id) references users (municipality_id, id)
);
comment on table login_identities is 'Who a sign-in resolves to, before the tenant is known: issuer ''local'' with the user name for password sign-in, or an OIDC issuer URL with its subject claim (SITHS through the municipality''s IdP).';
comment on column login_identities.issuer is '''local'' for user name and password, else the identity provider''s issuer URL.';
comment on column login_identities.subject is 'The user name (local) or the identity provider''s subject.';
comment on column login_identities.municipality_id is 'Tenant the identity signs in to.';
comment on column login_identities.user_id is 'The user it signs in as.';
comment on column login_identities.created_at is 'When the identity was linked.';
select enable_tenant_isolation('login_identities');

create table positions (
  municipality_id uuid not null,
  id uuid not null default gen_random_uuid(),
  user_id uuid not null,
  unit_id uuid not null,
  title text not null check (length(btrim(title)) between 1 and 120),
  roles text[] not null check (
    cardinality(roles) between 1 and 9
    and roles <@ array['case_officer', 'authority_manager', 'operations_manager', 'unit_manager', 'coordinator',
                       'care_staff', 'licensed_staff', 'alarm_manager', 'administrator']::text[]),
  is_active boolean not null default true,
  version integer not null default 1 check (version >= 1),
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now(),
  primary key (municipality_id, id),
  foreign key (municipality_id, user_id) references users (municipality_id, id),
  foreign key (municipality_id, unit_id) references units (municipality_id, id)
);
comment on table positions is 'A user''s position (befattning) in a unit, with the roles that decide what they may do there. A user with several chooses one after sign-in.';
comment on column positions.municipality_id is 'Tenant.';
comment on column positions.id is 'Position id.';
comment on column positions.user_id is 'The user holding the position.';
comment on column positions.unit_id is 'The unit the position is in; access follows the tree from here.';
comment on column positions.title is 'Title as shown, e.g. Biståndshandläggare, Enhetschef, Undersköterska.';
comment on column positions.roles is 'Roles held in this position: case_officer, authority_manager, operations_manager (verksamhetschef), unit_manager (enhetschef/gruppchef), coordinator (samordnare), care_staff, licensed_staff, alarm_manager (larmansvarig), administrator.';
comment on column positions.is_active is 'False: the position can no longer be chosen.';
comment on column positions.version is 'Optimistic concurrency: bumped on every update.';
comment on column positions.created_at is 'When the position was created.';
comment on column positions.updated_at is 'When the position was last changed.';
create index positions_user_idx on positions (municipality_id, user_id);
create index positions_unit_idx on positions (municipality_id, unit_id);
select enable_tenant_isolation('positions');

create table sessions (
  id text primary key check (id ~ '^[0-9a-f]{64}$'),
  municipality_id uuid not null,
  user_id uuid not null,
  position_id uuid,
  auth_method text not null check (auth_method in ('password', 'oidc')),
  identity_issuer text not null,
  csrf_token text not null check (length(csrf_token) >= 32),
  client_address text,
  user_agent text,
  created_at timestamptz not null default now(),
  last_seen_at timestamptz not null default now(),
  expires_at timestamptz not null,
  foreign key (municipality_id, user_id) references users (municipality_id, id),
  foreign key (municipality_id, position_id) references positions (municipality_id, id)
);
comment on table sessions is 'Server-side sessions. The browser holds only a random token in an httpOnly cookie; the id here is its SHA-256, so a leaked table cannot be replayed.';
comment on column sessions.id is 'SHA-256 (hex) of the session token.';
comment on column sessions.municipality_id is 'Tenant.';
comment on column sessions.user_id is 'Signed-in user.';
comment on column sessions.position_id is 'The position chosen for this session; null until chosen.';
comment on column sessions.auth_method is 'password or oidc: how the user proved who they are.';
comment on column sessions.identity_issuer is 'Which login identity issuer was used (local or an IdP).';
comment on column sessions.csrf_token is 'Token the client echoes in X-CSRF-Token on every change.';
comment on column sessions.client_address is 'Client address at sign-in.';
comment on column sessions.user_agent is 'Browser at sign-in.';
comment on column sessions.created_at is 'Sign-in time.';
comment on column sessions.last_seen_at is 'Last request, at most a minute stale; drives the idle timeout.';
comment on column sessions.expires_at is 'Absolute end of the session whatever the activity.';
create index sessions_user_idx on sessions (municipality_id, user_id);
select enable_tenant_isolation('sessions');

create table login_attempts (
  id bigint generated always as identity primary key,
  username text not null,
  client_address text,
  attempted_at timestamptz not null default now(),
  succeeded boolean not null
);
comment on table login_attempts is 'Password sign-in attempts, to throttle guessing. Not tenant data: the tenant is unknown until sign-in succeeds. Rows older than a day are pruned.';
comment on column login_attempts.id is 'Running number.';
comment on column login_attempts.username is 'The user name tried, lower-cased.';
comment on column login_attempts.client_address is 'Where the attempt came from.';
comment on column login_attempts.attempted_at is 'When.';
comment on column login_attempts.succeeded is 'Whether the attempt signed in.';
create index login_attempts_username_idx on login_attempts (username, attempted_at desc);

-- Sign-in must find a user before the tenant is known. These two functions are the only way
-- across tenants, run as the owner, and return only what sign-in needs.
create function auth_find_login(p_issuer text, p_subject text)
  returns table (municipality_id uuid, user_id uuid, password_hash text, is_active boolean)
  language sql stable security definer set search_path = public, pg_temp
  as $$
    select u.municipality_id, u.id, u.password_hash, u.is_active and m.is_active
      from login_identities li
      join users u on u.municipality_id = li.municipality_id and u.id = li.user_id
      join municipalities m on m.id = u.municipality_id
     where li.issuer = p_issuer and li.subject = p_subject
  $$;
comment on function auth_find_login(text, text) is 'Resolves a sign-in identity to its municipality and user, before any tenant is set.';

create function auth_find_session(p_session_id text, p_idle_seconds integer)
  returns table (municipality_id uuid, user_id uuid, position_id uuid, csrf_token text)
  language plpgsql volatile security definer set search_path = public, pg_temp
  as $$
  begin
    -- Touch at most once a minute: the idle timeout needs no finer grain, and it saves a write per request.
    update sessions s set last_seen_at = now()
     where s.id = p_session_id and s.last_seen_at < now() - interval '1 minute'
       and s.last_seen_at > now() - make_interval(secs => p_idle_seconds) and s.expires_at > now();
    return query
      select s.municipality_id, s.user_id, s.position_id, s.csrf_token
        from sessions s
        join users u on u.municipality_id = s.municipality_id and u.id = s.user_id
        join municipalities m on m.id = s.municipality_id
       where s.id = p_session_id and s.expires_at > now()
         and s.last_seen_at > now() - make_interval(secs => p_idle_seconds)
         and u.is_active and m.is_active;
  end $$;
comment on function auth_find_session(text, integer) is 'Resolves a session token hash to its tenant and user when neither idle nor expired; touches last_seen_at.';

revoke all on function auth_find_login(text, text) from public;
revoke all on function auth_find_session(text, integer) from public;
grant execute on function auth_find_login(text, text) to vardag_app;
grant execute on function auth_find_session(text, integer) to vardag_app;
