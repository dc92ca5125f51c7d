/**
 * The SQL side of "access follows the tree": a person is in scope when one of the actor's scope
 * units has an ongoing link to them, or one that ended within RECENT_LINK_DAYS. Every repository
 * query that returns persons adds this predicate (row-level security adds the tenant).
 */
import { sql, type RawBuilder, type SqlBool } from 'kysely';
import { RECENT_LINK_DAYS } from '../../../domain/access.ts';
import type { Trx } from '../db/tenant.ts';

/** `personIdColumn` is a column reference such as 'persons.id'. */
export function isPersonInScope(personIdColumn: string, scopeUnitIds: readonly string[]): RawBuilder<SqlBool> {
  return sql<SqlBool>`exists (
    select 1 from person_unit_links scope_link
     where scope_link.person_id = ${sql.ref(personIdColumn)}
       and scope_link.unit_id = any(${[...scopeUnitIds]}::uuid[])
       and ${isLinkCurrent('scope_link')})`;
}

/** The link is ongoing or ended within RECENT_LINK_DAYS. `alias` names a person_unit_links row. */
export function isLinkCurrent(alias: string): RawBuilder<SqlBool> {
  const validTo = sql.ref(`${alias}.valid_to`);
  return sql<SqlBool>`(${validTo} is null or ${validTo} >= current_date - ${RECENT_LINK_DAYS}::int)`;
}

/** Whether the person exists and is in scope: for routes on a person rather than on one of their records. */
export async function isPersonVisible(trx: Trx, personId: string, scopeUnitIds: readonly string[]): Promise<boolean> {
  if (scopeUnitIds.length === 0) return false;
  const row = await trx
    .selectFrom('persons')
    .select('id')
    .where('id', '=', personId)
    .where(isPersonInScope('persons.id', scopeUnitIds))
    .executeTakeFirst();
  return row !== undefined;
}

/**
 * The order of person lists read from the links (migration 0026): Swedish name order, then number,
 * the order of the link indexes. `alias` names a person_unit_links row or a row carrying its keys.
 */
export function linkNameOrder(alias: string): RawBuilder<unknown> {
  return sql.join(
    ['search_last_name', 'search_first_name', 'identity_number'].map((key) => sql.ref(`${alias}.${key}`)),
  );
}
