/**
 * All SQL for choosing whom to write to: users and send lists found by name, checked by id before
 * sending, and what a message may link to. Row-level security keeps it inside the municipality.
 */
import { sql, type SqlBool } from 'kysely';
import type { Trx } from '../../platform/db/tenant.ts';
import { isPersonInScope } from '../../platform/access/person-scope.ts';
import type { AssignmentReadScope } from '../../platform/access/assignment-scope.ts';
import { isAssignmentReadable } from '../../platform/access/assignment-scope.ts';

const uuids = (ids: readonly string[]) => sql<string>`any(${[...new Set(ids)]}::uuid[])`;

/** Case-insensitive "contains" that knows å, ä and ö; no LIKE, so no wildcards to escape. */
function contains(column: string, text: string) {
  return sql<SqlBool>`strpos(lower(${sql.ref(column)} collate "sv-x-icu"), lower(${text} collate "sv-x-icu")) > 0`;
}

/** Each user's active positions as "Title, Unit; …", to tell namesakes apart. */
export async function describeUsers(trx: Trx, userIds: readonly string[]): Promise<Map<string, string>> {
  if (userIds.length === 0) return new Map();
  const rows = await trx
    .selectFrom('positions as p')
    .innerJoin('units as u', (join) =>
      join.onRef('u.municipality_id', '=', 'p.municipality_id').onRef('u.id', '=', 'p.unit_id'),
    )
    .select(['p.user_id', 'p.title', 'u.name'])
    .where('p.user_id', '=', uuids(userIds))
    .where('p.is_active', '=', true)
    .orderBy(sql`u.name collate "sv-x-icu"`)
    .orderBy(sql`p.title collate "sv-x-icu"`)
    .execute();
  const byUser = new Map<string, string[]>();
  for (const row of rows) byUser.set(row.user_id, [...(byUser.get(row.user_id) ?? []), `${row.title}, ${row.name}`]);
  return new Map([...byUser].map(([userId, parts]) => [userId, parts.join('; ')]));
}

/**
 * Active users with an active position whose name contains the text, in Swedish name order. A user
 * without a position cannot sign in to read, so is not offered.
 */
export async function searchUsers(
  trx: Trx,
  text: string,
  limit: number,
): Promise<{ id: string; displayName: string; description: string }[]> {
  const rows = await trx
    .selectFrom('users')
    .select(['id', 'display_name'])
    .where('is_active', '=', true)
    .where(contains('display_name', text))
    .where(({ exists, selectFrom }) =>
      exists(
        selectFrom('positions as p')
          .select(sql`1`.as('one'))
          .whereRef('p.user_id', '=', 'users.id')
          .where('p.is_active', '=', true),
      ),
    )
    .orderBy(sql`display_name collate "sv-x-icu"`)
    .orderBy('id')
    .limit(limit)
    .execute();
  const descriptions = await describeUsers(
    trx,
    rows.map((row) => row.id),
  );
  return rows.map((row) => ({
    id: row.id,
    displayName: row.display_name,
    description: descriptions.get(row.id) ?? '',
  }));
}

/** Active send lists whose name or unit contains the text, with their active member counts. */
export async function searchSendLists(
  trx: Trx,
  text: string,
  limit: number,
): Promise<{ id: string; name: string; unitName: string; memberCount: number }[]> {
  const rows = await trx
    .selectFrom('send_lists as l')
    .innerJoin('units as u', (join) =>
      join.onRef('u.municipality_id', '=', 'l.municipality_id').onRef('u.id', '=', 'l.unit_id'),
    )
    .select([
      'l.id',
      'l.name',
      'u.name as unit_name',
      (eb) =>
        eb
          .selectFrom('send_list_members as sm')
          .innerJoin('users as mu', (join) =>
            join.onRef('mu.municipality_id', '=', 'sm.municipality_id').onRef('mu.id', '=', 'sm.user_id'),
          )
          .select((count) => count.fn.countAll<number>().as('n'))
          .whereRef('sm.send_list_id', '=', 'l.id')
          .where('mu.is_active', '=', true)
          .as('member_count'),
    ])
    .where('l.is_active', '=', true)
    .where((eb) => eb.or([contains('l.name', text), contains('u.name', text)]))
    .orderBy(sql`l.name collate "sv-x-icu"`)
    .orderBy('l.id')
    .limit(limit)
    .execute();
  return rows.map((row) => ({
    id: row.id,
    name: row.name,
    unitName: row.unit_name,
    memberCount: Number(row.member_count ?? 0),
  }));
}

/** The users among the ids that exist in the municipality, active or not. */
export async function findUsers(
  trx: Trx,
  userIds: readonly string[],
): Promise<Map<string, { id: string; displayName: string; isActive: boolean }>> {
  if (userIds.length === 0) return new Map();
  const rows = await trx
    .selectFrom('users')
    .select(['id', 'display_name', 'is_active'])
    .where('id', '=', uuids(userIds))
    .execute();
  return new Map(rows.map((row) => [row.id, { id: row.id, displayName: row.display_name, isActive: row.is_active }]));
}

/** The send lists among the ids that exist in the municipality, active or not. */
export async function findSendLists(
  trx: Trx,
  sendListIds: readonly string[],
): Promise<Map<string, { id: string; name: string; isActive: boolean }>> {
  if (sendListIds.length === 0) return new Map();
  const rows = await trx
    .selectFrom('send_lists')
    .select(['id', 'name', 'is_active'])
    .where('id', '=', uuids(sendListIds))
    .execute();
  return new Map(rows.map((row) => [row.id, { id: row.id, name: row.name, isActive: row.is_active }]));
}

/**
 * An assignment the sender reads (platform/access/assignment-scope.ts) whose person is in
 * their scope, with that person; otherwise undefined (missing or not yours).
 */
export async function findAssignmentInScope(
  trx: Trx,
  assignmentId: string,
  scopeUnitIds: readonly string[],
  assignmentScope: AssignmentReadScope,
): Promise<{ id: string; personId: string } | undefined> {
  const row = await trx
    .selectFrom('assignments')
    .select(['id', 'person_id'])
    .where('id', '=', assignmentId)
    .where(isPersonInScope('assignments.person_id', scopeUnitIds))
    .where(isAssignmentReadable('assignments', assignmentScope))
    .executeTakeFirst();
  return row && { id: row.id, personId: row.person_id };
}
