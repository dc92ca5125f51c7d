/**
 * The demo municipality, Exempelkommun: seeded when the database has no municipality at all,
 * and again by `npm run db:reset`. Persons use Skatteverket's test numbers only.
 */
import { createDb } from '../../src/server/platform/db/database.ts';
import { hashPassword } from '../../src/server/platform/auth/password.ts';
import {
  createMunicipality,
  createOrganisation,
  createPersons,
  createUser,
  type OwnerDb,
  type PersonSpec,
} from '../lib/builders.ts';
import { FEMALE_NAMES, LAST_NAMES, MALE_NAMES, STREETS } from '../lib/names.ts';
import { pick, seededRandom } from '../lib/random.ts';
import { testNumbersBornBetween } from '../lib/test-numbers.ts';
import { DEMO_ORGANISATION } from './organisation.ts';
import { DEMO_USERS } from './users.ts';
import { createDemoSendLists } from './send-lists.ts';
import { createCatalogue } from '../lib/catalogue.ts';
import { DEMO_CATALOGUE } from './catalogues.ts';
import { createDemoCasework } from './casework.ts';
import type { Trx } from '../../src/server/platform/db/tenant.ts';

export const DEMO_CODE = 'exempelkommun';
export const DEMO_NAME = 'Exempelkommun';
export const DEMO_PASSWORD = 'vardag-demo';

export interface DemoInfo {
  municipalityName: string;
  users: { username: string; description: string }[];
}

/** Seeds the demo on an empty database; returns the demo logins whenever the demo exists. */
export async function seedDemoIfEmpty(ownerUrl: string): Promise<DemoInfo | undefined> {
  const db = createDb({ connectionString: ownerUrl, max: 2 });
  try {
    const count = await db
      .selectFrom('municipalities')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .executeTakeFirstOrThrow();
    if (count.n === 0) await seedDemo(db);
    const demo = await db.selectFrom('municipalities').select('id').where('code', '=', DEMO_CODE).executeTakeFirst();
    return (
      demo && {
        municipalityName: DEMO_NAME,
        users: DEMO_USERS.map(({ username, description }) => ({ username, description })),
      }
    );
  } finally {
    await db.destroy();
  }
}

/** Seeds the demo in one transaction: its own, or the caller's (a test that rolls it back). */
export async function seedDemo(db: OwnerDb): Promise<void> {
  if (db.isTransaction) return seedDemoIn(db as Trx);
  return db.transaction().execute(seedDemoIn);
}

async function seedDemoIn(trx: Trx): Promise<void> {
  const municipalityId = await createMunicipality(trx, DEMO_CODE, DEMO_NAME);
  const units = await createOrganisation(trx, municipalityId, DEMO_ORGANISATION);
  const unit = (name: string) => {
    const id = units.get(name);
    if (!id) throw new Error(`Demo unit missing: ${name}`);
    return id;
  };
  const passwordHash = await hashPassword(DEMO_PASSWORD);
  const userIds = new Map<string, string>();
  for (const user of DEMO_USERS) {
    const created = await createUser(trx, municipalityId, passwordHash, {
      username: user.username,
      displayName: user.displayName,
      positions: user.positions.map((position) => ({
        unitId: unit(position.unit),
        title: position.title,
        roles: position.roles,
      })),
    });
    userIds.set(user.username, created.id);
  }
  const userId = (username: string) => {
    const id = userIds.get(username);
    if (!id) throw new Error(`Demo user missing: ${username}`);
    return id;
  };
  await createPersons(trx, municipalityId, demoPersons(unit));
  await createDemoSendLists(trx, municipalityId, unit);
  const catalogue = await createCatalogue(trx, municipalityId, DEMO_CATALOGUE);
  await createDemoCasework(trx, { municipalityId, unit, userId, catalogue });
}

/**
 * About three hundred persons: elderly in ÄO (many also at a home-care unit), adults in FH and
 * LSS, younger people in IFO; two with protected identity, one with a reserve number.
 */
function demoPersons(unit: (name: string) => string): PersonSpec[] {
  const random = seededRandom(20261123);
  const persons: PersonSpec[] = [];
  const add = (numbers: string[], count: number, authority: string, providers: string[]) => {
    for (const digits of numbers
      .filter((_, index) => index % Math.max(1, Math.floor(numbers.length / count)) === 0)
      .slice(0, count)) {
      const isFemale = Number(digits[10]) % 2 === 0;
      const providerUnits = random() < 0.6 ? [unit(pick(random, providers))] : [];
      persons.push({
        identityNumber: digits,
        firstName: pick(random, isFemale ? FEMALE_NAMES : MALE_NAMES),
        lastName: pick(random, LAST_NAMES),
        address: {
          street: `${pick(random, STREETS)} ${1 + Math.floor(random() * 60)}`,
          postalCode: `${123 + Math.floor(random() * 5)} ${10 + Math.floor(random() * 80)}`,
          city: 'Exempelstad',
          validFrom: '2015-03-01',
        },
        unitIds: [unit(authority), ...providerUnits],
      });
    }
  };
  add(testNumbersBornBetween(1925, 1950), 160, 'Äldreomsorgens myndighetsenhet', [
    'Blandaren htj ute',
    'Blandaren htj inne',
    'Hallonbergen htj',
    'Nattpatrullen',
    'Allégården dagverksamhet',
    'Omsorgsbolaget Hemtjänst Centrum',
  ]);
  add(testNumbersBornBetween(1960, 1985), 40, 'Funktionshinder myndighet', ['Boendestöd Centrum']);
  add(testNumbersBornBetween(1986, 2005), 40, 'LSS-handläggning', [
    'Daglig verksamhet Ängen',
    'Korttidsvistelse Solrosen',
    'Ledsagarservice',
    'Personlig assistans Assistansbolaget',
  ]);
  add(testNumbersBornBetween(1970, 2012), 60, 'IFO Mottagning och utredning', [
    'Familjeteamet Bistånd öppenvård',
    'Hagadahl Service',
    'Berga Service',
    'Stödboende Kvarnen',
  ]);
  // The manuals' own example, so staff recognise her.
  const moira = '193803039142';
  if (!persons.some((person) => person.identityNumber === moira)) {
    persons.push({
      identityNumber: moira,
      firstName: 'Moira',
      lastName: 'Mustafsson',
      unitIds: [unit('Äldreomsorgens myndighetsenhet'), unit('Blandaren htj ute')],
      address: { street: 'Kammargatan 3', postalCode: '111 40', city: 'Exempelstad', validFrom: '2019-06-01' },
    });
  }
  persons[5]!.protectedIdentity = true;
  persons[170]!.protectedIdentity = true;
  persons.push({
    identityNumber: '050505-T000',
    firstName: 'Okänd',
    lastName: 'Reservnummer',
    unitIds: [unit('IFO Mottagning och utredning'), unit('Hagadahl Service')],
  });
  return persons;
}
