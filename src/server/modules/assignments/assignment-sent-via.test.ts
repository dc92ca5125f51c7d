/**
 * How an assignment left, for providers without Vardag access (secure mail or post, migration
 * 0024), and the telephone hand-over's time, which cannot lie in the future (src/domain/handover.ts).
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { TestServer } from '../../../../test/harness.ts';
import { startModuleTest } from '../../../../test/module-setup.ts';
import { TEST_PASSWORD, type TestWorld } from '../../../../test/factories.ts';
import { TestClient } from '../../../../test/http-client.ts';
import { pdfText } from '../../../../test/pdf-text.ts';
import { HANDOVER_IN_FUTURE } from '../../../domain/handover.ts';
import { createFixtureDecision, draftBody, ensureProvider } from '../../../../test/fixtures/assignment-fixtures.ts';

let server: TestServer;
let world: TestWorld;
let officer: TestClient;
let noAccess: string;

beforeAll(async () => {
  ({ server, world } = await startModuleTest());
  officer = await world.signIn('caseOfficer');
  noAccess = await ensureProvider(server.ownerDb, world, {
    name: 'Assistansbolaget Brev AB',
    serviceArea: 'AO',
    hasSystemAccess: false,
  });
});
afterAll(async () => server?.close());

async function draftFor(providerId: string, overrides: Parameters<typeof draftBody>[2] = {}) {
  const person = await world.createPerson(['aoAuthority']);
  const decision = await createFixtureDecision(server.ownerDb, world, person.id);
  const created = await officer.post(
    `/api/decisions/${decision.decisionId}/assignments`,
    draftBody(decision, providerId, overrides),
  );
  return { decision, created };
}

/** The PDF's text as the officer downloads it. */
async function documentText(assignmentId: string): Promise<string> {
  const signIn = await fetch(`${server.baseUrl}/api/auth/sign-in`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ username: world.users.caseOfficer.username, password: TEST_PASSWORD }),
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

/** A Swedish wall time this many minutes from now, as staff type it. */
function swedishTimeIn(minutes: number): string {
  const parts = Object.fromEntries(
    new Intl.DateTimeFormat('en-CA', {
      timeZone: 'Europe/Stockholm',
      year: 'numeric',
      month: '2-digit',
      day: '2-digit',
      hour: '2-digit',
      minute: '2-digit',
      hourCycle: 'h23',
    })
      .formatToParts(new Date(Date.now() + minutes * 60_000))
      .map((part) => [part.type, part.value]),
  );
  return `${parts.year}-${parts.month}-${parts.day} ${parts.hour}:${parts.minute}`;
}

describe('sent outside Vardag: by secure mail or by post', () => {
  it('records an assignment sent by post, with its event, the way in the audit row and the PDF, and no message', async () => {
    const { created } = await draftFor(noAccess);
    const id = created.body.id as string;
    const recorded = await officer.post(`/api/assignments/${id}/record-sent-outside`, { via: 'post', version: 1 });
    expect(recorded.status, JSON.stringify(recorded.body)).toBe(200);
    expect(recorded.body).toMatchObject({
      status: 'sent_outside',
      sentVia: 'post',
      sentByName: 'Biståndshandläggare caseOfficer',
    });
    expect(recorded.body.events).toMatchObject([{ event: 'sent_outside', message: 'Skickat per post.' }]);
    expect((await officer.get(`/api/assignments/${id}`)).body).toMatchObject({
      sentVia: 'post',
      events: [{ event: 'sent_outside', message: 'Skickat per post.' }],
    });
    const row = await server.ownerDb
      .selectFrom('assignments')
      .select(['sent_via', 'sent_at'])
      .where('id', '=', id)
      .executeTakeFirstOrThrow();
    expect(row.sent_via).toBe('post');
    const audit = await server.ownerDb
      .selectFrom('audit_events')
      .select('details')
      .where('action', '=', 'assignment.record_sent_outside')
      .where('entity_id', '=', id)
      .executeTakeFirstOrThrow();
    expect(audit.details).toMatchObject({ via: 'post', recipientCount: 0 });
    expect(await server.ownerDb.selectFrom('messages').select('id').where('assignment_id', '=', id).execute()).toEqual(
      [],
    );
    expect(await documentText(id)).toContain('per post');
    const list = await officer.get(
      `/api/cases/${(await server.ownerDb.selectFrom('assignments').select('case_id').where('id', '=', id).executeTakeFirstOrThrow()).case_id}/assignments`,
    );
    expect(list.body.assignments.find((item: { id: string }) => item.id === id)).toMatchObject({
      status: 'sent_outside',
      sentVia: 'post',
    });
  });

  it('is by secure mail when the way is left out, as before', async () => {
    const { created } = await draftFor(noAccess);
    const recorded = await officer.post(`/api/assignments/${created.body.id}/record-sent-outside`, { version: 1 });
    expect(recorded.status).toBe(200);
    expect(recorded.body).toMatchObject({
      sentVia: 'secure_mail',
      events: [{ event: 'sent_outside', message: 'Skickat med säker e-post.' }],
    });
  });

  it('refuses another way with 400 on via, and changes nothing', async () => {
    const { created } = await draftFor(noAccess);
    for (const via of ['system', 'fax', '', null]) {
      const refused = await officer.post(`/api/assignments/${created.body.id}/record-sent-outside`, {
        via,
        version: 1,
      });
      expect(refused.status, String(via)).toBe(400);
      expect(Object.keys(refused.body.fieldErrors)).toEqual(['via']);
    }
    expect((await officer.get(`/api/assignments/${created.body.id}`)).body).toMatchObject({
      status: 'draft',
      sentVia: null,
    });
  });

  it('refuses post for a provider in Vardag, and sending in Vardag stays system', async () => {
    const { created } = await draftFor(world.units.homeCare);
    const refused = await officer.post(`/api/assignments/${created.body.id}/record-sent-outside`, {
      via: 'post',
      version: 1,
    });
    expect(refused.status).toBe(400);
    expect(refused.body.fieldErrors).toEqual({
      providerId: 'Utföraren har tillgång till Vardag: skicka uppdraget i systemet.',
    });
    expect((await officer.post(`/api/assignments/${created.body.id}/send`, { version: 1 })).body).toMatchObject({
      sentVia: 'system',
      events: [{ event: 'sent', message: null }],
    });
  });

  it("only the case's authority records it: others 404, signed out 401", async () => {
    const { created } = await draftFor(noAccess);
    const path = `/api/assignments/${created.body.id}/record-sent-outside`;
    expect((await (await world.signIn('ifoCaseOfficer')).post(path, { via: 'post', version: 1 })).status).toBe(404);
    expect((await (await world.signIn('unitManager')).post(path, { via: 'post', version: 1 })).status).toBe(404);
    expect((await new TestClient(server.baseUrl).post(path, { via: 'post', version: 1 })).status).toBe(401);
  });
});

describe('the hand-over time', () => {
  it('cannot be in the future: 400 on handoverAt when the draft is written or changed', async () => {
    const future = swedishTimeIn(90);
    const { decision, created } = await draftFor(world.units.homeCare, {
      isNewClient: true,
      handoverBy: 'Maja Sandberg',
      handoverAt: future,
    });
    expect(created.status).toBe(400);
    expect(created.body.fieldErrors).toEqual({ handoverAt: HANDOVER_IN_FUTURE });

    const saved = await officer.post(
      `/api/decisions/${decision.decisionId}/assignments`,
      draftBody(decision, world.units.homeCare, {
        isNewClient: true,
        handoverBy: 'Maja Sandberg',
        handoverAt: swedishTimeIn(-5),
      }),
    );
    expect(saved.status, JSON.stringify(saved.body)).toBe(200);
    const changed = await officer.put(`/api/assignments/${saved.body.id}`, {
      ...draftBody(decision, world.units.homeCare, {
        isNewClient: true,
        handoverBy: 'Maja Sandberg',
        handoverAt: '2099-01-01 10:00',
      }),
      version: 1,
    });
    expect(changed.status).toBe(400);
    expect(changed.body.fieldErrors).toEqual({ handoverAt: HANDOVER_IN_FUTURE });
    expect((await officer.get(`/api/assignments/${saved.body.id}`)).body).toMatchObject({
      version: 1,
      handoverBy: 'Maja Sandberg',
    });
  });

  it('this very minute and earlier are fine, and the assignment is sent', async () => {
    const { created } = await draftFor(world.units.homeCare, {
      isNewClient: true,
      handoverBy: 'Maja Sandberg',
      handoverAt: swedishTimeIn(0),
    });
    expect(created.status, JSON.stringify(created.body)).toBe(200);
    expect((await officer.post(`/api/assignments/${created.body.id}/send`, { version: 1 })).status).toBe(200);
  });

  it('a time that does not exist is still its own error', async () => {
    const { created } = await draftFor(world.units.homeCare, {
      isNewClient: true,
      handoverBy: 'Maja Sandberg',
      handoverAt: '2026-02-30 10:00',
    });
    expect(created.status).toBe(400);
    expect(Object.keys(created.body.fieldErrors)).toEqual(['handoverAt']);
  });
});
