/**
 * Person search over HTTP (GET /api/persons?q=…), the way the search box calls it, on Storkommun's
 * 100,000 persons. Two scopes: an ÄO case officer, who sees every ÄO authority unit's persons
 * (about 65,000), and care staff of Hemtjänst Centrum (about 3,000). Every hit writes its audit
 * row, as in production, so that cost is in the figures.
 */
import { sql } from 'kysely';
import type { BenchContext } from './lib/context.ts';
import type { LargeUserKey } from '../seeds/large/users.ts';
import { RECENT_LINK_DAYS } from '../src/domain/access.ts';

export const name = 'person-search';
export const description =
  'GET /api/persons on 100,000 persons, per scope: whole personnummer, 8-digit birth date, name prefixes';
export const targetP95Ms = 20;

/**
 * Name searches: common prefixes (many hits, first and last names), the commonest whole surname
 * (matches no given name, so that branch reads all of 'and'), two tokens, and rare names.
 */
const NAME_SEARCHES = ['an', 'jo', 'lind', 'andersson', 'anna and', 'åkesson', 'moira mus'];

const SCOPES: { label: string; user: LargeUserKey }[] = [
  { label: 'ÄO case officer', user: 'aoCaseOfficer' },
  { label: 'care staff', user: 'homeCareStaff' },
];

export async function run(context: BenchContext): Promise<void> {
  for (const scope of SCOPES) {
    const client = await context.signIn(scope.user);
    const session = await client.get('/api/session');
    const unitIds = await scopeUnitIds(context, scope.user);
    const inScope = await samplePersonsInScope(context, unitIds, 300);
    const testNumbers = inScope.filter((person) => person.identity_kind === 'personnummer').length;
    context.log(
      `${scope.label} (${session.body.user.username}): ${(await countInScope(context, unitIds)).toLocaleString('en')} persons in scope; ` +
        `number searches use ${testNumbers} test personnummer and ${inScope.length - testNumbers} reserve numbers`,
    );

    const search = async (q: string) => {
      const response = await client.get(`/api/persons?q=${encodeURIComponent(q)}`);
      if (response.status !== 200)
        throw new Error(`Search "${q}" answered ${response.status}: ${JSON.stringify(response.body)}`);
      return response.body.hits.length as number;
    };
    // A different person on each call, so the number cases are not one cached lookup.
    const rotating = (values: readonly string[]) => {
      let next = 0;
      return () => search(values[next++ % values.length]!);
    };

    await context.measure(
      `${scope.label}: whole personnummer`,
      rotating(inScope.map((person) => person.identity_number)),
    );
    await context.measure(
      `${scope.label}: birth date (8 digits)`,
      rotating(inScope.map((person) => person.identity_number.slice(0, 8))),
    );
    for (const text of NAME_SEARCHES) await context.measure(`${scope.label}: name '${text}'`, () => search(text));
  }
}

/** The units whose persons the user sees, the same rule the app applies (domain/access.ts). */
async function scopeUnitIds(context: BenchContext, user: LargeUserKey): Promise<string[]> {
  const { unitId } = context.large.users[user];
  if (user !== 'aoCaseOfficer') return [unitId];
  const rows = await context.ownerDb
    .selectFrom('units')
    .select('id')
    .where('municipality_id', '=', context.large.municipalityId)
    .where('service_area', '=', 'AO')
    .where('kind', '=', 'authority_unit')
    .execute();
  return rows.map((row) => row.id);
}

const inScopeLink = (unitIds: readonly string[]) => sql<boolean>`exists (
  select 1 from person_unit_links l where l.municipality_id = persons.municipality_id and l.person_id = persons.id
     and l.unit_id = any(${unitIds}::uuid[]) and (l.valid_to is null or l.valid_to >= current_date - ${RECENT_LINK_DAYS}::int))`;

/**
 * A repeatable spread of persons in scope (ordered by a hash of the number) as inputs for the number
 * searches: test personnummer first, then reserve numbers where the scope has too few (same query).
 */
async function samplePersonsInScope(context: BenchContext, unitIds: readonly string[], count: number) {
  return context.ownerDb
    .selectFrom('persons')
    .select(['identity_number', 'identity_kind'])
    .where('municipality_id', '=', context.large.municipalityId)
    .where(inScopeLink(unitIds))
    .orderBy(sql`identity_kind <> 'personnummer'`)
    .orderBy(sql`md5(identity_number)`)
    .limit(count)
    .execute();
}

async function countInScope(context: BenchContext, unitIds: readonly string[]): Promise<number> {
  const row = await context.ownerDb
    .selectFrom('persons')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .where('municipality_id', '=', context.large.municipalityId)
    .where(inScopeLink(unitIds))
    .executeTakeFirstOrThrow();
  return row.n;
}
