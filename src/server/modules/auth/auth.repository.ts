/**
 * SQL for sign-in and sessions. Sign-in and session lookup run before a tenant is known and go
 * through the two SECURITY DEFINER functions; everything else runs inside the tenant. The
 * throttle's SQL is in sign-in-throttle.repository.ts.
 */
import { sql } from 'kysely';
import type { Db } from '../../platform/db/database.ts';
import type { Trx } from '../../platform/db/tenant.ts';
import { isRole, type Role } from '../../../domain/roles.ts';
import type { ServiceAreaCode } from '../../../domain/organisation.ts';

export const LOCAL_ISSUER = 'local';

export interface LoginCandidate {
  municipalityId: string;
  userId: string;
  passwordHash: string | null;
  isActive: boolean;
}

export async function findLoginCandidate(db: Db, issuer: string, subject: string): Promise<LoginCandidate | undefined> {
  const { rows } = await sql<{
    municipality_id: string;
    user_id: string;
    password_hash: string | null;
    is_active: boolean;
  }>`
    select * from auth_find_login(${issuer}, ${subject})`.execute(db);
  const row = rows[0];
  return (
    row && {
      municipalityId: row.municipality_id,
      userId: row.user_id,
      passwordHash: row.password_hash,
      isActive: row.is_active,
    }
  );
}

export interface SessionRef {
  municipalityId: string;
  userId: string;
  positionId: string | null;
  csrfToken: string;
}

export interface ResolvedSession extends SessionRef {
  displayName: string;
  position: (PositionRecord & { unitsBelow: string[]; authorityUnitsOfServiceArea: string[] }) | null;
}

/**
 * The whole actor behind a session in one round trip (auth_resolve_session, migrations 0018 and
 * 0031); `touch` false for a background request, which must not keep the session alive.
 */
export async function resolveSession(
  db: Db,
  sessionId: string,
  idleSeconds: number,
  touch: boolean,
): Promise<ResolvedSession | undefined> {
  const { rows } = await sql<{
    municipality_id: string;
    user_id: string;
    display_name: string;
    csrf_token: string;
    position_id: string | null;
    position_title: string | null;
    unit_id: string | null;
    unit_name: string | null;
    service_area: string | null;
    roles: string[] | null;
    units_below: string[] | null;
    authority_units: string[] | null;
  }>`select * from auth_resolve_session(${sessionId}, ${idleSeconds}, ${touch})`.execute(db);
  const row = rows[0];
  if (!row) return undefined;
  const hasPosition = row.position_id !== null && row.unit_id !== null;
  return {
    municipalityId: row.municipality_id,
    userId: row.user_id,
    displayName: row.display_name,
    csrfToken: row.csrf_token,
    positionId: hasPosition ? row.position_id : null,
    position: hasPosition
      ? {
          id: row.position_id!,
          title: row.position_title!,
          unitId: row.unit_id!,
          unitName: row.unit_name!,
          serviceArea: row.service_area as ServiceAreaCode,
          roles: (row.roles ?? []).filter(isRole),
          unitsBelow: row.units_below ?? [],
          authorityUnitsOfServiceArea: row.authority_units ?? [],
        }
      : null,
  };
}

export interface NewSession {
  id: string;
  municipalityId: string;
  userId: string;
  positionId: string | null;
  identityIssuer: string;
  csrfToken: string;
  clientAddress: string;
  userAgent: string | null;
  maxHours: number;
}

export async function insertSession(trx: Trx, session: NewSession): Promise<void> {
  await trx
    .insertInto('sessions')
    .values({
      id: session.id,
      municipality_id: session.municipalityId,
      user_id: session.userId,
      position_id: session.positionId,
      auth_method: session.identityIssuer === LOCAL_ISSUER ? 'password' : 'oidc',
      identity_issuer: session.identityIssuer,
      csrf_token: session.csrfToken,
      client_address: session.clientAddress,
      user_agent: session.userAgent,
      expires_at: sql<Date>`now() + make_interval(hours => ${session.maxHours})`,
    })
    .execute();
  await trx
    .deleteFrom('sessions')
    .where('user_id', '=', session.userId)
    .where('expires_at', '<', sql<Date>`now()`)
    .execute();
  await trx.updateTable('users').set({ last_sign_in_at: sql`now()` }).where('id', '=', session.userId).execute();
}

export async function deleteSession(trx: Trx, sessionId: string): Promise<void> {
  await trx.deleteFrom('sessions').where('id', '=', sessionId).execute();
}

export async function setSessionPosition(trx: Trx, sessionId: string, positionId: string): Promise<void> {
  await trx.updateTable('sessions').set({ position_id: positionId }).where('id', '=', sessionId).execute();
}

export interface UserWithPositions {
  id: string;
  username: string;
  displayName: string;
  municipalityName: string;
  positions: PositionRecord[];
}

export interface PositionRecord {
  id: string;
  title: string;
  unitId: string;
  unitName: string;
  serviceArea: ServiceAreaCode;
  roles: Role[];
}

export async function getUserWithPositions(trx: Trx, userId: string): Promise<UserWithPositions> {
  const user = await trx
    .selectFrom('users')
    .innerJoin('municipalities', 'municipalities.id', 'users.municipality_id')
    .select(['users.id', 'users.username', 'users.display_name', 'municipalities.name as municipality_name'])
    .where('users.id', '=', userId)
    .executeTakeFirstOrThrow();
  const positions = await trx
    .selectFrom('positions')
    .innerJoin('units', (join) =>
      join.onRef('units.municipality_id', '=', 'positions.municipality_id').onRef('units.id', '=', 'positions.unit_id'),
    )
    .select([
      'positions.id',
      'positions.title',
      'positions.unit_id',
      'positions.roles',
      'units.name as unit_name',
      'units.service_area',
    ])
    .where('positions.user_id', '=', userId)
    .where('positions.is_active', '=', true)
    .where('units.is_active', '=', true)
    .orderBy('units.name')
    .orderBy('positions.title')
    .execute();
  return {
    id: user.id,
    username: user.username,
    displayName: user.display_name,
    municipalityName: user.municipality_name,
    positions: positions.map((row) => ({
      id: row.id,
      title: row.title,
      unitId: row.unit_id,
      unitName: row.unit_name,
      serviceArea: row.service_area as ServiceAreaCode,
      roles: row.roles.filter(isRole),
    })),
  };
}
