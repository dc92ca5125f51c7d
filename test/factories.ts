/**
 * Test data: a small municipality with two service areas, units on both sides and a user for
 * every role, built fresh per test file so files never share rows (tenancy keeps them apart).
 */
import { randomBytes } from 'node:crypto';
import type { Db } from '../src/server/platform/db/database.ts';
import { hashPassword } from '../src/server/platform/auth/password.ts';
import type { Role } from '../src/domain/roles.ts';
import {
  createMunicipality,
  createOrganisation,
  createPersons,
  createUser,
  type PersonSpec,
} from '../seeds/lib/builders.ts';
import { testPersonnummer } from '../seeds/lib/test-numbers.ts';
import { TestClient } from './http-client.ts';
import { createCatalogue, TEST_CATALOGUE, type CatalogueIds } from '../seeds/lib/catalogue.ts';

export const TEST_PASSWORD = 'test-password-123';
let passwordHash: Promise<string> | undefined;

export const TEST_UNITS = {
  aoArea: 'Äldreomsorg',
  aoAuthority: 'ÄO myndighet',
  homeCare: 'Hemtjänst egen regi',
  homeCareNorth: 'Hemtjänst Norr',
  homeCareSouth: 'Hemtjänst Söder',
  ifoArea: 'IFO',
  ifoAuthority: 'IFO myndighet',
  ifoProvider: 'IFO egen regi',
  familyTeam: 'Familjeteamet',
} as const;
type UnitKey = keyof typeof TEST_UNITS;

/** Who is who in a test world: the key says the role and where. */
const USERS = {
  caseOfficer: { unit: 'aoAuthority', title: 'Biståndshandläggare', roles: ['case_officer'] },
  authorityManager: { unit: 'aoAuthority', title: 'Enhetschef myndighet', roles: ['authority_manager'] },
  ifoCaseOfficer: { unit: 'ifoAuthority', title: 'Socialsekreterare', roles: ['case_officer'] },
  operationsManager: { unit: 'homeCare', title: 'Verksamhetschef', roles: ['operations_manager'] },
  unitManager: { unit: 'homeCareNorth', title: 'Enhetschef', roles: ['unit_manager'] },
  otherUnitManager: { unit: 'homeCareSouth', title: 'Enhetschef', roles: ['unit_manager'] },
  coordinator: { unit: 'homeCareNorth', title: 'Samordnare', roles: ['coordinator'] },
  careStaff: { unit: 'homeCareNorth', title: 'Undersköterska', roles: ['care_staff'] },
  otherCareStaff: { unit: 'homeCareSouth', title: 'Undersköterska', roles: ['care_staff'] },
  licensedStaff: { unit: 'homeCareNorth', title: 'Sjuksköterska', roles: ['licensed_staff'] },
  alarmManager: { unit: 'homeCareNorth', title: 'Larmansvarig', roles: ['alarm_manager'] },
  administrator: { unit: 'aoArea', title: 'Systemförvaltare', roles: ['administrator'] },
} satisfies Record<string, { unit: UnitKey; title: string; roles: Role[] }>;
export type UserKey = keyof typeof USERS;
export const USER_KEYS = Object.keys(USERS) as UserKey[];
/** Each test user's unit, title and roles, for tests that reason about who sees what. */
export const TEST_USERS: Readonly<Record<UserKey, { unit: UnitKey; title: string; roles: readonly Role[] }>> = USERS;
export type TestUnitKey = UnitKey;

export interface TestWorld {
  municipalityId: string;
  units: Record<UnitKey, string>;
  users: Record<UserKey, { username: string; userId: string; positionId: string }>;
  /** A signed-in client for the user (position already chosen). */
  signIn(key: UserKey): Promise<TestClient>;
  /** Registers a person directly, linked to the given units. */
  createPerson(
    units: UnitKey[],
    fields?: Partial<Omit<PersonSpec, 'unitIds'>>,
  ): Promise<{ id: string; identityNumber: string }>;
  /** The test catalogue (seeds/lib/catalogue.ts TEST_CATALOGUE): legal bases by code, intervention types by 'AO:Personlig omvårdnad'. */
  catalogue: CatalogueIds;
}

export async function createTestWorld(ownerDb: Db, baseUrl: string): Promise<TestWorld> {
  const suffix = randomBytes(4).toString('hex');
  const municipalityId = await createMunicipality(ownerDb, `t-${suffix}`, `Testkommun ${suffix}`);
  const ids = await createOrganisation(ownerDb, municipalityId, [
    {
      code: 'AO',
      name: TEST_UNITS.aoArea,
      children: [
        { name: TEST_UNITS.aoAuthority, kind: 'authority_unit' },
        {
          name: TEST_UNITS.homeCare,
          kind: 'provider',
          ownership: 'municipal',
          children: [
            { name: TEST_UNITS.homeCareNorth, kind: 'provider_unit' },
            { name: TEST_UNITS.homeCareSouth, kind: 'provider_unit' },
          ],
        },
      ],
    },
    {
      code: 'IFO',
      name: TEST_UNITS.ifoArea,
      children: [
        { name: TEST_UNITS.ifoAuthority, kind: 'authority_unit' },
        {
          name: TEST_UNITS.ifoProvider,
          kind: 'provider',
          ownership: 'municipal',
          children: [{ name: TEST_UNITS.familyTeam, kind: 'provider_unit' }],
        },
      ],
    },
  ]);
  const units = Object.fromEntries(Object.entries(TEST_UNITS).map(([key, name]) => [key, ids.get(name)!])) as Record<
    UnitKey,
    string
  >;
  passwordHash ??= hashPassword(TEST_PASSWORD);
  const hash = await passwordHash;
  const users = {} as TestWorld['users'];
  for (const [key, spec] of Object.entries(USERS) as [UserKey, { unit: UnitKey; title: string; roles: Role[] }][]) {
    const username = `${key.toLowerCase()}-${suffix}`;
    const created = await createUser(ownerDb, municipalityId, hash, {
      username,
      displayName: `${spec.title} ${key}`,
      positions: [{ unitId: units[spec.unit], title: spec.title, roles: spec.roles }],
    });
    users[key] = { username, userId: created.id, positionId: created.positionIds[0]! };
  }
  const catalogue = await createCatalogue(ownerDb, municipalityId, TEST_CATALOGUE);
  let nextNumber = 0;
  const numbers = testPersonnummer();
  return {
    municipalityId,
    units,
    users,
    catalogue,
    signIn: (key) => new TestClient(baseUrl).signIn(users[key].username, TEST_PASSWORD),
    async createPerson(unitKeys, fields = {}) {
      const identityNumber = fields.identityNumber ?? numbers[(nextNumber++ * 97) % numbers.length]!;
      const [id] = await createPersons(ownerDb, municipalityId, [
        {
          firstName: 'Test',
          lastName: `Person${nextNumber}`,
          ...fields,
          identityNumber,
          unitIds: unitKeys.map((key) => units[key]),
        },
      ]);
      return { id: id!, identityNumber };
    },
  };
}

export interface TestUserSpec {
  positions: { unit: UnitKey; title: string; roles: Role[] }[];
  /** Prefix of the user name; a random suffix keeps it unique. */
  name?: string;
}

/** A user beyond the world's fixed ones, e.g. one with two positions; signs in with TEST_PASSWORD. */
export async function createTestUser(
  ownerDb: Db,
  world: TestWorld,
  spec: TestUserSpec,
): Promise<{ username: string; userId: string; positionIds: string[] }> {
  passwordHash ??= hashPassword(TEST_PASSWORD);
  const username = `${spec.name ?? 'user'}-${randomBytes(4).toString('hex')}`;
  const created = await createUser(ownerDb, world.municipalityId, await passwordHash, {
    username,
    displayName: `Testanvändare ${username}`,
    positions: spec.positions.map((position) => ({
      unitId: world.units[position.unit],
      title: position.title,
      roles: position.roles,
    })),
  });
  return { username, userId: created.id, positionIds: created.positionIds };
}
