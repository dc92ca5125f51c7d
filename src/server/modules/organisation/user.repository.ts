/**
 * All SQL for users, their local sign-in identity, positions and sessions. Row-level security
 * keeps every query inside the municipality; only login_identities' primary key reaches across
 * municipalities, which is what makes a user name globally unique.
 */
import { sql, type Selectable } from 'kysely';
import type { Trx } from '../../platform/db/tenant.ts';
import type { UserTable } from '../../platform/db/schema.ts';
import { isRole, type Role } from '../../../domain/roles.ts';
import type { Position, User } from '../../../contract/organisation.ts';

/** The issuer of user name and password sign-in (see auth.repository.ts). */
const LOCAL_ISSUER = 'local';

const USER_COLUMNS = [
  'id',
  'username',
  'display_name',
  'email',
  'password_hash',
  'is_active',
  'last_sign_in_at',
  'version',
] as const;
type UserRow = Pick<Selectable<UserTable>, (typeof USER_COLUMNS)[number]>;

function toUser(row: UserRow, positions: Position[]): User {
  return {
    id: row.id,
    username: row.username,
    displayName: row.display_name,
    email: row.email,
    isActive: row.is_active,
    hasPassword: row.password_hash !== null,
    lastSignInAt: row.last_sign_in_at?.toISOString() ?? null,
    version: row.version,
    positions,
  };
}

/** Positions of the given users (active or not), by user, in unit and title order. */
async function listPositionsOf(trx: Trx, userIds: readonly string[]): Promise<Map<string, Position[]>> {
  const byUser = new Map<string, Position[]>(userIds.map((id) => [id, []]));
  if (userIds.length === 0) return byUser;
  const rows = await trx
    .selectFrom('positions')
    .innerJoin('units', (join) =>
      join.onRef('units.municipality_id', '=', 'positions.municipality_id').onRef('units.id', '=', 'positions.unit_id'),
    )
    .select([
      'positions.id',
      'positions.user_id',
      'positions.unit_id',
      'units.name as unit_name',
      'positions.title',
      'positions.roles',
      'positions.is_active',
      'positions.version',
    ])
    .where('positions.user_id', '=', sql<string>`any(${[...userIds]}::uuid[])`)
    .orderBy(sql`units.name collate "sv-x-icu"`)
    .orderBy(sql`positions.title collate "sv-x-icu"`)
    .orderBy('positions.id')
    .execute();
  for (const row of rows) {
    byUser.get(row.user_id)?.push({
      id: row.id,
      unitId: row.unit_id,
      unitName: row.unit_name,
      title: row.title,
      roles: row.roles.filter(isRole),
      isActive: row.is_active,
      version: row.version,
    });
  }
  return byUser;
}

/** Every user of the municipality with their positions, in Swedish name order. */
export async function listUsers(trx: Trx): Promise<User[]> {
  const rows = await trx
    .selectFrom('users')
    .select(USER_COLUMNS)
    .orderBy(sql`display_name collate "sv-x-icu"`)
    .orderBy('username')
    .execute();
  const positions = await listPositionsOf(
    trx,
    rows.map((row) => row.id),
  );
  return rows.map((row) => toUser(row, positions.get(row.id) ?? []));
}

export async function findUser(trx: Trx, userId: string): Promise<User | undefined> {
  const row = await trx.selectFrom('users').select(USER_COLUMNS).where('id', '=', userId).executeTakeFirst();
  if (!row) return undefined;
  const positions = await listPositionsOf(trx, [row.id]);
  return toUser(row, positions.get(row.id) ?? []);
}

export interface NewUser {
  municipalityId: string;
  username: string;
  displayName: string;
  email: string | null;
  passwordHash: string;
}

/** The user and the local identity that lets them sign in with the user name. */
export async function insertUser(trx: Trx, user: NewUser): Promise<string> {
  const row = await trx
    .insertInto('users')
    .values({
      municipality_id: user.municipalityId,
      username: user.username,
      display_name: user.displayName,
      email: user.email,
      password_hash: user.passwordHash,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  await trx
    .insertInto('login_identities')
    .values({ issuer: LOCAL_ISSUER, subject: user.username, municipality_id: user.municipalityId, user_id: row.id })
    .execute();
  return row.id;
}

export interface UserPatch {
  username: string;
  displayName: string;
  email: string | null;
  isActive: boolean;
}

/** Applies the change if the version still matches; a new user name moves the local identity with it. */
export async function updateUser(trx: Trx, userId: string, version: number, patch: UserPatch): Promise<boolean> {
  const result = await trx
    .updateTable('users')
    .set({
      username: patch.username,
      display_name: patch.displayName,
      email: patch.email,
      is_active: patch.isActive,
      version: sql`version + 1`,
      updated_at: sql`now()`,
    })
    .where('id', '=', userId)
    .where('version', '=', version)
    .executeTakeFirst();
  if (result.numUpdatedRows === 0n) return false;
  await trx
    .updateTable('login_identities')
    .set({ subject: patch.username })
    .where('issuer', '=', LOCAL_ISSUER)
    .where('user_id', '=', userId)
    .where('subject', '<>', patch.username)
    .execute();
  return true;
}

/** A new password hash; the version moves too, so an open form notices the user changed. */
export async function setPasswordHash(trx: Trx, userId: string, passwordHash: string): Promise<void> {
  await trx
    .updateTable('users')
    .set({ password_hash: passwordHash, version: sql`version + 1`, updated_at: sql`now()` })
    .where('id', '=', userId)
    .execute();
}

/** Ends every session of the user at once, but the one given (the caller's own); returns how many there were. */
export async function deleteSessionsOf(trx: Trx, userId: string, exceptSessionId?: string): Promise<number> {
  const result = await trx
    .deleteFrom('sessions')
    .where('user_id', '=', userId)
    .$if(exceptSessionId !== undefined, (query) => query.where('id', '!=', exceptSessionId!))
    .executeTakeFirst();
  return Number(result.numDeletedRows);
}

export interface PositionRecord {
  id: string;
  userId: string;
  unitId: string;
  title: string;
  roles: Role[];
  isActive: boolean;
  version: number;
}

export async function findPosition(trx: Trx, positionId: string): Promise<PositionRecord | undefined> {
  const row = await trx
    .selectFrom('positions')
    .select(['id', 'user_id', 'unit_id', 'title', 'roles', 'is_active', 'version'])
    .where('id', '=', positionId)
    .executeTakeFirst();
  return (
    row && {
      id: row.id,
      userId: row.user_id,
      unitId: row.unit_id,
      title: row.title,
      roles: row.roles.filter(isRole),
      isActive: row.is_active,
      version: row.version,
    }
  );
}

export interface PositionFields {
  unitId: string;
  title: string;
  roles: Role[];
}

export async function insertPosition(
  trx: Trx,
  municipalityId: string,
  userId: string,
  position: PositionFields,
): Promise<string> {
  const row = await trx
    .insertInto('positions')
    .values({
      municipality_id: municipalityId,
      user_id: userId,
      unit_id: position.unitId,
      title: position.title,
      roles: position.roles,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  return row.id;
}

/** Applies the change if the version still matches; false means someone else saved first. */
export async function updatePosition(
  trx: Trx,
  positionId: string,
  version: number,
  patch: PositionFields & { isActive: boolean },
): Promise<boolean> {
  const result = await trx
    .updateTable('positions')
    .set({
      unit_id: patch.unitId,
      title: patch.title,
      roles: patch.roles,
      is_active: patch.isActive,
      version: sql`version + 1`,
      updated_at: sql`now()`,
    })
    .where('id', '=', positionId)
    .where('version', '=', version)
    .executeTakeFirst();
  return result.numUpdatedRows > 0n;
}
