/**
 * Storkommun, the large generated municipality that benchmarks run on: the organisation, a user
 * per benchmark role and 100,000 persons with addresses and unit links. Idempotent: when a
 * municipality with the code 'storkommun' exists it is reused as it is, so only the first run
 * pays for generation. Everything is written in one transaction, so an interrupted run leaves nothing.
 */
import { sql } from 'kysely';
import { hashPassword } from '../../src/server/platform/auth/password.ts';
import { createMunicipality, createOrganisation, createUser, type OwnerDb } from '../lib/builders.ts';
import { seededRandom } from '../lib/random.ts';
import { STORKOMMUN_ORGANISATION } from './organisation.ts';
import { LARGE_PASSWORD, LARGE_USERS, type LargeUserKey } from './users.ts';
import { generateLargePersons } from './persons.ts';
import { insertLargePersons } from './insert.ts';
import { ensureLargeAssignments } from './assignments.ts';
import { ensureLargeProviderCases } from './provider-cases.ts';
import { ensureLargeCaseLoad } from './case-load.ts';

export const LARGE_CODE = 'storkommun';
export const LARGE_NAME = 'Storkommun';
const SEED = 20_261_201;

export interface LargeMunicipality {
  municipalityId: string;
  /** Unit ids by name. */
  unitIds: ReadonlyMap<string, string>;
  users: Record<LargeUserKey, { username: string; password: string; unitId: string }>;
  /** True when this call generated it; false when it was already there. */
  isNew: boolean;
  /** Milliseconds spent generating, 0 when reused. */
  generationMs: number;
}

/** Storkommun, then each area's own load on top of it (each part idempotent by itself). */
export async function ensureLargeMunicipality(
  db: OwnerDb,
  log: (line: string) => void = () => undefined,
): Promise<LargeMunicipality> {
  const large = await ensureLargeBase(db, log);
  await ensureLargeAssignments(db, large, log);
  await ensureLargeProviderCases(db, large, log);
  await ensureLargeCaseLoad(db, large, log);
  return large;
}

async function ensureLargeBase(db: OwnerDb, log: (line: string) => void): Promise<LargeMunicipality> {
  const existing = await db.selectFrom('municipalities').select('id').where('code', '=', LARGE_CODE).executeTakeFirst();
  if (existing) return describe(db, existing.id, false, 0);

  log(`Generating ${LARGE_NAME} (100,000 persons) …`);
  const started = performance.now();
  const municipalityId = await db.transaction().execute(async (trx) => {
    const id = await createMunicipality(trx, LARGE_CODE, LARGE_NAME);
    const unitIds = await createOrganisation(trx, id, STORKOMMUN_ORGANISATION);
    const passwordHash = await hashPassword(LARGE_PASSWORD);
    for (const user of Object.values(LARGE_USERS)) {
      const unitId = unitIds.get(user.unit);
      if (!unitId) throw new Error(`Large municipality has no unit named ${user.unit}`);
      await createUser(trx, id, passwordHash, {
        username: user.username,
        displayName: user.displayName,
        positions: [{ unitId, title: user.title, roles: user.roles }],
      });
    }
    const persons = generateLargePersons(seededRandom(SEED), new Date());
    await insertLargePersons(trx, id, persons, unitIds);
    return id;
  });
  // Fresh statistics and visibility map, as autovacuum would leave them on a running system.
  await sql`vacuum (analyze) persons, person_addresses, person_unit_links`.execute(db);
  // Every other table it wrote as well (units, catalogues, acknowledgements): without statistics the planner
  // guesses, and on a PostgreSQL with autovacuum off (this machine's) it goes on guessing (bench/README.md).
  await sql`analyze`.execute(db);
  const generationMs = performance.now() - started;
  log(`Generated ${LARGE_NAME} in ${(generationMs / 1000).toFixed(1)} s.`);
  return describe(db, municipalityId, true, generationMs);
}

async function describe(
  db: OwnerDb,
  municipalityId: string,
  isNew: boolean,
  generationMs: number,
): Promise<LargeMunicipality> {
  const units = await db
    .selectFrom('units')
    .select(['id', 'name'])
    .where('municipality_id', '=', municipalityId)
    .execute();
  const unitIds = new Map(units.map((unit) => [unit.name, unit.id]));
  const users = Object.fromEntries(
    Object.entries(LARGE_USERS).map(([key, user]) => {
      const unitId = unitIds.get(user.unit);
      if (!unitId)
        throw new Error(
          `${LARGE_NAME} has no unit named ${user.unit}; drop the benchmark database to generate it again.`,
        );
      return [key, { username: user.username, password: LARGE_PASSWORD, unitId }];
    }),
  ) as LargeMunicipality['users'];
  return { municipalityId, unitIds, users, isNew, generationMs };
}
