/**
 * Another provider's manager who sees the person — the person also has support from their unit,
 * as after a change of provider — gets 404 for every provider-side route on the first provider's
 * rows, assignment and provider case, exactly as if they did not exist (ADR 0004), and reads none
 * of its rows in the person's lists. The permission matrix covers other units of the same provider
 * and other municipalities; this file covers the other provider. Each request is then made by the
 * rightful manager with the same body (and succeeds, or fails only on the rules), so a 404 there is
 * the scope at work, not a bad request.
 */
import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestServer, type TestServer } from './harness.ts';
import { createTestWorld, TEST_PASSWORD, type TestWorld } from './factories.ts';
import { TestClient } from './http-client.ts';
import { todayInSweden } from '../src/domain/dates.ts';
import {
  createDeliveryRows,
  createOtherProviderManager,
  createSentAssignment,
  stateVersionOf,
} from './fixtures/delivery-fixtures.ts';

let server: TestServer;
let world: TestWorld;
let rightful: TestClient;
let otherManager: TestClient;
let other: Awaited<ReturnType<typeof createOtherProviderManager>>;

beforeAll(async () => {
  server = await startTestServer();
  world = await createTestWorld(server.ownerDb, server.baseUrl);
  other = await createOtherProviderManager(server.ownerDb, world);
  [rightful, otherManager] = await Promise.all([
    world.signIn('unitManager'),
    new TestClient(server.baseUrl).signIn(other.username, TEST_PASSWORD),
  ]);
});
afterAll(async () => server?.close());

/**
 * A person with rows at Hemtjänst Norr (Hemtjänst egen regi) and an open provider case at the
 * other provider's unit, so the other manager sees the person; `status` of the Norr rows.
 */
async function personAtBothProviders(status: 'under_distribution' | 'sent_to_delivery') {
  const person = await world.createPerson(['aoAuthority', 'homeCareNorth'], { lastName: 'Tvåutförare' });
  const theirs = await createSentAssignment(server.ownerDb, world, person.id, { providerId: other.providerId });
  await createDeliveryRows(server.ownerDb, world, theirs, other.unitId, {
    status: 'sent_to_delivery',
    formOfDelivery: 'Hemtjänst dag',
    hoursPerVisit: 0.5,
    days: 'whole_week',
    frequency: 1,
    frequencyUnit: 'times_per_day',
  });
  const sent = await createSentAssignment(server.ownerDb, world, person.id);
  const created = await createDeliveryRows(server.ownerDb, world, sent, world.units.homeCareNorth, {
    status,
    startedOn: status === 'sent_to_delivery' ? '2026-02-03' : null,
    formOfDelivery: 'Hemtjänst dag',
    hoursPerVisit: 0.5,
    days: 'whole_week',
    frequency: 2,
    frequencyUnit: 'times_per_day',
  });
  const deliveryId = created.deliveryIds[0]!;
  const version = async () =>
    (
      await server.ownerDb
        .selectFrom('deliveries')
        .select('version')
        .where('id', '=', deliveryId)
        .executeTakeFirstOrThrow()
    ).version;
  const providerCase = created.providerCaseIds[0]
    ? await server.ownerDb
        .selectFrom('provider_cases')
        .select(['id', 'version'])
        .where('id', '=', created.providerCaseIds[0])
        .executeTakeFirstOrThrow()
    : undefined;
  return { personId: person.id, sent, deliveryId, version, providerCase };
}

/** The other manager first, then the rightful one: the other must get 404, the rightful anything but. */
async function expectOnlyRightful(method: string, path: string, body?: unknown): Promise<number> {
  const denied = await otherManager.request(method, path, body);
  expect(denied.status, `${method} ${path} as the other provider: ${JSON.stringify(denied.body)}`).toBe(404);
  const allowed = await rightful.request(method, path, body);
  expect(allowed.status, `${method} ${path} as the rightful manager: ${JSON.stringify(allowed.body)}`).not.toBe(404);
  expect(allowed.status, `${method} ${path} as the rightful manager: ${JSON.stringify(allowed.body)}`).toBeLessThan(
    500,
  );
  return allowed.status;
}

describe("another provider's manager who sees the person", () => {
  it("sees the person, and only their own rows in the person's lists", async () => {
    const person = await personAtBothProviders('sent_to_delivery');
    expect((await otherManager.get(`/api/persons/${person.personId}`)).status).toBe(200);
    const deliveries = await otherManager.get(`/api/persons/${person.personId}/deliveries`);
    expect(deliveries.status).toBe(200);
    const units = JSON.stringify(deliveries.body);
    expect(units).toContain(other.unitId);
    expect(units).not.toContain(person.deliveryId);
    expect(units).not.toContain(world.units.homeCareNorth);
    const changes = await otherManager.get(`/api/persons/${person.personId}/provider-changes`);
    expect(changes.status).toBe(200);
    expect(JSON.stringify(changes.body)).not.toContain(person.deliveryId);
  });

  it('gets 404 for the assignment sent to the first provider: reading, distributing and stopping it', async () => {
    const person = await world.createPerson(['aoAuthority', 'homeCareNorth']);
    const theirs = await createSentAssignment(server.ownerDb, world, person.id, { providerId: other.providerId });
    await createDeliveryRows(server.ownerDb, world, theirs, other.unitId, { status: 'sent_to_delivery' });
    const sent = await createSentAssignment(server.ownerDb, world, person.id);
    expect(await expectOnlyRightful('GET', `/api/assignments/${sent.assignmentId}/distribution`)).toBe(200);
    const stop = { stateVersion: await stateVersionOf(server.ownerDb, sent.assignmentId), message: 'Fel utförare.' };
    expect(await expectOnlyRightful('POST', `/api/assignments/${sent.assignmentId}/stop`, stop)).toBe(200);
  });

  it("gets 404 for registering, sending, starting and correcting the first provider's rows", async () => {
    const registered = await personAtBothProviders('under_distribution');
    const fields = {
      providerUnitId: world.units.homeCareNorth,
      periodFrom: '2026-02-01',
      periodTo: null,
      hoursPerVisit: 0.5,
      days: 'whole_week',
      frequency: 3,
      frequencyUnit: 'times_per_day',
    };
    expect(
      await expectOnlyRightful('PUT', `/api/deliveries/${registered.deliveryId}`, {
        ...fields,
        version: await registered.version(),
      }),
    ).toBe(200);
    const sending = { rows: [{ deliveryId: registered.deliveryId, version: await registered.version() }] };
    expect(await expectOnlyRightful('POST', '/api/deliveries/send-to-delivery', sending)).toBe(200);

    const running = await personAtBothProviders('sent_to_delivery');
    expect(await expectOnlyRightful('GET', `/api/deliveries/${running.deliveryId}/history`)).toBe(200);
    const correction = {
      label: null,
      formOfDelivery: 'Hemtjänst dag',
      resource: 'Grupp 2',
      resourceUse: null,
      watchDate: null,
      hoursPerVisit: 0.5,
      extraHoursTwoStaff: null,
      days: 'whole_week',
      frequency: 2,
      frequencyUnit: 'times_per_day',
      startedOn: '2026-02-03',
      note: 'Fel grupp.',
      version: await running.version(),
    };
    expect(await expectOnlyRightful('POST', `/api/deliveries/${running.deliveryId}/correct`, correction)).toBe(200);

    const unstarted = await personAtBothProviders('sent_to_delivery');
    await server.ownerDb
      .updateTable('deliveries')
      .set({ started_on: null })
      .where('id', '=', unstarted.deliveryId)
      .execute();
    expect(
      await expectOnlyRightful('POST', `/api/deliveries/${unstarted.deliveryId}/start`, {
        startedOn: '2026-02-02',
        version: await unstarted.version(),
      }),
    ).toBe(200);
  });

  it("gets 404 for the first provider's provider case: reading, acknowledging and closing it", async () => {
    const person = await personAtBothProviders('sent_to_delivery');
    const providerCase = person.providerCase!;
    expect(await expectOnlyRightful('GET', `/api/provider-cases/${providerCase.id}`)).toBe(200);
    await server.ownerDb
      .updateTable('provider_cases')
      .set({ acknowledged_at: null, acknowledged_by_id: null })
      .where('id', '=', providerCase.id)
      .execute();
    const acknowledge = { version: providerCase.version, moveToMyPersons: false };
    expect(await expectOnlyRightful('POST', `/api/provider-cases/${providerCase.id}/acknowledge`, acknowledge)).toBe(
      200,
    );
    // Its rows run on, so the rightful manager is refused on the rules (400/409), the other one on scope.
    const current = await server.ownerDb
      .selectFrom('provider_cases')
      .select('version')
      .where('id', '=', providerCase.id)
      .executeTakeFirstOrThrow();
    expect(
      await expectOnlyRightful('POST', `/api/provider-cases/${providerCase.id}/close`, {
        closedOn: todayInSweden(),
        version: current.version,
      }),
    ).not.toBe(200);
  });

  it("gets 404 for changing the first provider's rows: withdraw, end, interruptions and change of provider", async () => {
    const withdrawn = await personAtBothProviders('sent_to_delivery');
    expect(
      await expectOnlyRightful('POST', `/api/deliveries/${withdrawn.deliveryId}/withdraw`, {
        changeFrom: '2026-06-01',
        version: await withdrawn.version(),
      }),
    ).toBe(200);

    const ended = await personAtBothProviders('sent_to_delivery');
    expect(
      await expectOnlyRightful('POST', `/api/deliveries/${ended.deliveryId}/end`, {
        endOn: '2026-06-30',
        endReason: 'Avliden',
        version: await ended.version(),
      }),
    ).toBe(200);

    const interrupted = await personAtBothProviders('sent_to_delivery');
    expect(await expectOnlyRightful('GET', `/api/deliveries/${interrupted.deliveryId}/interruptions`)).toBe(200);
    const registered = await expectOnlyRightful('POST', `/api/deliveries/${interrupted.deliveryId}/interruptions`, {
      fromDate: '2026-03-01',
      toDate: null,
      reason: 'Sjukhusvistelse',
    });
    expect([200, 201]).toContain(registered);
    const interruption = await server.ownerDb
      .selectFrom('interruptions')
      .select(['id', 'version'])
      .where('delivery_id', '=', interrupted.deliveryId)
      .executeTakeFirstOrThrow();
    const resume = { toDate: '2026-03-20', reason: 'Sjukhusvistelse', version: interruption.version };
    expect(await expectOnlyRightful('PUT', `/api/interruptions/${interruption.id}`, resume)).toBe(200);

    const moved = await personAtBothProviders('sent_to_delivery');
    expect(await expectOnlyRightful('GET', `/api/deliveries/${moved.deliveryId}/provider-change-targets`)).toBe(200);
    // The other manager sees the person, so the route is theirs to call: it answers for the row
    // exactly as for a row that does not exist.
    const change = { deliveryIds: [moved.deliveryId], toProviderUnitId: other.unitId, changeDate: '2026-06-01' };
    const denied = await otherManager.post(`/api/persons/${moved.personId}/provider-changes`, change);
    const missing = await otherManager.post(`/api/persons/${moved.personId}/provider-changes`, {
      ...change,
      deliveryIds: [randomUUID()],
    });
    expect(denied.status, JSON.stringify(denied.body)).toBe(missing.status);
    expect(denied.body.fieldErrors ?? denied.body.message).toEqual(missing.body.fieldErrors ?? missing.body.message);
    const allowed = await rightful.post(`/api/persons/${moved.personId}/provider-changes`, change);
    expect(allowed.status, JSON.stringify(allowed.body)).toBeLessThan(300);
  });
});
