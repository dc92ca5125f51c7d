import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { TestServer } from '../../../../test/harness.ts';
import { startModuleTest } from '../../../../test/module-setup.ts';
import type { TestWorld } from '../../../../test/factories.ts';
import { TestClient } from '../../../../test/http-client.ts';
import { createSentRows, deliveryEvents, deliveryVersion } from '../../../../test/fixtures/delivery-change-fixtures.ts';

let server: TestServer;
let world: TestWorld;
let foreign: TestWorld;
let manager: TestClient;

beforeAll(async () => {
  ({ server, world, foreign } = await startModuleTest());
  manager = await world.signIn('unitManager');
});
afterAll(async () => server?.close());

const rowOf = (id: string) =>
  server.ownerDb.selectFrom('deliveries').selectAll().where('id', '=', id).executeTakeFirstOrThrow();

describe('change of time (withdraw)', () => {
  it('ends the row the day before and continues it from the day under distribution, with the same fields and full history', async () => {
    const { deliveryIds, personId } = await createSentRows(server.ownerDb, world);
    const id = deliveryIds[0]!;
    const response = await manager.post(`/api/deliveries/${id}/withdraw`, {
      changeFrom: '2026-03-01',
      version: await deliveryVersion(server.ownerDb, id),
    });
    expect(response.status, JSON.stringify(response.body)).toBe(200);
    expect(response.body.withdrawn).toMatchObject({
      id,
      status: 'withdrawn',
      periodFrom: '2026-02-01',
      periodTo: '2026-02-28',
      interventionName: 'Personlig omvårdnad',
    });
    const continuationId = response.body.continuation.id as string;
    expect(response.body.continuation).toMatchObject({
      status: 'under_distribution',
      periodFrom: '2026-03-01',
      periodTo: null,
      continuesDeliveryId: id,
    });

    const continuation = await rowOf(continuationId);
    const old = await rowOf(id);
    expect(continuation).toMatchObject({
      assignment_id: old.assignment_id,
      assignment_intervention_id: old.assignment_intervention_id,
      provider_unit_id: world.units.homeCareNorth,
      form_of_delivery: 'Hemtjänst dag',
      hours_per_visit: '0.50',
      days: 'whole_week',
      frequency: '2.00',
      frequency_unit: 'times_per_day',
      provider_case_id: null,
      created_by_id: world.users.unitManager.userId,
    });
    expect((await deliveryEvents(server.ownerDb, id)).map((event) => event.event)).toEqual([
      'registered',
      'sent_to_delivery',
      'withdrawn',
    ]);
    const withdrawnEvent = (await deliveryEvents(server.ownerDb, id)).at(-1)!;
    expect(withdrawnEvent.snapshot).toMatchObject({ status: 'withdrawn', periodTo: '2026-02-28' });
    expect(withdrawnEvent.note).toBe('Ändring av tid fr.o.m. 2026-03-01.');
    const continuationEvents = await deliveryEvents(server.ownerDb, continuationId);
    expect(continuationEvents).toHaveLength(1);
    expect(continuationEvents[0]).toMatchObject({
      event: 'registered',
      snapshot: { status: 'under_distribution', periodFrom: '2026-03-01', continuesDeliveryId: id },
    });
    const audit = await server.ownerDb
      .selectFrom('audit_events')
      .selectAll()
      .where('action', '=', 'delivery.withdraw')
      .where('entity_id', '=', id)
      .executeTakeFirstOrThrow();
    expect(audit).toMatchObject({ person_id: personId, user_id: world.users.unitManager.userId });
  });

  it('counts the day before across month ends: 2028-03-01 ends the row on the leap day, 2027-03-01 on the 28th', async () => {
    const { deliveryIds } = await createSentRows(server.ownerDb, world);
    const leap = await manager.post(`/api/deliveries/${deliveryIds[0]}/withdraw`, {
      changeFrom: '2028-03-01',
      version: await deliveryVersion(server.ownerDb, deliveryIds[0]!),
    });
    expect(leap.status).toBe(200);
    expect(leap.body.withdrawn.periodTo).toBe('2028-02-29');
    const common = await manager.post(`/api/deliveries/${deliveryIds[1]}/withdraw`, {
      changeFrom: '2027-03-01',
      version: await deliveryVersion(server.ownerDb, deliveryIds[1]!),
    });
    expect(common.body.withdrawn.periodTo).toBe('2027-02-28');
  });

  it('the new row is registered with the new time and sent to delivery into the same provider case', async () => {
    const { deliveryIds } = await createSentRows(server.ownerDb, world);
    const id = deliveryIds[0]!;
    const old = await rowOf(id);
    const withdrawn = await manager.post(`/api/deliveries/${id}/withdraw`, {
      changeFrom: '2026-06-01',
      version: old.version,
    });
    const continuation = withdrawn.body.continuation;
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
    const now = await rowOf(continuation.id);
    expect(now).toMatchObject({
      status: 'sent_to_delivery',
      provider_case_id: old.provider_case_id,
      hours_per_visit: '0.75',
      days: 'weekdays',
      frequency: '3.00',
    });
  });

  it('refuses bad days with 400 on changeFrom, never 500', async () => {
    const { deliveryIds } = await createSentRows(server.ownerDb, world, { periodTo: '2026-08-31' });
    const id = deliveryIds[0]!;
    const version = await deliveryVersion(server.ownerDb, id);
    const cases: [string, string][] = [
      ['2026-02-01', 'Ändringen kan gälla tidigast dagen efter radens första dag, 2026-02-02.'],
      ['2026-01-15', 'Ändringen kan gälla tidigast dagen efter radens första dag, 2026-02-02.'],
      ['2026-09-01', 'Raden gäller till och med 2026-08-31; ändringen kan gälla senast den dagen.'],
    ];
    for (const [changeFrom, message] of cases) {
      const response = await manager.post(`/api/deliveries/${id}/withdraw`, { changeFrom, version });
      expect(response.status).toBe(400);
      expect(response.body.fieldErrors).toEqual({ changeFrom: message });
    }
    for (const changeFrom of ['2026-02-30', '2026-13-01', '1900-02-29', '2026-6-1', 'i morgon', '']) {
      const response = await manager.post(`/api/deliveries/${id}/withdraw`, { changeFrom, version });
      expect(response.status, changeFrom).toBe(400);
      expect(Object.keys(response.body.fieldErrors)).toEqual(['changeFrom']);
    }
    const missing = await manager.post(`/api/deliveries/${id}/withdraw`, { changeFrom: '2026-05-01' });
    expect(missing.status).toBe(400);
    expect(missing.body.fieldErrors).toHaveProperty('version');
    expect((await rowOf(id)).status).toBe('sent_to_delivery');
  });

  it('a stale version or a row already withdrawn is a conflict that changes nothing', async () => {
    const { deliveryIds } = await createSentRows(server.ownerDb, world);
    const id = deliveryIds[0]!;
    const version = await deliveryVersion(server.ownerDb, id);
    expect(
      (await manager.post(`/api/deliveries/${id}/withdraw`, { changeFrom: '2026-05-01', version: version + 1 })).status,
    ).toBe(409);
    expect((await manager.post(`/api/deliveries/${id}/withdraw`, { changeFrom: '2026-05-01', version })).status).toBe(
      200,
    );
    const again = await manager.post(`/api/deliveries/${id}/withdraw`, {
      changeFrom: '2026-06-01',
      version: version + 1,
    });
    expect(again.status).toBe(409);
    expect(again.body.message).toBe('Raden är redan återkallad; ändra den nya raden i stället.');
    const rows = await server.ownerDb
      .selectFrom('deliveries')
      .select('id')
      .where('continues_delivery_id', '=', id)
      .execute();
    expect(rows).toHaveLength(1);
  });

  it('two managers withdrawing the same row at once: one succeeds, the other gets a conflict', async () => {
    const { deliveryIds } = await createSentRows(server.ownerDb, world);
    const id = deliveryIds[0]!;
    const version = await deliveryVersion(server.ownerDb, id);
    const coordinator = await world.signIn('coordinator');
    const answers = await Promise.all([
      manager.post(`/api/deliveries/${id}/withdraw`, { changeFrom: '2026-05-01', version }),
      coordinator.post(`/api/deliveries/${id}/withdraw`, { changeFrom: '2026-07-01', version }),
    ]);
    expect(answers.map((answer) => answer.status).sort()).toEqual([200, 409]);
    expect(
      await server.ownerDb.selectFrom('deliveries').select('id').where('continues_delivery_id', '=', id).execute(),
    ).toHaveLength(1);
  });

  it('who may: managers and coordinators of the unit; readers get 403, others 404, signed out 401', async () => {
    const { deliveryIds } = await createSentRows(server.ownerDb, world);
    const id = deliveryIds[0]!;
    const body = { changeFrom: '2026-05-01', version: await deliveryVersion(server.ownerDb, id) };
    expect((await new TestClient(server.baseUrl).post(`/api/deliveries/${id}/withdraw`, body)).status).toBe(401);
    for (const key of ['careStaff', 'licensedStaff', 'caseOfficer'] as const) {
      const response = await (await world.signIn(key)).post(`/api/deliveries/${id}/withdraw`, body);
      expect(response.status, key).toBe(403);
    }
    for (const key of ['otherUnitManager', 'otherCareStaff', 'ifoCaseOfficer', 'administrator'] as const) {
      expect((await (await world.signIn(key)).post(`/api/deliveries/${id}/withdraw`, body)).status, key).toBe(404);
    }
    const elsewhere = await createSentRows(server.ownerDb, foreign);
    expect((await manager.post(`/api/deliveries/${elsewhere.deliveryIds[0]}/withdraw`, body)).status).toBe(404);
    expect((await manager.post(`/api/deliveries/${crypto.randomUUID()}/withdraw`, body)).status).toBe(404);
    expect((await manager.post('/api/deliveries/inte-ett-id/withdraw', body)).status).toBe(400);
    expect((await (await world.signIn('operationsManager')).post(`/api/deliveries/${id}/withdraw`, body)).status).toBe(
      200,
    );
  });
});

describe('ending (Rätta/Avsluta)', () => {
  it('ends the row, keeps its history and tells the case officer, naming no person', async () => {
    const { deliveryIds, personId, sent } = await createSentRows(server.ownerDb, world, { startedOn: '2026-02-03' });
    const person = await server.ownerDb
      .selectFrom('persons')
      .select('last_name')
      .where('id', '=', personId)
      .executeTakeFirstOrThrow();
    const id = deliveryIds[1]!;
    const response = await manager.post(`/api/deliveries/${id}/end`, {
      endOn: '2026-10-31',
      endReason: 'Brukaren avböjer insatsen',
      version: await deliveryVersion(server.ownerDb, id),
    });
    expect(response.status, JSON.stringify(response.body)).toBe(200);
    expect(response.body).toMatchObject({
      delivery: {
        id,
        status: 'ended',
        periodTo: '2026-10-31',
        endReason: 'Brukaren avböjer insatsen',
        interventionName: 'Matdistribution',
      },
      caseOfficerName: 'Biståndshandläggare caseOfficer',
      hasOtherOngoingRows: true,
    });
    expect((await deliveryEvents(server.ownerDb, id)).map((event) => event.event)).toEqual([
      'registered',
      'sent_to_delivery',
      'started',
      'ended',
    ]);
    expect((await deliveryEvents(server.ownerDb, id)).at(-1)).toMatchObject({
      note: 'Brukaren avböjer insatsen',
      snapshot: { status: 'ended', periodTo: '2026-10-31', endReason: 'Brukaren avböjer insatsen' },
    });

    const message = await server.ownerDb
      .selectFrom('messages')
      .selectAll()
      .where('assignment_id', '=', sent.assignmentId)
      .where('subject', 'like', '% avslutas %')
      .executeTakeFirstOrThrow();
    expect(message.body).toContain(
      'Insatsen Matdistribution hos Hemtjänst Norr avslutas 2026-10-31; avsluta beslut och ärende om inget annat pågår.',
    );
    expect(message.body).toContain('Andra insatser enligt beslutet pågår');
    expect(message.body).not.toContain(person.last_name);
    const recipients = await server.ownerDb
      .selectFrom('message_recipients')
      .select('user_id')
      .where('message_id', '=', message.id)
      .execute();
    expect(recipients.map((row) => row.user_id)).toEqual([world.users.caseOfficer.userId]);
  });

  it('when the last row ends the officer reads that nothing else runs, and can end the decision and close the case', async () => {
    const { deliveryIds, sent } = await createSentRows(server.ownerDb, world, {
      decisionPeriodTo: '2026-12-31',
      periodTo: '2026-12-31',
    });
    for (const id of deliveryIds) {
      const response = await manager.post(`/api/deliveries/${id}/end`, {
        endOn: '2026-11-15',
        endReason: 'Flyttat från kommunen',
        version: await deliveryVersion(server.ownerDb, id),
      });
      expect(response.status).toBe(200);
    }
    const last = await server.ownerDb
      .selectFrom('messages')
      .select('body')
      .where('assignment_id', '=', sent.assignmentId)
      .where('subject', 'like', '% avslutas %')
      .orderBy('created_at', 'desc')
      .orderBy('id', 'desc')
      .executeTakeFirstOrThrow();
    expect(last.body).toContain('Ingen annan verkställighet enligt beslutet pågår efter 2026-11-15.');

    const officer = await world.signIn('caseOfficer');
    const decision = await server.ownerDb
      .selectFrom('decisions')
      .select('version')
      .where('id', '=', sent.decision.decisionId)
      .executeTakeFirstOrThrow();
    const ended = await officer.post(`/api/decisions/${sent.decision.decisionId}/end`, {
      endedOn: '2026-11-15',
      endReason: 'Flyttat från kommunen',
      version: decision.version,
    });
    expect(ended.status, JSON.stringify(ended.body)).toBe(200);
    const caseRow = await server.ownerDb
      .selectFrom('cases')
      .select('version')
      .where('id', '=', sent.decision.caseId)
      .executeTakeFirstOrThrow();
    const closed = await officer.post(`/api/cases/${sent.decision.caseId}/close`, {
      closedOn: '2026-11-20',
      endReason: 'Flyttat från kommunen',
      version: caseRow.version,
    });
    expect(closed.status, JSON.stringify(closed.body)).toBe(200);
  });

  it('ends a continuation still under distribution (never registered)', async () => {
    const { deliveryIds } = await createSentRows(server.ownerDb, world);
    const withdrawn = await manager.post(`/api/deliveries/${deliveryIds[0]}/withdraw`, {
      changeFrom: '2026-05-01',
      version: await deliveryVersion(server.ownerDb, deliveryIds[0]!),
    });
    const continuation = withdrawn.body.continuation;
    const response = await manager.post(`/api/deliveries/${continuation.id}/end`, {
      endOn: '2026-05-01',
      endReason: 'Felregistrerad rad',
      version: continuation.version,
    });
    expect(response.status, JSON.stringify(response.body)).toBe(200);
    expect(await rowOf(continuation.id)).toMatchObject({
      status: 'ended',
      provider_case_id: null,
      sent_to_delivery_at: null,
      period_to: '2026-05-01',
    });
  });

  it('refuses bad days and reasons with 400 on the field, and finished rows with 409', async () => {
    const { deliveryIds } = await createSentRows(server.ownerDb, world, {
      periodTo: '2026-08-31',
      startedOn: '2026-02-10',
    });
    const id = deliveryIds[0]!;
    const version = await deliveryVersion(server.ownerDb, id);
    const cases: [string, string][] = [
      ['2026-01-31', 'Slutdatum kan inte vara före radens första dag, 2026-02-01.'],
      ['2026-09-01', 'Raden gäller till och med 2026-08-31; slutdatum kan vara senast den dagen.'],
      ['2026-02-09', 'Insatsen startade 2026-02-10; slutdatum kan inte vara före det.'],
    ];
    for (const [endOn, message] of cases) {
      const response = await manager.post(`/api/deliveries/${id}/end`, { endOn, endReason: 'Avliden', version });
      expect(response.status).toBe(400);
      expect(response.body.fieldErrors).toEqual({ endOn: message });
    }
    for (const endOn of ['2026-02-29', '2026-04-31', '20260501']) {
      expect(
        (await manager.post(`/api/deliveries/${id}/end`, { endOn, endReason: 'Avliden', version })).body.fieldErrors,
      ).toHaveProperty('endOn');
    }
    const noReason = await manager.post(`/api/deliveries/${id}/end`, { endOn: '2026-05-01', endReason: '  ', version });
    expect(noReason.status).toBe(400);
    expect(noReason.body.fieldErrors).toEqual({ endReason: 'Obligatoriskt.' });
    expect(
      (await manager.post(`/api/deliveries/${id}/end`, { endOn: '2026-05-01', endReason: 'x'.repeat(201), version }))
        .status,
    ).toBe(400);

    expect(
      (await manager.post(`/api/deliveries/${id}/end`, { endOn: '2026-05-01', endReason: 'Avliden', version })).status,
    ).toBe(200);
    const again = await manager.post(`/api/deliveries/${id}/end`, {
      endOn: '2026-05-01',
      endReason: 'Avliden',
      version: version + 1,
    });
    expect(again.status).toBe(409);
    expect(again.body.message).toBe('Raden är redan avslutad.');
  });

  it("who may: the unit's management only", async () => {
    const { deliveryIds } = await createSentRows(server.ownerDb, world);
    const id = deliveryIds[0]!;
    const body = { endOn: '2026-05-01', endReason: 'Avliden', version: await deliveryVersion(server.ownerDb, id) };
    expect((await new TestClient(server.baseUrl).post(`/api/deliveries/${id}/end`, body)).status).toBe(401);
    expect((await (await world.signIn('careStaff')).post(`/api/deliveries/${id}/end`, body)).status).toBe(403);
    expect((await (await world.signIn('authorityManager')).post(`/api/deliveries/${id}/end`, body)).status).toBe(403);
    expect((await (await world.signIn('otherUnitManager')).post(`/api/deliveries/${id}/end`, body)).status).toBe(404);
    const elsewhere = await createSentRows(server.ownerDb, foreign);
    expect((await manager.post(`/api/deliveries/${elsewhere.deliveryIds[0]}/end`, body)).status).toBe(404);
    expect((await (await world.signIn('coordinator')).post(`/api/deliveries/${id}/end`, body)).status).toBe(200);
  });
});
