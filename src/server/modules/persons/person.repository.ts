/**
 * All SQL for persons and their addresses. Every read is scoped to the actor's units through
 * isPersonInScope; rows are mapped to domain records here and go no further.
 */
import { sql, type RawBuilder, type Selectable, type SelectQueryBuilder, type SqlBool } from 'kysely';
import type { Trx } from '../../platform/db/tenant.ts';
import type { PersonTable } from '../../platform/db/schema.ts';
import { isLinkCurrent, isPersonInScope, linkNameOrder } from '../../platform/access/person-scope.ts';
import type { PersonSearch } from '../../../domain/person-search.ts';
import type { Address, NewAddress } from '../../../contract/persons.ts';

export interface PersonRecord {
  id: string;
  identityNumber: string;
  identityKind: 'personnummer' | 'samordningsnummer' | 'interim' | 'reserve';
  birthDate: string;
  sex: 'male' | 'female';
  firstName: string;
  lastName: string;
  protectedIdentity: boolean;
  contactLanguage: string | null;
  needsInterpreter: boolean;
  maritalStatus: 'unmarried' | 'married' | 'registered_partner' | 'divorced' | 'widowed' | 'cohabiting' | null;
  citizenship: string | null;
  bornAbroad: boolean | null;
  deceasedDate: string | null;
  phone: string | null;
  mobilePhone: string | null;
  email: string | null;
  doorCode: string | null;
  visitInfo: string | null;
  importantInfo: string | null;
  version: number;
}

export type PersonSummary = Pick<
  PersonRecord,
  'id' | 'identityNumber' | 'firstName' | 'lastName' | 'protectedIdentity' | 'birthDate' | 'sex' | 'deceasedDate'
>;

const SUMMARY_COLUMNS = [
  'id',
  'identity_number',
  'first_name',
  'last_name',
  'protected_identity',
  'birth_date',
  'sex',
  'deceased_date',
] as const;

type SummaryRow = Pick<Selectable<PersonTable>, (typeof SUMMARY_COLUMNS)[number]>;

function toSummary(row: SummaryRow): PersonSummary {
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
 * Persons matching the search within scope, in Swedish name order. Protected identities never
 * match on name, or a hit would tell that a person of that name exists.
 *
 * Under row-level security only leakproof conditions (=, <, starts_with) may use an index, so the
 * search asks with starts_with and plain comparisons, never LIKE or lower() (migration 0005).
 */
export async function searchPersons(
  trx: Trx,
  scopeUnitIds: readonly string[],
  search: Exclude<PersonSearch, { kind: 'invalid' }>,
  limit: number,
): Promise<PersonSummary[]> {
  if (search.kind === 'name') return (await searchByName(trx, scopeUnitIds, search.tokens, limit)).map(toSummary);
  const query = trx
    .selectFrom('persons')
    .select(SUMMARY_COLUMNS)
    .where(isPersonInScope('persons.id', scopeUnitIds))
    .where((eb) =>
      search.kind === 'identityNumber'
        ? eb('identity_number', '=', search.normalized)
        : eb.or(search.prefixes.map((prefix) => sql<SqlBool>`starts_with(identity_number, ${prefix})`)),
    );
  const rows = await inSearchOrder(query).limit(limit).execute();
  return rows.map(toSummary);
}

/** Protected identities last and by number: sorted among the names, their place would hint at the hidden name. */
function inSearchOrder<DB, TB extends keyof DB, O>(
  query: SelectQueryBuilder<DB, TB, O>,
): SelectQueryBuilder<DB, TB, O> {
  return query
    .orderBy(sql`protected_identity`)
    .orderBy(SEARCH_LAST_NAME)
    .orderBy(SEARCH_FIRST_NAME)
    .orderBy(sql`identity_number`);
}

/** The sort keys, written exactly as persons_name_order_idx indexes them. */
const SEARCH_LAST_NAME = sql`(case when protected_identity then null else last_name end) collate "sv-x-icu"`;
const SEARCH_FIRST_NAME = sql`(case when protected_identity then null else first_name end) collate "sv-x-icu"`;

/**
 * Every hit matches the longest token on its surname or on its given name, so the first `limit`
 * hits are the first `limit` of two narrower searches merged, each cut at `limit`. Both read the
 * scope's links to units, which carry copies of their person's search keys (migration 0026), in
 * search order, and stop after `limit` persons; no step sorts:
 * - by surname: from the token up to the token followed by U+FFFF. Strings whose lower-case form
 *   starts with the token sort, in the ICU collation, within that range (U+FFFF has the highest
 *   collation weight); starts_with then keeps exactly the matches;
 * - by given name: the links whose given names start with the token's first two or three letters,
 *   which the indexes hold in search order; starts_with keeps the matches. A one-letter token has no
 *   such group and filters the surname order instead.
 * A person linked to the scope twice, or matching both ways, appears once: distinct on the sort keys,
 * which end with the identity number. Protected identities have no name keys on their links, so
 * they never match.
 */
async function searchByName(
  trx: Trx,
  scopeUnitIds: readonly string[],
  tokens: readonly string[],
  limit: number,
): Promise<SummaryRow[]> {
  if (scopeUnitIds.length === 0) return [];
  const lead = tokens.reduce((longest, token) => (token.length > longest.length ? token : longest));
  const others = tokens
    .filter((token) => token !== lead)
    .map((token) => sql`and (starts_with(l.first_name_lower, ${token}) or starts_with(l.last_name_lower, ${token}))`);
  // Written as one SQL text, not built: the builder allocated about 70 KB a search (bench/README.md).
  const branch = (match: RawBuilder<SqlBool>) => sql`(
    select distinct on (${linkNameOrder('l')}) l.person_id, ${linkNameOrder('l')}
      from person_unit_links l
     where ${isLinkToScope(scopeUnitIds)} and ${isLinkCurrent('l')} and ${match} ${sql.join(others, sql` `)}
     order by ${linkNameOrder('l')}
     limit ${limit})`;
  const bySurname = branch(sql`l.search_last_name >= ${lead} and l.search_last_name < ${`${lead}\uFFFF`}
    and coalesce(starts_with(l.last_name_lower, ${lead}), false)`);
  const byGivenName = branch(sql`${givenNameGroup(lead)} and starts_with(l.first_name_lower, ${lead})`);
  // union all, then distinct on: the planner merges the two ordered branches instead of sorting.
  const result = await sql<SummaryRow>`
    select ${sql.join(SUMMARY_COLUMNS.map((column) => sql.ref(`p.${column}`)))}
      from (select distinct on (${linkNameOrder('b')}) b.*
              from (${bySurname} union all ${byGivenName}) b
             order by ${linkNameOrder('b')}
             limit ${limit}) h
      join persons p on p.id = h.person_id
     order by ${linkNameOrder('h')}
     limit ${limit}`.execute(trx);
  return result.rows;
}

/** The group of links whose given names may start with the token, by its first letters (see above). */
function givenNameGroup(token: string): RawBuilder<SqlBool> {
  const letters = [...token].length;
  if (letters >= 3) return sql<SqlBool>`l.first_name_prefix3 = left(${token}, 3)`;
  if (letters === 2) return sql<SqlBool>`l.first_name_prefix2 = ${token}`;
  return sql<SqlBool>`true`;
}

/**
 * One unit reads its own links in order (the unit-first indexes). Several walk the whole
 * municipality's order and check the unit in the index: coalesce() keeps the planner from reading
 * each unit's range and sorting them, which it costs too cheaply (a Swedish-order comparison costs
 * far more than it assumes; 30 ms for 'an' in 65,000 persons).
 */
function isLinkToScope(scopeUnitIds: readonly string[]): RawBuilder<SqlBool> {
  return scopeUnitIds.length === 1
    ? sql<SqlBool>`l.unit_id = ${scopeUnitIds[0]}`
    : sql<SqlBool>`coalesce(l.unit_id = any(${[...scopeUnitIds]}::uuid[]), false)`;
}

export async function findPersonInScope(
  trx: Trx,
  scopeUnitIds: readonly string[],
  personId: string,
): Promise<PersonRecord | undefined> {
  const row = await trx
    .selectFrom('persons')
    .selectAll()
    .where('id', '=', personId)
    .where(isPersonInScope('persons.id', scopeUnitIds))
    .executeTakeFirst();
  return (
    row && {
      id: row.id,
      identityNumber: row.identity_number,
      identityKind: row.identity_kind as PersonRecord['identityKind'],
      birthDate: row.birth_date,
      sex: row.sex as PersonRecord['sex'],
      firstName: row.first_name,
      lastName: row.last_name,
      protectedIdentity: row.protected_identity,
      contactLanguage: row.contact_language,
      needsInterpreter: row.needs_interpreter,
      maritalStatus: row.marital_status as PersonRecord['maritalStatus'],
      citizenship: row.citizenship,
      bornAbroad: row.born_abroad,
      deceasedDate: row.deceased_date,
      phone: row.phone,
      mobilePhone: row.mobile_phone,
      email: row.email,
      doorCode: row.door_code,
      visitInfo: row.visit_info,
      importantInfo: row.important_info,
      version: row.version,
    }
  );
}

/** Municipality-wide, unscoped: only to stop a number being registered twice. */
export async function findPersonIdByIdentityNumber(trx: Trx, identityNumber: string): Promise<string | undefined> {
  const row = await trx
    .selectFrom('persons')
    .select('id')
    .where('identity_number', '=', identityNumber)
    .executeTakeFirst();
  return row?.id;
}

export interface NewPerson {
  municipalityId: string;
  identityNumber: string;
  identityKind: string;
  birthDate: string;
  sex: string;
  firstName: string;
  lastName: string;
  protectedIdentity: boolean;
}

export async function insertPerson(trx: Trx, person: NewPerson): Promise<string> {
  const row = await trx
    .insertInto('persons')
    .values({
      municipality_id: person.municipalityId,
      identity_number: person.identityNumber,
      identity_kind: person.identityKind,
      birth_date: person.birthDate,
      sex: person.sex,
      first_name: person.firstName,
      last_name: person.lastName,
      protected_identity: person.protectedIdentity,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  return row.id;
}

export type PersonPatch = Partial<Omit<PersonRecord, 'id' | 'version'>>;

const COLUMN_OF: Record<keyof PersonPatch, keyof PersonTable> = {
  identityNumber: 'identity_number',
  identityKind: 'identity_kind',
  birthDate: 'birth_date',
  sex: 'sex',
  firstName: 'first_name',
  lastName: 'last_name',
  protectedIdentity: 'protected_identity',
  contactLanguage: 'contact_language',
  needsInterpreter: 'needs_interpreter',
  maritalStatus: 'marital_status',
  citizenship: 'citizenship',
  bornAbroad: 'born_abroad',
  deceasedDate: 'deceased_date',
  phone: 'phone',
  mobilePhone: 'mobile_phone',
  email: 'email',
  doorCode: 'door_code',
  visitInfo: 'visit_info',
  importantInfo: 'important_info',
};

/** Applies the patch if the version still matches; false means someone else saved first. */
export async function updatePerson(trx: Trx, personId: string, version: number, patch: PersonPatch): Promise<boolean> {
  const values: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(patch)) values[COLUMN_OF[key as keyof PersonPatch]] = value;
  const result = await trx
    .updateTable('persons')
    .set({ ...values, version: sql`version + 1`, updated_at: sql`now()` })
    .where('id', '=', personId)
    .where('version', '=', version)
    .executeTakeFirst();
  return result.numUpdatedRows > 0n;
}

export async function linkPersonToUnit(
  trx: Trx,
  municipalityId: string,
  personId: string,
  unitId: string,
  source: 'registered' | 'case' | 'provider_case',
  sourceId: string | null = null,
): Promise<void> {
  const existing = await trx
    .selectFrom('person_unit_links')
    .select('id')
    .where('person_id', '=', personId)
    .where('unit_id', '=', unitId)
    .where('source', '=', source)
    .where('valid_to', 'is', null)
    .executeTakeFirst();
  if (existing) return;
  await trx
    .insertInto('person_unit_links')
    .values({ municipality_id: municipalityId, person_id: personId, unit_id: unitId, source, source_id: sourceId })
    .execute();
}

export async function findCurrentAddress(trx: Trx, personId: string): Promise<Address | undefined> {
  const row = await trx
    .selectFrom('person_addresses')
    .selectAll()
    .where('person_id', '=', personId)
    .where('valid_from', '<=', sql<string>`current_date`)
    .orderBy('valid_from', 'desc')
    .limit(1)
    .executeTakeFirst();
  return row && toAddress(row);
}

export async function listAddresses(trx: Trx, personId: string): Promise<Address[]> {
  const rows = await trx
    .selectFrom('person_addresses')
    .selectAll()
    .where('person_id', '=', personId)
    .orderBy('valid_from', 'desc')
    .execute();
  return rows.map(toAddress);
}

export async function insertAddress(
  trx: Trx,
  municipalityId: string,
  personId: string,
  address: NewAddress,
): Promise<string> {
  const row = await trx
    .insertInto('person_addresses')
    .values({
      municipality_id: municipalityId,
      person_id: personId,
      street: address.street,
      care_of: address.careOf,
      postal_code: address.postalCode.replace(/^(\d{3}) ?(\d{2})$/, '$1 $2'),
      city: address.city,
      valid_from: address.validFrom,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  return row.id;
}

function toAddress(row: {
  id: string;
  street: string;
  care_of: string | null;
  postal_code: string;
  city: string;
  valid_from: string;
}): Address {
  return {
    id: row.id,
    street: row.street,
    careOf: row.care_of,
    postalCode: row.postal_code,
    city: row.city,
    validFrom: row.valid_from,
  };
}

export interface AccessLogRow {
  id: number;
  occurredAt: Date;
  userName: string;
  positionTitle: string | null;
  unitName: string | null;
  action: string;
  section: string | null;
  reason: string | null;
}

/** Who read or changed the person, newest first. */
export async function listPersonAccessLog(trx: Trx, personId: string, limit: number): Promise<AccessLogRow[]> {
  const rows = await trx
    .selectFrom('audit_events as a')
    .leftJoin('users as u', (join) =>
      join.onRef('u.municipality_id', '=', 'a.municipality_id').onRef('u.id', '=', 'a.user_id'),
    )
    .leftJoin('positions as p', (join) =>
      join.onRef('p.municipality_id', '=', 'a.municipality_id').onRef('p.id', '=', 'a.position_id'),
    )
    .leftJoin('units as un', (join) =>
      join.onRef('un.municipality_id', '=', 'a.municipality_id').onRef('un.id', '=', 'a.unit_id'),
    )
    .select(['a.id', 'a.occurred_at', 'u.display_name', 'p.title', 'un.name', 'a.action', 'a.details'])
    .where('a.person_id', '=', personId)
    .orderBy('a.occurred_at', 'desc')
    .limit(limit)
    .execute();
  return rows.map((row) => {
    const details = (row.details ?? {}) as { section?: unknown; reason?: unknown };
    return {
      id: row.id,
      occurredAt: row.occurred_at,
      userName: row.display_name ?? 'Systemet',
      positionTitle: row.title,
      unitName: row.name,
      action: row.action,
      section: typeof details.section === 'string' ? details.section : null,
      reason: typeof details.reason === 'string' ? details.reason : null,
    };
  });
}
