import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { TestServer } from '../../../../test/harness.ts';
import { startModuleTest } from '../../../../test/module-setup.ts';
import { createTestUser, TEST_PASSWORD, type TestWorld } from '../../../../test/factories.ts';
import { TestClient } from '../../../../test/http-client.ts';
import { hashPassword } from '../../platform/auth/password.ts';
import { createUser } from '../../../../seeds/lib/builders.ts';
import {
  createFixtureAssignment,
  createFixtureDecision,
  draftBody,
  ensureProvider,
  type FixtureDecision,
} from '../../../../test/fixtures/assignment-fixtures.ts';

let server: TestServer;
let world: TestWorld;
let officer: TestClient;
/** A second ÄO provider with its own unit manager: it is never sent these assignments. */
let otherProvider: { id: string; manager: TestClient };
let alarmGroup: { id: string; memberId: string };
let ifoAlarmMemberId: string;

beforeAll(async () => {
  ({ server, world } = await startModuleTest());
  officer = await world.signIn('caseOfficer');
  const providerId = await ensureProvider(server.ownerDb, world, {
    name: 'Omsorgsbolaget AB',
    serviceArea: 'AO',
    hasSystemAccess: true,
  });
  const username = `omsorgschef-${crypto.randomUUID().slice(0, 8)}`;
  await createUser(server.ownerDb, world.municipalityId, await hashPassword(TEST_PASSWORD), {
    username,
    displayName: 'Omsorgsbolagets chef',
    positions: [{ unitId: providerId, title: 'Verksamhetschef', roles: ['operations_manager'] }],
  });
  otherProvider = { id: providerId, manager: await new TestClient(server.baseUrl).signIn(username, TEST_PASSWORD) };
  alarmGroup = await createSendList(world.units.homeCareNorth, 'Jourlarmgruppen', 'alarm_group', 'homeCareNorth');
  ifoAlarmMemberId = (await createSendList(world.units.familyTeam, 'IFO larm', 'alarm_group', 'familyTeam')).memberId;
  await createSendList(world.units.homeCareNorth, 'Nattpatrullen', null, 'homeCareNorth');
});
afterAll(async () => server?.close());

async function createSendList(
  unitId: string,
  name: string,
  purpose: 'alarm_group' | null,
  unit: 'homeCareNorth' | 'familyTeam',
) {
  const list = await server.ownerDb
    .insertInto('send_lists')
    .values({ municipality_id: world.municipalityId, unit_id: unitId, name, purpose })
    .returning('id')
    .executeTakeFirstOrThrow();
  const member = await createTestUser(server.ownerDb, world, {
    name: 'larmjour',
    positions: [{ unit, title: 'Undersköterska', roles: ['care_staff'] }],
  });
  await server.ownerDb
    .insertInto('send_list_members')
    .values({ municipality_id: world.municipalityId, send_list_id: list.id, user_id: member.userId })
    .execute();
  return { id: list.id, memberId: member.userId };
}

async function draftFor(
  options: { withAlarm?: boolean; providerId?: string; overrides?: Parameters<typeof draftBody>[2] } = {},
) {
  const person = await world.createPerson(['aoAuthority'], { firstName: 'Åke', lastName: 'Ödmark' });
  const decision = await createFixtureDecision(server.ownerDb, world, person.id, {
    withAlarm: options.withAlarm ?? false,
  });
  const created = await officer.post(
    `/api/decisions/${decision.decisionId}/assignments`,
    draftBody(decision, options.providerId ?? world.units.homeCare, options.overrides),
  );
  expect(created.status, JSON.stringify(created.body)).toBe(200);
  return { decision, id: created.body.id as string, number: created.body.assignmentNumber as string };
}

async function recipientsOf(assignmentId: string): Promise<string[]> {
  const rows = await server.ownerDb
    .selectFrom('message_recipients as r')
    .innerJoin('messages as m', 'm.id', 'r.message_id')
    .select('r.user_id')
    .where('m.assignment_id', '=', assignmentId)
    .execute();
  return rows.map((row) => row.user_id).sort();
}

const usersOf = (...keys: (keyof TestWorld['users'])[]) => keys.map((key) => world.users[key].userId);

describe('sending in Vardag', () => {
  it("freezes it, puts it in the provider's Nya uppdrag, links the person and writes the message to exactly the receivers", async () => {
    const draft = await draftFor();
    const coordinator = await world.signIn('coordinator');
    expect((await coordinator.get(`/api/assignments/${draft.id}`)).status).toBe(404);

    const sent = await officer.post(`/api/assignments/${draft.id}/send`, { version: 1 });
    expect(sent.status, JSON.stringify(sent.body)).toBe(200);
    expect(sent.body).toMatchObject({
      status: 'new',
      sentVia: 'system',
      sentByName: 'Biståndshandläggare caseOfficer',
    });
    expect(sent.body.events.map((event: { event: string }) => event.event)).toEqual(['sent']);

    expect(await recipientsOf(draft.id)).toEqual(
      usersOf('operationsManager', 'unitManager', 'otherUnitManager', 'coordinator').sort(),
    );
    const message = await server.ownerDb
      .selectFrom('messages')
      .selectAll()
      .where('assignment_id', '=', draft.id)
      .executeTakeFirstOrThrow();
    expect(message).toMatchObject({ kind: 'event', sender_id: null, subject: `Nytt uppdrag ${draft.number}` });
    expect(message.body).toContain('Beviljad tid totalt: 23 tim 15 min per månad');
    expect(message.body).not.toContain('Ödmark');

    const link = await server.ownerDb
      .selectFrom('person_unit_links')
      .selectAll()
      .where('source_id', '=', draft.id)
      .executeTakeFirstOrThrow();
    expect(link).toMatchObject({
      person_id: draft.decision.personId,
      unit_id: world.units.homeCare,
      source: 'assignment',
      valid_to: null,
    });

    const list = await (await world.signIn('unitManager')).get('/api/assignments/new');
    expect(list.status).toBe(200);
    expect(list.body.items.map((item: { id: string }) => item.id)).toContain(draft.id);
    const item = list.body.items.find((row: { id: string }) => row.id === draft.id);
    expect(item).toMatchObject({
      assignmentNumber: draft.number,
      interventions: ['Matdistribution', 'Personlig omvårdnad'],
      totalGrantedMinutes: 1395,
    });
    expect(item.person).toMatchObject({ firstName: 'Åke', lastName: 'Ödmark' });
    const hits = await server.ownerDb
      .selectFrom('audit_events')
      .select('person_id')
      .where('action', '=', 'person.list_hit')
      .where('entity_id', '=', draft.id)
      .execute();
    expect(hits.map((hit) => hit.person_id)).toEqual([draft.decision.personId]);

    expect((await coordinator.get(`/api/assignments/${draft.id}`)).status).toBe(200);
    // Care staff read it once it is distributed and the person is theirs (assignment-scope.test.ts), not while it is new.
    expect((await (await world.signIn('careStaff')).get(`/api/assignments/${draft.id}`)).status).toBe(404);
    expect((await officer.post(`/api/assignments/${draft.id}/send`, { version: sent.body.version })).status).toBe(409);
  });

  it('keeps it from a provider that was not sent it: 404, and not in its Nya uppdrag', async () => {
    const draft = await draftFor();
    await officer.post(`/api/assignments/${draft.id}/send`, { version: 1 });
    expect((await otherProvider.manager.get(`/api/assignments/${draft.id}`)).status).toBe(404);
    expect((await otherProvider.manager.get(`/api/assignments/${draft.id}/document.pdf`)).status).toBe(404);
    const list = await otherProvider.manager.get('/api/assignments/new');
    expect(list.body.items.map((item: { id: string }) => item.id)).not.toContain(draft.id);
    expect(await recipientsOf(draft.id)).not.toContain(
      (
        await server.ownerDb
          .selectFrom('users')
          .select('id')
          .where('display_name', '=', 'Omsorgsbolagets chef')
          .executeTakeFirstOrThrow()
      ).id,
    );
  });

  it('sends a personal alarm to the alarm groups of the service area too, and lets the alarm manager see it', async () => {
    const draft = await draftFor({ withAlarm: true });
    const alarmManager = await world.signIn('alarmManager');
    await officer.post(`/api/assignments/${draft.id}/send`, { version: 1 });
    const recipients = await recipientsOf(draft.id);
    expect(recipients).toEqual(
      [...usersOf('operationsManager', 'unitManager', 'otherUnitManager', 'coordinator'), alarmGroup.memberId].sort(),
    );
    expect(recipients).not.toContain(ifoAlarmMemberId);
    const list = await alarmManager.get('/api/assignments/new');
    expect(list.body.items.find((item: { id: string }) => item.id === draft.id)).toMatchObject({
      hasPersonalAlarm: true,
    });

    const plain = await draftFor();
    await officer.post(`/api/assignments/${plain.id}/send`, { version: 1 });
    expect(
      (await alarmManager.get('/api/assignments/new')).body.items.map((item: { id: string }) => item.id),
    ).not.toContain(plain.id);
  });

  it('requires the telephone hand-over for a new client before sending', async () => {
    const draft = await draftFor({ overrides: { isNewClient: true } });
    const refused = await officer.post(`/api/assignments/${draft.id}/send`, { version: 1 });
    expect(refused.status).toBe(400);
    expect(Object.keys(refused.body.fieldErrors).sort()).toEqual(['handoverAt', 'handoverBy']);
    expect((await officer.get(`/api/assignments/${draft.id}`)).body.status).toBe('draft');

    const saved = await officer.put(`/api/assignments/${draft.id}`, {
      ...draftBody(draft.decision, world.units.homeCare, {
        isNewClient: true,
        handoverBy: 'Maja Sandberg',
        handoverAt: '2026-03-02 14:30',
      }),
      version: 1,
    });
    expect(saved.body.handoverAt).toBe('2026-03-02T13:30:00.000Z');
    const sent = await officer.post(`/api/assignments/${draft.id}/send`, { version: saved.body.version });
    expect(sent.status).toBe(200);
  });

  it('refuses sending in Vardag to a provider without system access', async () => {
    const noAccess = await ensureProvider(server.ownerDb, world, {
      name: 'Privat Omsorg i Norr AB',
      serviceArea: 'AO',
      hasSystemAccess: false,
    });
    const draft = await draftFor({ providerId: noAccess });
    const refused = await officer.post(`/api/assignments/${draft.id}/send`, { version: 1 });
    expect(refused.status).toBe(400);
    expect(Object.keys(refused.body.fieldErrors)).toEqual(['providerId']);
  });
});

describe('sending by secure mail', () => {
  it('records a provider without system access as sent outside, with an event and no message', async () => {
    const noAccess = await ensureProvider(server.ownerDb, world, {
      name: 'Privat Omsorg i Norr AB',
      serviceArea: 'AO',
      hasSystemAccess: false,
    });
    const draft = await draftFor({ providerId: noAccess });
    const detail = await officer.get(`/api/assignments/${draft.id}`);
    expect(detail.body.permissions).toMatchObject({ canSend: false, canRecordSentOutside: true });
    expect((await officer.get(`/api/assignments/${draft.id}/document.pdf`)).status).toBe(200);
    const recorded = await officer.post(`/api/assignments/${draft.id}/record-sent-outside`, { version: 1 });
    expect(recorded.status).toBe(200);
    expect(recorded.body).toMatchObject({ status: 'sent_outside', sentVia: 'secure_mail' });
    expect(recorded.body.events.map((event: { event: string }) => event.event)).toEqual(['sent_outside']);
    expect(
      await server.ownerDb.selectFrom('messages').select('id').where('assignment_id', '=', draft.id).execute(),
    ).toEqual([]);
  });

  it('refuses it for a provider in Vardag', async () => {
    const draft = await draftFor();
    const refused = await officer.post(`/api/assignments/${draft.id}/record-sent-outside`, { version: 1 });
    expect(refused.status).toBe(400);
    expect(Object.keys(refused.body.fieldErrors)).toEqual(['providerId']);
  });
});

describe('replacing a sent assignment', () => {
  it('takes the earlier one out of Nya uppdrag with a replaced event, once', async () => {
    const person = await world.createPerson(['aoAuthority']);
    const decision: FixtureDecision = await createFixtureDecision(server.ownerDb, world, person.id);
    const earlier = await createFixtureAssignment(server.ownerDb, world, decision, world.units.homeCare, {
      isSent: true,
    });
    const body = draftBody(decision, world.units.homeCare, { replacesAssignmentId: earlier.id });
    const first = await officer.post(`/api/decisions/${decision.decisionId}/assignments`, body);
    const second = await officer.post(`/api/decisions/${decision.decisionId}/assignments`, body);
    const sent = await officer.post(`/api/assignments/${first.body.id}/send`, { version: 1 });
    expect(sent.body.replacesAssignment).toEqual({
      id: earlier.id,
      assignmentNumber: earlier.assignmentNumber,
      canOpen: true,
    });
    const old = await officer.get(`/api/assignments/${earlier.id}`);
    expect(old.body).toMatchObject({ status: 'replaced', replacedBy: { id: first.body.id } });
    expect(old.body.events.map((event: { event: string }) => event.event)).toEqual(['sent', 'replaced']);
    const list = await (await world.signIn('operationsManager')).get('/api/assignments/new');
    expect(list.body.items.map((item: { id: string }) => item.id)).not.toContain(earlier.id);
    expect((await officer.post(`/api/assignments/${second.body.id}/send`, { version: 1 })).status).toBe(409);
  });
});

describe('Nya uppdrag', () => {
  it('pages waiting longest first with a total and a cursor, and counts for the desk', async () => {
    const person = await world.createPerson(['aoAuthority']);
    const decision = await createFixtureDecision(server.ownerDb, world, person.id);
    for (let index = 0; index < 53; index++)
      await createFixtureAssignment(server.ownerDb, world, decision, otherProvider.id, { isSent: true });
    const first = await otherProvider.manager.get('/api/assignments/new');
    expect(first.body.items).toHaveLength(50);
    expect(first.body.total).toBe(53);
    const second = await otherProvider.manager.get(`/api/assignments/new?cursor=${first.body.nextCursor}`);
    expect(second.body.items).toHaveLength(3);
    expect(second.body.nextCursor).toBeNull();
    const items = [...first.body.items, ...second.body.items] as { assignmentNumber: string; sentAt: string }[];
    expect(new Set(items.map((item) => item.assignmentNumber)).size).toBe(53);
    const sentAt = items.map((item) => item.sentAt);
    expect(sentAt).toEqual([...sentAt].sort());
    expect((await otherProvider.manager.get('/api/assignments/new/count')).body).toEqual({ total: 53 });
    expect(
      (await otherProvider.manager.get(`/api/assignments/new?providerUnitId=${world.units.homeCare}`)).body.total,
    ).toBe(0);
    expect((await otherProvider.manager.get('/api/assignments/new?cursor=bm90LWEtY3Vyc29y')).status).toBe(400);
    expect((await otherProvider.manager.get(`/api/assignments/new?providerUnitId=${crypto.randomUUID()}`)).status).toBe(
      404,
    );
  });

  it('is for provider managers, coordinators and alarm managers only', async () => {
    for (const key of ['caseOfficer', 'careStaff', 'licensedStaff', 'administrator'] as const) {
      expect((await (await world.signIn(key)).get('/api/assignments/new')).status, key).toBe(403);
    }
  });
});
