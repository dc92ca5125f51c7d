import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { TestServer } from '../../../../test/harness.ts';
import { startModuleTest } from '../../../../test/module-setup.ts';
import type { TestWorld } from '../../../../test/factories.ts';
import { TestClient } from '../../../../test/http-client.ts';
import {
  createSentRows,
  deliveryEvents,
  deliveryVersion,
  interrupt,
} from '../../../../test/fixtures/delivery-change-fixtures.ts';
import { todayInSweden } from '../../../domain/dates.ts';
import { addDays } from '../../../domain/periods.ts';

let server: TestServer;
let world: TestWorld;
let foreign: TestWorld;
let manager: TestClient;
const today = todayInSweden();
const tomorrow = addDays(today, 1);

beforeAll(async () => {
  ({ server, world, foreign } = await startModuleTest());
  manager = await world.signIn('unitManager');
});
afterAll(async () => server?.close());

const rowOf = (id: string) =>
  server.ownerDb.selectFrom('deliveries').selectAll().where('id', '=', id).executeTakeFirstOrThrow();

/** The row as the person's Insatser tab reads it. */
async function listed(client: TestClient, personId: string, id: string) {
  const response = await client.get(`/api/persons/${personId}/deliveries`);
  expect(response.status).toBe(200);
  return (response.body.rows as { id: string; permissions: { canCancel: boolean } }[]).find((row) => row.id === id)!;
}

describe('cancelling a row before it began (Avbryt före start)', () => {
  it('ends a row that starts tomorrow the day before its first day, keeps its history, tells the officer and audits it', async () => {
    const { deliveryIds, personId, sent } = await createSentRows(server.ownerDb, world, { periodFrom: tomorrow });
    const id = deliveryIds[0]!;
    expect((await listed(manager, personId, id)).permissions.canCancel).toBe(true);
    // Ending cannot say it: the last day would lie before the row's first.
    const end = await manager.post(`/api/deliveries/${id}/end`, {
      endOn: today,
      endReason: 'Brukaren avböjer insatsen',
      version: await deliveryVersion(server.ownerDb, id),
    });
    expect(end.status).toBe(400);

    const response = await manager.post(`/api/deliveries/${id}/cancel`, {
      endReason: 'Brukaren avböjer insatsen',
      version: await deliveryVersion(server.ownerDb, id),
    });
    expect(response.status, JSON.stringify(response.body)).toBe(200);
    expect(response.body).toMatchObject({
      delivery: {
        id,
        status: 'ended',
        periodFrom: tomorrow,
        periodTo: today,
        endReason: 'Brukaren avböjer insatsen',
        interventionName: 'Personlig omvårdnad',
      },
      caseOfficerName: 'Biståndshandläggare caseOfficer',
      hasOtherOngoingRows: true,
    });
    expect(await rowOf(id)).toMatchObject({
      status: 'ended',
      period_from: tomorrow,
      period_to: today,
      started_on: null,
    });
    expect((await deliveryEvents(server.ownerDb, id)).map((event) => event.event)).toEqual([
      'registered',
      'sent_to_delivery',
      'ended',
    ]);
    expect((await deliveryEvents(server.ownerDb, id)).at(-1)).toMatchObject({
      note: 'Avbruten före start.',
      snapshot: { status: 'ended', periodTo: today, endReason: 'Brukaren avböjer insatsen' },
    });
    expect((await listed(manager, personId, id)).permissions.canCancel).toBe(false);

    const audit = await server.ownerDb
      .selectFrom('audit_events')
      .selectAll()
      .where('action', '=', 'delivery.cancel')
      .where('entity_id', '=', id)
      .execute();
    expect(audit).toHaveLength(1);
    expect(audit[0]).toMatchObject({
      person_id: personId,
      user_id: world.users.unitManager.userId,
      entity_type: 'delivery',
      details: { periodFrom: tomorrow, endReason: 'Brukaren avböjer insatsen', previousStatus: 'sent_to_delivery' },
    });

    const message = await server.ownerDb
      .selectFrom('messages')
      .selectAll()
      .where('assignment_id', '=', sent.assignmentId)
      .where('subject', 'like', '% avbruten före start%')
      .executeTakeFirstOrThrow();
    expect(message.subject).toBe(`Personlig omvårdnad avbruten före start (uppdrag ${sent.assignmentNumber})`);
    expect(message.body).toContain(
      `Insatsen Personlig omvårdnad hos Hemtjänst Norr, planerad från ${tomorrow}, är avbruten innan den började och verkställs inte.`,
    );
    expect(message.body).toContain('Andra insatser enligt beslutet pågår eller är planerade.');
    const recipients = await server.ownerDb
      .selectFrom('message_recipients')
      .select('user_id')
      .where('message_id', '=', message.id)
      .execute();
    expect(recipients.map((row) => row.user_id)).toEqual([world.users.caseOfficer.userId]);
  });

  it('cancels a row under distribution, and one whose first day has passed without a start date', async () => {
    const planned = await createSentRows(server.ownerDb, world, { periodFrom: tomorrow, status: 'under_distribution' });
    const undistributed = planned.deliveryIds[0]!;
    const response = await manager.post(`/api/deliveries/${undistributed}/cancel`, {
      endReason: 'Felregistrerad rad',
      version: await deliveryVersion(server.ownerDb, undistributed),
    });
    expect(response.status, JSON.stringify(response.body)).toBe(200);
    expect(await rowOf(undistributed)).toMatchObject({ status: 'ended', period_to: today, provider_case_id: null });

    // From 2026-02-01, never started: the person declined before the first visit.
    const past = await createSentRows(server.ownerDb, world);
    const id = past.deliveryIds[1]!;
    const cancelled = await manager.post(`/api/deliveries/${id}/cancel`, {
      endReason: 'Tackat nej till insatsen',
      version: await deliveryVersion(server.ownerDb, id),
    });
    expect(cancelled.status, JSON.stringify(cancelled.body)).toBe(200);
    expect(cancelled.body.delivery).toMatchObject({ periodFrom: '2026-02-01', periodTo: '2026-01-31' });
  });

  it('refuses a row that has begun — a start date or an interruption — with 409, changing nothing', async () => {
    const started = await createSentRows(server.ownerDb, world, { startedOn: '2026-02-03' });
    const id = started.deliveryIds[0]!;
    const version = await deliveryVersion(server.ownerDb, id);
    expect((await listed(manager, started.personId, id)).permissions.canCancel).toBe(false);
    const response = await manager.post(`/api/deliveries/${id}/cancel`, { endReason: 'Avliden', version });
    expect(response.status).toBe(409);
    expect(response.body.message).toBe('Insatsen startade 2026-02-03; avsluta den med Rätta/Avsluta i stället.');
    expect(await rowOf(id)).toMatchObject({ status: 'sent_to_delivery', period_to: null, version });

    const interrupted = await createSentRows(server.ownerDb, world);
    const other = interrupted.deliveryIds[0]!;
    await interrupt(manager, other, '2026-03-01', null);
    const refused = await manager.post(`/api/deliveries/${other}/cancel`, {
      endReason: 'Avliden',
      version: await deliveryVersion(server.ownerDb, other),
    });
    expect(refused.status).toBe(409);
    expect(refused.body.message).toBe(
      'Raden har avbrott, så insatsen har börjat; avsluta den med Rätta/Avsluta i stället.',
    );
    expect((await deliveryEvents(server.ownerDb, other)).map((event) => event.event)).not.toContain('ended');
    const audit = await server.ownerDb
      .selectFrom('audit_events')
      .select('id')
      .where('action', '=', 'delivery.cancel')
      .where('entity_id', 'in', [id, other])
      .execute();
    expect(audit).toHaveLength(0);
  });

  it('refuses a stale version, a row already cancelled, and a missing reason', async () => {
    const { deliveryIds } = await createSentRows(server.ownerDb, world, { periodFrom: tomorrow });
    const id = deliveryIds[0]!;
    const version = await deliveryVersion(server.ownerDb, id);
    expect(
      (await manager.post(`/api/deliveries/${id}/cancel`, { endReason: 'Avliden', version: version + 1 })).status,
    ).toBe(409);
    const blank = await manager.post(`/api/deliveries/${id}/cancel`, { endReason: '  ', version });
    expect(blank.status).toBe(400);
    expect(blank.body.fieldErrors.endReason).toBeTruthy();
    expect((await manager.post(`/api/deliveries/${id}/cancel`, { endReason: 'Avliden', version })).status).toBe(200);
    const again = await manager.post(`/api/deliveries/${id}/cancel`, { endReason: 'Avliden', version: version + 1 });
    expect(again.status).toBe(409);
    expect(again.body.message).toBe('Raden är redan avslutad.');
  });

  it("who may: the unit's management; readers 403, another unit's manager and another municipality 404, signed out 401", async () => {
    const { deliveryIds } = await createSentRows(server.ownerDb, world, { periodFrom: tomorrow });
    const id = deliveryIds[0]!;
    const body = { endReason: 'Avliden', version: await deliveryVersion(server.ownerDb, id) };
    expect((await new TestClient(server.baseUrl).post(`/api/deliveries/${id}/cancel`, body)).status).toBe(401);
    expect((await (await world.signIn('careStaff')).post(`/api/deliveries/${id}/cancel`, body)).status).toBe(403);
    expect((await (await world.signIn('caseOfficer')).post(`/api/deliveries/${id}/cancel`, body)).status).toBe(403);
    expect((await (await world.signIn('otherUnitManager')).post(`/api/deliveries/${id}/cancel`, body)).status).toBe(
      404,
    );
    const elsewhere = await createSentRows(server.ownerDb, foreign, { periodFrom: tomorrow });
    expect((await manager.post(`/api/deliveries/${elsewhere.deliveryIds[0]}/cancel`, body)).status).toBe(404);
    expect(await rowOf(id)).toMatchObject({ status: 'sent_to_delivery' });
    expect((await (await world.signIn('coordinator')).post(`/api/deliveries/${id}/cancel`, body)).status).toBe(200);
  });
});
