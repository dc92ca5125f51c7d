/**
 * A sent assignment is an official record (the database refuses changes, for the app and the
 * owner alike), and its document is the PDF both sides read.
 */
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { TestServer } from '../../../../test/harness.ts';
import { startModuleTest } from '../../../../test/module-setup.ts';
import { TEST_PASSWORD, type TestWorld } from '../../../../test/factories.ts';
import type { TestClient } from '../../../../test/http-client.ts';
import { pdfText } from '../../../../test/pdf-text.ts';
import type { Db } from '../../platform/db/database.ts';
import { inTenant } from '../../platform/db/tenant.ts';
import {
  createFixtureAssignment,
  createFixtureDecision,
  draftBody,
} from '../../../../test/fixtures/assignment-fixtures.ts';

let server: TestServer;
let world: TestWorld;
let officer: TestClient;

beforeAll(async () => {
  ({ server, world } = await startModuleTest());
  officer = await world.signIn('caseOfficer');
});
afterAll(async () => server?.close());

async function sentAssignment() {
  const person = await world.createPerson(['aoAuthority', 'homeCareNorth']);
  const decision = await createFixtureDecision(server.ownerDb, world, person.id);
  return createFixtureAssignment(server.ownerDb, world, decision, world.units.homeCare, { isSent: true });
}

/** Every change a sent assignment must refuse: the row, its interventions and its life areas. */
function changes(assignmentId: string): [string, (db: Db) => Promise<unknown>][] {
  return [
    [
      'update assignment',
      (db) => sql`update assignments set instructions = 'ändrat' where id = ${assignmentId}`.execute(db),
    ],
    ['delete assignment', (db) => sql`delete from assignments where id = ${assignmentId}`.execute(db)],
    [
      'update intervention',
      (db) =>
        sql`update assignment_interventions set is_two_staff = true where assignment_id = ${assignmentId}`.execute(db),
    ],
    [
      'delete intervention',
      (db) => sql`delete from assignment_interventions where assignment_id = ${assignmentId}`.execute(db),
    ],
    [
      'insert intervention',
      (db) =>
        sql`insert into assignment_interventions (municipality_id, assignment_id, decision_intervention_id, intervention_type_id, granted_amount, scope_unit)
      select municipality_id, assignment_id, decision_intervention_id, intervention_type_id, granted_amount, scope_unit from assignment_interventions where assignment_id = ${assignmentId} limit 1`.execute(
          db,
        ),
    ],
    [
      'update life area',
      (db) => sql`update assignment_life_areas set need = 'ändrat' where assignment_id = ${assignmentId}`.execute(db),
    ],
    [
      'delete life area',
      (db) => sql`delete from assignment_life_areas where assignment_id = ${assignmentId}`.execute(db),
    ],
  ];
}

/** Runs each change on its own (a failed statement ends its transaction); the messages of those refused. */
async function attemptChanges(
  assignmentId: string,
  run: (change: (db: Db) => Promise<unknown>) => Promise<unknown>,
): Promise<string[]> {
  const refused: string[] = [];
  for (const [name, change] of changes(assignmentId)) {
    try {
      await run(change);
    } catch (error) {
      refused.push(`${name}: ${(error as Error).message}`);
    }
  }
  return refused;
}

describe('a sent assignment is an official record', () => {
  it('refuses UPDATE and DELETE on it, its interventions and its life areas for the owner', async () => {
    const sent = await sentAssignment();
    const refused = await attemptChanges(sent.id, (change) => change(server.ownerDb));
    expect(refused).toHaveLength(7);
    for (const message of refused) expect(message).toMatch(/official record/);
  });

  it('refuses them for the app role too, inside its tenant', async () => {
    const sent = await sentAssignment();
    const refused = await attemptChanges(sent.id, (change) =>
      inTenant(server.appDb, world.municipalityId, (trx) => change(trx)),
    );
    expect(refused).toHaveLength(7);
    for (const message of refused) expect(message).toMatch(/official record/);
    const unchanged = await server.ownerDb
      .selectFrom('assignments')
      .select(['instructions', 'sent_at'])
      .where('id', '=', sent.id)
      .executeTakeFirstOrThrow();
    expect(unchanged.instructions).toBeNull();
    expect(unchanged.sent_at).not.toBeNull();
  });

  it('leaves a draft free to change, as the app does before sending', async () => {
    const person = await world.createPerson(['aoAuthority']);
    const decision = await createFixtureDecision(server.ownerDb, world, person.id);
    const draft = await createFixtureAssignment(server.ownerDb, world, decision, world.units.homeCare, {
      isSent: false,
    });
    expect(await attemptChanges(draft.id, (change) => change(server.ownerDb))).toEqual([]);
  });
});

/** The PDF as bytes (TestClient reads bodies as text), fetched with the user's own session. */
async function download(user: keyof TestWorld['users'], assignmentId: string) {
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
  return { response, text: response.ok ? await pdfText(new Uint8Array(await response.arrayBuffer())) : '' };
}

describe('the assignment document', () => {
  it('prints Swedish names, the total rounded up to the quarter hour and the life areas', async () => {
    const person = await world.createPerson(['aoAuthority', 'homeCareNorth'], { firstName: 'Åsa', lastName: 'Öberg' });
    const decision = await createFixtureDecision(server.ownerDb, world, person.id);
    const body = draftBody(decision, world.units.homeCare, {
      isNewClient: true,
      handoverBy: 'Märta Ärlig',
      handoverAt: '2026-03-02 09:05',
    });
    body.interventions[1]!.isTwoStaff = true;
    const created = await officer.post(`/api/decisions/${decision.decisionId}/assignments`, body);

    const draft = await download('caseOfficer', created.body.id);
    expect(draft.response.headers.get('content-type')).toBe('application/pdf');
    expect(draft.response.headers.get('content-disposition')).toBe(
      `inline; filename="uppdrag-${created.body.assignmentNumber}.pdf"`,
    );
    expect(draft.text).toContain('UTKAST');
    expect(draft.text).toContain('Åsa Öberg');
    expect(draft.text).toContain('Beviljad tid totalt: 23 tim 15 min per månad');
    expect(draft.text).toContain('Känsla av trygghet');
    expect(draft.text).toContain('Känner sig otrygg på natten.');
    expect(draft.text).toContain('Dubbelbemanning krävs för: Matdistribution.');
    expect(draft.text).toContain('Märta Ärlig');
    expect(draft.text).toContain('2026-03-02 09:05');
    expect(draft.text).toContain('SoL 11 kap. 1 §');
    expect(draft.text).toContain('tills vidare');

    const sent = await officer.post(`/api/assignments/${created.body.id}/send`, { version: 1 });
    expect(sent.status).toBe(200);
    const atProvider = await download('unitManager', created.body.id);
    expect(atProvider.response.status).toBe(200);
    expect(atProvider.text).not.toContain('UTKAST');
    expect(atProvider.text).toContain('av Biståndshandläggare caseOfficer till Hemtjänst egen regi');
    expect(atProvider.text).toContain('Hemtjänst egen regi');
    const audit = await server.ownerDb
      .selectFrom('audit_events')
      .select('details')
      .where('entity_id', '=', created.body.id)
      .where('action', '=', 'person.read')
      .execute();
    expect(audit.some((row) => (row.details as { section?: string }).section === 'assignment_document')).toBe(true);
  });

  it('masks a protected identity for those who may not reveal it, and audits the reveal for those who may', async () => {
    const person = await world.createPerson(['aoAuthority', 'homeCareNorth'], {
      firstName: 'Hemlig',
      lastName: 'Skyddadsson',
      protectedIdentity: true,
    });
    const decision = await createFixtureDecision(server.ownerDb, world, person.id);
    const sent = await createFixtureAssignment(server.ownerDb, world, decision, world.units.homeCare, { isSent: true });
    const coordinator = await download('coordinator', sent.id);
    expect(coordinator.text).toContain('Skyddad identitet');
    expect(coordinator.text).not.toContain('Skyddadsson');
    const manager = await download('unitManager', sent.id);
    expect(manager.text).toContain('Hemlig Skyddadsson');
    const reveals = await server.ownerDb
      .selectFrom('audit_events')
      .select('user_id')
      .where('person_id', '=', person.id)
      .where('action', '=', 'person.reveal_protected')
      .execute();
    expect(reveals.map((row) => row.user_id)).toEqual([world.users.unitManager.userId]);
    const json = await (await world.signIn('unitManager')).get(`/api/assignments/${sent.id}`);
    expect(json.body.person).toMatchObject({ firstName: null, lastName: null, protectedIdentity: true });
  });

  it('is not there for provider staff before it is sent', async () => {
    const person = await world.createPerson(['aoAuthority', 'homeCareNorth']);
    const decision = await createFixtureDecision(server.ownerDb, world, person.id);
    const draft = await createFixtureAssignment(server.ownerDb, world, decision, world.units.homeCare, {
      isSent: false,
    });
    expect((await download('operationsManager', draft.id)).response.status).toBe(404);
  });
});
