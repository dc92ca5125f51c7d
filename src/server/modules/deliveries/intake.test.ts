import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { TestServer } from '../../../../test/harness.ts';
import { startDeliveryTest } from '../../../../test/module-setup.ts';
import type { TestWorld } from '../../../../test/factories.ts';
import { TestClient } from '../../../../test/http-client.ts';
import {
  createSentAssignment,
  distributionBody,
  type SentAssignment,
} from '../../../../test/fixtures/delivery-fixtures.ts';

let server: TestServer;
let world: TestWorld;
let manager: TestClient;
let coordinator: TestClient;
let careStaff: TestClient;
let otherProvider: TestClient;
let foreign: TestClient;

beforeAll(async () => {
  ({ server, world, manager, careStaff, otherProvider, foreignManager: foreign } = await startDeliveryTest());
  coordinator = await world.signIn('coordinator');
});
afterAll(async () => server?.close());

async function sentAssignment(
  options: Parameters<typeof createSentAssignment>[3] = {},
): Promise<SentAssignment & { personId: string }> {
  const person = await world.createPerson(['aoAuthority'], { firstName: 'Märta', lastName: 'Ågren' });
  return { ...(await createSentAssignment(server.ownerDb, world, person.id, options)), personId: person.id };
}

async function inboxOf(userId: string, assignmentId: string) {
  return server.ownerDb
    .selectFrom('messages as m')
    .innerJoin('message_recipients as r', (join) =>
      join.onRef('r.municipality_id', '=', 'm.municipality_id').onRef('r.message_id', '=', 'm.id'),
    )
    .select(['m.subject', 'm.body', 'm.kind'])
    .where('r.user_id', '=', userId)
    .where('m.assignment_id', '=', assignmentId)
    .execute();
}

const auditOf = (entityId: string) =>
  server.ownerDb.selectFrom('audit_events').select(['action', 'person_id']).where('entity_id', '=', entityId).execute();

describe('reading what the distribution needs', () => {
  it("gives the manager the interventions, the provider's units and the state version", async () => {
    const sent = await sentAssignment();
    const response = await manager.get(`/api/assignments/${sent.assignmentId}/distribution`);
    expect(response.status, JSON.stringify(response.body)).toBe(200);
    expect(response.body.assignment).toMatchObject({
      status: 'new',
      stateVersion: 1,
      provider: { id: world.units.homeCare },
    });
    expect(response.body.interventions.map((row: { id: string }) => row.id).sort()).toEqual(
      [...sent.interventionIds].sort(),
    );
    expect(response.body.providerUnits.map((unit: { name: string }) => unit.name)).toEqual([
      'Hemtjänst Norr',
      'Hemtjänst Söder',
    ]);
    expect(response.body.permissions).toEqual({ canDistribute: true, canStop: true });
    expect(response.body.providerChange).toBeNull();
    expect((await auditOf(sent.assignmentId)).map((row) => row.action)).toContain('person.read');
  });

  it('keeps a new one from care staff until it is sent to their unit, then lets them read it without distributing; another provider and another municipality get 404', async () => {
    const sent = await sentAssignment();
    expect((await careStaff.get(`/api/assignments/${sent.assignmentId}/distribution`)).status).toBe(404);
    const distributed = await manager.post(`/api/assignments/${sent.assignmentId}/distribution`, {
      ...distributionBody(sent, world.units.homeCareNorth),
      sendToDelivery: true,
    });
    expect(distributed.status, JSON.stringify(distributed.body)).toBe(200);
    const staff = await careStaff.get(`/api/assignments/${sent.assignmentId}/distribution`);
    expect(staff.status).toBe(200);
    expect(staff.body.permissions).toEqual({ canDistribute: false, canStop: false });
    expect((await otherProvider.get(`/api/assignments/${sent.assignmentId}/distribution`)).status).toBe(404);
    expect((await foreign.get(`/api/assignments/${sent.assignmentId}/distribution`)).status).toBe(404);
    expect(
      (await new TestClient(server.baseUrl).get(`/api/assignments/${sent.assignmentId}/distribution`)).status,
    ).toBe(401);
  });
});

describe('stopping a new assignment', () => {
  it("sends it back to the case officer with the provider's message, in the same transaction", async () => {
    const sent = await sentAssignment();
    const response = await manager.post(`/api/assignments/${sent.assignmentId}/stop`, {
      stateVersion: 1,
      message: 'Fel utförare: personen bor i Söderort.',
    });
    expect(response.status, JSON.stringify(response.body)).toBe(200);
    expect(response.body).toEqual({
      assignmentId: sent.assignmentId,
      status: 'stopped',
      stateVersion: 2,
      recipientCount: 1,
    });

    const messages = await inboxOf(world.users.caseOfficer.userId, sent.assignmentId);
    expect(messages).toHaveLength(1);
    expect(messages[0]).toMatchObject({
      kind: 'event',
      subject: `Uppdrag ${sent.assignmentNumber} stoppat av Hemtjänst egen regi`,
    });
    expect(messages[0]!.body).toContain('Fel utförare: personen bor i Söderort.');
    expect(messages[0]!.body).not.toContain('Ågren');

    const officer = await world.signIn('caseOfficer');
    const read = await officer.get(`/api/assignments/${sent.assignmentId}`);
    expect(read.body).toMatchObject({ status: 'stopped', stateMessage: 'Fel utförare: personen bor i Söderort.' });
    expect(read.body.events.map((event: { event: string }) => event.event)).toEqual(['sent', 'stopped']);
    const link = await server.ownerDb
      .selectFrom('person_unit_links')
      .select('valid_to')
      .where('source', '=', 'assignment')
      .where('source_id', '=', sent.assignmentId)
      .executeTakeFirstOrThrow();
    expect(link.valid_to).not.toBeNull();
    expect((await auditOf(sent.assignmentId)).find((row) => row.action === 'assignment.stop')?.person_id).toBe(
      sent.personId,
    );

    const again = await coordinator.post(`/api/assignments/${sent.assignmentId}/stop`, {
      stateVersion: 2,
      message: 'Igen.',
    });
    expect(again.status).toBe(409);
    expect(again.body.message).toMatch(/redan stoppats av Enhetschef unitManager/);
  });

  it('needs a reason, the current state version, and a manager or coordinator of the provider', async () => {
    const sent = await sentAssignment();
    const path = `/api/assignments/${sent.assignmentId}/stop`;
    expect((await manager.post(path, { stateVersion: 1, message: '  ' })).body.fieldErrors).toEqual({
      message: 'Obligatoriskt.',
    });
    expect((await manager.post(path, { stateVersion: 7, message: 'Fel.' })).status).toBe(409);
    // Care staff do not read a new assignment; the case officer reads it and may not answer it.
    expect((await careStaff.post(path, { stateVersion: 1, message: 'Fel.' })).status).toBe(404);
    expect((await (await world.signIn('caseOfficer')).post(path, { stateVersion: 1, message: 'Fel.' })).status).toBe(
      403,
    );
    expect((await otherProvider.post(path, { stateVersion: 1, message: 'Fel.' })).status).toBe(404);
    expect((await foreign.post(path, { stateVersion: 1, message: 'Fel.' })).status).toBe(404);
    expect((await new TestClient(server.baseUrl).post(path, { stateVersion: 1, message: 'Fel.' })).status).toBe(401);
    const state = await server.ownerDb
      .selectFrom('assignment_states')
      .select('status')
      .where('assignment_id', '=', sent.assignmentId)
      .executeTakeFirstOrThrow();
    expect(state.status).toBe('new');
  });
});

describe('accepting and distributing', () => {
  it('registers rows under distribution with their history, and accepts the assignment', async () => {
    const sent = await sentAssignment();
    const response = await manager.post(
      `/api/assignments/${sent.assignmentId}/distribution`,
      distributionBody(sent, world.units.homeCareNorth),
    );
    expect(response.status, JSON.stringify(response.body)).toBe(200);
    expect(response.body.sent).toBeNull();
    expect(response.body.rows).toHaveLength(2);
    expect(response.body.rows[0]).toMatchObject({
      status: 'under_distribution',
      providerUnit: { name: 'Hemtjänst Norr' },
      hoursPerVisit: 0.5,
      periodTo: null,
      providerCaseId: null,
    });
    const events = await server.ownerDb
      .selectFrom('delivery_events')
      .select('event')
      .where('delivery_id', '=', response.body.rows[0].id)
      .execute();
    expect(events.map((row) => row.event)).toEqual(['registered']);
    const state = await server.ownerDb
      .selectFrom('assignment_states')
      .select(['status', 'version'])
      .where('assignment_id', '=', sent.assignmentId)
      .executeTakeFirstOrThrow();
    expect(state).toEqual({ status: 'accepted', version: 2 });
    expect((await auditOf(sent.assignmentId)).map((row) => row.action)).toContain('assignment.distribute');
    expect(
      await server.ownerDb.selectFrom('provider_cases').select('id').where('person_id', '=', sent.personId).execute(),
    ).toEqual([]);
  });

  it('sends to delivery at once: a provider case per unit, the person moves under the unit, and the concerned are offered', async () => {
    const sent = await sentAssignment();
    expect((await manager.get(`/api/persons/${sent.personId}`)).status).toBe(404);
    const body = distributionBody(sent, world.units.homeCareNorth, { sendToDelivery: true });
    // "Dela upp": personal care split over the two units.
    body.rows.push({
      ...body.rows[0]!,
      providerUnitId: world.units.homeCareSouth,
      label: 'Dusch',
      formOfDelivery: 'Hemtjänst kväll',
    });
    const response = await manager.post(`/api/assignments/${sent.assignmentId}/distribution`, body);
    expect(response.status, JSON.stringify(response.body)).toBe(200);
    expect(response.body.sent.rows.map((row: { status: string }) => row.status)).toEqual([
      'sent_to_delivery',
      'sent_to_delivery',
      'sent_to_delivery',
    ]);
    expect(response.body.sent.personId).toBe(sent.personId);
    const labels = response.body.sent.concerned.map((row: { label: string }) => row.label);
    expect(labels).toEqual(expect.arrayContaining(['Undersköterska careStaff', 'Undersköterska otherCareStaff']));
    expect(labels).not.toContain('Enhetschef unitManager');

    const cases = await server.ownerDb
      .selectFrom('provider_cases')
      .select(['provider_unit_id', 'acknowledged_at'])
      .where('person_id', '=', sent.personId)
      .execute();
    expect(cases.map((row) => row.provider_unit_id).sort()).toEqual(
      [world.units.homeCareNorth, world.units.homeCareSouth].sort(),
    );
    expect(cases.every((row) => row.acknowledged_at === null)).toBe(true);
    expect((await manager.get(`/api/persons/${sent.personId}`)).status).toBe(200);
    const row = response.body.sent.rows[0];
    const events = await server.ownerDb
      .selectFrom('delivery_events')
      .select(['event', 'snapshot'])
      .where('delivery_id', '=', row.id)
      .orderBy('id')
      .execute();
    expect(events.map((event) => event.event)).toEqual(['registered', 'sent_to_delivery']);
    expect(events[1]!.snapshot).toMatchObject({ status: 'sent_to_delivery', providerCaseId: row.providerCaseId });
  });

  it('lets exactly one of two managers distributing at once win; the other is told who, and nothing is half-written', async () => {
    const sent = await sentAssignment();
    const path = `/api/assignments/${sent.assignmentId}/distribution`;
    const [first, second] = await Promise.all([
      manager.post(path, distributionBody(sent, world.units.homeCareNorth, { sendToDelivery: true })),
      coordinator.post(path, distributionBody(sent, world.units.homeCareSouth, { sendToDelivery: true })),
    ]);
    expect([first.status, second.status].sort()).toEqual([200, 409]);
    const loser = first.status === 409 ? first : second;
    const winnerName = first.status === 200 ? 'Enhetschef unitManager' : 'Samordnare coordinator';
    expect(loser.body.message).toBe(`Uppdraget har redan fördelats av ${winnerName}.`);
    const rows = await server.ownerDb
      .selectFrom('deliveries')
      .select('provider_unit_id')
      .where('assignment_id', '=', sent.assignmentId)
      .execute();
    expect(rows).toHaveLength(2);
    expect(new Set(rows.map((row) => row.provider_unit_id)).size).toBe(1);
    const accepted = await server.ownerDb
      .selectFrom('assignment_events')
      .select('event')
      .where('assignment_id', '=', sent.assignmentId)
      .where('event', '=', 'accepted')
      .execute();
    expect(accepted).toHaveLength(1);
  });

  it("keeps the period inside the decision: 400 on the row's field; a tills vidare decision allows an open period", async () => {
    const limited = await sentAssignment({ periodTo: '2026-06-30' });
    const path = `/api/assignments/${limited.assignmentId}/distribution`;
    const open = await manager.post(path, distributionBody(limited, world.units.homeCareNorth));
    expect(open.status).toBe(400);
    expect(open.body.fieldErrors['rows.0.periodTo']).toMatch(/ange ett slutdatum.*senast 2026-06-30/);
    const past = distributionBody(limited, world.units.homeCareNorth);
    past.rows[1]!.periodTo = '2026-07-01';
    past.rows[0]!.periodTo = '2026-06-30';
    past.rows[0]!.periodFrom = '2026-01-31';
    const both = await manager.post(path, past);
    expect(Object.keys(both.body.fieldErrors).sort()).toEqual(['rows.0.periodFrom', 'rows.1.periodTo']);
    const fitting = distributionBody(limited, world.units.homeCareNorth);
    fitting.rows.forEach((row) => {
      row.periodTo = '2026-06-30';
    });
    expect((await manager.post(path, fitting)).status).toBe(200);
  });

  it('needs a row for every intervention, units of the provider, and sensible time', async () => {
    const sent = await sentAssignment();
    const other = await sentAssignment();
    const path = `/api/assignments/${sent.assignmentId}/distribution`;
    const post = (body: unknown) => manager.post(path, body);

    const onlyOne = distributionBody(sent, world.units.homeCareNorth);
    onlyOne.rows.pop();
    expect((await post(onlyOne)).body.fieldErrors).toEqual({
      rows: 'Registrera minst en rad för varje insats i uppdraget. Saknas: Matdistribution.',
    });

    const wrong = distributionBody(sent, world.units.homeCareNorth);
    wrong.rows[0]!.providerUnitId = world.units.familyTeam;
    wrong.rows[1]!.assignmentInterventionId = other.interventionIds[1]!;
    const problems = (await post(wrong)).body.fieldErrors;
    expect(problems['rows.0.providerUnitId']).toBe('Välj en aktiv utförarenhet hos utföraren.');
    expect(problems['rows.1.assignmentInterventionId']).toBe('Insatsen finns inte i uppdraget.');

    const time = distributionBody(sent, world.units.homeCareNorth);
    time.rows[0] = { ...time.rows[0]!, hoursPerVisit: 0.333, frequency: 3, frequencyUnit: null };
    time.rows[1] = { ...time.rows[1]!, frequency: 50, frequencyUnit: 'times_per_day' };
    expect((await post(time)).body.fieldErrors).toEqual({
      'rows.0.hoursPerVisit': 'Ange högst två decimaler.',
      'rows.0.frequencyUnit': 'Välj enhet för tid/frekvens.',
      'rows.1.frequency': 'Högst 48 i den enheten.',
    });
    const negative = distributionBody(sent, world.units.homeCareNorth);
    negative.rows[0]!.hoursPerVisit = -1;
    negative.rows[1]!.days = 'sometimes' as never;
    expect(Object.keys((await post(negative)).body.fieldErrors).sort()).toEqual([
      'rows.0.hoursPerVisit',
      'rows.1.days',
    ]);
    expect((await post({ stateVersion: 1, rows: 'x' })).status).toBe(400);
    const state = await server.ownerDb
      .selectFrom('assignment_states')
      .select('status')
      .where('assignment_id', '=', sent.assignmentId)
      .executeTakeFirstOrThrow();
    expect(state.status).toBe('new');
  });

  it('is for managers and coordinators of the provider only', async () => {
    const sent = await sentAssignment();
    const path = `/api/assignments/${sent.assignmentId}/distribution`;
    const body = distributionBody(sent, world.units.homeCareNorth);
    expect((await careStaff.post(path, body)).status).toBe(404);
    expect((await (await world.signIn('caseOfficer')).post(path, body)).status).toBe(403);
    expect((await otherProvider.post(path, body)).status).toBe(404);
    expect((await foreign.post(path, body)).status).toBe(404);
    expect((await new TestClient(server.baseUrl).post(path, body)).status).toBe(401);
    expect((await manager.post(path, { ...body, stateVersion: 2 })).status).toBe(409);
    expect((await manager.post(path, body)).status).toBe(200);
    expect((await manager.post(path, { ...body, stateVersion: 2 })).body.message).toBe(
      'Uppdraget har redan fördelats av Enhetschef unitManager.',
    );
  });
});
