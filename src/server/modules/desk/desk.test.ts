import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { TestServer } from '../../../../test/harness.ts';
import { startModuleTest } from '../../../../test/module-setup.ts';
import { createTestWorld, type TestWorld } from '../../../../test/factories.ts';
import { TestClient } from '../../../../test/http-client.ts';
import { createPersons } from '../../../../seeds/lib/builders.ts';
import { testPersonnummer } from '../../../../seeds/lib/test-numbers.ts';

let server: TestServer;
let world: TestWorld;
let otherWorld: TestWorld;

beforeAll(async () => {
  ({ server, world, foreign: otherWorld } = await startModuleTest());
  // Hemtjänst Söder's persons, for the ordering test; Norr gets its own in each test.
  for (const lastName of ['Ödman', 'Andersson', 'Åberg', 'Zetterlund', 'Ärlig'])
    await world.createPerson(['homeCareSouth'], { lastName });
  await world.createPerson(['homeCareSouth'], { firstName: 'Hemlig', lastName: 'Aaberg', protectedIdentity: true });
  await endLink((await world.createPerson(['homeCareSouth'], { lastName: 'Berg' })).id, daysAgo(10));
  await endLink((await world.createPerson(['homeCareSouth'], { lastName: 'Gammal' })).id, '2020-06-30');
});
afterAll(async () => server?.close());

const MISSING = '00000000-0000-4000-8000-000000000000';

function daysAgo(days: number): string {
  return new Date(Date.now() - days * 86_400_000).toISOString().slice(0, 10);
}

async function endLink(personId: string, validTo: string) {
  await server.ownerDb
    .updateTable('person_unit_links')
    .set({ valid_to: validTo })
    .where('person_id', '=', personId)
    .execute();
}

async function listHits(requestId: string | null) {
  return server.ownerDb
    .selectFrom('audit_events')
    .selectAll()
    .where('request_id', '=', requestId)
    .where('action', '=', 'person.list_hit')
    .execute();
}

describe('the desk overview', () => {
  it('shows the units in my scope that have ongoing persons, with counts, and no others', async () => {
    const staff = await world.signIn('otherCareStaff');
    const response = await staff.get('/api/desk');
    expect(response.status).toBe(200);
    // Six ongoing in Söder (Berg's link ended ten days ago: listed, but not counted).
    expect(response.body.units).toEqual([
      {
        id: world.units.homeCareSouth,
        name: 'Hemtjänst Söder',
        kind: 'provider_unit',
        serviceArea: 'AO',
        personCount: 6,
      },
    ]);
    const manager = await world.signIn('operationsManager');
    const managed = (await manager.get('/api/desk')).body.units.map((unit: { id: string }) => unit.id);
    expect(managed).toContain(world.units.homeCareSouth);
    expect(managed).not.toContain(world.units.aoAuthority);
  });

  it('gives the administrator, who sees no persons, no units', async () => {
    const response = await (await world.signIn('administrator')).get('/api/desk');
    expect(response.body).toEqual({
      units: [],
      recentPersonCount: 0,
      counts: {
        newAssignments: null,
        unacknowledged: null,
        myPersons: 0,
        notCurrent: null,
        startsToRegister: null,
      },
    });
  });

  it('answers 401 when signed out', async () => {
    const anonymous = new TestClient(server.baseUrl);
    for (const path of [
      '/api/desk',
      '/api/desk/recent-persons',
      `/api/desk/units/${world.units.homeCareNorth}/persons`,
      '/api/desk/unacknowledged',
      '/api/desk/not-current',
      '/api/desk/my-persons',
    ]) {
      expect((await anonymous.get(path)).status, path).toBe(401);
    }
  });
});

describe('recently opened persons', () => {
  it('lists the persons I opened, newest first, masked, only those still in my scope; each one audited', async () => {
    const first = await world.createPerson(['homeCareNorth'], { lastName: 'Först' });
    const hidden = await world.createPerson(['homeCareNorth'], {
      firstName: 'Skyddad',
      lastName: 'Hemligsson',
      protectedIdentity: true,
    });
    const gone = await world.createPerson(['homeCareNorth'], { lastName: 'Borta' });
    const someoneElses = await world.createPerson(['homeCareNorth'], { lastName: 'Annans' });
    const staff = await world.signIn('licensedStaff');
    for (const person of [first, hidden, gone, first])
      expect((await staff.get(`/api/persons/${person.id}`)).status).toBe(200);
    await (await world.signIn('coordinator')).get(`/api/persons/${someoneElses.id}`);
    await endLink(gone.id, '2020-06-30');

    const response = await staff.get('/api/desk/recent-persons');
    expect(response.status).toBe(200);
    expect(response.body.persons.map((person: { id: string }) => person.id)).toEqual([first.id, hidden.id]);
    expect(response.body.persons[0]).toMatchObject({ lastName: 'Först', protectedIdentity: false });
    expect(new Date(response.body.persons[0].lastOpenedAt).getTime()).toBeGreaterThan(
      new Date(response.body.persons[1].lastOpenedAt).getTime(),
    );
    expect(response.body.persons[1]).toMatchObject({ firstName: null, lastName: null, protectedIdentity: true });
    expect(JSON.stringify(response.body)).not.toContain('Hemligsson');

    const hits = await listHits(response.headers.get('x-request-id'));
    expect(hits.map((hit) => hit.person_id).sort()).toEqual([first.id, hidden.id].sort());
    expect(hits[0]).toMatchObject({
      user_id: world.users.licensedStaff.userId,
      entity_type: 'person',
      details: { list: 'recent' },
    });
    expect((await staff.get('/api/desk')).body.recentPersonCount).toBe(2);
  });
});

describe("a unit's persons", () => {
  it('lists ongoing and recently ended links in Swedish order, protected last and masked; each one audited', async () => {
    const staff = await world.signIn('otherCareStaff');
    const response = await staff.get(`/api/desk/units/${world.units.homeCareSouth}/persons`);
    expect(response.status).toBe(200);
    expect(response.body.unit).toMatchObject({
      id: world.units.homeCareSouth,
      name: 'Hemtjänst Söder',
      personCount: 6,
    });
    expect(response.body).toMatchObject({ total: 7, page: 1, pageSize: 50 });
    expect(response.body.persons.map((person: { lastName: string | null }) => person.lastName)).toEqual([
      'Andersson',
      'Berg',
      'Zetterlund',
      'Åberg',
      'Ärlig',
      'Ödman',
      null,
    ]);
    expect(response.body.persons[6]).toMatchObject({ firstName: null, protectedIdentity: true });
    expect(JSON.stringify(response.body)).not.toContain('Hemlig');
    const hits = await listHits(response.headers.get('x-request-id'));
    expect(hits).toHaveLength(7);
    expect(hits[0]).toMatchObject({
      user_id: world.users.otherCareStaff.userId,
      unit_id: world.units.homeCareSouth,
      details: { list: 'unit', unitId: world.units.homeCareSouth },
    });
  });

  it("never lists another unit's persons: another unit, municipality or a missing one is 404", async () => {
    const staff = await world.signIn('careStaff');
    for (const unitId of [
      world.units.homeCareSouth,
      world.units.aoAuthority,
      otherWorld.units.homeCareNorth,
      MISSING,
    ]) {
      const response = await staff.get(`/api/desk/units/${unitId}/persons`);
      expect(response.status, unitId).toBe(404);
      expect(response.body.message).toBe('Enheten hittades inte.');
    }
    expect((await staff.get('/api/desk/units/not-a-uuid/persons')).status).toBe(400);
  });

  it('lets a manager open the units below them, and shows the administrator an empty folder', async () => {
    const manager = await world.signIn('operationsManager');
    expect((await manager.get(`/api/desk/units/${world.units.homeCareSouth}/persons`)).body.persons).toHaveLength(7);
    const admin = await world.signIn('administrator');
    const response = await admin.get(`/api/desk/units/${world.units.homeCareSouth}/persons`);
    expect(response.status).toBe(200);
    expect(response.body.persons).toEqual([]);
    expect(response.body.unit.personCount).toBe(0);
  });

  it('pages a big unit of 3,000 persons in name order, filters it by name or number, and audits only the persons shown', async () => {
    const bigWorld = await createTestWorld(server.ownerDb, server.baseUrl);
    const numbers = testPersonnummer().slice(0, 3000);
    await createPersons(
      server.ownerDb,
      bigWorld.municipalityId,
      numbers.map((identityNumber, index) => ({
        identityNumber,
        firstName: 'Stor',
        lastName: `Enhet${String(index).padStart(4, '0')}`,
        unitIds: [bigWorld.units.homeCareNorth],
      })),
    );
    const staff = await bigWorld.signIn('careStaff');
    const path = `/api/desk/units/${bigWorld.units.homeCareNorth}/persons`;
    const first = await staff.get(path);
    expect(first.status).toBe(200);
    expect(first.body).toMatchObject({ total: 3000, page: 1, pageSize: 50 });
    expect(first.body.persons.map((person: { lastName: string }) => person.lastName)).toEqual(
      Array.from({ length: 50 }, (_, index) => `Enhet${String(index).padStart(4, '0')}`),
    );
    expect(first.body.unit.personCount).toBe(3000);
    expect((await listHits(first.headers.get('x-request-id'))).length).toBe(50);

    const last = await staff.get(`${path}?page=60`);
    expect(last.body.persons).toHaveLength(50);
    expect(last.body.persons.at(-1).lastName).toBe('Enhet2999');
    const beyond = await staff.get(`${path}?page=61`);
    expect(beyond.body).toMatchObject({ persons: [], total: 3000, page: 61 });
    expect(await listHits(beyond.headers.get('x-request-id'))).toHaveLength(0);

    const byName = await staff.get(`${path}?q=${encodeURIComponent('stor enhet012')}`);
    expect(byName.body.total).toBe(10);
    expect(byName.body.persons.map((person: { lastName: string }) => person.lastName)).toEqual(
      Array.from({ length: 10 }, (_, index) => `Enhet012${index}`),
    );
    expect((await listHits(byName.headers.get('x-request-id'))).map((hit) => hit.details)).toContainEqual({
      list: 'unit',
      unitId: bigWorld.units.homeCareNorth,
      filter: 'name',
    });
    const byNumber = await staff.get(`${path}?q=${encodeURIComponent(numbers[1234]!)}`);
    expect(byNumber.body.persons.map((person: { lastName: string }) => person.lastName)).toEqual(['Enhet1234']);
  });

  it('lists protected identities last, by number, across a page break, and a person linked twice once', async () => {
    const smallWorld = await createTestWorld(server.ownerDb, server.baseUrl);
    const numbers = testPersonnummer().slice(3000, 3054);
    const unitId = smallWorld.units.homeCareNorth;
    const ids = await createPersons(
      server.ownerDb,
      smallWorld.municipalityId,
      numbers.map((identityNumber, index) => ({
        identityNumber,
        firstName: 'Sida',
        lastName: `Brytning${String(index).padStart(2, '0')}`,
        unitIds: [unitId],
        protectedIdentity: index >= 52,
      })),
    );
    await server.ownerDb
      .insertInto('person_unit_links')
      .values({ municipality_id: smallWorld.municipalityId, person_id: ids[7]!, unit_id: unitId, source: 'case' })
      .execute();
    const staff = await smallWorld.signIn('careStaff');
    const path = `/api/desk/units/${unitId}/persons`;
    const first = await staff.get(path);
    expect(first.body.total).toBe(54);
    expect(first.body.persons.map((person: { lastName: string }) => person.lastName)).toEqual(
      Array.from({ length: 50 }, (_, index) => `Brytning${String(index).padStart(2, '0')}`),
    );
    const second = await staff.get(`${path}?page=2`);
    const protectedNumbers = numbers
      .slice(52)
      .map((number) => `${number.slice(0, 8)}-${number.slice(8)}`)
      .sort();
    expect(
      second.body.persons.map(
        (person: { lastName: string | null; identityNumber: string }) => person.lastName ?? person.identityNumber,
      ),
    ).toEqual(['Brytning50', 'Brytning51', ...protectedNumbers]);
  });

  it('hides a protected identity from a name filter, and answers bad filters and pages with 400 on the field', async () => {
    const staff = await world.signIn('otherCareStaff');
    const path = `/api/desk/units/${world.units.homeCareSouth}/persons`;
    expect((await staff.get(`${path}?q=aaberg`)).body.total).toBe(0);
    expect(
      (await staff.get(`${path}?q=ärl`)).body.persons.map((person: { lastName: string }) => person.lastName),
    ).toEqual(['Ärlig']);
    for (const [query, field] of [
      ['q=a', 'q'],
      ['page=0', 'page'],
      ['page=abc', 'page'],
      ['q=50%25', 'q'],
    ] as const) {
      const response = await staff.get(`${path}?${query}`);
      expect(response.status, query).toBe(400);
      expect(Object.keys(response.body.fieldErrors), query).toEqual([field]);
    }
  });
});
