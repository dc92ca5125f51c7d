/**
 * Acknowledging (kvittera) is per assignment: a later assignment's rows sent into a person's open,
 * acknowledged case at a unit bring it back under the staff's Nya uppdrag (Att kvittera), and
 * staff acknowledge that assignment; a change of time (the same assignment's row sent again)
 * asks nothing. Through HTTP, as the manager distributes and staff acknowledge.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { TestServer } from '../../../../test/harness.ts';
import { startModuleTest } from '../../../../test/module-setup.ts';
import type { TestWorld } from '../../../../test/factories.ts';
import type { TestClient } from '../../../../test/http-client.ts';
import {
  createDeliveryRows,
  createSentAssignment,
  distributionBody,
  type SentAssignment,
} from '../../../../test/fixtures/delivery-fixtures.ts';

let server: TestServer;
let world: TestWorld;
let manager: TestClient;
let staff: TestClient;
let otherStaff: TestClient;

beforeAll(async () => {
  ({ server, world } = await startModuleTest());
  [manager, staff, otherStaff] = await Promise.all([
    world.signIn('unitManager'),
    world.signIn('careStaff'),
    world.signIn('otherCareStaff'),
  ]);
});
afterAll(async () => server?.close());

async function newPerson(lastName: string): Promise<string> {
  return (await world.createPerson(['aoAuthority'], { firstName: 'Test', lastName })).id;
}

/** Accepts and distributes the assignment to Hemtjänst Norr, sending it to delivery at once; answers the provider case. */
async function distribute(sent: SentAssignment): Promise<{ providerCaseId: string; deliveryIds: string[] }> {
  const response = await manager.post(
    `/api/assignments/${sent.assignmentId}/distribution`,
    distributionBody(sent, world.units.homeCareNorth, { sendToDelivery: true }),
  );
  expect(response.status, JSON.stringify(response.body)).toBe(200);
  const rows = response.body.rows as { id: string; providerCaseId: string }[];
  return { providerCaseId: rows[0]!.providerCaseId, deliveryIds: rows.map((row) => row.id) };
}

const waitingIds = async (client: TestClient) =>
  ((await client.get('/api/desk/unacknowledged')).body.items as { providerCaseId: string }[]).map(
    (item) => item.providerCaseId,
  );
const waitingItem = async (client: TestClient, providerCaseId: string) =>
  ((await client.get('/api/desk/unacknowledged')).body.items as { providerCaseId: string }[]).find(
    (item) => item.providerCaseId === providerCaseId,
  );
const eventsOf = async (assignmentId: string) =>
  await server.ownerDb
    .selectFrom('assignment_events')
    .select(['event', 'actor_id'])
    .where('assignment_id', '=', assignmentId)
    .orderBy('id')
    .execute();
const acknowledge = (client: TestClient, providerCaseId: string, version: number) =>
  client.post(`/api/provider-cases/${providerCaseId}/acknowledge`, { version, moveToMyPersons: false });

describe('a later assignment sent into an acknowledged provider case', () => {
  it('brings the case back under Att kvittera, names the new assignment, and is acknowledged again with its own event', async () => {
    const personId = await newPerson('Tvåuppdrag');
    const first = await createSentAssignment(server.ownerDb, world, personId);
    const { providerCaseId } = await distribute(first);
    const read = await staff.get(`/api/provider-cases/${providerCaseId}`);
    expect((await acknowledge(staff, providerCaseId, read.body.version)).status).toBe(200);
    expect(await waitingIds(staff)).not.toContain(providerCaseId);

    // The second assignment is distributed, and only its meals row sent on for now.
    const second = await createSentAssignment(server.ownerDb, world, personId);
    const distributed = await manager.post(
      `/api/assignments/${second.assignmentId}/distribution`,
      distributionBody(second, world.units.homeCareNorth),
    );
    expect(distributed.status, JSON.stringify(distributed.body)).toBe(200);
    const meals = (distributed.body.rows as { id: string; version: number; interventionName: string }[]).find(
      (row) => row.interventionName === 'Matdistribution',
    )!;
    const sent = await manager.post('/api/deliveries/send-to-delivery', {
      rows: [{ deliveryId: meals.id, version: meals.version }],
    });
    expect(sent.status, JSON.stringify(sent.body)).toBe(200);
    expect(sent.body.rows[0].providerCaseId).toBe(providerCaseId);

    // Back under Nya uppdrag → Att kvittera, for all the unit's staff, marked as a new assignment with only its interventions.
    expect(await waitingItem(staff, providerCaseId)).toMatchObject({
      wasAcknowledgedBefore: true,
      interventions: ['Matdistribution'],
    });
    expect((await staff.get('/api/desk')).body.counts.unacknowledged).toBe((await waitingIds(staff)).length);
    const again = await staff.get(`/api/provider-cases/${providerCaseId}`);
    expect(again.body).toMatchObject({
      acknowledgedAt: null,
      acknowledgedByName: null,
      permissions: { canAcknowledge: true },
    });
    expect(again.body.version).toBeGreaterThan(read.body.version + 1);
    expect(again.body.assignments.map((row: { id: string }) => row.id)).toEqual([
      first.assignmentId,
      second.assignmentId,
    ]);
    expect(again.body.acknowledgements).toEqual([
      {
        assignmentId: first.assignmentId,
        acknowledgedAt: expect.any(String),
        acknowledgedByName: 'Undersköterska careStaff',
      },
      { assignmentId: second.assignmentId, acknowledgedAt: null, acknowledgedByName: null },
    ]);

    // Acknowledging from the case as it stood before the new assignment is stale.
    expect((await acknowledge(otherStaff, providerCaseId, again.body.version)).status).toBe(404);
    expect((await acknowledge(manager, providerCaseId, again.body.version - 1)).status).toBe(409);
    const acknowledged = await acknowledge(manager, providerCaseId, again.body.version);
    expect(acknowledged.status, JSON.stringify(acknowledged.body)).toBe(200);
    expect(acknowledged.body.acknowledgements).toEqual([
      {
        assignmentId: first.assignmentId,
        acknowledgedAt: again.body.acknowledgements[0].acknowledgedAt,
        acknowledgedByName: 'Undersköterska careStaff',
      },
      {
        assignmentId: second.assignmentId,
        acknowledgedAt: expect.any(String),
        acknowledgedByName: 'Enhetschef unitManager',
      },
    ]);
    expect(await waitingIds(staff)).not.toContain(providerCaseId);

    // The first assignment was acknowledged once; the second now, by the manager.
    expect((await eventsOf(first.assignmentId)).map((row) => row.event)).toEqual(['sent', 'accepted', 'acknowledged']);
    expect(await eventsOf(second.assignmentId)).toEqual([
      { event: 'sent', actor_id: expect.any(String) },
      { event: 'accepted', actor_id: world.users.unitManager.userId },
      { event: 'acknowledged', actor_id: world.users.unitManager.userId },
    ]);
    const audit = await server.ownerDb
      .selectFrom('audit_events')
      .select('details')
      .where('action', '=', 'provider_case.acknowledge')
      .where('entity_id', '=', providerCaseId)
      .orderBy('id', 'desc')
      .executeTakeFirstOrThrow();
    expect(audit.details).toMatchObject({ assignmentIds: [second.assignmentId] });
  });

  it('keeps what a case acknowledged as a whole covered: only the new assignment waits', async () => {
    const personId = await newPerson('Helhetskvitterad');
    const first = await createSentAssignment(server.ownerDb, world, personId);
    // Built acknowledged by the seed builder, which records the case's acknowledgement alone.
    const built = await createDeliveryRows(server.ownerDb, world, first, world.units.homeCareNorth, {
      acknowledgedById: world.users.careStaff.userId,
    });
    const providerCaseId = built.providerCaseIds[0]!;
    const second = await createSentAssignment(server.ownerDb, world, personId);
    await distribute(second);
    const view = await staff.get(`/api/provider-cases/${providerCaseId}`);
    expect(view.body.acknowledgements).toEqual([
      {
        assignmentId: first.assignmentId,
        acknowledgedAt: expect.any(String),
        acknowledgedByName: 'Undersköterska careStaff',
      },
      { assignmentId: second.assignmentId, acknowledgedAt: null, acknowledgedByName: null },
    ]);
    expect((await acknowledge(staff, providerCaseId, view.body.version)).status).toBe(200);
    expect((await eventsOf(first.assignmentId)).filter((row) => row.event === 'acknowledged')).toHaveLength(1);
    expect((await eventsOf(second.assignmentId)).filter((row) => row.event === 'acknowledged')).toHaveLength(1);
  });

  it('leaves a case not yet acknowledged waiting, and one acknowledgement then covers both assignments', async () => {
    const personId = await newPerson('Väntarfortfarande');
    const first = await createSentAssignment(server.ownerDb, world, personId);
    const { providerCaseId } = await distribute(first);
    const before = await staff.get(`/api/provider-cases/${providerCaseId}`);
    const second = await createSentAssignment(server.ownerDb, world, personId);
    await distribute(second);
    // The staff member who opened the case before the second came cannot acknowledge what they never saw.
    expect((await acknowledge(staff, providerCaseId, before.body.version)).status).toBe(409);
    expect(await waitingItem(staff, providerCaseId)).toMatchObject({ wasAcknowledgedBefore: false });
    const now = await staff.get(`/api/provider-cases/${providerCaseId}`);
    expect(now.body.acknowledgements.map((row: { acknowledgedAt: string | null }) => row.acknowledgedAt)).toEqual([
      null,
      null,
    ]);
    expect((await acknowledge(staff, providerCaseId, now.body.version)).status).toBe(200);
    for (const assignment of [first, second])
      expect(
        (await eventsOf(assignment.assignmentId)).filter((row) => row.event === 'acknowledged'),
        assignment.assignmentNumber,
      ).toHaveLength(1);
  });
});

describe('a change of time in an acknowledged provider case', () => {
  it('sends the continuation into the same case without asking staff to acknowledge again', async () => {
    const personId = await newPerson('Ändradtid');
    const first = await createSentAssignment(server.ownerDb, world, personId);
    const { providerCaseId, deliveryIds } = await distribute(first);
    const read = await staff.get(`/api/provider-cases/${providerCaseId}`);
    const acknowledged = await acknowledge(staff, providerCaseId, read.body.version);
    expect(acknowledged.status).toBe(200);

    const row = await server.ownerDb
      .selectFrom('deliveries')
      .select('version')
      .where('id', '=', deliveryIds[0]!)
      .executeTakeFirstOrThrow();
    const withdrawn = await manager.post(`/api/deliveries/${deliveryIds[0]}/withdraw`, {
      changeFrom: '2026-06-01',
      version: row.version,
    });
    expect(withdrawn.status, JSON.stringify(withdrawn.body)).toBe(200);
    const continuation = withdrawn.body.continuation as { id: string; version: number };
    const registered = await manager.put(`/api/deliveries/${continuation.id}`, {
      providerUnitId: world.units.homeCareNorth,
      periodFrom: '2026-06-01',
      periodTo: null,
      formOfDelivery: 'Hemtjänst dag',
      hoursPerVisit: 0.75,
      days: 'weekdays',
      frequency: 3,
      frequencyUnit: 'times_per_day',
      version: continuation.version,
    });
    expect(registered.status, JSON.stringify(registered.body)).toBe(200);
    const sent = await manager.post('/api/deliveries/send-to-delivery', {
      rows: [{ deliveryId: continuation.id, version: registered.body.version }],
    });
    expect(sent.status, JSON.stringify(sent.body)).toBe(200);
    expect(sent.body.rows[0].providerCaseId).toBe(providerCaseId);

    const after = await staff.get(`/api/provider-cases/${providerCaseId}`);
    expect(after.body).toMatchObject({
      acknowledgedAt: acknowledged.body.acknowledgedAt,
      acknowledgedByName: 'Undersköterska careStaff',
      version: acknowledged.body.version,
    });
    expect(await waitingIds(staff)).not.toContain(providerCaseId);
    expect((await eventsOf(first.assignmentId)).filter((event) => event.event === 'acknowledged')).toHaveLength(1);
  });
});
