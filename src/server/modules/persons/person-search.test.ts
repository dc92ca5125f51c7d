/**
 * Name search reads copies of each person's search keys kept on their links to units (migration
 * 0026). These tests prove, through HTTP, that the copies follow every change a user can make, and
 * that the app cannot make them drift; person.test.ts covers search as such.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'kysely';
import type { TestServer } from '../../../../test/harness.ts';
import { startModuleTest } from '../../../../test/module-setup.ts';
import type { TestWorld } from '../../../../test/factories.ts';
import type { TestClient } from '../../../../test/http-client.ts';
import { inTenant } from '../../platform/db/tenant.ts';

let server: TestServer;
let world: TestWorld;

beforeAll(async () => {
  ({ server, world } = await startModuleTest());
});
afterAll(async () => server?.close());

async function hitIds(client: TestClient, q: string): Promise<string[]> {
  const response = await client.get(`/api/persons?q=${encodeURIComponent(q)}`);
  expect(response.status, q).toBe(200);
  return response.body.hits.map((hit: { id: string }) => hit.id);
}

async function saveCore(
  officer: TestClient,
  personId: string,
  change: { firstName?: string; lastName?: string; protectedIdentity?: boolean },
) {
  const before = (await officer.get(`/api/persons/${personId}`)).body;
  const response = await officer.put(`/api/persons/${personId}/core`, {
    version: before.version,
    identityNumber: before.identityNumber,
    firstName: before.firstName ?? 'Okänd',
    lastName: before.lastName ?? 'Okänd',
    protectedIdentity: before.protectedIdentity,
    contactLanguage: null,
    needsInterpreter: false,
    maritalStatus: null,
    citizenship: null,
    bornAbroad: null,
    deceasedDate: null,
    ...change,
  });
  expect(response.status).toBe(200);
}

describe('name search follows the person', () => {
  it('finds a person by the new name after a change, in every unit they are linked to, and no longer by the old', async () => {
    const person = await world.createPerson(['aoAuthority', 'homeCareNorth'], {
      firstName: 'Gullan',
      lastName: 'Förstnamnsson',
    });
    const officer = await world.signIn('caseOfficer');
    const staff = await world.signIn('careStaff');
    expect(await hitIds(staff, 'förstnamnsson')).toEqual([person.id]);

    await saveCore(officer, person.id, { firstName: 'Gunvor', lastName: 'Andranamnsson' });
    for (const client of [officer, staff]) {
      expect(await hitIds(client, 'andranamnsson')).toEqual([person.id]);
      expect(await hitIds(client, 'gunvor andra')).toEqual([person.id]);
      expect(await hitIds(client, 'förstnamnsson')).toEqual([]);
      expect(await hitIds(client, 'gullan')).not.toContain(person.id);
    }
  });

  it('stops matching a name once the identity is protected, still finds the number, and matches again when lifted', async () => {
    const person = await world.createPerson(['aoAuthority', 'homeCareNorth'], {
      firstName: 'Vendela',
      lastName: 'Skyddasdotter',
    });
    const officer = await world.signIn('caseOfficer');
    const staff = await world.signIn('careStaff');

    await saveCore(officer, person.id, { protectedIdentity: true });
    expect(await hitIds(staff, 'skyddasdotter')).toEqual([]);
    expect(await hitIds(staff, 'vendela')).toEqual([]);
    expect(await hitIds(staff, person.identityNumber)).toEqual([person.id]);

    // The person view masks a protected name, so lifting the protection says the name again.
    await saveCore(officer, person.id, { protectedIdentity: false, firstName: 'Vendela', lastName: 'Skyddasdotter' });
    expect(await hitIds(staff, 'skyddasdotter')).toEqual([person.id]);
  });

  it('finds a person linked later to another unit there, by name', async () => {
    const person = await world.createPerson(['ifoAuthority'], { firstName: 'Tyra', lastName: 'Senarelänkad' });
    const officer = await world.signIn('caseOfficer');
    expect(await hitIds(officer, 'senarelänkad')).toEqual([]);
    const linked = await officer.post('/api/persons', {
      identityNumber: person.identityNumber,
      firstName: 'X',
      lastName: 'Y',
    });
    expect(linked.body).toEqual({ id: person.id, alreadyRegistered: true });
    expect(await hitIds(officer, 'senarelänkad')).toEqual([person.id]);
    expect(await hitIds(officer, 'tyra sen')).toEqual([person.id]);
  });
});

describe('name search results', () => {
  it('lists a person linked twice, or matching on both names, once; in Swedish order across the units in scope', async () => {
    // Given name Quirin for all, so 'quirin' reads the given-name branch; Quirin Quirinsson matches both ways.
    const names = ['Öhman', 'Zander', 'Ågren', 'Quirinsson', 'Ahl', 'Ärling'];
    const persons = new Map<string, string>();
    for (const [index, lastName] of names.entries()) {
      const person = await world.createPerson([index % 2 === 0 ? 'homeCareNorth' : 'homeCareSouth', 'homeCareNorth'], {
        firstName: 'Quirin',
        lastName,
      });
      persons.set(lastName, person.id);
    }
    const manager = await world.signIn('operationsManager');
    const expected = ['Ahl', 'Quirinsson', 'Zander', 'Ågren', 'Ärling', 'Öhman'].map((name) => persons.get(name));
    expect(await hitIds(manager, 'quirin')).toEqual(expected);
    expect(await hitIds(manager, 'qu')).toEqual(expected);
    const south = ['Quirinsson', 'Zander', 'Ärling'].map((name) => persons.get(name));
    expect(await hitIds(await world.signIn('otherCareStaff'), 'quirin')).toEqual(south);
  });

  it('answers two one-letter words by both', async () => {
    const person = await world.createPerson(['homeCareNorth'], { firstName: 'Xerxes', lastName: 'Yngvesson' });
    const staff = await world.signIn('careStaff');
    expect(await hitIds(staff, 'x y')).toContain(person.id);
    expect(await hitIds(staff, 'y x')).toContain(person.id);
  });
});

describe('the copies on the links', () => {
  it("cannot be set or changed by the app: the database writes the person's own keys over them", async () => {
    const person = await world.createPerson(['homeCareNorth'], { firstName: 'Edla', lastName: 'Äkta' });
    const keys = () =>
      server.ownerDb
        .selectFrom('person_unit_links')
        .select([
          'search_last_name',
          'search_first_name',
          'last_name_lower',
          'first_name_lower',
          'first_name_prefix2',
          'first_name_prefix3',
          'identity_number',
        ])
        .where('person_id', '=', person.id)
        .execute();
    const expected = {
      search_last_name: 'Äkta',
      search_first_name: 'Edla',
      last_name_lower: 'äkta',
      first_name_lower: 'edla',
      first_name_prefix2: 'ed',
      first_name_prefix3: 'edl',
      identity_number: `${person.identityNumber.slice(0, 8)}-${person.identityNumber.slice(8)}`,
    };
    expect(await keys()).toEqual([expected]);

    await inTenant(server.appDb, world.municipalityId, async (trx) => {
      await sql`update person_unit_links set search_last_name = 'Falsk', last_name_lower = 'falsk', identity_number = '19000101-0000' where person_id = ${person.id}`.execute(
        trx,
      );
      await sql`insert into person_unit_links (municipality_id, person_id, unit_id, source, search_last_name, last_name_lower)
                values (${world.municipalityId}, ${person.id}, ${world.units.homeCareSouth}, 'registered', 'Falsk', 'falsk')`.execute(
        trx,
      );
    });
    expect(await keys()).toEqual([expected, expected]);
    expect(await hitIds(await world.signIn('otherCareStaff'), 'falsk')).toEqual([]);
    expect(await hitIds(await world.signIn('otherCareStaff'), 'äkta')).toEqual([person.id]);
  });
});
