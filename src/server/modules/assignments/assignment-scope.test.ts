/**
 * Need to know for assignments (issue 13, defect 7; the rule in README.md): before an assignment
 * is distributed only the provider's managers and coordinators (who may accept and distribute it)
 * and the alarm managers (personal alarms) read it; once distributed, the managers of a unit that
 * delivers it, and anyone at the provider whose person scope holds its person. Out of scope is 404
 * on every route that takes the assignment's id, and lists and links leave it out.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { TestServer } from '../../../../test/harness.ts';
import { startModuleTest } from '../../../../test/module-setup.ts';
import { TEST_PASSWORD, type TestUnitKey, type TestWorld, type UserKey } from '../../../../test/factories.ts';
import { TestClient } from '../../../../test/http-client.ts';
import { pdfText } from '../../../../test/pdf-text.ts';
import {
  createOtherProviderManager,
  createSentAssignment,
  distributionBody,
  stateVersionOf,
  type SentAssignment,
} from '../../../../test/fixtures/delivery-fixtures.ts';
import { createFixtureDecision, draftBody } from '../../../../test/fixtures/assignment-fixtures.ts';

let server: TestServer;
let world: TestWorld;
const clients = {} as Record<UserKey, TestClient>;

beforeAll(async () => {
  ({ server, world } = await startModuleTest());
  const users: UserKey[] = [
    'caseOfficer',
    'operationsManager',
    'unitManager',
    'otherUnitManager',
    'coordinator',
    'careStaff',
    'otherCareStaff',
    'licensedStaff',
    'alarmManager',
  ];
  await Promise.all(
    users.map(async (key) => {
      clients[key] = await world.signIn(key);
    }),
  );
});
afterAll(async () => server?.close());

/** A person linked to these units, with an assignment sent to Hemtjänst egen regi (state new) unless said. */
async function sentTo(
  units: TestUnitKey[],
  options: Parameters<typeof createSentAssignment>[3] = {},
): Promise<SentAssignment & { personId: string; identityNumber: string }> {
  const person = await world.createPerson(units, { firstName: 'Åsa', lastName: 'Behovsdotter' });
  return {
    ...(await createSentAssignment(server.ownerDb, world, person.id, options)),
    personId: person.id,
    identityNumber: person.identityNumber,
  };
}

/** Accepted and distributed over HTTP by the manager, every row at the unit and sent to delivery there. */
async function distribute(
  manager: TestClient,
  sent: SentAssignment,
  unitId: string,
): Promise<{ isReadableAfter: boolean }> {
  const response = await manager.post(`/api/assignments/${sent.assignmentId}/distribution`, {
    ...distributionBody(sent, unitId),
    sendToDelivery: true,
  });
  expect(response.status, JSON.stringify(response.body)).toBe(200);
  return response.body;
}

/** The statuses of reading the assignment, its PDF and what its distribution page shows. */
async function reads(user: UserKey, assignmentId: string): Promise<number[]> {
  const client = clients[user];
  return [
    (await client.get(`/api/assignments/${assignmentId}`)).status,
    (await client.get(`/api/assignments/${assignmentId}/document.pdf`)).status,
    (await client.get(`/api/assignments/${assignmentId}/distribution`)).status,
  ];
}

/** The PDF's text as the user's own session downloads it (TestClient reads bodies as text). */
async function documentText(user: UserKey, assignmentId: string): Promise<string> {
  const signIn = await fetch(`${server.baseUrl}/api/auth/sign-in`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ username: world.users[user].username, password: TEST_PASSWORD }),
  });
  const cookie = signIn.headers
    .getSetCookie()
    .find((value) => value.startsWith('vardag_session='))!
    .split(';')[0]!;
  const response = await fetch(`${server.baseUrl}/api/assignments/${assignmentId}/document.pdf`, {
    headers: { cookie },
  });
  expect(response.status).toBe(200);
  return pdfText(new Uint8Array(await response.arrayBuffer()));
}

const readsOf = (userId: string, assignmentId: string) =>
  server.ownerDb
    .selectFrom('audit_events')
    .select('details')
    .where('user_id', '=', userId)
    .where('entity_id', '=', assignmentId)
    .where('action', '=', 'person.read')
    .execute();

/** An identity number as digits: the fixtures and the answers may write the separator differently. */
const digits = (value: string) => value.replace(/\D/g, '');
const READ = [200, 200, 200];
const HIDDEN = [404, 404, 404];

describe('before an assignment is distributed', () => {
  it("only the provider's managers and coordinators read it, care staff not even when the person is theirs (JSON, PDF, distribution)", async () => {
    // The person already gets support from Hemtjänst Norr, so they are in the care staff's scope: the assignment still is not theirs yet.
    const sent = await sentTo(['aoAuthority', 'homeCareNorth']);
    for (const user of ['careStaff', 'licensedStaff', 'alarmManager'] as const) {
      expect(await reads(user, sent.assignmentId), user).toEqual(HIDDEN);
      expect(await readsOf(world.users[user].userId, sent.assignmentId), user).toEqual([]);
    }
    for (const user of [
      'operationsManager',
      'unitManager',
      'otherUnitManager',
      'coordinator',
      'caseOfficer',
    ] as const) {
      expect(await reads(user, sent.assignmentId), user).toEqual(READ);
    }
    const page = await clients.otherUnitManager.get(`/api/assignments/${sent.assignmentId}/distribution`);
    expect(page.body.permissions).toEqual({ canDistribute: true, canStop: true });
  });
});

describe('once an assignment is distributed', () => {
  it('care staff of another unit do not read it (JSON or PDF); those of the unit that delivers it do, with name and number in the PDF', async () => {
    const sent = await sentTo(['aoAuthority']);
    await distribute(clients.otherUnitManager, sent, world.units.homeCareSouth);
    expect(await reads('careStaff', sent.assignmentId)).toEqual(HIDDEN);
    expect(await readsOf(world.users.careStaff.userId, sent.assignmentId)).toEqual([]);
    expect(await reads('otherCareStaff', sent.assignmentId)).toEqual(READ);
    const text = await documentText('otherCareStaff', sent.assignmentId);
    expect(digits(text)).toContain(digits(sent.identityNumber));
    expect(text).toContain('Behovsdotter');
    expect(
      (await readsOf(world.users.otherCareStaff.userId, sent.assignmentId)).map(
        (row) => (row.details as { section: string }).section,
      ),
    ).toEqual(expect.arrayContaining(['assignment', 'assignment_document', 'distribution']));
  });

  it('care staff read one whose person is in their scope, and may not answer it (403)', async () => {
    // Sent to delivery at Hemtjänst Söder; the person also has support from Norr, so Norr's staff see them.
    const sent = await sentTo(['aoAuthority', 'homeCareNorth']);
    await distribute(clients.otherUnitManager, sent, world.units.homeCareSouth);
    expect(await reads('careStaff', sent.assignmentId)).toEqual(READ);
    expect(
      digits((await clients.careStaff.get(`/api/assignments/${sent.assignmentId}`)).body.person.identityNumber),
    ).toBe(digits(sent.identityNumber));
    // The manager of Norr reads it on the same rule, but it is Söder's to answer.
    expect(await reads('unitManager', sent.assignmentId)).toEqual(READ);
    const stop = { stateVersion: await stateVersionOf(server.ownerDb, sent.assignmentId), message: 'Fel utförare.' };
    expect((await clients.unitManager.post(`/api/assignments/${sent.assignmentId}/stop`, stop)).status).toBe(403);
    expect((await clients.careStaff.post(`/api/assignments/${sent.assignmentId}/stop`, stop)).status).toBe(403);
  });

  it('a manager of another unit of the same provider gets 404 on reading, stopping and distributing an assignment another unit delivers', async () => {
    const sent = await sentTo(['aoAuthority']);
    expect(await reads('otherUnitManager', sent.assignmentId)).toEqual(READ);
    await distribute(clients.unitManager, sent, world.units.homeCareNorth);
    const path = `/api/assignments/${sent.assignmentId}`;
    const stop = { stateVersion: await stateVersionOf(server.ownerDb, sent.assignmentId), message: 'Fel utförare.' };
    const distribution = { ...distributionBody(sent, world.units.homeCareSouth), stateVersion: stop.stateVersion };
    expect(await reads('otherUnitManager', sent.assignmentId)).toEqual(HIDDEN);
    expect((await clients.otherUnitManager.post(`${path}/stop`, stop)).status).toBe(404);
    expect((await clients.otherUnitManager.post(`${path}/distribution`, distribution)).status).toBe(404);
    // Those who deliver it, and the verksamhetschef above them, learn it was answered.
    for (const user of ['unitManager', 'coordinator', 'operationsManager'] as const) {
      expect(await reads(user, sent.assignmentId), user).toEqual(READ);
      const answered = await clients[user].post(`${path}/stop`, stop);
      expect(answered.status, user).toBe(409);
      expect(answered.body.message).toBe('Uppdraget har redan fördelats av Enhetschef unitManager.');
    }
    const state = await server.ownerDb
      .selectFrom('assignment_states')
      .select('status')
      .where('assignment_id', '=', sent.assignmentId)
      .executeTakeFirstOrThrow();
    expect(state.status).toBe('accepted');
  });
});

describe('distributing to another unit', () => {
  it('tells a manager who sent every row to a unit they do not have that they no longer read it, so the web does not lead back to it', async () => {
    const elsewhere = await sentTo(['aoAuthority']);
    expect(await distribute(clients.unitManager, elsewhere, world.units.homeCareSouth)).toEqual(
      expect.objectContaining({ isReadableAfter: false }),
    );
    expect(await reads('unitManager', elsewhere.assignmentId)).toEqual(HIDDEN);
    const own = await sentTo(['aoAuthority']);
    expect(await distribute(clients.unitManager, own, world.units.homeCareNorth)).toEqual(
      expect.objectContaining({ isReadableAfter: true }),
    );
    expect(await reads('unitManager', own.assignmentId)).toEqual(READ);
  });
});

describe('alarm managers', () => {
  it('still read the personal alarms of their area sent to any provider, before and after distribution, and nothing else of it', async () => {
    const other = await createOtherProviderManager(server.ownerDb, world);
    const otherManager = await new TestClient(server.baseUrl).signIn(other.username, TEST_PASSWORD);
    const alarm = await sentTo(['aoAuthority'], { withAlarm: true, providerId: other.providerId });
    const plain = await sentTo(['aoAuthority'], { providerId: other.providerId });
    expect((await clients.alarmManager.get(`/api/assignments/${alarm.assignmentId}`)).status).toBe(200);
    expect((await clients.alarmManager.get(`/api/assignments/${alarm.assignmentId}/document.pdf`)).status).toBe(200);
    const listed = (await clients.alarmManager.get('/api/assignments/new')).body.items.map(
      (item: { id: string }) => item.id,
    );
    expect(listed).toContain(alarm.assignmentId);
    expect(listed).not.toContain(plain.assignmentId);
    expect((await clients.alarmManager.get(`/api/assignments/${plain.assignmentId}`)).status).toBe(404);
    await distribute(otherManager, alarm, other.unitId);
    expect((await clients.alarmManager.get(`/api/assignments/${alarm.assignmentId}`)).status).toBe(200);
    expect((await clients.alarmManager.get(`/api/assignments/${alarm.assignmentId}/distribution`)).status).toBe(200);
    // Reading it is not answering it: the alarm manager distributes nothing.
    expect(
      (
        await clients.alarmManager.post(`/api/assignments/${alarm.assignmentId}/stop`, {
          stateVersion: 2,
          message: 'Fel.',
        })
      ).status,
    ).toBe(403);
  });
});

describe('lists and links', () => {
  it('the new-assignment message stops linking the assignment for a manager of another unit once another unit delivers it; a replacement names it without a link', async () => {
    const person = await world.createPerson(['aoAuthority']);
    const decision = await createFixtureDecision(server.ownerDb, world, person.id);
    const draft = await clients.caseOfficer.post(
      `/api/decisions/${decision.decisionId}/assignments`,
      draftBody(decision, world.units.homeCare),
    );
    expect(draft.status, JSON.stringify(draft.body)).toBe(200);
    expect((await clients.caseOfficer.post(`/api/assignments/${draft.body.id}/send`, { version: 1 })).status).toBe(200);
    const linkIn = async (user: UserKey) => {
      const inbox = await clients[user].get('/api/messages/inbox');
      const message = inbox.body.items.find(
        (item: { subject: string }) => item.subject === `Nytt uppdrag ${draft.body.assignmentNumber}`,
      );
      expect(message, user).toBeDefined();
      const opened = await clients[user].get(`/api/messages/${message.id}`);
      expect(opened.status).toBe(200);
      expect(opened.body.assignment, user).toEqual(message.assignment);
      return message.assignment as { id: string } | null;
    };
    expect(await linkIn('otherUnitManager')).toMatchObject({ id: draft.body.id });

    const interventionIds = await server.ownerDb
      .selectFrom('assignment_interventions')
      .select(['id', 'decision_intervention_id'])
      .where('assignment_id', '=', draft.body.id)
      .execute();
    const sent: SentAssignment = {
      decision,
      assignmentId: draft.body.id,
      assignmentNumber: draft.body.assignmentNumber,
      interventionIds: decision.interventions.map(
        (row) => interventionIds.find((own) => own.decision_intervention_id === row.id)!.id,
      ),
    };
    await distribute(clients.unitManager, sent, world.units.homeCareNorth);
    expect(await linkIn('otherUnitManager')).toBeNull();
    expect(await linkIn('unitManager')).toMatchObject({ id: draft.body.id });

    // A replacement waits at the provider: Söder's manager may distribute it, and reads the number of the one it replaces, not a link.
    const replacing = await clients.caseOfficer.post(
      `/api/decisions/${decision.decisionId}/assignments`,
      draftBody(decision, world.units.homeCare, { replacesAssignmentId: draft.body.id }),
    );
    expect((await clients.caseOfficer.post(`/api/assignments/${replacing.body.id}/send`, { version: 1 })).status).toBe(
      200,
    );
    const asSouth = await clients.otherUnitManager.get(`/api/assignments/${replacing.body.id}`);
    expect(asSouth.body.replacesAssignment).toEqual({
      id: draft.body.id,
      assignmentNumber: draft.body.assignmentNumber,
      canOpen: false,
    });
    const asNorth = await clients.unitManager.get(`/api/assignments/${replacing.body.id}`);
    expect(asNorth.body.replacesAssignment).toMatchObject({ canOpen: true });
    expect((await clients.unitManager.get(`/api/assignments/${draft.body.id}`)).body.replacedBy).toEqual({
      id: replacing.body.id,
      assignmentNumber: replacing.body.assignmentNumber,
      canOpen: true,
    });
  });
});
