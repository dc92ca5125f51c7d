import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { TestServer } from '../../../../test/harness.ts';
import { startModuleTest } from '../../../../test/module-setup.ts';
import { createTestWorld, type TestWorld } from '../../../../test/factories.ts';
import { TestClient } from '../../../../test/http-client.ts';
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

beforeAll(async () => {
  ({ server, world } = await startModuleTest());
  officer = await world.signIn('caseOfficer');
});
afterAll(async () => server?.close());

async function decisionForNewPerson(
  options: Parameters<typeof createFixtureDecision>[3] = {},
): Promise<FixtureDecision> {
  const person = await world.createPerson(['aoAuthority', 'homeCareNorth'], { firstName: 'Åsa', lastName: 'Öberg' });
  return createFixtureDecision(server.ownerDb, world, person.id, options);
}

async function createDraft(decision: FixtureDecision, overrides = {}) {
  const response = await officer.post(
    `/api/decisions/${decision.decisionId}/assignments`,
    draftBody(decision, world.units.homeCare, overrides),
  );
  expect(response.status, JSON.stringify(response.body)).toBe(200);
  return response.body as { id: string; assignmentNumber: string };
}

describe('writing a draft', () => {
  it('stores the draft with its number and totals rounded up to the quarter hour, and audits it', async () => {
    const decision = await decisionForNewPerson();
    const created = await createDraft(decision);
    expect(created.assignmentNumber).toMatch(/^U-\d{4}-\d{5}$/);
    const read = await officer.get(`/api/assignments/${created.id}`);
    expect(read.status).toBe(200);
    // 20 h a month = 1200 min; 7 meals a week × 6 min × 52/12 = 182 min; 1382 → 1395 = 23 h 15 min.
    expect(read.body).toMatchObject({
      status: 'draft',
      totalGrantedMinutes: 1395,
      totalStaffMinutes: 1395,
      isNewClient: false,
      version: 1,
    });
    expect(
      read.body.interventions.map((row: { name: string; monthlyMinutes: number }) => [
        row.name,
        Math.round(row.monthlyMinutes),
      ]),
    ).toEqual([
      ['Matdistribution', 182],
      ['Personlig omvårdnad', 1200],
    ]);
    expect(read.body.lifeAreas).toEqual([
      { lifeArea: 'sense_of_security', need: 'Känner sig otrygg på natten.', goal: 'Sova tryggt hemma.' },
    ]);
    expect(read.body.permissions).toEqual({
      canEdit: true,
      canSend: true,
      canRecordSentOutside: false,
      canWriteReplacement: false,
      canOpenCase: true,
    });
    expect(read.body.receivers).toEqual(
      expect.arrayContaining(['Verksamhetschef operationsManager', 'Enhetschef unitManager', 'Samordnare coordinator']),
    );
    const audit = await server.ownerDb
      .selectFrom('audit_events')
      .select(['action', 'person_id'])
      .where('entity_id', '=', created.id)
      .execute();
    expect(audit.map((row) => row.action)).toEqual(expect.arrayContaining(['assignment.create', 'person.read']));
    expect(audit.every((row) => row.person_id === decision.personId)).toBe(true);
  });

  it('counts two-staff interventions twice in the staff time', async () => {
    const decision = await decisionForNewPerson();
    const body = draftBody(decision, world.units.homeCare);
    body.interventions[0]!.isTwoStaff = true;
    const created = await officer.post(`/api/decisions/${decision.decisionId}/assignments`, body);
    const read = await officer.get(`/api/assignments/${created.body.id}`);
    // 2 × 1200 + 182 = 2582 → 2595.
    expect(read.body).toMatchObject({ totalGrantedMinutes: 1395, totalStaffMinutes: 2595 });
  });

  it("gives the form the decision, the service area's providers and nothing from other areas", async () => {
    const decision = await decisionForNewPerson();
    await ensureProvider(server.ownerDb, world, {
      name: 'Privat Omsorg utan åtkomst',
      serviceArea: 'AO',
      hasSystemAccess: false,
    });
    const response = await officer.get(`/api/decisions/${decision.decisionId}/assignment-options`);
    expect(response.status).toBe(200);
    expect(response.body.decision.interventions.map((row: { id: string }) => row.id).sort()).toEqual(
      decision.interventions.map((row) => row.id).sort(),
    );
    const providers = response.body.providers as { id: string; hasSystemAccess: boolean; name: string }[];
    expect(providers.map((row) => row.id)).toContain(world.units.homeCare);
    expect(providers.map((row) => row.id)).not.toContain(world.units.ifoProvider);
    expect(providers.find((row) => row.name === 'Privat Omsorg utan åtkomst')?.hasSystemAccess).toBe(false);
    expect(response.body.writeBlockedReason).toBeNull();
  });

  it('refuses what does not belong to the decision or the service area with 400 on the field', async () => {
    const decision = await decisionForNewPerson();
    const other = await decisionForNewPerson();
    const post = (body: unknown) => officer.post(`/api/decisions/${decision.decisionId}/assignments`, body);

    const foreignIntervention = draftBody(decision, world.units.homeCare);
    foreignIntervention.interventions[1]!.decisionInterventionId = other.interventions[0]!.id;
    expect((await post(foreignIntervention)).body.fieldErrors).toEqual({
      'interventions.1.decisionInterventionId': 'Insatsen finns inte i beslutet.',
    });

    const twice = draftBody(decision, world.units.homeCare);
    twice.interventions[1]!.decisionInterventionId = decision.interventions[0]!.id;
    expect((await post(twice)).body.fieldErrors).toEqual({
      'interventions.1.decisionInterventionId': 'Insatsen finns redan med i uppdraget.',
    });

    for (const providerId of [
      world.units.ifoProvider,
      world.units.homeCareNorth,
      world.units.aoAuthority,
      crypto.randomUUID(),
    ]) {
      const response = await post(draftBody(decision, providerId));
      expect(response.status, providerId).toBe(400);
      expect(Object.keys(response.body.fieldErrors)).toEqual(['providerId']);
    }
  });

  it('names the field of malformed input, never a 500', async () => {
    const decision = await decisionForNewPerson();
    const post = (overrides: Record<string, unknown>) =>
      officer.post(`/api/decisions/${decision.decisionId}/assignments`, {
        ...draftBody(decision, world.units.homeCare),
        ...overrides,
      });
    const cases: [Record<string, unknown>, string][] = [
      [{ interventions: [] }, 'interventions'],
      [
        { interventions: [{ decisionInterventionId: decision.interventions[0]!.id, minutesPerOccasion: -5 }] },
        'interventions.0.minutesPerOccasion',
      ],
      [
        { interventions: [{ decisionInterventionId: decision.interventions[0]!.id, plannedDays: ['monday'] }] },
        'interventions.0.plannedDays.0',
      ],
      [{ interventions: [{ decisionInterventionId: 'not-a-uuid' }] }, 'interventions.0.decisionInterventionId'],
      [{ lifeAreas: [{ lifeArea: 'hobbies', need: 'x' }] }, 'lifeAreas.0.lifeArea'],
      [{ handoverAt: '2026-13-40 25:00' }, 'handoverAt'],
      [{ providerId: 12 }, 'providerId'],
      [{ instructions: 'x'.repeat(8001) }, 'instructions'],
    ];
    for (const [overrides, field] of cases) {
      const response = await post(overrides);
      expect(response.status, field).toBe(400);
      expect(Object.keys(response.body.fieldErrors ?? {}), field).toContain(field);
    }
  });

  it('writes only from a granted, ongoing decision', async () => {
    const refused = await decisionForNewPerson({ outcome: 'refused' });
    const expired = await decisionForNewPerson({ periodTo: '2026-02-28' });
    const ended = await decisionForNewPerson();
    await server.ownerDb
      .updateTable('decisions')
      .set({ ended_on: '2026-03-31', end_reason: 'Avböjt' })
      .where('id', '=', ended.decisionId)
      .execute();
    for (const decision of [refused, expired, ended]) {
      const response = await officer.post(
        `/api/decisions/${decision.decisionId}/assignments`,
        draftBody(decision, world.units.homeCare),
      );
      expect(response.status).toBe(400);
      expect(Object.keys(response.body.fieldErrors)).toEqual(['decisionId']);
    }
    const options = await officer.get(`/api/decisions/${ended.decisionId}/assignment-options`);
    expect(options.body.writeBlockedReason).toBe('Beslutet är avslutat.');
  });

  it("answers 404 for another municipality's decision, a person out of scope and an officer of another service area", async () => {
    const foreignWorld = await createTestWorld(server.ownerDb, server.baseUrl);
    const foreignPerson = await foreignWorld.createPerson(['aoAuthority']);
    const foreign = await createFixtureDecision(server.ownerDb, foreignWorld, foreignPerson.id);
    const outOfScope = await createFixtureDecision(
      server.ownerDb,
      world,
      (await world.createPerson(['homeCareSouth'])).id,
      { linkPerson: false },
    );
    const decision = await decisionForNewPerson();
    const ifoOfficer = await world.signIn('ifoCaseOfficer');
    const attempts: [TestClient, FixtureDecision][] = [
      [officer, foreign],
      [officer, outOfScope],
      [ifoOfficer, decision],
    ];
    for (const [client, target] of attempts) {
      expect(
        (await client.post(`/api/decisions/${target.decisionId}/assignments`, draftBody(target, world.units.homeCare)))
          .status,
      ).toBe(404);
      expect((await client.get(`/api/decisions/${target.decisionId}/assignment-options`)).status).toBe(404);
      expect((await client.get(`/api/cases/${target.caseId}/assignments`)).status).toBe(404);
    }
    const draft = await createDraft(decision);
    expect((await ifoOfficer.get(`/api/assignments/${draft.id}`)).status).toBe(404);
    expect((await officer.get(`/api/assignments/${crypto.randomUUID()}`)).status).toBe(404);
    expect((await officer.get('/api/assignments/not-a-uuid')).status).toBe(400);
  });
});

describe('changing and deleting a draft', () => {
  it('saves with the current version, recomputes the totals, and refuses a stale version with 409', async () => {
    const decision = await decisionForNewPerson();
    const draft = await createDraft(decision);
    const body = draftBody(decision, world.units.homeCare, { instructions: 'Nyckel finns i nyckelskåpet.' });
    body.interventions = [body.interventions[0]!];
    const saved = await officer.put(`/api/assignments/${draft.id}`, { ...body, version: 1 });
    expect(saved.status).toBe(200);
    expect(saved.body).toMatchObject({
      version: 2,
      totalGrantedMinutes: 1200,
      instructions: 'Nyckel finns i nyckelskåpet.',
    });
    expect(saved.body.interventions).toHaveLength(1);
    const stale = await officer.put(`/api/assignments/${draft.id}`, { ...body, version: 1 });
    expect(stale.status).toBe(409);
  });

  it('deletes a draft with its rows', async () => {
    const decision = await decisionForNewPerson();
    const draft = await createDraft(decision);
    expect((await officer.delete(`/api/assignments/${draft.id}?version=2`)).status).toBe(409);
    expect((await officer.delete(`/api/assignments/${draft.id}?version=1`)).status).toBe(200);
    expect((await officer.get(`/api/assignments/${draft.id}`)).status).toBe(404);
    const rows = await server.ownerDb
      .selectFrom('assignment_interventions')
      .select('id')
      .where('assignment_id', '=', draft.id)
      .execute();
    expect(rows).toEqual([]);
  });

  it('never changes or deletes a sent assignment: 409 with the way forward', async () => {
    const decision = await decisionForNewPerson();
    const sent = await createFixtureAssignment(server.ownerDb, world, decision, world.units.homeCare, { isSent: true });
    const read = await officer.get(`/api/assignments/${sent.id}`);
    const changed = await officer.put(`/api/assignments/${sent.id}`, {
      ...draftBody(decision, world.units.homeCare),
      version: read.body.version,
    });
    expect(changed.status).toBe(409);
    expect(changed.body.message).toBe('Ett skickat uppdrag kan inte ändras. Skriv ett nytt uppdrag som ersätter det.');
    expect((await officer.delete(`/api/assignments/${sent.id}?version=${read.body.version}`)).status).toBe(409);
    expect(read.body.permissions).toMatchObject({ canEdit: false, canWriteReplacement: true });
  });
});

describe("the case's assignments", () => {
  it('lists drafts and sent ones with their state and a stop message', async () => {
    const decision = await decisionForNewPerson();
    const draft = await createDraft(decision);
    const sent = await createFixtureAssignment(server.ownerDb, world, decision, world.units.homeCare, { isSent: true });
    await server.ownerDb
      .updateTable('assignment_states')
      .set({ status: 'stopped', message: 'Fel utförare, brukaren bor i Söder.' })
      .where('assignment_id', '=', sent.id)
      .execute();
    const response = await officer.get(`/api/cases/${decision.caseId}/assignments`);
    expect(response.status).toBe(200);
    const byId = new Map(
      (response.body.assignments as { id: string; status: string; stateMessage: string | null }[]).map((row) => [
        row.id,
        row,
      ]),
    );
    expect(byId.get(draft.id)).toMatchObject({ status: 'draft', stateMessage: null });
    expect(byId.get(sent.id)).toMatchObject({ status: 'stopped', stateMessage: 'Fel utförare, brukaren bor i Söder.' });
    expect(response.body.canWrite).toBe(true);
  });
});

describe('signed out', () => {
  it('answers 401 on every route', async () => {
    const anonymous = new TestClient(server.baseUrl);
    const id = crypto.randomUUID();
    const requests: [string, string, unknown?][] = [
      ['GET', `/api/decisions/${id}/assignment-options`],
      ['POST', `/api/decisions/${id}/assignments`, {}],
      ['GET', `/api/cases/${id}/assignments`],
      ['GET', '/api/assignments/new'],
      ['GET', '/api/assignments/new/count'],
      ['GET', `/api/assignments/${id}`],
      ['PUT', `/api/assignments/${id}`, {}],
      ['DELETE', `/api/assignments/${id}?version=1`],
      ['GET', `/api/assignments/${id}/document.pdf`],
      ['POST', `/api/assignments/${id}/send`, { version: 1 }],
      ['POST', `/api/assignments/${id}/record-sent-outside`, { version: 1 }],
    ];
    for (const [method, path, body] of requests)
      expect((await anonymous.request(method, path, body)).status, `${method} ${path}`).toBe(401);
  });
});
