/**
 * SQL for "Mina enheter" and "Senast öppnade". Every query that returns persons keeps to the
 * actor's person scope (isPersonInScope), whatever unit it is asked about; row-level security
 * adds the tenant.
 */
import { sql, type Expression, type SqlBool } from 'kysely';
import type { Trx } from '../../platform/db/tenant.ts';
import { isPersonInScope } from '../../platform/access/person-scope.ts';
import { RECENT_LINK_DAYS } from '../../../domain/access.ts';
import type { PersonSearch } from '../../../domain/person-search.ts';
import type { ServiceAreaCode, UnitKind } from '../../../domain/organisation.ts';
import type { DeskOverview } from '../../../contract/desk.ts';
import type { PersonSummary } from '../persons/person.repository.ts';

export type DeskUnit = DeskOverview['units'][number];
export type PersonFilter = Exclude<PersonSearch, { kind: 'invalid' }>;

export const SUMMARY_COLUMNS = ['p.id', 'p.identity_number', 'p.first_name', 'p.last_name', 'p.protected_identity', 'p.birth_date', 'p.sex', 'p.deceased_date'] as const;

export interface SummaryRow {
  id: string; identity_number: string; first_name: string; last_name: string; protected_identity: boolean;
  birth_date: string; sex: string; deceased_date: string | null;
}

export function toSummary(row: SummaryRow): PersonSummary {
  return {
    id: row.id, identityNumber: row.identity_number, firstName: row.first_name, lastName: row.last_name,
    protectedIdentity: row.protected_identity, birthDate: row.birth_date, sex: row.sex as PersonSummary['sex'], deceasedDate: row.deceased_date,
  };
}

/**
 * The order of every person list on the desk, written as persons_name_order_idx indexes it:
 * protected identities last and by number, since among the names their place would hint at the
 * hidden name; the rest in Swedish order (Å, Ä, Ö after Z).
 */
export const NAME_ORDER = [
  sql`p.protected_identity`,
  sql`(case when p.protected_identity then null else p.last_name end) collate "sv-x-icu"`,
  sql`(case when p.protected_identity then null else p.first_name end) collate "sv-x-icu"`,
  sql`p.identity_number`,
] as const;

const uuids = (ids: readonly string[]) => sql<string>`any(${[...ids]}::uuid[])`;

/** A link that has not ended: what the desk counts. */
function isOngoing(alias: string): Expression<SqlBool> {
  return sql<SqlBool>`(${sql.ref(`${alias}.valid_to`)} is null or ${sql.ref(`${alias}.valid_to`)} >= current_date)`;
}

/**
 * Counted persons must be in scope. A link to a unit that is itself in scope already puts the
 * person there (same rule), so the cheap test goes first and the subquery runs only for the rest.
 */
function isLinkedPersonInScope(scopeUnitIds: readonly string[]): Expression<SqlBool> {
  return sql<SqlBool>`(l.unit_id = ${uuids(scopeUnitIds)} or ${isPersonInScope('l.person_id', scopeUnitIds)})`;
}

/** The units among `unitIds` that have at least one ongoing person in scope, with how many, by name. */
export async function listDeskUnits(trx: Trx, unitIds: readonly string[], scopeUnitIds: readonly string[]): Promise<DeskUnit[]> {
  if (unitIds.length === 0) return [];
  const rows = await trx.selectFrom('units as u')
    .innerJoin('person_unit_links as l', (join) => join.onRef('l.municipality_id', '=', 'u.municipality_id').onRef('l.unit_id', '=', 'u.id'))
    .select(['u.id', 'u.name', 'u.kind', 'u.service_area', (eb) => eb.fn.count<number>('l.person_id').distinct().as('person_count')])
    .where('u.id', '=', uuids(unitIds))
    .where(isOngoing('l'))
    .where(isLinkedPersonInScope(scopeUnitIds))
    .groupBy(['u.id', 'u.name', 'u.kind', 'u.service_area'])
    .orderBy(sql`u.name collate "sv-x-icu"`).orderBy('u.id')
    .execute();
  return rows.map((row) => ({ id: row.id, name: row.name, kind: row.kind as UnitKind, serviceArea: row.service_area as ServiceAreaCode, personCount: row.person_count }));
}

/** One unit with its count of ongoing persons in scope (possibly none). */
export async function findDeskUnit(trx: Trx, unitId: string, scopeUnitIds: readonly string[]): Promise<DeskUnit | undefined> {
  const row = await trx.selectFrom('units as u')
    .select(['u.id', 'u.name', 'u.kind', 'u.service_area', (eb) => eb.selectFrom('person_unit_links as l')
      .select((count) => count.fn.count<number>('l.person_id').distinct().as('n'))
      .whereRef('l.unit_id', '=', 'u.id').where(isOngoing('l')).where(isLinkedPersonInScope(scopeUnitIds))
      .as('person_count')])
    .where('u.id', '=', unitId)
    .executeTakeFirst();
  return row && { id: row.id, name: row.name, kind: row.kind as UnitKind, serviceArea: row.service_area as ServiceAreaCode, personCount: row.person_count ?? 0 };
}

/**
 * Whether the person matches a filter typed into a list: the whole number, the start of one, or
 * every name token as the start of a given name or surname. Protected identities never match on
 * name, or the hit would tell that a person of that name exists. Leakproof comparisons only
 * (starts_with, =), as the person search (migration 0005).
 */
export function matchesPersonFilter(filter: PersonFilter): Expression<SqlBool> {
  if (filter.kind === 'identityNumber') return sql<SqlBool>`p.identity_number = ${filter.normalized}`;
  if (filter.kind === 'identityPrefix') {
    return sql<SqlBool>`(${sql.join(filter.prefixes.map((prefix) => sql`starts_with(p.identity_number, ${prefix})`), sql` or `)})`;
  }
  const tokens = filter.tokens.map((token) => sql`(starts_with(p.first_name_lower, ${token}) or starts_with(p.last_name_lower, ${token}))`);
  return sql<SqlBool>`(not p.protected_identity and ${sql.join(tokens, sql` and `)})`;
}

export interface PersonPage {
  persons: PersonSummary[];
  /** Persons matching, on every page. */
  total: number;
}

/**
 * One page of the persons with an ongoing link to the unit or one that ended within
 * RECENT_LINK_DAYS, in desk order, with the total in the same statement (a window count over the
 * unit's few thousand rows costs less than a second query). Only the page's persons leave the
 * database, so only they are shown and audited.
 *
 * The unit's links come first and each person is looked up by id (3,000 index probes, about
 * 10 ms). Left to itself the planner walks every person of the municipality in name order and
 * probes the links for each (100,000 probes, 770 ms on Storkommun) or hashes all persons (100 ms):
 * the materialized list and the OFFSET 0 in the lateral lookup keep it on the short path
 * (bench/README.md, "provider").
 */
export async function listUnitPersons(trx: Trx, unitId: string, scopeUnitIds: readonly string[], filter: PersonFilter | null, offset: number, limit: number): Promise<PersonPage> {
  let query = trx
    .with((cte) => cte('linked').materialized(), (db) => db.selectFrom('person_unit_links as l').select('l.person_id').distinct()
      .where('l.unit_id', '=', unitId)
      .where(sql<SqlBool>`(l.valid_to is null or l.valid_to >= current_date - ${RECENT_LINK_DAYS}::int)`))
    .selectFrom('linked')
    .innerJoinLateral((eb) => eb.selectFrom('persons as p').select([...SUMMARY_COLUMNS, 'p.first_name_lower', 'p.last_name_lower'])
      .whereRef('p.id', '=', 'linked.person_id').offset(0).as('p'), (join) => join.onTrue())
    .select([...SUMMARY_COLUMNS, sql<string>`count(*) over ()`.as('total')]);
  // A unit in the person scope needs no second look: its links are what the scope is made of.
  if (!scopeUnitIds.includes(unitId)) query = query.where(isPersonInScope('p.id', scopeUnitIds));
  if (filter) query = query.where(matchesPersonFilter(filter));
  for (const key of NAME_ORDER) query = query.orderBy(key);
  const rows = await query.offset(offset).limit(limit).execute();
  if (rows.length > 0 || offset === 0) return { persons: rows.map(toSummary), total: Number(rows[0]?.total ?? 0) };
  // Past the last page: nothing to show, but the total still tells the reader where the end is.
  const counted = await query.clearSelect().clearOrderBy().select((eb) => eb.fn.countAll<string>().as('n')).executeTakeFirstOrThrow();
  return { persons: [], total: Number(counted.n) };
}

/**
 * How far back "recently opened" looks: the user's latest reads, not all of five years' worth,
 * so the cost stays flat however long someone has worked here.
 */
const READ_WINDOW = 500;

/** Persons the user opened lately (person.read in the audit log), still in scope, newest first. */
export async function listRecentlyOpened(trx: Trx, userId: string, scopeUnitIds: readonly string[], limit: number): Promise<(PersonSummary & { lastOpenedAt: Date })[]> {
  const rows = await trx
    .with('reads', (db) => db.selectFrom('audit_events').select(['person_id', 'occurred_at'])
      .where('user_id', '=', userId).where('action', '=', 'person.read').where('person_id', 'is not', null)
      .orderBy('occurred_at', 'desc').limit(READ_WINDOW))
    .with('latest', (db) => db.selectFrom('reads').select(['person_id', (eb) => eb.fn.max('occurred_at').as('last_opened_at')]).groupBy('person_id'))
    .selectFrom('latest')
    .innerJoin('persons as p', 'p.id', 'latest.person_id')
    .select([...SUMMARY_COLUMNS, 'latest.last_opened_at'])
    .where(isPersonInScope('p.id', scopeUnitIds))
    .orderBy('latest.last_opened_at', 'desc').orderBy('p.id')
    .limit(limit)
    .execute();
  return rows.map((row) => ({ ...toSummary(row), lastOpenedAt: row.last_opened_at }));
}
