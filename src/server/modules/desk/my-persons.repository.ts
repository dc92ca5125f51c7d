/**
 * SQL for "Mina personer": the persons a user keeps at hand. A row gives no access: every read
 * keeps to the actor's person scope, so a person who has left the user's units drops out of the
 * list without the row being touched (it comes back if the person does).
 */
import { sql } from 'kysely';
import type { Trx } from '../../platform/db/tenant.ts';
import { isPersonInScope } from '../../platform/access/person-scope.ts';
import type { PersonSummary } from '../persons/index.ts';
import { NAME_ORDER, SUMMARY_COLUMNS, toSummary } from './desk.repository.ts';

/** The user's persons still in scope, in desk order, at most `limit`. */
export async function listMyPersons(
  trx: Trx,
  userId: string,
  scopeUnitIds: readonly string[],
  limit: number,
): Promise<(PersonSummary & { addedAt: Date })[]> {
  let query = trx
    .selectFrom('my_persons as m')
    .innerJoin('persons as p', (join) =>
      join.onRef('p.municipality_id', '=', 'm.municipality_id').onRef('p.id', '=', 'm.person_id'),
    )
    .select([...SUMMARY_COLUMNS, 'm.added_at'])
    .where('m.user_id', '=', userId)
    .where(isPersonInScope('p.id', scopeUnitIds));
  for (const key of NAME_ORDER) query = query.orderBy(key);
  const rows = await query.limit(limit).execute();
  return rows.map((row) => ({ ...toSummary(row), addedAt: row.added_at }));
}

/** How many of the user's persons are still in scope, for the desk; no names, so nothing to audit. */
export async function countMyPersons(trx: Trx, userId: string, scopeUnitIds: readonly string[]): Promise<number> {
  const row = await trx
    .selectFrom('my_persons as m')
    .select((eb) => eb.fn.countAll<string>().as('n'))
    .where('m.user_id', '=', userId)
    .where(isPersonInScope('m.person_id', scopeUnitIds))
    .executeTakeFirstOrThrow();
  return Number(row.n);
}

/** How many rows the user has, in scope or not: what the cap on the list counts. */
export async function countMyPersonRows(trx: Trx, userId: string): Promise<number> {
  const row = await trx
    .selectFrom('my_persons')
    .select((eb) => eb.fn.countAll<string>().as('n'))
    .where('user_id', '=', userId)
    .executeTakeFirstOrThrow();
  return Number(row.n);
}

export async function isMyPerson(trx: Trx, userId: string, personId: string): Promise<boolean> {
  const row = await trx
    .selectFrom('my_persons')
    .select(sql`1`.as('one'))
    .where('user_id', '=', userId)
    .where('person_id', '=', personId)
    .executeTakeFirst();
  return row !== undefined;
}

/**
 * Adds the person to the user's list; false when already there. Also used when staff acknowledge
 * an assignment with "Flytta till Mina personer" (the deliveries module), in that transaction.
 */
export async function addMyPerson(
  trx: Trx,
  municipalityId: string,
  userId: string,
  personId: string,
): Promise<boolean> {
  const inserted = await trx
    .insertInto('my_persons')
    .values({ municipality_id: municipalityId, user_id: userId, person_id: personId })
    .onConflict((conflict) => conflict.columns(['municipality_id', 'user_id', 'person_id']).doNothing())
    .returning('person_id')
    .executeTakeFirst();
  return inserted !== undefined;
}

/** Removes the person from the user's list; false when not there. */
export async function removeMyPerson(trx: Trx, userId: string, personId: string): Promise<boolean> {
  const deleted = await trx
    .deleteFrom('my_persons')
    .where('user_id', '=', userId)
    .where('person_id', '=', personId)
    .executeTakeFirst();
  return deleted.numDeletedRows > 0n;
}
