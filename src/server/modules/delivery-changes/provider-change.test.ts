import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { TestServer } from '../../../../test/harness.ts';
import { signInOtherProvider, startModuleTest } from '../../../../test/module-setup.ts';
import type { TestWorld } from '../../../../test/factories.ts';
import { TestClient } from '../../../../test/http-client.ts';
import { ensureProvider } from '../../../../test/fixtures/assignment-fixtures.ts';
import { stateVersionOf } from '../../../../test/fixtures/delivery-fixtures.ts';
import { createSentRows, deliveryEvents, deliveryVersion } from '../../../../test/fixtures/delivery-change-fixtures.ts';

let server: TestServer;
let world: TestWorld;
let foreign: TestWorld;
let manager: TestClient;
let other: { username: string; providerId: string; unitId: string; client: TestClient };

beforeAll(async () => {
  ({ server, world, foreign } = await startModuleTest());
  manager = await world.signIn('unitManager');
  other = await signInOtherProvider(server, world);
});
afterAll(async () => server?.close());

const rowOf = (id: string) =>
  server.ownerDb.selectFrom('deliveries').selectAll().where('id', '=', id).executeTakeFirstOrThrow();
const changeOf = (toAssignmentId: string) =>
  server.ownerDb
    .selectFrom('provider_changes')
    .selectAll()
    .where('to_assignment_id', '=', toAssignmentId)
    .executeTakeFirstOrThrow();

async function messagesTo(userId: string, subjectStart: string) {
  return server.ownerDb
    .selectFrom('messages as m')
    .innerJoin('message_recipients as r', 'r.message_id', 'm.id')
    .select(['m.subject', 'm.body', 'm.assignment_id'])
    .where('r.user_id', '=', userId)
    .where('m.subject', 'like', `${subjectStart}%`)
    .execute();
}

/** Rows at Hemtjänst Norr moved to the other provider from 2026-06-01; the answer of the request. */
async function requestChange(options: { rows?: number[]; note?: string } = {}) {
  const fixture = await createSentRows(server.ownerDb, world);
  const deliveryIds = (options.rows ?? [0]).map((index) => fixture.deliveryIds[index]!);
  const response = await manager.post(`/api/persons/${fixture.personId}/provider-changes`, {
    deliveryIds,
    toProviderUnitId: other.unitId,
    changeDate: '2026-06-01',
    ...(options.note ? { note: options.note } : {}),
  });
  expect(response.status, JSON.stringify(response.body)).toBe(200);
  return { ...fixture, moving: deliveryIds, response };
}

describe('requesting a change of provider', () => {
  it("sends a new assignment with the chosen rows' interventions to the new provider and records a pending change", async () => {
    const { response, personId, sent, moving, deliveryIds } = await requestChange({ note: 'Brukaren önskar byta.' });
    const change = response.body.change;
    expect(change).toMatchObject({
      status: 'pending',
      changeDate: '2026-06-01',
      lastDayWithOldProvider: '2026-05-31',
      fromUnit: { id: world.units.homeCareNorth, name: 'Hemtjänst Norr' },
      toUnit: { id: other.unitId, name: 'Annan Omsorg hemtjänst' },
      fromAssignment: { id: sent.assignmentId, assignmentNumber: sent.assignmentNumber },
      rows: [{ id: moving[0], name: 'Personlig omvårdnad' }],
      requestedByName: 'Enhetschef unitManager',
      decidedByName: null,
    });
    expect(response.body.recipientCount).toBe(1);

    const assignment = await server.ownerDb
      .selectFrom('assignments')
      .selectAll()
      .where('id', '=', change.toAssignment.id)
      .executeTakeFirstOrThrow();
    expect(assignment).toMatchObject({
      case_id: sent.decision.caseId,
      decision_id: sent.decision.decisionId,
      person_id: personId,
      provider_id: other.providerId,
      sent_via: 'system',
      assignment_number: change.toAssignment.assignmentNumber,
      total_granted_minutes: 1200,
      is_new_client: false,
    });
    expect(assignment.instructions).toContain(
      `Byte av utförare från Hemtjänst Norr fr.o.m. 2026-06-01 (tidigare uppdrag ${sent.assignmentNumber}).`,
    );
    expect(assignment.instructions).toContain('Brukaren önskar byta.');
    const interventions = await server.ownerDb
      .selectFrom('assignment_interventions')
      .select('decision_intervention_id')
      .where('assignment_id', '=', assignment.id)
      .execute();
    expect(interventions.map((row) => row.decision_intervention_id)).toEqual([sent.decision.interventions[0]!.id]);
    const lifeAreas = await server.ownerDb
      .selectFrom('assignment_life_areas')
      .select(['life_area', 'need'])
      .where('assignment_id', '=', assignment.id)
      .execute();
    expect(lifeAreas).toEqual([{ life_area: 'self_care', need: 'Hjälp med dusch.' }]);
    const state = await server.ownerDb
      .selectFrom('assignment_states')
      .select('status')
      .where('assignment_id', '=', assignment.id)
      .executeTakeFirstOrThrow();
    expect(state.status).toBe('new');
    const link = await server.ownerDb
      .selectFrom('person_unit_links')
      .selectAll()
      .where('source_id', '=', assignment.id)
      .executeTakeFirstOrThrow();
    expect(link).toMatchObject({ person_id: personId, unit_id: other.providerId, source: 'assignment' });
    const [message] = await messagesTo(
      (
        await server.ownerDb
          .selectFrom('users')
          .select('id')
          .where('username', '=', other.username)
          .executeTakeFirstOrThrow()
      ).id,
      'Nytt uppdrag',
    );
    expect(message).toMatchObject({
      subject: `Nytt uppdrag ${assignment.assignment_number} (byte av utförare)`,
      assignment_id: assignment.id,
    });
    expect(message!.body).toContain('Hemtjänst Norr flyttar insatser till Annan Omsorg AB fr.o.m. 2026-06-01');

    // Nothing moves until the new provider answers; the other row is not part of it.
    expect(await rowOf(moving[0]!)).toMatchObject({ status: 'sent_to_delivery', period_to: null });
    expect(await changeOf(assignment.id)).toMatchObject({
      status: 'pending',
      delivery_ids: moving,
      from_provider_unit_id: world.units.homeCareNorth,
    });
    expect((await rowOf(deliveryIds[1]!)).status).toBe('sent_to_delivery');
    const list = await (await world.signIn('careStaff')).get(`/api/persons/${personId}/provider-changes`);
    expect(list.status).toBe(200);
    expect(list.body.items.map((item: { id: string; status: string }) => [item.id, item.status])).toEqual([
      [change.id, 'pending'],
    ]);
    const newAssignments = await other.client.get('/api/assignments/new');
    expect(newAssignments.body.items.map((item: { id: string }) => item.id)).toContain(assignment.id);
  });

  it('accepted by the new provider: the old rows end the day before, the old unit and the officer are told', async () => {
    const { response, moving, deliveryIds, personId } = await requestChange();
    const toId = response.body.change.toAssignment.id as string;
    const options = await other.client.get(`/api/assignments/${toId}/distribution`);
    expect(options.status, JSON.stringify(options.body)).toBe(200);
    const distributed = await other.client.post(`/api/assignments/${toId}/distribution`, {
      stateVersion: options.body.assignment.stateVersion,
      sendToDelivery: true,
      rows: options.body.interventions.map((row: { id: string }) => ({
        assignmentInterventionId: row.id,
        providerUnitId: other.unitId,
        periodFrom: '2026-06-01',
        periodTo: null,
        hoursPerVisit: 0.5,
        days: 'whole_week',
        frequency: 2,
        frequencyUnit: 'times_per_day',
      })),
    });
    expect(distributed.status, JSON.stringify(distributed.body)).toBe(200);

    expect(await rowOf(moving[0]!)).toMatchObject({
      status: 'ended',
      period_to: '2026-05-31',
      end_reason: 'Byte av utförare',
    });
    expect((await rowOf(deliveryIds[1]!)).status).toBe('sent_to_delivery');
    const events = await deliveryEvents(server.ownerDb, moving[0]!);
    expect(events.at(-1)).toMatchObject({
      event: 'moved_to_provider',
      snapshot: { status: 'ended', periodTo: '2026-05-31', endReason: 'Byte av utförare' },
    });
    expect(events.at(-1)!.note).toContain('Byte av utförare till Annan Omsorg hemtjänst fr.o.m. 2026-06-01');
    expect(await changeOf(toId)).toMatchObject({ status: 'accepted' });
    expect((await changeOf(toId)).decided_at).not.toBeNull();

    for (const key of ['unitManager', 'coordinator', 'caseOfficer'] as const) {
      const told = await messagesTo(world.users[key].userId, 'Byte av utförare genomfört');
      expect(
        told.some((message) => message.body.includes('Verkställigheten hos Hemtjänst Norr avslutas 2026-05-31')),
        key,
      ).toBe(true);
    }
    const list = await manager.get(`/api/persons/${personId}/provider-changes`);
    expect(list.body.items[0]).toMatchObject({ status: 'accepted', decidedByName: 'Chef Annan Omsorg' });
  });

  it('stopped by the new provider: the rows stay, the old unit and the requester are told, and the change can be made again', async () => {
    const { response, moving, personId } = await requestChange();
    const toId = response.body.change.toAssignment.id as string;
    const stopped = await other.client.post(`/api/assignments/${toId}/stop`, {
      stateVersion: await stateVersionOf(server.ownerDb, toId),
      message: 'Vi har inte plats.',
    });
    expect(stopped.status, JSON.stringify(stopped.body)).toBe(200);
    expect(await rowOf(moving[0]!)).toMatchObject({ status: 'sent_to_delivery', period_to: null });
    expect(await changeOf(toId)).toMatchObject({ status: 'stopped' });
    const told = await messagesTo(world.users.unitManager.userId, 'Byte av utförare stoppat');
    expect(
      told.some(
        (message) =>
          message.body.includes('stoppade uppdraget') &&
          message.body.includes('insatserna ligger kvar hos er, gör om bytet vid behov'),
      ),
    ).toBe(true);
    expect((await messagesTo(world.users.coordinator.userId, 'Byte av utförare stoppat')).length).toBeGreaterThan(0);

    const again = await manager.post(`/api/persons/${personId}/provider-changes`, {
      deliveryIds: moving,
      toProviderUnitId: other.unitId,
      changeDate: '2026-07-01',
    });
    expect(again.status, JSON.stringify(again.body)).toBe(200);
  });

  it('a row waiting for the answer cannot be withdrawn, ended or moved again', async () => {
    const { moving, personId } = await requestChange();
    const id = moving[0]!;
    const version = await deliveryVersion(server.ownerDb, id);
    const message = 'Raden ingår i ett byte av utförare som väntar på svar från den nya utföraren.';
    expect(
      (await manager.post(`/api/deliveries/${id}/withdraw`, { changeFrom: '2026-04-01', version })).body,
    ).toMatchObject({ error: 'conflict', message });
    expect(
      (await manager.post(`/api/deliveries/${id}/end`, { endOn: '2026-04-01', endReason: 'Avliden', version })).body,
    ).toMatchObject({ error: 'conflict', message });
    const twice = await manager.post(`/api/persons/${personId}/provider-changes`, {
      deliveryIds: [id],
      toProviderUnitId: other.unitId,
      changeDate: '2026-07-01',
    });
    expect(twice.status).toBe(409);
  });
});

describe('what a change of provider refuses', () => {
  it('400 on the field for bad rows, units and days, never 500', async () => {
    const fixture = await createSentRows(server.ownerDb, world, { periodTo: '2026-10-31' });
    const another = await createSentRows(server.ownerDb, world);
    const noAccess = await ensureProvider(server.ownerDb, world, {
      name: 'Utan Vardag AB',
      serviceArea: 'AO',
      hasSystemAccess: false,
    });
    const noAccessUnit = (
      await server.ownerDb
        .insertInto('units')
        .values({
          municipality_id: world.municipalityId,
          parent_id: noAccess,
          kind: 'provider_unit',
          name: 'Utan Vardag hemtjänst',
          service_area: 'AO',
        })
        .returning('id')
        .executeTakeFirstOrThrow()
    ).id;
    const post = (body: object) =>
      manager.post(`/api/persons/${fixture.personId}/provider-changes`, {
        deliveryIds: [fixture.deliveryIds[0]],
        toProviderUnitId: other.unitId,
        changeDate: '2026-06-01',
        ...body,
      });
    const cases: [object, Record<string, string>][] = [
      [
        { changeDate: '2026-02-01' },
        { changeDate: 'Personlig omvårdnad: Bytet kan gälla tidigast dagen efter radens första dag, 2026-02-02.' },
      ],
      [
        { changeDate: '2026-11-01' },
        { changeDate: 'Personlig omvårdnad: Raden gäller till och med 2026-10-31; bytet kan gälla senast den dagen.' },
      ],
      [
        { toProviderUnitId: world.units.homeCareSouth },
        {
          toProviderUnitId:
            'Enheten hör till samma utförare. Byt utförare gäller en annan utförare; inom utföraren återkallar du raden och fördelar om den.',
        },
      ],
      [
        { toProviderUnitId: world.units.familyTeam },
        { toProviderUnitId: 'Enheten hör till ett annat verksamhetsområde än ärendet.' },
      ],
      [{ toProviderUnitId: other.providerId }, { toProviderUnitId: 'Välj en utförarenhet i listan.' }],
      [{ toProviderUnitId: crypto.randomUUID() }, { toProviderUnitId: 'Välj en utförarenhet i listan.' }],
      [
        { toProviderUnitId: noAccessUnit },
        {
          toProviderUnitId:
            'Utföraren har inte tillgång till Vardag. Kontakta handläggaren, som skickar uppdraget med säker e-post.',
        },
      ],
      [{ deliveryIds: [another.deliveryIds[0]] }, { 'deliveryIds.0': 'Raden finns inte hos personen.' }],
      [{ deliveryIds: [fixture.deliveryIds[0], fixture.deliveryIds[0]] }, { deliveryIds: 'Varje rad en gång.' }],
    ];
    for (const [body, fieldErrors] of cases) {
      const response = await post(body);
      expect(response.status, JSON.stringify(body)).toBe(400);
      expect(response.body.fieldErrors).toEqual(fieldErrors);
    }
    for (const changeDate of ['2026-02-30', '2026-00-10', '']) {
      const response = await post({ changeDate });
      expect(response.status).toBe(400);
      expect(Object.keys(response.body.fieldErrors)).toEqual(['changeDate']);
    }
    expect((await post({ deliveryIds: [] })).body.fieldErrors).toEqual({ deliveryIds: 'Välj minst en rad.' });
    expect(
      await server.ownerDb
        .selectFrom('provider_changes')
        .select('id')
        .where('person_id', '=', fixture.personId)
        .execute(),
    ).toEqual([]);
  });

  it('rows of two assignments, and rows no longer sent to delivery, are refused', async () => {
    const fixture = await createSentRows(server.ownerDb, world);
    const second = await createSentRows(server.ownerDb, world, { personId: fixture.personId });
    const mixed = await manager.post(`/api/persons/${fixture.personId}/provider-changes`, {
      deliveryIds: [fixture.deliveryIds[0], second.deliveryIds[0]],
      toProviderUnitId: other.unitId,
      changeDate: '2026-06-01',
    });
    expect(mixed.body.fieldErrors).toEqual({ deliveryIds: 'Välj rader från samma uppdrag.' });
    await manager.post(`/api/deliveries/${fixture.deliveryIds[1]}/end`, {
      endOn: '2026-04-30',
      endReason: 'Avliden',
      version: await deliveryVersion(server.ownerDb, fixture.deliveryIds[1]!),
    });
    const ended = await manager.post(`/api/persons/${fixture.personId}/provider-changes`, {
      deliveryIds: [fixture.deliveryIds[0], fixture.deliveryIds[1]],
      toProviderUnitId: other.unitId,
      changeDate: '2026-06-01',
    });
    expect(ended.body.fieldErrors).toEqual({
      'deliveryIds.1': 'Bara rader som är skickade till genomförande kan byta utförare.',
    });
  });

  it("who may: the unit's management; readers 403; other units, other municipalities and the signed out not", async () => {
    const fixture = await createSentRows(server.ownerDb, world);
    const body = { deliveryIds: [fixture.deliveryIds[0]], toProviderUnitId: other.unitId, changeDate: '2026-06-01' };
    const path = `/api/persons/${fixture.personId}/provider-changes`;
    const signedOut = new TestClient(server.baseUrl);
    expect((await signedOut.post(path, body)).status).toBe(401);
    expect((await signedOut.get(path)).status).toBe(401);
    expect((await signedOut.get(`/api/deliveries/${fixture.deliveryIds[0]}/provider-change-targets`)).status).toBe(401);
    for (const key of ['careStaff', 'caseOfficer', 'alarmManager'] as const) {
      const client = await world.signIn(key);
      expect((await client.post(path, body)).status, key).toBe(403);
      expect((await client.get(`/api/deliveries/${fixture.deliveryIds[0]}/provider-change-targets`)).status, key).toBe(
        403,
      );
      expect((await client.get(path)).status, key).toBe(200);
    }
    for (const key of ['otherUnitManager', 'administrator'] as const) {
      const client = await world.signIn(key);
      expect((await client.post(path, body)).status, key).toBe(404);
      expect((await client.get(path)).status, key).toBe(404);
    }
    expect((await other.client.post(path, body)).status).toBe(404);
    const elsewhere = await createSentRows(server.ownerDb, foreign);
    expect(
      (
        await manager.post(`/api/persons/${elsewhere.personId}/provider-changes`, {
          ...body,
          deliveryIds: elsewhere.deliveryIds.slice(0, 1),
        })
      ).status,
    ).toBe(404);
    expect((await manager.get(`/api/persons/${elsewhere.personId}/provider-changes`)).status).toBe(404);
  });

  it("offers the other providers of the service area with their units, not the row's own nor those without Vardag", async () => {
    const fixture = await createSentRows(server.ownerDb, world);
    const response = await manager.get(`/api/deliveries/${fixture.deliveryIds[0]}/provider-change-targets`);
    expect(response.status).toBe(200);
    expect(response.body.serviceArea).toBe('AO');
    const names = response.body.providers.map((provider: { name: string }) => provider.name);
    expect(names).toContain('Annan Omsorg AB');
    expect(names).not.toContain('Hemtjänst egen regi');
    expect(names).not.toContain('Utan Vardag AB');
    expect(names).not.toContain('IFO egen regi');
    expect(
      response.body.providers.find((provider: { name: string }) => provider.name === 'Annan Omsorg AB').units,
    ).toEqual([{ id: other.unitId, name: 'Annan Omsorg hemtjänst' }]);
  });
});
