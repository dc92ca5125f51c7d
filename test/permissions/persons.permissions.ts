/**
 * Permission-matrix rows for every persons route (test/permission-matrix.test.ts runs them).
 * Written out by hand, not derived from person.policy.ts, so a policy change that widens access
 * shows up here as a failing row.
 */
import type { Db } from '../../src/server/platform/db/database.ts';
import { testPersonnummer } from '../../seeds/lib/test-numbers.ts';
import type { UserKey } from '../factories.ts';
import type { MatrixTarget, PermissionRow } from '../permission-matrix.types.ts';

const AUTHORITY: UserKey[] = ['caseOfficer', 'authorityManager', 'ifoCaseOfficer'];
const MANAGERS: UserKey[] = ['operationsManager', 'unitManager', 'otherUnitManager'];
const PROVIDER_STAFF: UserKey[] = ['coordinator', 'careStaff', 'otherCareStaff', 'licensedStaff', 'alarmManager'];
/** Everyone who works with persons; the administrator keeps the organisation and sees no one. */
const EVERYONE_WITH_PERSONS = [...AUTHORITY, ...MANAGERS, ...PROVIDER_STAFF];
const CORE_EDITORS: UserKey[] = [...AUTHORITY, ...MANAGERS, 'coordinator'];
const ACCESS_LOG_REVIEWERS: UserKey[] = ['authorityManager', ...MANAGERS];

const personPath = (target: MatrixTarget, suffix = '') => `/api/persons/${target.id}${suffix}`;

async function findPerson(ownerDb: Db, personId: string) {
  return ownerDb.selectFrom('persons').selectAll().where('id', '=', personId).executeTakeFirst();
}

/** Every address add needs its own date (one address per person and day). */
let addressDay = 0;
function nextAddressDate(): string {
  return new Date(Date.UTC(1950, 0, 1) + addressDay++ * 86_400_000).toISOString().slice(0, 10);
}

/** A number not yet registered in the world, so registering never links a fixture person to a new unit. */
async function unusedIdentityNumber(target: MatrixTarget, ownerDb: Db): Promise<string> {
  const rows = await ownerDb
    .selectFrom('persons')
    .select('identity_number')
    .where('municipality_id', '=', target.world.municipalityId)
    .execute();
  const used = new Set(rows.map((row) => row.identity_number.replace('-', '')));
  const numbers = testPersonnummer();
  for (let index = numbers.length - 1; index >= 0; index--) if (!used.has(numbers[index]!)) return numbers[index]!;
  throw new Error('No unused test personnummer left');
}

type DetailList = 'relatives' | 'reference-persons' | 'keys';
const DETAIL_BODIES = {
  relatives: { name: 'Britt Åberg', relation: 'Dotter' },
  'reference-persons': { role: 'Kontaktman', name: 'Kim Ek' },
  keys: { keyNumber: 'N-1' },
} as const;

/** Puts a row in the list straight into the database (in the target's municipality), to change or remove. */
async function insertDetail(ownerDb: Db, list: DetailList, target: MatrixTarget): Promise<string> {
  const base = { municipality_id: target.world.municipalityId, person_id: target.id };
  const row =
    list === 'relatives'
      ? await ownerDb
          .insertInto('person_relatives')
          .values({ ...base, name: 'Britt Åberg', relation: 'Dotter' })
          .returning('id')
          .executeTakeFirstOrThrow()
      : list === 'keys'
        ? await ownerDb
            .insertInto('person_keys')
            .values({ ...base, key_number: 'N-1' })
            .returning('id')
            .executeTakeFirstOrThrow()
        : await ownerDb
            .insertInto('person_reference_persons')
            .values({ ...base, role: 'Kontaktman', name: 'Kim Ek' })
            .returning('id')
            .executeTakeFirstOrThrow();
  return row.id;
}

function detailRows(list: DetailList): PermissionRow[] {
  const route = `/api/persons/:personId/${list}`;
  return [
    {
      route: `GET ${route}`,
      target: 'person',
      allowed: EVERYONE_WITH_PERSONS,
      request: (target) => ({ method: 'GET', path: personPath(target, `/${list}`) }),
    },
    {
      route: `POST ${route}`,
      target: 'person',
      allowed: EVERYONE_WITH_PERSONS,
      request: (target) => ({ method: 'POST', path: personPath(target, `/${list}`), body: DETAIL_BODIES[list] }),
    },
    {
      route: `PUT ${route}/:itemId`,
      target: 'person',
      allowed: EVERYONE_WITH_PERSONS,
      request: async (target, ownerDb) => ({
        method: 'PUT',
        path: personPath(target, `/${list}/${await insertDetail(ownerDb, list, target)}`),
        body: { ...DETAIL_BODIES[list], version: 1 },
      }),
    },
    {
      route: `DELETE ${route}/:itemId`,
      target: 'person',
      allowed: EVERYONE_WITH_PERSONS,
      request: async (target, ownerDb) => ({
        method: 'DELETE',
        path: personPath(target, `/${list}/${await insertDetail(ownerDb, list, target)}?version=1`),
      }),
    },
  ];
}

/** A tab save that keeps the values as they are, with the current version. */
function sectionRow(section: 'contact' | 'visit-info' | 'important-info', allowed: readonly UserKey[]): PermissionRow {
  return {
    route: `PUT /api/persons/:personId/${section}`,
    target: 'person',
    allowed,
    request: async (target, ownerDb) => {
      const person = await findPerson(ownerDb, target.id);
      const version = person?.version ?? 1;
      const body =
        section === 'contact'
          ? {
              version,
              phone: person?.phone ?? null,
              mobilePhone: person?.mobile_phone ?? null,
              email: person?.email ?? null,
            }
          : section === 'visit-info'
            ? { version, doorCode: person?.door_code ?? null, visitInfo: person?.visit_info ?? null }
            : { version, importantInfo: person?.important_info ?? null };
      return { method: 'PUT', path: personPath(target, `/${section}`), body };
    },
  };
}

export const permissionRows: PermissionRow[] = [
  {
    // Search is allowed to everyone; what it finds is limited by scope (the administrator finds no one).
    route: 'GET /api/persons',
    target: 'none',
    allowed: [...EVERYONE_WITH_PERSONS, 'administrator'],
    request: () => ({ method: 'GET', path: '/api/persons?q=Test' }),
  },
  {
    route: 'POST /api/persons',
    target: 'none',
    allowed: CORE_EDITORS,
    request: async (target, ownerDb) => ({
      method: 'POST',
      path: '/api/persons',
      body: {
        identityNumber: await unusedIdentityNumber(target, ownerDb),
        firstName: 'Matris',
        lastName: 'Registrerad',
      },
    }),
  },
  {
    route: 'GET /api/persons/:personId',
    target: 'person',
    allowed: EVERYONE_WITH_PERSONS,
    request: (target) => ({ method: 'GET', path: personPath(target) }),
  },
  {
    route: 'PUT /api/persons/:personId/core',
    target: 'person',
    allowed: CORE_EDITORS,
    request: async (target, ownerDb) => {
      const person = await findPerson(ownerDb, target.id);
      return {
        method: 'PUT',
        path: personPath(target, '/core'),
        body: {
          version: person?.version ?? 1,
          identityNumber: person?.identity_number ?? '19121212-1212',
          firstName: person?.first_name ?? 'A',
          lastName: person?.last_name ?? 'B',
          protectedIdentity: person?.protected_identity ?? false,
          contactLanguage: person?.contact_language ?? null,
          needsInterpreter: person?.needs_interpreter ?? false,
          maritalStatus: person?.marital_status ?? null,
          citizenship: person?.citizenship ?? null,
          bornAbroad: person?.born_abroad ?? null,
          deceasedDate: person?.deceased_date ?? null,
        },
      };
    },
  },
  sectionRow('contact', EVERYONE_WITH_PERSONS),
  sectionRow('visit-info', EVERYONE_WITH_PERSONS),
  sectionRow('important-info', EVERYONE_WITH_PERSONS),
  {
    route: 'GET /api/persons/:personId/addresses',
    target: 'person',
    allowed: EVERYONE_WITH_PERSONS,
    request: (target) => ({ method: 'GET', path: personPath(target, '/addresses') }),
  },
  {
    route: 'POST /api/persons/:personId/addresses',
    target: 'person',
    allowed: CORE_EDITORS,
    request: (target) => ({
      method: 'POST',
      path: personPath(target, '/addresses'),
      body: { street: 'Matrisgatan 1', postalCode: '111 11', city: 'Exempelstad', validFrom: nextAddressDate() },
    }),
  },
  {
    route: 'POST /api/persons/:personId/reveal',
    target: 'person',
    allowed: [...AUTHORITY, ...MANAGERS],
    request: (target) => ({
      method: 'POST',
      path: personPath(target, '/reveal'),
      body: { reason: 'Behörighetsmatris' },
    }),
  },
  {
    route: 'GET /api/persons/:personId/access-log',
    target: 'person',
    allowed: ACCESS_LOG_REVIEWERS,
    request: (target) => ({ method: 'GET', path: personPath(target, '/access-log') }),
  },
  ...detailRows('relatives'),
  ...detailRows('reference-persons'),
  ...detailRows('keys'),
];
