/**
 * SQL for "Mina enheter" and "Senast öppnade". Every query that returns persons keeps to the
 * actor's person scope (isPersonInScope), whatever unit it is asked about; row-level security
 * adds the tenant.
 */
import { sql, type Expression, type RawBuilder, type SqlBool } from 'kysely';
import type { Trx } from '../../platform/db/tenant.ts';
import { isLinkCurrent, isPersonInScope, linkNameOrder } from '../../platform/access/person-scope.ts';
import type { PersonSearch } from '../../../domain/person-search.ts';
import type { ServiceAreaCode, UnitKind } from '../../../domain/organisation.ts';
import type { DeskOverview } from '../../../contract/desk.ts';
import type { PersonSummary } from '../persons/index.ts';

export type DeskUnit = DeskOverview['units'][number];
export type PersonFilter = Exclude<PersonSearch, { kind: 'invalid' }>;

export const SUMMARY_COLUMNS = [
  'p.id',
  'p.identity_number',
  'p.first_name',
  'p.last_name',
  'p.protected_identity',
  'p.birth_date',
  'p.sex',
  'p.deceased_date',
] as const;

export interface SummaryRow {
  id: string;
  identity_number: string;
  first_name: string;
  last_name: string;
  protected_identity: boolean;
  birth_date: string;
  sex: string;
  deceased_date: string | null;
}

export function toSummary(row: SummaryRow): PersonSummary {
  return {
    id: row.id,
    identityNumber: row.identity_number,
    firstName: row.first_name,
    lastName: row.last_name,
    protectedIdentity: row.protected_identity,
    birthDate: row.birth_date,
    sex: row.sex as PersonSummary['sex'],
    deceasedDate: row.deceased_date,
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
export async function listDeskUnits(
  trx: Trx,
  unitIds: readonly string[],
  scopeUnitIds: readonly string[],
): Promise<DeskUnit[]> {
  if (unitIds.length === 0) return [];
  const rows = await trx
    .selectFrom('units as u')
    .innerJoin('person_unit_links as l', (join) =>
      join.onRef('l.municipality_id', '=', 'u.municipality_id').onRef('l.unit_id', '=', 'u.id'),
    )
    .select([
      'u.id',
      'u.name',
      'u.kind',
      'u.service_area',
      (eb) => eb.fn.count<number>('l.person_id').distinct().as('person_count'),
    ])
    .where('u.id', '=', uuids(unitIds))
    .where(isOngoing('l'))
    .where(isLinkedPersonInScope(scopeUnitIds))
    .groupBy(['u.id', 'u.name', 'u.kind', 'u.service_area'])
    .orderBy(sql`u.name collate "sv-x-icu"`)
    .orderBy('u.id')
    .execute();
  return rows.map((row) => ({
    id: row.id,
    name: row.name,
    kind: row.kind as UnitKind,
    serviceArea: row.service_area as ServiceAreaCode,
    personCount: row.person_count,
  }));
}

/** One unit with its count of ongoing persons in scope (possibly none). */
export async function findDeskUnit(
  trx: Trx,
  unitId: string,
  scopeUnitIds: readonly string[],
): Promise<DeskUnit | undefined> {
  const row = await trx
    .selectFrom('units as u')
    .select([
      'u.id',
      'u.name',
      'u.kind',
      'u.service_area',
      (eb) =>
        eb
          .selectFrom('person_unit_links as l')
          .select((count) => count.fn.count<number>('l.person_id').distinct().as('n'))
          .whereRef('l.unit_id', '=', 'u.id')
          .where(isOngoing('l'))
          .where(isLinkedPersonInScope(scopeUnitIds))
          .as('person_count'),
    ])
    .where('u.id', '=', unitId)
    .executeTakeFirst();
  return (
    row && {
      id: row.id,
      name: row.name,
      kind: row.kind as UnitKind,
      serviceArea: row.service_area as ServiceAreaCode,
      personCount: row.person_count ?? 0,
    }
  );
}

/**
 * Whether a link's person matches a filter typed into a list: the whole number, the start of one,
 * or every name token as the start of a given name or surname. The link's copies of the keys
 * (migration 0026) hold no names for a protected identity, so such a person never matches on name,
 * or the hit would tell that a person of that name exists. Leakproof comparisons only (starts_with,
 * =), as the person search.
 */
function linkMatchesFilter(filter: PersonFilter): RawBuilder<SqlBool> {
  if (filter.kind === 'identityNumber') return sql<SqlBool>`l.identity_number = ${filter.normalized}`;
  if (filter.kind === 'identityPrefix') {
    return sql<SqlBool>`(${sql.join(
      filter.prefixes.map((prefix) => sql`starts_with(l.identity_number, ${prefix})`),
      sql` or `,
    )})`;
  }
  return sql.join(
    filter.tokens.map(
      (token) => sql<SqlBool>`(starts_with(l.first_name_lower, ${token}) or starts_with(l.last_name_lower, ${token}))`,
    ),
    sql` and `,
  );
}

export interface PersonPage {
  persons: PersonSummary[];
  /** Persons matching, on every page. */
  total: number;
}

/**
 * One page of the persons with an ongoing link to the unit or one that ended within
 * RECENT_LINK_DAYS, in desk order (NAME_ORDER). Only the page's persons leave the database, so only
 * they are shown and audited.
 *
 * The unit's links carry their persons' sort keys (migration 0026), so the named persons are a walk
 * of person_unit_links_unit_name_order_idx in order and no step sorts; the protected ones, which
 * come last by number, are a second short list. Sorting the unit's 3,000 persons in Swedish order
 * instead cost 40–60 ms for a deep page (bench/README.md, "provider").
 */
export async function listUnitPersons(
  trx: Trx,
  unitId: string,
  scopeUnitIds: readonly string[],
  filter: PersonFilter | null,
  offset: number,
  limit: number,
): Promise<PersonPage> {
  const conditions = [sql<SqlBool>`l.unit_id = ${unitId}`, isLinkCurrent('l')];
  // A unit in the person scope needs no second look: its links are what the scope is made of.
  if (!scopeUnitIds.includes(unitId)) conditions.push(isPersonInScope('l.person_id', scopeUnitIds));
  if (filter) conditions.push(linkMatchesFilter(filter));
  const matching = sql.join(conditions, sql` and `);
  const counts = await sql<{ named: string; protected: string }>`
    select count(distinct l.person_id) filter (where l.search_last_name is not null) as named,
           count(distinct l.person_id) filter (where l.search_last_name is null) as protected
      from person_unit_links l where ${matching}`.execute(trx);
  const named = Number(counts.rows[0]!.named);
  const total = named + Number(counts.rows[0]!.protected);
  const summary = sql.join(SUMMARY_COLUMNS.map((column) => sql.ref(column)));
  const rows: SummaryRow[] = [];
  if (offset < named) {
    rows.push(
      ...(
        await sql<SummaryRow>`
      select ${summary} from (
        select distinct on (${linkNameOrder('l')}) l.person_id, ${linkNameOrder('l')}
          from person_unit_links l where ${matching} and l.search_last_name is not null
         order by ${linkNameOrder('l')}
         offset ${offset} limit ${limit}) h
      join persons p on p.id = h.person_id
     order by ${linkNameOrder('h')}`.execute(trx)
      ).rows,
    );
  }
  if (rows.length < limit && offset + rows.length < total) {
    rows.push(
      ...(
        await sql<SummaryRow>`
      select ${summary} from (
        select distinct l.person_id, l.identity_number
          from person_unit_links l where ${matching} and l.search_last_name is null
         order by l.identity_number
         offset ${Math.max(0, offset - named)} limit ${limit - rows.length}) h
      join persons p on p.id = h.person_id
     order by h.identity_number`.execute(trx)
      ).rows,
    );
  }
  return { persons: rows.map(toSummary), total };
}

/**
 * How far back "recently opened" looks: the user's latest reads, not all of five years' worth,
 * so the cost stays flat however long someone has worked here.
 */
const READ_WINDOW = 500;

/** Persons the user opened lately (person.read in the audit log), still in scope, newest first. */
export async function listRecentlyOpened(
  trx: Trx,
  userId: string,
  scopeUnitIds: readonly string[],
  limit: number,
): Promise<(PersonSummary & { lastOpenedAt: Date })[]> {
  const rows = await trx
    .with('reads', (db) =>
      db
        .selectFrom('audit_events')
        .select(['person_id', 'occurred_at'])
        .where('user_id', '=', userId)
        .where('action', '=', 'person.read')
        .where('person_id', 'is not', null)
        .orderBy('occurred_at', 'desc')
        .limit(READ_WINDOW),
    )
    .with('latest', (db) =>
      db
        .selectFrom('reads')
        .select(['person_id', (eb) => eb.fn.max('occurred_at').as('last_opened_at')])
        .groupBy('person_id'),
    )
    .selectFrom('latest')
    .innerJoin('persons as p', 'p.id', 'latest.person_id')
    .select([...SUMMARY_COLUMNS, 'latest.last_opened_at'])
    .where(isPersonInScope('p.id', scopeUnitIds))
    .orderBy('latest.last_opened_at', 'desc')
    .orderBy('p.id')
    .limit(limit)
    .execute();
  return rows.map((row) => ({ ...toSummary(row), lastOpenedAt: row.last_opened_at }));
}
