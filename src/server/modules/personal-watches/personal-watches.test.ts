/**
 * Personal watches through HTTP against PostgreSQL, with the clock injected: a watch is upcoming
 * the day before its day, due on it and overdue the day after, in the list and in the desk's
 * counts, without waiting. Only the owner sees, clears, reopens and deletes it (404 for anyone
 * else, as for a person out of scope or another municipality's); every change and read is audited.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestServer, type TestServer } from '../../../../test/harness.ts';
import { createTestWorld, type TestWorld } from '../../../../test/factories.ts';
import { TestClient } from '../../../../test/http-client.ts';
import { auditRows } from '../../../../test/audit.ts';
import { createSentAssignment } from '../../../../test/fixtures/delivery-fixtures.ts';
import { createProviderCaseFixture } from '../../../../test/fixtures/desk-fixtures.ts';
import { settableClock } from '../../platform/clock.ts';

// Noon in Sweden, so the day is the same whatever the machine's zone.
const clock = settableClock(new Date('2026-03-15T11:00:00Z'));
const setToday = (day: string) => clock.set(`${day}T11:00:00Z`);

let server: TestServer;
let world: TestWorld;
let foreign: TestWorld;
let officer: TestClient;
let manager: TestClient;
let careStaff: TestClient;

beforeAll(async () => {
  server = await startTestServer({}, undefined, { clock });
  [world, foreign] = await Promise.all([
    createTestWorld(server.ownerDb, server.baseUrl),
    createTestWorld(server.ownerDb, server.baseUrl),
  ]);
  [officer, manager, careStaff] = await Promise.all([
    world.signIn('caseOfficer'),
    world.signIn('authorityManager'),
    world.signIn('careStaff'),
  ]);
});
afterAll(async () => server?.close());

const personInScope = (fields: { protectedIdentity?: boolean; lastName?: string } = {}) =>
  world.createPerson(['aoAuthority', 'homeCareNorth'], fields);

const setWatch = (client: TestClient, personId: string, body: Record<string, unknown>) =>
  client.post(`/api/persons/${personId}/watches`, body);

async function createWatch(client: TestClient, personId: string, body: Record<string, unknown>) {
  const response = await setWatch(client, personId, body);
  expect(response.status, JSON.stringify(response.body)).toBe(200);
  return response.body as { id: string; state: string };
}

const openList = async (client: TestClient) => (await client.get('/api/personal-watches')).body;
const summary = async (client: TestClient) => (await client.get('/api/personal-watches/summary')).body;

describe('setting a watch', () => {
  it('sets a watch on a person and on their case, lists it with the case number, and audits it', async () => {
    setToday('2026-03-15');
    const person = await personInScope({ lastName: 'Bevakad' });
    const sent = await createSentAssignment(server.ownerDb, world, person.id);
    const caseNumber = (
      await server.ownerDb
        .selectFrom('cases')
        .select('case_number')
        .where('id', '=', sent.decision.caseId)
        .executeTakeFirstOrThrow()
    ).case_number;

    const response = await setWatch(officer, person.id, {
      dueOn: '2026-03-20',
      note: '  Följ upp beslutet om hemtjänst.  ',
      record: { kind: 'case', id: sent.decision.caseId },
    });
    expect(response.status, JSON.stringify(response.body)).toBe(200);
    expect(response.body).toEqual({
      id: expect.any(String),
      person: {
        id: person.id,
        identityNumber: expect.any(String),
        firstName: expect.any(String),
        lastName: 'Bevakad',
        protectedIdentity: false,
      },
      record: { kind: 'case', id: sent.decision.caseId, label: caseNumber },
      dueOn: '2026-03-20',
      note: 'Följ upp beslutet om hemtjänst.',
      state: 'upcoming',
      createdAt: expect.any(String),
      doneAt: null,
    });
    const audit = await auditRows(server.ownerDb, { action: 'personal_watch.create', response });
    expect(audit).toHaveLength(1);
    expect(audit[0]).toMatchObject({
      person_id: person.id,
      entity_id: response.body.id,
      user_id: world.users.caseOfficer.userId,
    });

    const onPerson = await officer.get(`/api/persons/${person.id}/watches`);
    expect(onPerson.status).toBe(200);
    expect(onPerson.body.watches.map((watch: { id: string }) => watch.id)).toEqual([response.body.id]);
    expect(
      await auditRows(server.ownerDb, { action: 'person.read', personId: person.id, response: onPerson }),
    ).toHaveLength(1);

    const assignment = await createWatch(officer, person.id, {
      dueOn: '2026-03-21',
      note: 'Har utföraren tagit emot uppdraget?',
      record: { kind: 'assignment', id: sent.assignmentId },
    });
    expect(assignment).toMatchObject({ record: { kind: 'assignment', label: sent.assignmentNumber } });
  });

  it('lets provider staff set one on their provider case, named by its unit', async () => {
    setToday('2026-03-15');
    const person = await personInScope();
    const providerCase = await createProviderCaseFixture(server.ownerDb, world, person.id);
    const watch = await createWatch(careStaff, person.id, {
      dueOn: '2026-03-15',
      note: 'Kolla att nyckeln är kvitterad.',
      record: { kind: 'provider_case', id: providerCase.providerCaseId },
    });
    expect(watch).toMatchObject({
      record: { kind: 'provider_case', id: providerCase.providerCaseId, label: 'Hemtjänst Norr' },
      state: 'due',
    });
  });

  it('refuses a record the caller may not open, or another person’s, as missing (404), writing nothing', async () => {
    setToday('2026-03-15');
    const person = await personInScope();
    const other = await personInScope();
    const sent = await createSentAssignment(server.ownerDb, world, person.id);
    const otherCase = await createSentAssignment(server.ownerDb, world, other.id);
    const providerCase = await createProviderCaseFixture(server.ownerDb, world, person.id);
    const body = { dueOn: '2026-03-20', note: 'Titta på det här.' };
    const attempts: [TestClient, Record<string, unknown>][] = [
      [officer, { kind: 'case', id: otherCase.decision.caseId }],
      [officer, { kind: 'assignment', id: otherCase.assignmentId }],
      // The authority knows the provider case from its rows but does not open the staff's page.
      [officer, { kind: 'provider_case', id: providerCase.providerCaseId }],
      // Cases are the authority's.
      [careStaff, { kind: 'case', id: sent.decision.caseId }],
      [officer, { kind: 'case', id: '00000000-0000-4000-8000-000000000000' }],
    ];
    for (const [client, record] of attempts) {
      const response = await setWatch(client, person.id, { ...body, record });
      expect(response.status, JSON.stringify(record)).toBe(404);
    }
    const rows = await server.ownerDb
      .selectFrom('personal_watches')
      .select('id')
      .where('person_id', '=', person.id)
      .execute();
    expect(rows).toEqual([]);
  });

  it('asks for a date from today on and a text of at most 300 characters, on the fields', async () => {
    setToday('2026-03-15');
    const person = await personInScope();
    const cases: [Record<string, unknown>, string][] = [
      [{ dueOn: '2026-03-14', note: 'Igår' }, 'dueOn'],
      [{ dueOn: '2026-02-30', note: 'Finns inte' }, 'dueOn'],
      [{ dueOn: '15/3/2026', note: 'Fel form' }, 'dueOn'],
      [{ dueOn: '2031-03-16', note: 'För långt fram' }, 'dueOn'],
      [{ dueOn: '2026-03-20', note: '   ' }, 'note'],
      [{ dueOn: '2026-03-20', note: 'x'.repeat(301) }, 'note'],
      [{ dueOn: '2026-03-20', note: 'Okänd post', record: { kind: 'journal', id: person.id } }, 'record.kind'],
    ];
    for (const [body, field] of cases) {
      const response = await setWatch(officer, person.id, body);
      expect(response.status, JSON.stringify(body)).toBe(400);
      expect(Object.keys(response.body.fieldErrors ?? {}), JSON.stringify(body)).toContain(field);
    }
    expect((await setWatch(officer, person.id, { dueOn: '2026-03-15', note: 'x'.repeat(300) })).status).toBe(200);
  });
});

describe('the state on the day, by the clock', () => {
  it('is upcoming the day before, due on the day, overdue the day after, in the list and the counts', async () => {
    // A user of their own, so the counts are this test's alone.
    const client = await world.signIn('coordinator');
    const person = await personInScope();
    setToday('2026-04-09');
    const watch = await createWatch(client, person.id, { dueOn: '2026-04-10', note: 'Ring anhörig.' });
    // Within the seven days and just past them: counted and not.
    await createWatch(client, person.id, { dueOn: '2026-04-16', note: 'Sju dagar fram.' });
    await createWatch(client, person.id, { dueOn: '2026-04-17', note: 'Åtta dagar fram.' });

    const stateOn = async (day: string) => {
      setToday(day);
      const list = await openList(client);
      return list.watches.find((item: { id: string }) => item.id === watch.id)?.state;
    };
    expect(await stateOn('2026-04-09')).toBe('upcoming');
    expect(await summary(client)).toEqual({ today: '2026-04-09', overdue: 0, dueToday: 0, upcoming: 2 });
    expect(await stateOn('2026-04-10')).toBe('due');
    expect(await summary(client)).toEqual({ today: '2026-04-10', overdue: 0, dueToday: 1, upcoming: 2 });
    expect(await stateOn('2026-04-11')).toBe('overdue');
    expect(await summary(client)).toEqual({ today: '2026-04-11', overdue: 1, dueToday: 0, upcoming: 2 });
    setToday('2026-04-17');
    expect(await summary(client)).toEqual({ today: '2026-04-17', overdue: 2, dueToday: 1, upcoming: 0 });

    // The list is by due date, the oldest first.
    const dates = (await openList(client)).watches.map((item: { dueOn: string }) => item.dueOn);
    expect(dates).toEqual(['2026-04-10', '2026-04-16', '2026-04-17']);
  });
});

describe('clearing, reopening and deleting', () => {
  it('clears a watch (kept, done), reopens it, deletes it while open and refuses to delete a done one', async () => {
    setToday('2026-03-15');
    const client = await world.signIn('licensedStaff');
    const person = await personInScope();
    const watch = await createWatch(client, person.id, { dueOn: '2026-03-15', note: 'Såromläggning.' });
    expect(await summary(client)).toMatchObject({ dueToday: 1 });

    const done = await client.post(`/api/personal-watches/${watch.id}/done`);
    expect(done.status).toBe(200);
    expect(done.body).toMatchObject({ id: watch.id, state: 'done', doneAt: expect.any(String) });
    expect(await auditRows(server.ownerDb, { action: 'personal_watch.done', entityId: watch.id })).toHaveLength(1);
    expect(await summary(client)).toMatchObject({ dueToday: 0 });
    expect((await openList(client)).watches).toEqual([]);
    const doneList = (await client.get('/api/personal-watches?status=done')).body;
    expect(doneList.watches.map((item: { id: string }) => item.id)).toEqual([watch.id]);
    const row = await server.ownerDb
      .selectFrom('personal_watches')
      .select(['done_by_id'])
      .where('id', '=', watch.id)
      .executeTakeFirstOrThrow();
    expect(row.done_by_id).toBe(world.users.licensedStaff.userId);

    // Clearing again changes nothing.
    expect((await client.post(`/api/personal-watches/${watch.id}/done`)).status).toBe(200);
    expect(await auditRows(server.ownerDb, { action: 'personal_watch.done', entityId: watch.id })).toHaveLength(1);

    const refused = await client.delete(`/api/personal-watches/${watch.id}`);
    expect(refused.status).toBe(409);

    const reopened = await client.post(`/api/personal-watches/${watch.id}/reopen`);
    expect(reopened.status).toBe(200);
    expect(reopened.body).toMatchObject({ state: 'due', doneAt: null });
    expect(await auditRows(server.ownerDb, { action: 'personal_watch.reopen', entityId: watch.id })).toHaveLength(1);

    const deleted = await client.delete(`/api/personal-watches/${watch.id}`);
    expect(deleted.status).toBe(200);
    expect(await auditRows(server.ownerDb, { action: 'personal_watch.delete', entityId: watch.id })).toHaveLength(1);
    expect((await client.post(`/api/personal-watches/${watch.id}/done`)).status).toBe(404);
  });
});

describe('only the owner', () => {
  it('shows, clears and deletes nothing of someone else’s watch on a person both see (404)', async () => {
    setToday('2026-03-15');
    const person = await personInScope();
    const watch = await createWatch(officer, person.id, { dueOn: '2026-03-15', note: 'Min egen.' });
    const onPerson = await manager.get(`/api/persons/${person.id}/watches`);
    expect(onPerson.status).toBe(200);
    expect(onPerson.body.watches).toEqual([]);
    expect((await openList(manager)).watches.some((item: { id: string }) => item.id === watch.id)).toBe(false);
    for (const response of [
      await manager.post(`/api/personal-watches/${watch.id}/done`),
      await manager.post(`/api/personal-watches/${watch.id}/reopen`),
      await manager.delete(`/api/personal-watches/${watch.id}`),
    ]) {
      expect(response.status).toBe(404);
    }
    expect(await auditRows(server.ownerDb, { entityId: watch.id })).toHaveLength(1);
  });

  it('answers 404 for a person out of scope or another municipality’s, 401 signed out, and audits none of it', async () => {
    setToday('2026-03-15');
    const south = await world.createPerson(['homeCareSouth']);
    const foreignPerson = await foreign.createPerson(['aoAuthority', 'homeCareNorth']);
    const body = { dueOn: '2026-03-20', note: 'Får inte gå.' };
    for (const personId of [south.id, foreignPerson.id]) {
      expect((await setWatch(careStaff, personId, body)).status).toBe(404);
      const read = await careStaff.get(`/api/persons/${personId}/watches`);
      expect(read.status).toBe(404);
      expect(await auditRows(server.ownerDb, { response: read })).toEqual([]);
    }
    const signedOut = new TestClient(server.baseUrl);
    expect((await signedOut.get('/api/personal-watches')).status).toBe(401);
    expect((await signedOut.get('/api/personal-watches/summary')).status).toBe(401);
    expect((await setWatch(signedOut, south.id, body)).status).toBe(401);
  });

  it('drops a watch from the list and the counts while its person is out of the owner’s scope', async () => {
    setToday('2026-03-15');
    const client = await world.signIn('alarmManager');
    const person = await personInScope();
    const watch = await createWatch(client, person.id, { dueOn: '2026-03-15', note: 'Larmet.' });
    expect(await summary(client)).toMatchObject({ dueToday: 1 });
    await server.ownerDb
      .updateTable('person_unit_links')
      .set({ valid_from: '2019-01-01', valid_to: '2020-01-01' })
      .where('person_id', '=', person.id)
      .execute();
    expect(await summary(client)).toMatchObject({ dueToday: 0 });
    expect((await openList(client)).watches).toEqual([]);
    expect((await client.post(`/api/personal-watches/${watch.id}/done`)).status).toBe(404);
  });
});

describe('the lists', () => {
  it('mask a protected identity’s name and audit each person shown', async () => {
    setToday('2026-03-15');
    const client = await world.signIn('unitManager');
    const person = await personInScope({ protectedIdentity: true });
    const watch = await createWatch(client, person.id, { dueOn: '2026-03-16', note: 'Skyddad.' });
    const response = await client.get('/api/personal-watches');
    expect(response.status).toBe(200);
    const item = response.body.watches.find((found: { id: string }) => found.id === watch.id);
    expect(item.person).toMatchObject({ id: person.id, firstName: null, lastName: null, protectedIdentity: true });
    const audit = await auditRows(server.ownerDb, { action: 'person.list_hit', response });
    expect(audit.map((row) => row.entity_id)).toContain(watch.id);
  });
});
