import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { TestServer } from '../../../../test/harness.ts';
import { startDeliveryTest } from '../../../../test/module-setup.ts';
import type { TestWorld } from '../../../../test/factories.ts';
import { TestClient } from '../../../../test/http-client.ts';
import { todayInSweden } from '../../../domain/dates.ts';
import { addDays } from '../../../domain/periods.ts';
import {
  createDeliveryRows,
  createSentAssignment,
  type SentAssignment,
} from '../../../../test/fixtures/delivery-fixtures.ts';

let server: TestServer;
let world: TestWorld;
let manager: TestClient;
let careStaff: TestClient;
let otherCareStaff: TestClient;
let officer: TestClient;
let otherProvider: TestClient;
let foreign: TestClient;

beforeAll(async () => {
  ({
    server,
    world,
    manager,
    careStaff,
    otherCareStaff,
    officer,
    otherProvider,
    foreignManager: foreign,
  } = await startDeliveryTest());
});
afterAll(async () => server?.close());

async function sentAssignment(
  options: Parameters<typeof createSentAssignment>[3] = {},
): Promise<SentAssignment & { personId: string }> {
  const person = await world.createPerson(['aoAuthority'], { firstName: 'Sven', lastName: 'Öst' });
  return { ...(await createSentAssignment(server.ownerDb, world, person.id, options)), personId: person.id };
}

const auditActions = async (entityId: string) =>
  (await server.ownerDb.selectFrom('audit_events').select('action').where('entity_id', '=', entityId).execute()).map(
    (row) => row.action,
  );
const versionOf = async (deliveryId: string) =>
  (
    await server.ownerDb
      .selectFrom('deliveries')
      .select('version')
      .where('id', '=', deliveryId)
      .executeTakeFirstOrThrow()
  ).version;
const rowBody = (unitId: string) => ({
  providerUnitId: unitId,
  periodFrom: '2026-03-01',
  periodTo: null,
  hoursPerVisit: 0.33,
  extraHoursTwoStaff: 0.33,
  days: 'weekdays',
  frequency: 3,
  frequencyUnit: 'times_per_week',
  formOfDelivery: 'Hemtjänst dag',
});

describe('registering and sending rows under distribution', () => {
  it('changes a row under distribution, then sends it to delivery, with history', async () => {
    const sent = await sentAssignment();
    const { deliveryIds } = await createDeliveryRows(server.ownerDb, world, sent, world.units.homeCareNorth, {
      status: 'under_distribution',
    });
    const id = deliveryIds[0]!;
    const changed = await manager.put(`/api/deliveries/${id}`, {
      ...rowBody(world.units.homeCareNorth),
      version: await versionOf(id),
    });
    expect(changed.status, JSON.stringify(changed.body)).toBe(200);
    expect(changed.body).toMatchObject({
      status: 'under_distribution',
      hoursPerVisit: 0.33,
      days: 'weekdays',
      frequencyUnit: 'times_per_week',
      permissions: { canRegister: true, canSendToDelivery: true },
    });
    expect(
      (await manager.put(`/api/deliveries/${id}`, { ...rowBody(world.units.homeCareNorth), version: 1 })).status,
    ).toBe(409);
    const beyond = await manager.put(`/api/deliveries/${id}`, {
      ...rowBody(world.units.familyTeam),
      periodFrom: '2026-01-01',
      version: changed.body.version,
    });
    expect(beyond.body.fieldErrors).toMatchObject({
      providerUnitId: expect.any(String),
      periodFrom: 'Verkställigheten kan inte börja före beslutsperioden (från 2026-02-01).',
    });

    const response = await manager.post('/api/deliveries/send-to-delivery', {
      rows: [{ deliveryId: id, version: changed.body.version }],
    });
    expect(response.status, JSON.stringify(response.body)).toBe(200);
    expect(response.body.rows).toMatchObject([
      { id, status: 'sent_to_delivery', permissions: { canRegisterStart: true } },
    ]);
    expect(
      (
        await manager.post('/api/deliveries/send-to-delivery', {
          rows: [{ deliveryId: id, version: changed.body.version + 1 }],
        })
      ).status,
    ).toBe(409);
    expect(
      (
        await manager.put(`/api/deliveries/${id}`, {
          ...rowBody(world.units.homeCareNorth),
          version: changed.body.version + 1,
        })
      ).status,
    ).toBe(409);

    const history = await manager.get(`/api/deliveries/${id}/history`);
    expect(history.body.events.map((event: { event: string }) => event.event)).toEqual([
      'registered',
      'changed',
      'sent_to_delivery',
    ]);
    expect(history.body.events[1]).toMatchObject({
      actorName: 'Enhetschef unitManager',
      providerUnitName: 'Hemtjänst Norr',
      snapshot: { hoursPerVisit: 0.33, status: 'under_distribution' },
    });
    expect(await auditActions(id)).toEqual(expect.arrayContaining(['delivery.update', 'person.read']));
  });

  it('refuses care staff (403), another provider and another municipality (404)', async () => {
    const sent = await sentAssignment();
    const { deliveryIds } = await createDeliveryRows(server.ownerDb, world, sent, world.units.homeCareNorth, {
      status: 'under_distribution',
    });
    const id = deliveryIds[0]!;
    const body = { ...rowBody(world.units.homeCareNorth), version: await versionOf(id) };
    expect((await careStaff.put(`/api/deliveries/${id}`, body)).status).toBe(403);
    expect(
      (await careStaff.post('/api/deliveries/send-to-delivery', { rows: [{ deliveryId: id, version: body.version }] }))
        .status,
    ).toBe(403);
    expect((await otherCareStaff.put(`/api/deliveries/${id}`, body)).status).toBe(404);
    expect((await otherProvider.put(`/api/deliveries/${id}`, body)).status).toBe(404);
    expect(
      (await foreign.post('/api/deliveries/send-to-delivery', { rows: [{ deliveryId: id, version: body.version }] }))
        .status,
    ).toBe(404);
    expect((await new TestClient(server.baseUrl).put(`/api/deliveries/${id}`, body)).status).toBe(401);
  });
});

describe('the delivery start date', () => {
  it('registers the start within the period and tells the case officer in the same transaction', async () => {
    const sent = await sentAssignment();
    const { deliveryIds } = await createDeliveryRows(server.ownerDb, world, sent, world.units.homeCareNorth, {
      label: 'Morgon',
    });
    const id = deliveryIds[0]!;
    const version = await versionOf(id);
    const path = `/api/deliveries/${id}/start`;
    expect((await manager.post(path, { startedOn: addDays(todayInSweden(), 1), version })).body.fieldErrors).toEqual({
      startedOn: 'Verkställighetsdatum kan inte vara i framtiden.',
    });
    expect((await manager.post(path, { startedOn: '2026-01-31', version })).body.fieldErrors.startedOn).toMatch(
      /före radens period/,
    );
    expect((await careStaff.post(path, { startedOn: '2026-02-03', version })).status).toBe(403);
    expect((await otherProvider.post(path, { startedOn: '2026-02-03', version })).status).toBe(404);
    expect((await officer.post(path, { startedOn: '2026-02-03', version })).status).toBe(403);

    const started = await manager.post(path, { startedOn: '2026-02-03', version });
    expect(started.status, JSON.stringify(started.body)).toBe(200);
    expect(started.body).toMatchObject({ startedOn: '2026-02-03', permissions: { canRegisterStart: false } });
    expect((await manager.post(path, { startedOn: '2026-02-04', version: started.body.version })).body.message).toBe(
      'Verkställighetsdatum är redan registrerat: 2026-02-03.',
    );

    const messages = await server.ownerDb
      .selectFrom('messages as m')
      .innerJoin('message_recipients as r', (join) =>
        join.onRef('r.message_id', '=', 'm.id').onRef('r.municipality_id', '=', 'm.municipality_id'),
      )
      .select(['m.subject', 'm.body', 'r.user_id'])
      .where('m.assignment_id', '=', sent.assignmentId)
      .execute();
    expect(messages).toEqual([
      expect.objectContaining({
        subject: `Personlig omvårdnad (Morgon): verkställighet påbörjad 2026-02-03 (uppdrag ${sent.assignmentNumber})`,
        user_id: world.users.caseOfficer.userId,
      }),
    ]);
    expect(messages[0]!.body).toContain('Hemtjänst Norr har börjat ge Personlig omvårdnad (Morgon)');
    const events = await server.ownerDb
      .selectFrom('delivery_events')
      .select('event')
      .where('delivery_id', '=', id)
      .orderBy('id')
      .execute();
    expect(events.map((row) => row.event)).toEqual(['registered', 'sent_to_delivery', 'started']);
  });

  it('is not for a continuation after a change of time: the start stays on the row where support began', async () => {
    const sent = await sentAssignment();
    const { deliveryIds } = await createDeliveryRows(server.ownerDb, world, sent, world.units.homeCareNorth, {
      startedOn: '2026-02-03',
    });
    const id = deliveryIds[0]!;
    const withdrawn = await manager.post(`/api/deliveries/${id}/withdraw`, {
      changeFrom: '2026-03-01',
      version: await versionOf(id),
    });
    expect(withdrawn.status, JSON.stringify(withdrawn.body)).toBe(200);
    const { continuation } = withdrawn.body;
    const sentOn = await manager.post('/api/deliveries/send-to-delivery', {
      rows: [{ deliveryId: continuation.id, version: continuation.version }],
    });
    expect(sentOn.body.rows[0]).toMatchObject({
      status: 'sent_to_delivery',
      continuesDeliveryId: id,
      startedOn: null,
      permissions: { canRegisterStart: false, canCorrect: true },
    });

    const version = sentOn.body.rows[0].version as number;
    const refused = await manager.post(`/api/deliveries/${continuation.id}/start`, {
      startedOn: '2026-03-02',
      version,
    });
    expect(refused.status).toBe(409);
    expect(refused.body.message).toBe(
      'Raden fortsätter en rad som ändrats i tid. Verkställighetsdatum står kvar på raden där insatsen började.',
    );
    expect(await versionOf(continuation.id)).toBe(version);
    const messages = await server.ownerDb
      .selectFrom('messages')
      .select('subject')
      .where('assignment_id', '=', sent.assignmentId)
      .execute();
    expect(messages.filter((row) => row.subject.includes('verkställighet påbörjad'))).toEqual([]);
  });

  it('is only for rows sent to delivery', async () => {
    const sent = await sentAssignment();
    const { deliveryIds } = await createDeliveryRows(server.ownerDb, world, sent, world.units.homeCareNorth, {
      status: 'under_distribution',
    });
    const response = await manager.post(`/api/deliveries/${deliveryIds[0]}/start`, {
      startedOn: '2026-02-03',
      version: await versionOf(deliveryIds[0]!),
    });
    expect(response.status).toBe(409);
  });
});

describe("reading a person's rows", () => {
  it('shows provider staff the rows at their units and the authority the rows under its decisions, with interruptions', async () => {
    const sent = await sentAssignment();
    const north = await createDeliveryRows(server.ownerDb, world, sent, world.units.homeCareNorth);
    const south = await createDeliveryRows(
      server.ownerDb,
      world,
      { ...sent, interventionIds: [sent.interventionIds[0]!] },
      world.units.homeCareSouth,
      { label: 'Kväll', accept: false },
    );
    await server.ownerDb
      .insertInto('interruptions')
      .values({
        municipality_id: world.municipalityId,
        delivery_id: north.deliveryIds[0]!,
        from_date: '2026-03-01',
        reason: 'Sjukhusvistelse',
        created_by_id: world.users.unitManager.userId,
      })
      .execute();
    const path = `/api/persons/${sent.personId}/deliveries`;

    const staff = await careStaff.get(path);
    expect(staff.status).toBe(200);
    expect(staff.body.rows.map((row: { providerUnit: { name: string } }) => row.providerUnit.name)).toEqual([
      'Hemtjänst Norr',
      'Hemtjänst Norr',
    ]);
    const care = staff.body.rows.find(
      (row: { interventionName: string }) => row.interventionName === 'Personlig omvårdnad',
    );
    expect(care.interruptions).toMatchObject([{ fromDate: '2026-03-01', toDate: null, reason: 'Sjukhusvistelse' }]);
    expect(care.permissions).toEqual({
      canRegister: false,
      canSendToDelivery: false,
      canRegisterStart: false,
      canCorrect: false,
      canChange: false,
      canCancel: false,
    });

    const authority = await officer.get(path);
    expect(authority.body.rows).toHaveLength(3);
    expect((await (await world.signIn('operationsManager')).get(path)).body.rows).toHaveLength(3);
    expect((await (await world.signIn('ifoCaseOfficer')).get(path)).status).toBe(404);
    expect((await otherProvider.get(path)).status).toBe(404);
    expect((await foreign.get(path)).status).toBe(404);
    expect((await otherCareStaff.get(`/api/deliveries/${north.deliveryIds[0]}/history`)).status).toBe(404);
    expect((await otherCareStaff.get(`/api/deliveries/${south.deliveryIds[0]}/history`)).status).toBe(200);
    expect(await auditActions(sent.personId)).toContain('person.read');
  });
});

describe('acknowledging (kvittera)', () => {
  it('lets care staff acknowledge once, moving the person to Mina personer, with an event on the assignment', async () => {
    const sent = await sentAssignment();
    const { providerCaseIds } = await createDeliveryRows(server.ownerDb, world, sent, world.units.homeCareNorth);
    const caseId = providerCaseIds[0]!;
    const read = await careStaff.get(`/api/provider-cases/${caseId}`);
    expect(read.status).toBe(200);
    expect(read.body).toMatchObject({
      providerUnit: { name: 'Hemtjänst Norr' },
      acknowledgedAt: null,
      isInMyPersons: false,
      permissions: { canAcknowledge: true },
    });
    expect(read.body.assignments).toEqual([{ id: sent.assignmentId, assignmentNumber: sent.assignmentNumber }]);
    expect(read.body.rows).toHaveLength(2);

    expect(
      (
        await otherCareStaff.post(`/api/provider-cases/${caseId}/acknowledge`, {
          version: read.body.version,
          moveToMyPersons: true,
        })
      ).status,
    ).toBe(404);
    expect(
      (await officer.post(`/api/provider-cases/${caseId}/acknowledge`, { version: read.body.version })).status,
    ).toBe(404);
    expect(
      (await foreign.post(`/api/provider-cases/${caseId}/acknowledge`, { version: read.body.version })).status,
    ).toBe(404);
    expect(
      (await careStaff.post(`/api/provider-cases/${caseId}/acknowledge`, { version: read.body.version + 1 })).status,
    ).toBe(409);

    const acknowledged = await careStaff.post(`/api/provider-cases/${caseId}/acknowledge`, {
      version: read.body.version,
      moveToMyPersons: true,
    });
    expect(acknowledged.status, JSON.stringify(acknowledged.body)).toBe(200);
    expect(acknowledged.body).toMatchObject({
      acknowledgedByName: 'Undersköterska careStaff',
      isInMyPersons: true,
      permissions: { canAcknowledge: false },
    });
    const mine = await server.ownerDb
      .selectFrom('my_persons')
      .select('person_id')
      .where('user_id', '=', world.users.careStaff.userId)
      .execute();
    expect(mine.map((row) => row.person_id)).toContain(sent.personId);
    const events = await server.ownerDb
      .selectFrom('assignment_events')
      .select('event')
      .where('assignment_id', '=', sent.assignmentId)
      .orderBy('id')
      .execute();
    expect(events.map((row) => row.event)).toEqual(['sent', 'accepted', 'acknowledged']);
    expect(await auditActions(caseId)).toEqual(expect.arrayContaining(['person.read', 'provider_case.acknowledge']));

    const again = await manager.post(`/api/provider-cases/${caseId}/acknowledge`, {
      version: acknowledged.body.version,
    });
    expect(again.status).toBe(409);
    expect(again.body.message).toBe('Uppdraget är redan kvitterat av Undersköterska careStaff.');
  });

  it('acknowledges without Mina personer when not chosen', async () => {
    const sent = await sentAssignment();
    const { providerCaseIds } = await createDeliveryRows(server.ownerDb, world, sent, world.units.homeCareNorth);
    const response = await manager.post(`/api/provider-cases/${providerCaseIds[0]}/acknowledge`, { version: 1 });
    expect(response.body).toMatchObject({ isInMyPersons: false, acknowledgedByName: 'Enhetschef unitManager' });
  });
});

describe('a change of provider answered by the new provider', () => {
  async function pendingChange() {
    const old = await sentAssignment();
    const { deliveryIds } = await createDeliveryRows(server.ownerDb, world, old, world.units.homeCareNorth);
    const next = await createSentAssignment(server.ownerDb, world, old.personId);
    await server.ownerDb
      .insertInto('provider_changes')
      .values({
        municipality_id: world.municipalityId,
        person_id: old.personId,
        from_assignment_id: old.assignmentId,
        to_assignment_id: next.assignmentId,
        from_provider_unit_id: world.units.homeCareNorth,
        to_provider_unit_id: world.units.homeCareSouth,
        change_date: '2026-04-01',
        delivery_ids: deliveryIds,
        status: 'pending',
        requested_by_id: world.users.unitManager.userId,
      })
      .execute();
    return { next, deliveryIds };
  }
  const changeOf = async (assignmentId: string) =>
    (
      await server.ownerDb
        .selectFrom('provider_changes')
        .select('status')
        .where('to_assignment_id', '=', assignmentId)
        .executeTakeFirstOrThrow()
    ).status;

  it('offers the change date to the form and refuses rows that start before it, also when registered later', async () => {
    const { next } = await pendingChange();
    const options = await manager.get(`/api/assignments/${next.assignmentId}/distribution`);
    expect(options.body.providerChange).toEqual({ changeDate: '2026-04-01', fromUnitName: 'Hemtjänst Norr' });
    const rows = (periodFrom: string) =>
      next.interventionIds.map((id) => ({
        assignmentInterventionId: id,
        providerUnitId: world.units.homeCareSouth,
        periodFrom,
      }));
    const early = await manager.post(`/api/assignments/${next.assignmentId}/distribution`, {
      stateVersion: 1,
      rows: rows('2026-03-31'),
    });
    expect(early.status).toBe(400);
    expect(early.body.fieldErrors).toEqual({
      'rows.0.periodFrom': 'Uppdraget är ett byte av utförare fr.o.m. 2026-04-01; raden kan börja tidigast 2026-04-01.',
      'rows.1.periodFrom': 'Uppdraget är ett byte av utförare fr.o.m. 2026-04-01; raden kan börja tidigast 2026-04-01.',
    });
    expect(await changeOf(next.assignmentId)).toBe('pending');

    const distributed = await manager.post(`/api/assignments/${next.assignmentId}/distribution`, {
      stateVersion: 1,
      rows: rows('2026-04-01'),
    });
    expect(distributed.status, JSON.stringify(distributed.body)).toBe(200);
    const row = distributed.body.rows[0];
    // Hemtjänst Söder is the operations manager's, not the unit manager's.
    const operations = await world.signIn('operationsManager');
    const moved = await operations.put(`/api/deliveries/${row.id}`, {
      ...rowBody(world.units.homeCareSouth),
      periodFrom: '2026-03-15',
      version: row.version,
    });
    expect(moved.body.fieldErrors).toEqual({
      periodFrom: 'Uppdraget är ett byte av utförare fr.o.m. 2026-04-01; raden kan börja tidigast 2026-04-01.',
    });
    expect(
      (
        await operations.put(`/api/deliveries/${row.id}`, {
          ...rowBody(world.units.homeCareSouth),
          periodFrom: '2026-04-02',
          version: row.version,
        })
      ).status,
    ).toBe(200);
    expect((await manager.get(`/api/assignments/${next.assignmentId}/distribution`)).body.providerChange).toEqual({
      changeDate: '2026-04-01',
      fromUnitName: 'Hemtjänst Norr',
    });
  });

  it('settles it as accepted when the new assignment is distributed, and as stopped when it is stopped', async () => {
    const accepted = await pendingChange();
    const body = {
      stateVersion: 1,
      sendToDelivery: true,
      rows: accepted.next.interventionIds.map((id) => ({
        assignmentInterventionId: id,
        providerUnitId: world.units.homeCareSouth,
        periodFrom: '2026-04-01',
      })),
    };
    expect((await manager.post(`/api/assignments/${accepted.next.assignmentId}/distribution`, body)).status).toBe(200);
    expect(await changeOf(accepted.next.assignmentId)).toBe('accepted');
    const ended = await server.ownerDb
      .selectFrom('deliveries')
      .select(['status', 'period_to'])
      .where('id', 'in', accepted.deliveryIds)
      .execute();
    expect(ended.every((row) => row.status === 'ended' && row.period_to === '2026-03-31')).toBe(true);

    const stopped = await pendingChange();
    expect(
      (
        await manager.post(`/api/assignments/${stopped.next.assignmentId}/stop`, {
          stateVersion: 1,
          message: 'Ingen plats.',
        })
      ).status,
    ).toBe(200);
    expect(await changeOf(stopped.next.assignmentId)).toBe('stopped');
    const kept = await server.ownerDb
      .selectFrom('deliveries')
      .select('status')
      .where('id', 'in', stopped.deliveryIds)
      .execute();
    expect(kept.every((row) => row.status === 'sent_to_delivery')).toBe(true);
  });
});
