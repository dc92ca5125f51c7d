import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { TestServer } from '../../../../test/harness.ts';
import { startModuleTest } from '../../../../test/module-setup.ts';
import { createTestWorld, type TestWorld } from '../../../../test/factories.ts';
import { TestClient } from '../../../../test/http-client.ts';
import { createPersons } from '../../../../seeds/lib/builders.ts';
import { testPersonnummer } from '../../../../seeds/lib/test-numbers.ts';
import {
  createProviderCaseFixture,
  dayFromToday,
  type ProviderCaseFixture,
} from '../../../../test/fixtures/desk-fixtures.ts';

let server: TestServer;
let world: TestWorld;
let otherWorld: TestWorld;
/** Hemtjänst Norr unless said: waiting (A, protected F), acknowledged and ongoing (B), ended 5 and 45 days ago (C, D), ending in 10 days (E), ended but continued (H); Söder ended 3 days ago (G). */
const cases = {} as Record<'a' | 'b' | 'c' | 'd' | 'e' | 'f' | 'g' | 'h', ProviderCaseFixture>;

beforeAll(async () => {
  ({ server, world, foreign: otherWorld } = await startModuleTest());
  const person = async (lastName: string, protectedIdentity = false) =>
    (await world.createPerson(['aoAuthority'], { firstName: 'Test', lastName, protectedIdentity })).id;
  const fixture = (personId: string, options: Parameters<typeof createProviderCaseFixture>[3]) =>
    createProviderCaseFixture(server.ownerDb, world, personId, options);
  cases.a = await fixture(await person('Väntarsson'), { sentOn: dayFromToday(-3) });
  cases.f = await fixture(await person('Hemligsson', true), { sentOn: dayFromToday(-1) });
  cases.b = await fixture(await person('Pågårsson'), { acknowledgedBy: 'careStaff' });
  cases.c = await fixture(await person('Slutarsson'), {
    periodTo: dayFromToday(-5),
    endReason: 'Flyttat till särskilt boende',
    acknowledgedBy: 'careStaff',
  });
  cases.d = await fixture(await person('Längesen'), {
    periodTo: dayFromToday(-45),
    endReason: 'Avliden',
    acknowledgedBy: 'careStaff',
  });
  cases.e = await fixture(await person('Snartslut'), { periodTo: dayFromToday(10), acknowledgedBy: 'careStaff' });
  cases.g = await fixture(await person('Södersson'), {
    unit: 'homeCareSouth',
    periodTo: dayFromToday(-3),
    endReason: 'Behovet upphört',
    acknowledgedBy: 'otherCareStaff',
  });
  cases.h = await fixture(await person('Fortsätter'), { periodTo: dayFromToday(-10), acknowledgedBy: 'careStaff' });
  // H's time changed: the old row ended, a continuation waits under distribution (planned).
  const old = await server.ownerDb
    .selectFrom('deliveries')
    .selectAll()
    .where('id', '=', cases.h.deliveryIds[0]!)
    .executeTakeFirstOrThrow();
  await server.ownerDb
    .insertInto('deliveries')
    .values({
      municipality_id: old.municipality_id,
      assignment_id: old.assignment_id,
      assignment_intervention_id: old.assignment_intervention_id,
      decision_id: old.decision_id,
      person_id: old.person_id,
      provider_unit_id: old.provider_unit_id,
      status: 'under_distribution',
      period_from: dayFromToday(-9),
      continues_delivery_id: old.id,
      created_by_id: old.created_by_id,
    })
    .execute();
  await server.ownerDb.updateTable('deliveries').set({ status: 'withdrawn' }).where('id', '=', old.id).execute();
});
afterAll(async () => server?.close());

async function listHits(requestId: string | null) {
  return server.ownerDb
    .selectFrom('audit_events')
    .selectAll()
    .where('request_id', '=', requestId)
    .where('action', '=', 'person.list_hit')
    .execute();
}

const ids = (items: { providerCaseId: string }[]) => items.map((item) => item.providerCaseId);

describe('Nya uppdrag to acknowledge (kvittera)', () => {
  it("lists the unit's open, unacknowledged provider cases, waiting longest first, masked, each audited", async () => {
    const staff = await world.signIn('careStaff');
    const response = await staff.get('/api/desk/unacknowledged');
    expect(response.status).toBe(200);
    expect(ids(response.body.items)).toEqual([cases.a.providerCaseId, cases.f.providerCaseId]);
    expect(response.body).toMatchObject({ total: 2, nextCursor: null });
    expect(response.body.items[0]).toMatchObject({
      person: { id: cases.a.personId, lastName: 'Väntarsson', protectedIdentity: false },
      unit: { id: world.units.homeCareNorth, name: 'Hemtjänst Norr' },
      openedOn: dayFromToday(-3),
      interventions: ['Personlig omvårdnad'],
      wasAcknowledgedBefore: false,
    });
    expect(response.body.items[1].person).toMatchObject({ firstName: null, lastName: null, protectedIdentity: true });
    expect(JSON.stringify(response.body)).not.toContain('Hemligsson');
    const hits = await listHits(response.headers.get('x-request-id'));
    expect(hits.map((hit) => hit.person_id).sort()).toEqual([cases.a.personId, cases.f.personId].sort());
    expect(hits[0]).toMatchObject({ entity_type: 'provider_case', details: { list: 'unacknowledged' } });
  });

  it("shows a manager every unit below them, and never another unit's cases", async () => {
    const manager = await world.signIn('operationsManager');
    expect(ids((await manager.get('/api/desk/unacknowledged')).body.items)).toEqual([
      cases.a.providerCaseId,
      cases.f.providerCaseId,
    ]);
    expect((await (await world.signIn('otherCareStaff')).get('/api/desk/unacknowledged')).body).toEqual({
      items: [],
      total: 0,
      nextCursor: null,
    });
    expect((await (await otherWorld.signIn('careStaff')).get('/api/desk/unacknowledged')).body.total).toBe(0);
    const south = await manager.get(`/api/desk/unacknowledged?unitId=${world.units.homeCareSouth}`);
    expect(south.body.items).toEqual([]);
  });

  it("answers 404 for a unit not the user's, 403 for roles without provider units, 400 for a bad cursor", async () => {
    const staff = await world.signIn('careStaff');
    for (const unitId of [world.units.homeCareSouth, otherWorld.units.homeCareNorth, world.units.aoAuthority]) {
      expect((await staff.get(`/api/desk/unacknowledged?unitId=${unitId}`)).status, unitId).toBe(404);
    }
    for (const user of ['caseOfficer', 'administrator'] as const)
      expect((await (await world.signIn(user)).get('/api/desk/unacknowledged')).status, user).toBe(403);
    const bad = await staff.get('/api/desk/unacknowledged?cursor=bm9wZQ');
    expect(bad.status).toBe(400);
    expect(bad.body.fieldErrors).toEqual({ cursor: 'Ogiltig sidmarkör. Börja om från första sidan.' });
  });

  it('pages 50 at a time with a cursor', async () => {
    const big = await createTestWorld(server.ownerDb, server.baseUrl);
    const personIds = await createPersons(
      server.ownerDb,
      big.municipalityId,
      testPersonnummer()
        .slice(0, 53)
        .map((identityNumber, index) => ({
          identityNumber,
          firstName: 'Väntar',
          lastName: `Nummer${index}`,
          unitIds: [big.units.homeCareNorth],
        })),
    );
    await server.ownerDb
      .insertInto('provider_cases')
      .values(
        personIds.map((personId, index) => ({
          municipality_id: big.municipalityId,
          person_id: personId,
          provider_unit_id: big.units.homeCareNorth,
          opened_on: '2026-02-01',
          created_at: new Date(Date.UTC(2026, 1, 1, 8, 0, index)),
        })),
      )
      .execute();
    const staff = await big.signIn('careStaff');
    const first = await staff.get('/api/desk/unacknowledged');
    expect(first.body.items).toHaveLength(50);
    expect(first.body.total).toBe(53);
    expect(first.body.items[0].person.lastName).toBe('Nummer0');
    const second = await staff.get(`/api/desk/unacknowledged?cursor=${first.body.nextCursor}`);
    expect(second.body.items.map((item: { person: { lastName: string } }) => item.person.lastName)).toEqual([
      'Nummer50',
      'Nummer51',
      'Nummer52',
    ]);
    expect(second.body).toMatchObject({ total: 53, nextCursor: null });
    expect((await staff.get('/api/desk')).body.counts.unacknowledged).toBe(53);
  });

  it('lists a case that waits again for a new assignment by when it began waiting again', async () => {
    const small = await createTestWorld(server.ownerDb, server.baseUrl);
    const [older, newer] = await createPersons(
      server.ownerDb,
      small.municipalityId,
      testPersonnummer()
        .slice(60, 62)
        .map((identityNumber, index) => ({
          identityNumber,
          firstName: 'Väntar',
          lastName: ['Igen', 'Först'][index]!,
          unitIds: [small.units.homeCareNorth],
        })),
    );
    // Opened first and acknowledged, then a new assignment came on 1 March; the other opened in between.
    await server.ownerDb
      .insertInto('provider_cases')
      .values([
        {
          municipality_id: small.municipalityId,
          person_id: older!,
          provider_unit_id: small.units.homeCareNorth,
          opened_on: '2026-02-01',
          created_at: new Date('2026-02-01T08:00:00Z'),
          waiting_again_since: new Date('2026-03-01T09:00:00Z'),
        },
        {
          municipality_id: small.municipalityId,
          person_id: newer!,
          provider_unit_id: small.units.homeCareNorth,
          opened_on: '2026-02-15',
          created_at: new Date('2026-02-15T08:00:00Z'),
        },
      ])
      .execute();
    const response = await (await small.signIn('careStaff')).get('/api/desk/unacknowledged');
    expect(
      response.body.items.map(
        (item: { person: { lastName: string }; wasAcknowledgedBefore: boolean; waitingSince: string }) => [
          item.person.lastName,
          item.wasAcknowledgedBefore,
          item.waitingSince,
        ],
      ),
    ).toEqual([
      ['Först', false, '2026-02-15T08:00:00.000Z'],
      ['Igen', true, '2026-03-01T09:00:00.000Z'],
    ]);
  });
});

describe('a case whose rows have all ended', () => {
  it('leaves Att kvittera and its count, and comes under Ej aktuella; one still running stays', async () => {
    const small = await createTestWorld(server.ownerDb, server.baseUrl);
    const person = async (lastName: string) =>
      (await small.createPerson(['aoAuthority'], { firstName: 'Larm', lastName })).id;
    const fixture = async (lastName: string, options: Parameters<typeof createProviderCaseFixture>[3]) =>
      createProviderCaseFixture(server.ownerDb, small, await person(lastName), {
        sentOn: dayFromToday(-20),
        ...options,
      });
    const endedYesterday = await fixture('Igår', { periodTo: dayFromToday(-1), endReason: 'Avliden' });
    const endedToday = await fixture('Idag', { periodTo: dayFromToday(0), endReason: 'Behovet upphört' });
    const lastDayToday = await fixture('Sistadag', { periodTo: dayFromToday(0) });
    const endingLater = await fixture('Senare', { periodTo: dayFromToday(5), endReason: 'Flyttar' });
    const staff = await small.signIn('careStaff');
    const waiting = await staff.get('/api/desk/unacknowledged');
    expect(ids(waiting.body.items).sort()).toEqual([lastDayToday.providerCaseId, endingLater.providerCaseId].sort());
    expect(waiting.body.total).toBe(2);
    expect((await staff.get('/api/desk')).body.counts.unacknowledged).toBe(2);
    const notCurrent = await (await small.signIn('unitManager')).get('/api/desk/not-current');
    expect(ids(notCurrent.body.items)).toContain(endedYesterday.providerCaseId);
    expect(ids(waiting.body.items)).not.toContain(endedToday.providerCaseId);
  });
});

describe('Ej aktuella – att avsluta', () => {
  it('lists open cases whose last row ended within 30 days, with the end date, days since and reason; each audited', async () => {
    const manager = await world.signIn('unitManager');
    const response = await manager.get('/api/desk/not-current');
    expect(response.status).toBe(200);
    expect(response.body).toMatchObject({ total: 1, page: 1, pageSize: 50, lookBackDays: 30 });
    expect(response.body.items).toEqual([
      {
        providerCaseId: cases.c.providerCaseId,
        version: expect.any(Number),
        openedOn: '2026-02-01',
        person: {
          id: cases.c.personId,
          identityNumber: expect.any(String),
          firstName: 'Test',
          lastName: 'Slutarsson',
          protectedIdentity: false,
        },
        unit: { id: world.units.homeCareNorth, name: 'Hemtjänst Norr' },
        lastDeliveryEnd: dayFromToday(-5),
        daysSinceLastEnd: 5,
        endReason: 'Flyttat till särskilt boende',
      },
    ]);
    const hits = await listHits(response.headers.get('x-request-id'));
    expect(hits).toHaveLength(1);
    expect(hits[0]).toMatchObject({
      person_id: cases.c.personId,
      entity_id: cases.c.providerCaseId,
      details: { list: 'not_current' },
    });
    expect((await manager.get('/api/desk')).body.counts.notCurrent).toBe(1);
  });

  it('looks further back when asked, longest ended first; ongoing, planned and continued rows never count', async () => {
    const manager = await world.signIn('operationsManager');
    const response = await manager.get('/api/desk/not-current?lookBackDays=60');
    expect(ids(response.body.items)).toEqual([cases.d.providerCaseId, cases.c.providerCaseId, cases.g.providerCaseId]);
    expect(response.body.items[0]).toMatchObject({ daysSinceLastEnd: 45, endReason: 'Avliden' });
    const all = ids((await manager.get('/api/desk/not-current?lookBackDays=3650')).body.items);
    for (const ongoing of [cases.a, cases.b, cases.e, cases.f, cases.h])
      expect(all).not.toContain(ongoing.providerCaseId);
    expect(
      ids((await manager.get(`/api/desk/not-current?lookBackDays=60&unitId=${world.units.homeCareSouth}`)).body.items),
    ).toEqual([cases.g.providerCaseId]);
    // The desk's count is over the look-back the user chose (the web sends it), so it matches the list.
    expect((await manager.get('/api/desk?notCurrentLookBackDays=60')).body.counts.notCurrent).toBe(3);
    expect((await manager.get('/api/desk?notCurrentLookBackDays=3650')).body.counts.notCurrent).toBe(all.length);
    expect((await manager.get('/api/desk')).body.counts.notCurrent).toBe(2);
  });

  it("keeps to the user's units: Söder's manager sees only Söder, another municipality nothing", async () => {
    const south = await world.signIn('otherUnitManager');
    expect(ids((await south.get('/api/desk/not-current')).body.items)).toEqual([cases.g.providerCaseId]);
    expect((await south.get(`/api/desk/not-current?unitId=${world.units.homeCareNorth}`)).status).toBe(404);
    expect((await (await otherWorld.signIn('unitManager')).get('/api/desk/not-current')).body.items).toEqual([]);
  });

  it('is for managers and coordinators (403 for others); the look-back is 1–3650 days', async () => {
    expect((await (await world.signIn('coordinator')).get('/api/desk/not-current')).status).toBe(200);
    for (const user of ['careStaff', 'licensedStaff', 'caseOfficer', 'administrator'] as const) {
      expect((await (await world.signIn(user)).get('/api/desk/not-current')).status, user).toBe(403);
    }
    const manager = await world.signIn('unitManager');
    for (const days of ['0', '3651', 'x', '1.5']) {
      const response = await manager.get(`/api/desk/not-current?lookBackDays=${days}`);
      expect(response.status, days).toBe(400);
      expect(Object.keys(response.body.fieldErrors)).toEqual(['lookBackDays']);
      const overview = await manager.get(`/api/desk?notCurrentLookBackDays=${days}`);
      expect(overview.status, days).toBe(400);
      expect(Object.keys(overview.body.fieldErrors)).toEqual(['notCurrentLookBackDays']);
    }
    expect((await new TestClient(server.baseUrl).get('/api/desk/not-current')).status).toBe(401);
  });
});

describe('start dates to register', () => {
  it('lists rows whose first day has come with no start, oldest first, masked and audited; not the future, started or continued', async () => {
    const small = await createTestWorld(server.ownerDb, server.baseUrl);
    const person = async (lastName: string, protectedIdentity = false) =>
      (await small.createPerson(['aoAuthority'], { firstName: 'Start', lastName, protectedIdentity })).id;
    const fixture = async (
      lastName: string,
      options: Parameters<typeof createProviderCaseFixture>[3],
      hidden = false,
    ) => createProviderCaseFixture(server.ownerDb, small, await person(lastName, hidden), options);
    const older = await fixture('Tidig', { periodFrom: dayFromToday(-10) });
    const today = await fixture('Idag', { periodFrom: dayFromToday(0) });
    const hidden = await fixture('Dold', { periodFrom: dayFromToday(-3) }, true);
    await fixture('Imorgon', { periodFrom: dayFromToday(1) });
    const started = await fixture('Startad', { periodFrom: dayFromToday(-5) });
    await server.ownerDb
      .updateTable('deliveries')
      .set({ started_on: dayFromToday(-5) })
      .where('id', '=', started.deliveryIds[0]!)
      .execute();
    await fixture('Söder', { periodFrom: dayFromToday(-4), unit: 'homeCareSouth' });
    const manager = await small.signIn('unitManager');
    const response = await manager.get('/api/desk/starts-to-register');
    expect(response.status).toBe(200);
    expect(response.body.total).toBe(3);
    expect(response.body.items.map((item: { deliveryId: string }) => item.deliveryId)).toEqual([
      older.deliveryIds[0],
      hidden.deliveryIds[0],
      today.deliveryIds[0],
    ]);
    expect(response.body.items[0]).toEqual({
      deliveryId: older.deliveryIds[0],
      person: expect.objectContaining({ id: older.personId, lastName: 'Tidig' }),
      unit: { id: small.units.homeCareNorth, name: 'Hemtjänst Norr' },
      intervention: 'Personlig omvårdnad',
      periodFrom: dayFromToday(-10),
    });
    expect(response.body.items[1].person).toMatchObject({ firstName: null, lastName: null, protectedIdentity: true });
    expect((await manager.get('/api/desk')).body.counts.startsToRegister).toBe(3);
    const hits = await listHits(response.headers.get('x-request-id'));
    expect(hits.map((hit) => hit.entity_id).sort()).toEqual(
      [older, hidden, today].map((fixture) => fixture.deliveryIds[0]).sort(),
    );
    expect(hits[0]).toMatchObject({ entity_type: 'delivery', details: { list: 'starts_to_register' } });
    // Södermalm's manager sees only theirs; care staff register no starts; another municipality sees none of these.
    expect((await (await small.signIn('otherUnitManager')).get('/api/desk/starts-to-register')).body.total).toBe(1);
    expect((await (await small.signIn('careStaff')).get('/api/desk/starts-to-register')).status).toBe(403);
    expect((await (await otherWorld.signIn('unitManager')).get('/api/desk/starts-to-register')).body.total).toBe(0);
  });
});

describe("the desk overview's counts", () => {
  it('counts each folder the position has, and leaves out those it has not', async () => {
    const manager = await world.signIn('unitManager');
    expect((await manager.get('/api/desk')).body.counts).toEqual({
      newAssignments: expect.any(Number),
      unacknowledged: 2,
      myPersons: 0,
      notCurrent: 1,
      // A, F, B and E run at Norr since February with no start registered (the fixtures register none).
      startsToRegister: 4,
    });
    const staff = await world.signIn('careStaff');
    expect((await staff.get('/api/desk')).body.counts).toEqual({
      newAssignments: null,
      unacknowledged: 2,
      myPersons: 0,
      notCurrent: null,
      startsToRegister: null,
    });
    const officer = await world.signIn('caseOfficer');
    expect((await officer.get('/api/desk')).body.counts).toEqual({
      newAssignments: null,
      unacknowledged: null,
      myPersons: 0,
      notCurrent: null,
      startsToRegister: null,
    });
  });
});
