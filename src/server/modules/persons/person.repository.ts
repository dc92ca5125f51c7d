/**
 * All SQL for persons and their addresses. Every read is scoped to the actor's units through
 * isPersonInScope; rows are mapped to domain records here and go no further.
 */
import { sql, type Selectable, type SelectQueryBuilder, type SqlBool } from 'kysely';
import type { Trx } from '../../platform/db/tenant.ts';
import type { PersonTable } from '../../platform/db/schema.ts';
import { isPersonInScope } from '../../platform/access/person-scope.ts';
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

export type PersonSummary = Pick<PersonRecord, 'id' | 'identityNumber' | 'firstName' | 'lastName' | 'protectedIdentity' | 'birthDate' | 'sex' | 'deceasedDate'>;

const SUMMARY_COLUMNS = ['id', 'identity_number', 'first_name', 'last_name', 'protected_identity', 'birth_date', 'sex', 'deceased_date'] as const;

type SummaryRow = Pick<Selectable<PersonTable>, (typeof SUMMARY_COLUMNS)[number]>;

function toSummary(row: SummaryRow): PersonSummary {
  return {
    id: row.id, identityNumber: row.identity_number, firstName: row.first_name, lastName: row.last_name,
    protectedIdentity: row.protected_identity, birthDate: row.birth_date, sex: row.sex as PersonSummary['sex'], deceasedDate: row.deceased_date,
  };
}

/**
 * Persons matching the search within scope, in Swedish name order. Protected identities never
 * match on name, or a hit would tell that a person of that name exists.
 *
 * Under row-level security only leakproof conditions (=, <, starts_with) may use an index, so the
 * search asks with starts_with and plain comparisons, never LIKE or lower() (migration 0005).
 */
export async function searchPersons(trx: Trx, scopeUnitIds: readonly string[], search: Exclude<PersonSearch, { kind: 'invalid' }>, limit: number): Promise<PersonSummary[]> {
  if (search.kind === 'name') return (await searchByName(trx, scopeUnitIds, search.tokens, limit)).map(toSummary);
  const query = trx.selectFrom('persons').select(SUMMARY_COLUMNS).where(isPersonInScope('persons.id', scopeUnitIds))
    .where((eb) => search.kind === 'identityNumber'
      ? eb('identity_number', '=', search.normalized)
      : eb.or(search.prefixes.map((prefix) => sql<SqlBool>`starts_with(identity_number, ${prefix})`)));
  const rows = await inSearchOrder(query).limit(limit).execute();
  return rows.map(toSummary);
}

/** Protected identities last and by number: sorted among the names, their place would hint at the hidden name. */
function inSearchOrder<DB, TB extends keyof DB, O>(query: SelectQueryBuilder<DB, TB, O>): SelectQueryBuilder<DB, TB, O> {
  return query.orderBy(sql`protected_identity`).orderBy(SEARCH_LAST_NAME).orderBy(SEARCH_FIRST_NAME).orderBy(sql`identity_number`);
}

/** The sort keys, written exactly as persons_name_order_idx indexes them. */
const SEARCH_LAST_NAME = sql`(case when protected_identity then null else last_name end) collate "sv-x-icu"`;
const SEARCH_FIRST_NAME = sql`(case when protected_identity then null else first_name end) collate "sv-x-icu"`;

/**
 * Every hit matches the longest token on its surname or on its given name, so the first `limit`
 * hits are the first `limit` of the union of two narrower searches, each cut at `limit`:
 * - by surname: a range of persons_name_order_idx, walked in search order from the token, which stops
 *   after `limit` hits in scope instead of sorting every Andersson. Strings whose lower-case form
 *   starts with the token sort, in the ICU collation, from the token up to the token followed by
 *   U+FFFF (the highest collation weight), so the range holds every match; starts_with then keeps
 *   exactly the matches;
 * - by given name: by prefix of first_name_lower.
 */
async function searchByName(trx: Trx, scopeUnitIds: readonly string[], tokens: readonly string[], limit: number): Promise<SummaryRow[]> {
  const lead = tokens.reduce((longest, token) => (token.length > longest.length ? token : longest));
  const matches = trx.selectFrom('persons').select(SUMMARY_COLUMNS)
    .where(isPersonInScope('persons.id', scopeUnitIds))
    .where('protected_identity', '=', false)
    .where((eb) => eb.and(tokens.filter((token) => token !== lead).map((token) => eb.or([
      sql<SqlBool>`starts_with(first_name_lower, ${token})`,
      sql<SqlBool>`starts_with(last_name_lower, ${token})`,
    ]))));
  const bySurname = matches
    .where(SEARCH_LAST_NAME, '>=', lead)
    .where(SEARCH_LAST_NAME, '<', `${lead}\uFFFF`)
    // coalesce() hides this check from the row estimate: it only repeats the range above, and counted
    // twice the planner expects too few hits to walk the index in order and sorts the range instead.
    .where(sql<SqlBool>`coalesce(starts_with(last_name_lower, ${lead}), false)`);
  const byGivenName = matches.where(sql<SqlBool>`starts_with(first_name_lower, ${lead})`);
  const union = sql<SummaryRow>`(${inSearchOrder(bySurname).limit(limit)} union ${inSearchOrder(byGivenName).limit(limit)})`;
  return inSearchOrder(trx.selectFrom(union.as('hits')).selectAll()).limit(limit).execute();
}

export async function findPersonInScope(trx: Trx, scopeUnitIds: readonly string[], personId: string): Promise<PersonRecord | undefined> {
  const row = await trx.selectFrom('persons').selectAll()
    .where('id', '=', personId)
    .where(isPersonInScope('persons.id', scopeUnitIds))
    .executeTakeFirst();
  return row && {
    id: row.id, identityNumber: row.identity_number, identityKind: row.identity_kind as PersonRecord['identityKind'],
    birthDate: row.birth_date, sex: row.sex as PersonRecord['sex'], firstName: row.first_name, lastName: row.last_name,
    protectedIdentity: row.protected_identity, contactLanguage: row.contact_language, needsInterpreter: row.needs_interpreter,
    maritalStatus: row.marital_status as PersonRecord['maritalStatus'], citizenship: row.citizenship, bornAbroad: row.born_abroad,
    deceasedDate: row.deceased_date, phone: row.phone, mobilePhone: row.mobile_phone, email: row.email,
    doorCode: row.door_code, visitInfo: row.visit_info, importantInfo: row.important_info, version: row.version,
  };
}

/** Municipality-wide, unscoped: only to stop a number being registered twice. */
export async function findPersonIdByIdentityNumber(trx: Trx, identityNumber: string): Promise<string | undefined> {
  const row = await trx.selectFrom('persons').select('id').where('identity_number', '=', identityNumber).executeTakeFirst();
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
  const row = await trx.insertInto('persons').values({
    municipality_id: person.municipalityId, identity_number: person.identityNumber, identity_kind: person.identityKind,
    birth_date: person.birthDate, sex: person.sex, first_name: person.firstName, last_name: person.lastName,
    protected_identity: person.protectedIdentity,
  }).returning('id').executeTakeFirstOrThrow();
  return row.id;
}

export type PersonPatch = Partial<Omit<PersonRecord, 'id' | 'version'>>;

const COLUMN_OF: Record<keyof PersonPatch, keyof PersonTable> = {
  identityNumber: 'identity_number', identityKind: 'identity_kind', birthDate: 'birth_date', sex: 'sex',
  firstName: 'first_name', lastName: 'last_name', protectedIdentity: 'protected_identity', contactLanguage: 'contact_language',
  needsInterpreter: 'needs_interpreter', maritalStatus: 'marital_status', citizenship: 'citizenship', bornAbroad: 'born_abroad',
  deceasedDate: 'deceased_date', phone: 'phone', mobilePhone: 'mobile_phone', email: 'email', doorCode: 'door_code',
  visitInfo: 'visit_info', importantInfo: 'important_info',
};

/** Applies the patch if the version still matches; false means someone else saved first. */
export async function updatePerson(trx: Trx, personId: string, version: number, patch: PersonPatch): Promise<boolean> {
  const values: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(patch)) values[COLUMN_OF[key as keyof PersonPatch]] = value;
  const result = await trx.updateTable('persons')
    .set({ ...values, version: sql`version + 1`, updated_at: sql`now()` })
    .where('id', '=', personId).where('version', '=', version)
    .executeTakeFirst();
  return result.numUpdatedRows > 0n;
}

export async function linkPersonToUnit(trx: Trx, municipalityId: string, personId: string, unitId: string, source: 'registered' | 'case' | 'provider_case', sourceId: string | null = null): Promise<void> {
  const existing = await trx.selectFrom('person_unit_links').select('id')
    .where('person_id', '=', personId).where('unit_id', '=', unitId).where('source', '=', source)
    .where('valid_to', 'is', null).executeTakeFirst();
  if (existing) return;
  await trx.insertInto('person_unit_links').values({ municipality_id: municipalityId, person_id: personId, unit_id: unitId, source, source_id: sourceId }).execute();
}

export async function findCurrentAddress(trx: Trx, personId: string): Promise<Address | undefined> {
  const row = await trx.selectFrom('person_addresses').selectAll()
    .where('person_id', '=', personId).where('valid_from', '<=', sql<string>`current_date`)
    .orderBy('valid_from', 'desc').limit(1).executeTakeFirst();
  return row && toAddress(row);
}

export async function listAddresses(trx: Trx, personId: string): Promise<Address[]> {
  const rows = await trx.selectFrom('person_addresses').selectAll().where('person_id', '=', personId).orderBy('valid_from', 'desc').execute();
  return rows.map(toAddress);
}

export async function insertAddress(trx: Trx, municipalityId: string, personId: string, address: NewAddress): Promise<string> {
  const row = await trx.insertInto('person_addresses').values({
    municipality_id: municipalityId, person_id: personId, street: address.street, care_of: address.careOf,
    postal_code: address.postalCode.replace(/^(\d{3}) ?(\d{2})$/, '$1 $2'), city: address.city, valid_from: address.validFrom,
  }).returning('id').executeTakeFirstOrThrow();
  return row.id;
}

function toAddress(row: { id: string; street: string; care_of: string | null; postal_code: string; city: string; valid_from: string }): Address {
  return { id: row.id, street: row.street, careOf: row.care_of, postalCode: row.postal_code, city: row.city, validFrom: row.valid_from };
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
  const rows = await trx.selectFrom('audit_events as a')
    .leftJoin('users as u', (join) => join.onRef('u.municipality_id', '=', 'a.municipality_id').onRef('u.id', '=', 'a.user_id'))
    .leftJoin('positions as p', (join) => join.onRef('p.municipality_id', '=', 'a.municipality_id').onRef('p.id', '=', 'a.position_id'))
    .leftJoin('units as un', (join) => join.onRef('un.municipality_id', '=', 'a.municipality_id').onRef('un.id', '=', 'a.unit_id'))
    .select(['a.id', 'a.occurred_at', 'u.display_name', 'p.title', 'un.name', 'a.action', 'a.details'])
    .where('a.person_id', '=', personId)
    .orderBy('a.occurred_at', 'desc').limit(limit)
    .execute();
  return rows.map((row) => {
    const details = (row.details ?? {}) as { section?: unknown; reason?: unknown };
    return {
      id: row.id, occurredAt: row.occurred_at, userName: row.display_name ?? 'Systemet', positionTitle: row.title, unitName: row.name, action: row.action,
      section: typeof details.section === 'string' ? details.section : null,
      reason: typeof details.reason === 'string' ? details.reason : null,
    };
  });
}
