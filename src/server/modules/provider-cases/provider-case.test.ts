import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { TestServer } from '../../../../test/harness.ts';
import { startModuleTest } from '../../../../test/module-setup.ts';
import type { TestWorld } from '../../../../test/factories.ts';
import { TestClient } from '../../../../test/http-client.ts';
import { todayInSweden } from '../../../domain/dates.ts';
import {
  createProviderCaseFixture,
  dayFromToday,
  type ProviderCaseFixture,
} from '../../../../test/fixtures/desk-fixtures.ts';

let server: TestServer;
let world: TestWorld;
let otherWorld: TestWorld;
const MISSING = '00000000-0000-4000-8000-000000000000';

beforeAll(async () => {
  ({ server, world, foreign: otherWorld } = await startModuleTest());
});
afterAll(async () => server?.close());

/** A person at Hemtjänst Norr whose only row ended `daysAgo` days ago (or runs on, with null). */
async function endedCase(
  target: TestWorld,
  daysAgo: number | null,
  lastName = 'Avslutas',
): Promise<ProviderCaseFixture> {
  const person = await target.createPerson(['aoAuthority'], { lastName });
  return createProviderCaseFixture(
    server.ownerDb,
    target,
    person.id,
    daysAgo === null
      ? { acknowledgedBy: 'careStaff' }
      : { periodTo: dayFromToday(-daysAgo), endReason: 'Behovet upphört', acknowledgedBy: 'careStaff' },
  );
}

async function providerCase(id: string) {
  return server.ownerDb.selectFrom('provider_cases').selectAll().where('id', '=', id).executeTakeFirstOrThrow();
}

const close = (client: TestClient, id: string, body: unknown) => client.post(`/api/provider-cases/${id}/close`, body);

describe('closing a provider case', () => {
  it("closes a case with nothing ongoing: sets closed on and by, ends the unit's link on the day, keeps Mina personer, audits", async () => {
    const fixture = await endedCase(world, 5);
    const staff = await world.signIn('careStaff');
    expect((await staff.post('/api/desk/my-persons', { personId: fixture.personId })).status).toBe(200);
    const manager = await world.signIn('unitManager');
    const today = todayInSweden();
    const response = await close(manager, fixture.providerCaseId, {
      closedOn: today,
      version: (await providerCase(fixture.providerCaseId)).version,
    });
    expect(response.status).toBe(200);
    expect(response.body).toEqual({
      providerCaseId: fixture.providerCaseId,
      closedOn: today,
      version: expect.any(Number),
    });

    expect(await providerCase(fixture.providerCaseId)).toMatchObject({
      closed_on: today,
      closed_by_id: world.users.unitManager.userId,
      version: response.body.version,
    });
    const links = await server.ownerDb
      .selectFrom('person_unit_links')
      .select(['valid_to'])
      .where('person_id', '=', fixture.personId)
      .where('unit_id', '=', world.units.homeCareNorth)
      .where('source', '=', 'provider_case')
      .execute();
    expect(links).toEqual([{ valid_to: today }]);
    const audit = await server.ownerDb
      .selectFrom('audit_events')
      .selectAll()
      .where('request_id', '=', response.headers.get('x-request-id'))
      .execute();
    expect(audit).toHaveLength(1);
    expect(audit[0]).toMatchObject({
      action: 'provider_case.close',
      entity_id: fixture.providerCaseId,
      person_id: fixture.personId,
      details: { closedOn: today, lastDeliveryEnd: dayFromToday(-5) },
    });

    // Gone from the folder; the unit still sees the person for the recent-link period, and staff keep them at hand.
    expect(
      (await manager.get('/api/desk/not-current')).body.items.map(
        (item: { providerCaseId: string }) => item.providerCaseId,
      ),
    ).not.toContain(fixture.providerCaseId);
    expect((await staff.get(`/api/persons/${fixture.personId}`)).status).toBe(200);
    expect((await staff.get(`/api/desk/my-persons/${fixture.personId}`)).body.isMyPerson).toBe(true);
    expect(
      (await close(manager, fixture.providerCaseId, { closedOn: today, version: response.body.version })).body.message,
    ).toBe(`Genomförandet avslutades redan ${today}.`);
  });

  it('refuses while an intervention is ongoing or planned (409), and a stale version (409)', async () => {
    const ongoing = await endedCase(world, null, 'Pågår');
    const manager = await world.signIn('unitManager');
    const refused = await close(manager, ongoing.providerCaseId, {
      closedOn: todayInSweden(),
      version: (await providerCase(ongoing.providerCaseId)).version,
    });
    expect(refused.status).toBe(409);
    expect(refused.body.message).toMatch(/pågår eller är planerade/);
    expect((await providerCase(ongoing.providerCaseId)).closed_on).toBeNull();

    const endsToday = await endedCase(world, 0, 'Slutaridag');
    expect((await close(manager, endsToday.providerCaseId, { closedOn: todayInSweden(), version: 2 })).status).toBe(
      409,
    );

    const ended = await endedCase(world, 3, 'Gammalversion');
    const stale = await close(manager, ended.providerCaseId, {
      closedOn: todayInSweden(),
      version: (await providerCase(ended.providerCaseId)).version + 5,
    });
    expect(stale.status).toBe(409);
    expect(stale.body.message).toBe('Någon annan har ändrat uppgifterna. Läs in dem igen och gör om ändringen.');
  });

  it('answers 400 on closedOn for a day after today, before the last row ended, or not a date', async () => {
    const fixture = await endedCase(world, 10, 'Datumfel');
    const manager = await world.signIn('coordinator');
    const version = (await providerCase(fixture.providerCaseId)).version;
    const cases: [unknown, string][] = [
      [dayFromToday(1), 'Avslutsdatum kan inte vara senare än i dag.'],
      [dayFromToday(-11), `Avslutsdatum kan inte vara före ${dayFromToday(-10)}, den sista insatsens slutdatum.`],
      ['2026-02-30', 'Datumet finns inte.'],
      [undefined, expect.any(String)],
    ];
    for (const [closedOn, message] of cases) {
      const response = await close(manager, fixture.providerCaseId, { closedOn, version });
      expect(response.status, String(closedOn)).toBe(400);
      expect(response.body.fieldErrors, String(closedOn)).toEqual({ closedOn: message });
    }
    expect((await close(manager, fixture.providerCaseId, { closedOn: dayFromToday(-10), version })).status).toBe(200);
  });

  it('is 403 for those who see the person but do not close (care staff, the authority), 404 outside the scope or municipality', async () => {
    const fixture = await endedCase(world, 5, 'Behörighet');
    const body = { closedOn: todayInSweden(), version: (await providerCase(fixture.providerCaseId)).version };
    for (const user of ['careStaff', 'licensedStaff', 'caseOfficer'] as const) {
      expect((await close(await world.signIn(user), fixture.providerCaseId, body)).status, user).toBe(403);
    }
    // Söder's manager does not see a person only Norr (and the authority) has.
    expect((await close(await world.signIn('otherUnitManager'), fixture.providerCaseId, body)).status).toBe(404);
    expect((await close(await otherWorld.signIn('unitManager'), fixture.providerCaseId, body)).status).toBe(404);
    expect((await close(await world.signIn('unitManager'), MISSING, body)).status).toBe(404);
    expect((await close(await world.signIn('unitManager'), 'not-a-uuid', body)).status).toBe(400);
    expect((await close(new TestClient(server.baseUrl), fixture.providerCaseId, body)).status).toBe(401);
    expect((await providerCase(fixture.providerCaseId)).closed_on).toBeNull();
  });

  it("lets the manager of a unit above close; another unit's case is 404 to its manager, who sees the person but not the case", async () => {
    const fixture = await endedCase(world, 5, 'Tvåenheter');
    // Also linked to Söder, so Söder's manager sees the person, but the case is Norr's: as the staff
    // view of it (GET /api/provider-cases/:id), closing it answers as if it did not exist.
    await server.ownerDb
      .insertInto('person_unit_links')
      .values({
        municipality_id: world.municipalityId,
        person_id: fixture.personId,
        unit_id: world.units.homeCareSouth,
        source: 'registered',
      })
      .execute();
    const body = { closedOn: todayInSweden(), version: (await providerCase(fixture.providerCaseId)).version };
    const southManager = await world.signIn('otherUnitManager');
    expect((await southManager.get(`/api/persons/${fixture.personId}`)).status).toBe(200);
    expect((await close(southManager, fixture.providerCaseId, body)).status).toBe(404);
    expect((await close(await world.signIn('operationsManager'), fixture.providerCaseId, body)).status).toBe(200);
  });
});

describe("the staff view's contact", () => {
  it("gives the unit's staff the person's address and phone while the case is open, and not once it is closed", async () => {
    const person = await world.createPerson(['aoAuthority'], {
      lastName: 'Kontaktsson',
      address: { street: 'Åkervägen 9', postalCode: '123 45', city: 'Örby', validFrom: '2020-01-01' },
    });
    await server.ownerDb.updateTable('persons').set({ phone: '08-121 212' }).where('id', '=', person.id).execute();
    const fixture = await createProviderCaseFixture(server.ownerDb, world, person.id, {
      periodTo: dayFromToday(-2),
      endReason: 'Behovet upphört',
    });
    const staff = await world.signIn('careStaff');
    const open = await staff.get(`/api/provider-cases/${fixture.providerCaseId}`);
    expect(open.status).toBe(200);
    expect(open.body.personContact).toMatchObject({
      address: { street: 'Åkervägen 9', postalCode: '123 45', city: 'Örby' },
      phone: '08-121 212',
      mobilePhone: null,
    });
    const closed = await close(await world.signIn('unitManager'), fixture.providerCaseId, {
      closedOn: todayInSweden(),
      version: (await providerCase(fixture.providerCaseId)).version,
    });
    expect(closed.status).toBe(200);
    const after = await staff.get(`/api/provider-cases/${fixture.providerCaseId}`);
    expect(after.status).toBe(200);
    expect(after.body.personContact).toBeNull();
  });
});
