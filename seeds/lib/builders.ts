/**
 * Builds organisations, users and persons straight into the database as the owner role. Shared by
 * the demo seed, the large benchmark generator and the test factories, so all three make data
 * the same way the app would.
 */
import type { Kysely } from 'kysely';
import type { DB } from '../../src/server/platform/db/schema.ts';
import type { Ownership, ServiceAreaCode, UnitKind } from '../../src/domain/organisation.ts';
import type { Role } from '../../src/domain/roles.ts';
import { parseIdentityNumber } from '../../src/domain/identity-number.ts';

export type OwnerDb = Kysely<DB>;

export interface UnitSpec {
  name: string;
  kind: UnitKind;
  ownership?: Ownership;
  hasSystemAccess?: boolean;
  children?: UnitSpec[];
}

export interface ServiceAreaSpec {
  code: ServiceAreaCode;
  name: string;
  children: UnitSpec[];
}

export async function createMunicipality(db: OwnerDb, code: string, name: string): Promise<string> {
  const row = await db.insertInto('municipalities').values({ code, name }).returning('id').executeTakeFirstOrThrow();
  return row.id;
}

/** Inserts the tree; returns unit ids by name (names are unique within a seed). */
export async function createOrganisation(
  db: OwnerDb,
  municipalityId: string,
  areas: readonly ServiceAreaSpec[],
): Promise<Map<string, string>> {
  const ids = new Map<string, string>();
  const insert = async (spec: UnitSpec, parentId: string | null, serviceArea: ServiceAreaCode) => {
    const row = await db
      .insertInto('units')
      .values({
        municipality_id: municipalityId,
        parent_id: parentId,
        kind: spec.kind,
        name: spec.name,
        service_area: serviceArea,
        ownership: spec.kind === 'provider' ? (spec.ownership ?? 'municipal') : null,
        has_system_access: spec.hasSystemAccess ?? true,
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    ids.set(spec.name, row.id);
    for (const child of spec.children ?? []) await insert(child, row.id, serviceArea);
  };
  for (const area of areas)
    await insert({ name: area.name, kind: 'service_area', children: area.children }, null, area.code);
  return ids;
}

export interface UserSpec {
  username: string;
  displayName: string;
  positions: { unitId: string; title: string; roles: Role[] }[];
}

export interface CreatedUser {
  id: string;
  positionIds: string[];
}

export async function createUser(
  db: OwnerDb,
  municipalityId: string,
  passwordHash: string,
  spec: UserSpec,
): Promise<CreatedUser> {
  const user = await db
    .insertInto('users')
    .values({
      municipality_id: municipalityId,
      username: spec.username,
      display_name: spec.displayName,
      password_hash: passwordHash,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  await db
    .insertInto('login_identities')
    .values({ issuer: 'local', subject: spec.username, municipality_id: municipalityId, user_id: user.id })
    .execute();
  const positionIds: string[] = [];
  for (const position of spec.positions) {
    const row = await db
      .insertInto('positions')
      .values({
        municipality_id: municipalityId,
        user_id: user.id,
        unit_id: position.unitId,
        title: position.title,
        roles: position.roles,
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    positionIds.push(row.id);
  }
  return { id: user.id, positionIds };
}

export interface PersonSpec {
  identityNumber: string;
  firstName: string;
  lastName: string;
  protectedIdentity?: boolean;
  address?: { street: string; postalCode: string; city: string; validFrom: string };
  /** Units that may see the person (linked as registered there). */
  unitIds: string[];
}

/** Inserts many persons with their addresses and unit links, in batches. */
export async function createPersons(
  db: OwnerDb,
  municipalityId: string,
  specs: readonly PersonSpec[],
  today = new Date(),
): Promise<string[]> {
  const ids: string[] = [];
  const batchSize = 1000;
  for (let start = 0; start < specs.length; start += batchSize) {
    const batch = specs.slice(start, start + batchSize);
    const rows = await db
      .insertInto('persons')
      .values(
        batch.map((spec) => {
          const parsed = parseIdentityNumber(spec.identityNumber, today);
          if (!parsed.ok) throw new Error(`Seed identity number ${spec.identityNumber}: ${parsed.error}`);
          return {
            municipality_id: municipalityId,
            identity_number: parsed.value.normalized,
            identity_kind: parsed.value.kind,
            birth_date: parsed.value.birthDate,
            sex: parsed.value.sex,
            first_name: spec.firstName,
            last_name: spec.lastName,
            protected_identity: spec.protectedIdentity ?? false,
          };
        }),
      )
      .returning('id')
      .execute();
    const batchIds = rows.map((row) => row.id);
    ids.push(...batchIds);
    const addresses = batch.flatMap((spec, index) =>
      spec.address
        ? [
            {
              municipality_id: municipalityId,
              person_id: batchIds[index]!,
              street: spec.address.street,
              care_of: null,
              postal_code: spec.address.postalCode,
              city: spec.address.city,
              valid_from: spec.address.validFrom,
            },
          ]
        : [],
    );
    if (addresses.length) await db.insertInto('person_addresses').values(addresses).execute();
    const links = batch.flatMap((spec, index) =>
      spec.unitIds.map((unitId) => ({
        municipality_id: municipalityId,
        person_id: batchIds[index]!,
        unit_id: unitId,
        source: 'registered',
        valid_from: '2020-01-01',
      })),
    );
    if (links.length) await db.insertInto('person_unit_links').values(links).execute();
  }
  return ids;
}
