import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { TestServer } from '../../../../test/harness.ts';
import { startModuleTest } from '../../../../test/module-setup.ts';
import { auditRows } from '../../../../test/audit.ts';
import { createTestUser, type TestWorld } from '../../../../test/factories.ts';
import { TestClient } from '../../../../test/http-client.ts';
import { createCase, createDecision } from '../../../../seeds/lib/cases.ts';
import { todayInSweden } from '../../../domain/dates.ts';

let server: TestServer;
let world: TestWorld;
let foreign: TestWorld;
const TODAY = todayInSweden();
const YEAR = TODAY.slice(0, 4);

beforeAll(async () => {
  ({ server, world, foreign } = await startModuleTest());
});
afterAll(async () => server?.close());

const legalBasis = (target: TestWorld = world) => target.catalogue.legalBases.get('SoL 11 kap. 1 §')!;
const homeCareType = (target: TestWorld = world) => target.catalogue.interventionTypes.get('AO:Personlig omvårdnad')!;

/** A person linked to ÄO myndighet and Hemtjänst Norr, with an open ÄO case made through the API. */
async function personWithCase(fields: Parameters<TestWorld['createPerson']>[1] = {}) {
  const person = await world.createPerson(['aoAuthority', 'homeCareNorth'], fields);
  const officer = await world.signIn('caseOfficer');
  const opened = await officer.post(`/api/persons/${person.id}/cases`, {});
  expect(opened.status).toBe(200);
  return { person, officer, caseId: opened.body.id as string, caseNumber: opened.body.caseNumber as string };
}

describe('opening a case', () => {
  it("opens a case in the officer's service area with a running number, links the person to the unit and audits it", async () => {
    const { person, caseId, caseNumber } = await personWithCase();
    expect(caseNumber).toMatch(new RegExp(`^ÄO-${YEAR}-\\d{5}$`));
    const row = await server.ownerDb.selectFrom('cases').selectAll().where('id', '=', caseId).executeTakeFirstOrThrow();
    expect(row).toMatchObject({
      service_area: 'AO',
      authority_unit_id: world.units.aoAuthority,
      case_officer_id: world.users.caseOfficer.userId,
      opened_on: TODAY,
      closed_on: null,
    });
    const link = await server.ownerDb
      .selectFrom('person_unit_links')
      .selectAll()
      .where('source_id', '=', caseId)
      .executeTakeFirstOrThrow();
    expect(link).toMatchObject({
      person_id: person.id,
      unit_id: world.units.aoAuthority,
      source: 'case',
      valid_from: TODAY,
      valid_to: null,
    });
    const audit = await auditRows(server.ownerDb, { personId: person.id, action: 'case.open' });
    expect(audit).toHaveLength(1);
    expect(audit[0]).toMatchObject({ user_id: world.users.caseOfficer.userId, entity_id: caseId });
  });

  it('numbers cases one after another', async () => {
    const first = await personWithCase();
    const second = await personWithCase();
    expect(Number(second.caseNumber.slice(-5))).toBe(Number(first.caseNumber.slice(-5)) + 1);
  });

  it('refuses a second open case in the same service area with 409 naming the open case', async () => {
    const { person, officer, caseNumber } = await personWithCase();
    const again = await officer.post(`/api/persons/${person.id}/cases`, {});
    expect(again.status).toBe(409);
    expect(again.body.message).toContain(caseNumber);
    const manager = await world.signIn('authorityManager');
    expect(
      (await manager.post(`/api/persons/${person.id}/cases`, { caseOfficerId: world.users.caseOfficer.userId })).status,
    ).toBe(409);
  });

  it('lets another service area open its own case for the same person', async () => {
    const person = await world.createPerson(['aoAuthority', 'ifoAuthority']);
    const aoOfficer = await world.signIn('caseOfficer');
    const ifoOfficer = await world.signIn('ifoCaseOfficer');
    expect((await aoOfficer.post(`/api/persons/${person.id}/cases`, {})).status).toBe(200);
    const ifo = await ifoOfficer.post(`/api/persons/${person.id}/cases`, {});
    expect(ifo.status).toBe(200);
    expect(ifo.body.caseNumber).toMatch(/^IFO-/);
  });

  it('lets an authority manager open a case for a named case officer, but needs one', async () => {
    const person = await world.createPerson(['aoAuthority']);
    const manager = await world.signIn('authorityManager');
    const withoutOfficer = await manager.post(`/api/persons/${person.id}/cases`, {});
    expect(withoutOfficer.status).toBe(400);
    expect(withoutOfficer.body.fieldErrors.caseOfficerId).toMatch(/inte handläggare/);
    const opened = await manager.post(`/api/persons/${person.id}/cases`, {
      caseOfficerId: world.users.caseOfficer.userId,
      authorityUnitId: world.units.aoAuthority,
    });
    expect(opened.status).toBe(200);
    const row = await server.ownerDb
      .selectFrom('cases')
      .select('case_officer_id')
      .where('id', '=', opened.body.id)
      .executeTakeFirstOrThrow();
    expect(row.case_officer_id).toBe(world.users.caseOfficer.userId);
  });

  it("refuses a unit or officer outside the service area, or another municipality's, with 400 per field", async () => {
    const person = await world.createPerson(['aoAuthority']);
    const officer = await world.signIn('caseOfficer');
    for (const [body, field] of [
      [{ authorityUnitId: world.units.homeCareNorth }, 'authorityUnitId'],
      [{ authorityUnitId: world.units.ifoAuthority }, 'authorityUnitId'],
      [{ authorityUnitId: foreign.units.aoAuthority }, 'authorityUnitId'],
      [{ caseOfficerId: world.users.careStaff.userId }, 'caseOfficerId'],
      [{ caseOfficerId: world.users.ifoCaseOfficer.userId }, 'caseOfficerId'],
      [{ caseOfficerId: foreign.users.caseOfficer.userId }, 'caseOfficerId'],
      [{ caseOfficerId: 'not-a-uuid' }, 'caseOfficerId'],
    ] as const) {
      const response = await officer.post(`/api/persons/${person.id}/cases`, body);
      expect(response.status, JSON.stringify(body)).toBe(400);
      expect(response.body.fieldErrors[field], JSON.stringify(body)).toBeTruthy();
    }
    expect(await server.ownerDb.selectFrom('cases').select('id').where('person_id', '=', person.id).execute()).toEqual(
      [],
    );
  });

  it('answers 401 signed out, 403 to provider staff who see the person, 404 out of scope and across municipalities', async () => {
    const person = await world.createPerson(['aoAuthority', 'homeCareNorth']);
    expect((await new TestClient(server.baseUrl).post(`/api/persons/${person.id}/cases`, {})).status).toBe(401);
    expect((await (await world.signIn('unitManager')).post(`/api/persons/${person.id}/cases`, {})).status).toBe(403);
    expect((await (await world.signIn('ifoCaseOfficer')).post(`/api/persons/${person.id}/cases`, {})).status).toBe(404);
    expect((await (await foreign.signIn('caseOfficer')).post(`/api/persons/${person.id}/cases`, {})).status).toBe(404);
    expect((await (await world.signIn('caseOfficer')).post('/api/persons/nope/cases', {})).status).toBe(400);
  });
});

describe("listing a person's cases", () => {
  it("lists the cases of the officer's service area, open first, with decision summaries, and audits the read", async () => {
    const person = await world.createPerson(['aoAuthority', 'ifoAuthority']);
    const closed = await createCase(server.ownerDb, {
      municipalityId: world.municipalityId,
      personId: person.id,
      serviceArea: 'AO',
      authorityUnitId: world.units.aoAuthority,
      caseOfficerId: world.users.caseOfficer.userId,
      openedOn: '2025-01-01',
    });
    await server.ownerDb
      .updateTable('cases')
      .set({ closed_on: '2025-06-30', end_reason: 'Behovet upphört' })
      .where('id', '=', closed.id)
      .execute();
    const open = await createCase(server.ownerDb, {
      municipalityId: world.municipalityId,
      personId: person.id,
      serviceArea: 'AO',
      authorityUnitId: world.units.aoAuthority,
      caseOfficerId: world.users.caseOfficer.userId,
    });
    const decision = await createDecision(server.ownerDb, {
      municipalityId: world.municipalityId,
      caseId: open.id,
      decidedById: world.users.caseOfficer.userId,
      legalBasisId: legalBasis(),
      decisionDate: '2026-01-10',
      periodFrom: '2026-01-15',
      periodTo: null,
      interventions: [{ interventionTypeId: homeCareType(), grantedAmount: 20, scopeUnit: 'hours_per_month' }],
    });
    await createCase(server.ownerDb, {
      municipalityId: world.municipalityId,
      personId: person.id,
      serviceArea: 'IFO',
      authorityUnitId: world.units.ifoAuthority,
      caseOfficerId: world.users.ifoCaseOfficer.userId,
    });
    const officer = await world.signIn('caseOfficer');
    const response = await officer.get(`/api/persons/${person.id}/cases`);
    expect(response.status).toBe(200);
    expect(response.body.canOpenCase).toBe(false);
    expect(response.body.cases.map((c: { id: string }) => c.id)).toEqual([open.id, closed.id]);
    expect(response.body.cases[0]).toMatchObject({
      status: 'open',
      serviceArea: 'AO',
      caseOfficer: { id: world.users.caseOfficer.userId },
      authorityUnit: { id: world.units.aoAuthority, name: 'ÄO myndighet' },
      decisions: [
        {
          id: decision.id,
          decisionNumber: decision.decisionNumber,
          outcome: 'granted',
          status: 'ongoing',
          periodTo: null,
          interventionNames: ['Personlig omvårdnad'],
        },
      ],
    });
    expect(response.body.cases[1]).toMatchObject({
      status: 'closed',
      closedOn: '2025-06-30',
      endReason: 'Behovet upphört',
      decisions: [],
    });
    expect(await auditRows(server.ownerDb, { personId: person.id, action: 'case.list' })).toHaveLength(1);
  });

  it('offers to open a case when none is open', async () => {
    const person = await world.createPerson(['aoAuthority']);
    const response = await (await world.signIn('authorityManager')).get(`/api/persons/${person.id}/cases`);
    expect(response.body).toEqual({ cases: [], canOpenCase: true });
  });

  it('answers 401, 403 to provider staff, 404 out of scope or across municipalities', async () => {
    const person = await world.createPerson(['aoAuthority', 'homeCareNorth']);
    expect((await new TestClient(server.baseUrl).get(`/api/persons/${person.id}/cases`)).status).toBe(401);
    expect((await (await world.signIn('careStaff')).get(`/api/persons/${person.id}/cases`)).status).toBe(403);
    expect((await (await world.signIn('otherCareStaff')).get(`/api/persons/${person.id}/cases`)).status).toBe(404);
    expect((await (await foreign.signIn('caseOfficer')).get(`/api/persons/${person.id}/cases`)).status).toBe(404);
  });
});

describe('the case view', () => {
  it('shows person, officer, unit, decisions with interventions and the history, audited as a read of the person', async () => {
    const { person, officer, caseId, caseNumber } = await personWithCase({ firstName: 'Greta', lastName: 'Åström' });
    const recorded = await officer.post(`/api/cases/${caseId}/decisions`, {
      outcome: 'granted',
      legalBasisId: legalBasis(),
      decisionDate: '2026-02-01',
      periodFrom: '2026-02-01',
      periodTo: '2026-07-31',
      justification: 'Behöver stöd morgon och kväll.',
      interventions: [{ interventionTypeId: homeCareType(), grantedAmount: 24.5, note: 'Dusch tisdagar' }],
    });
    expect(recorded.status).toBe(200);
    const response = await officer.get(`/api/cases/${caseId}`);
    expect(response.status).toBe(200);
    expect(response.body).toMatchObject({
      id: caseId,
      caseNumber,
      status: 'open',
      person: { id: person.id, firstName: 'Greta', lastName: 'Åström', protectedIdentity: false },
      caseOfficer: { id: world.users.caseOfficer.userId },
      authorityUnit: { name: 'ÄO myndighet' },
      permissions: { canRecordDecision: true, canEndDecision: true, canClose: true, canChangeCaseOfficer: true },
      decisions: [
        {
          id: recorded.body.id,
          legalBasis: { code: 'SoL 11 kap. 1 §' },
          justification: 'Behöver stöd morgon och kväll.',
          decidedBy: { id: world.users.caseOfficer.userId },
          interventions: [
            { name: 'Personlig omvårdnad', grantedAmount: 24.5, scopeUnit: 'hours_per_month', note: 'Dusch tisdagar' },
          ],
          version: 1,
        },
      ],
    });
    expect(response.body.history.map((event: { kind: string }) => event.kind)).toEqual([
      'case_opened',
      'decision_recorded',
    ]);
    expect(response.body.history[1]).toMatchObject({
      date: '2026-02-01',
      decisionId: recorded.body.id,
      title: `${recorded.body.decisionNumber}, bifall (SoL 11 kap. 1 §)`,
    });
    const reads = await auditRows(server.ownerDb, { personId: person.id, action: 'case.read' });
    expect(reads).toHaveLength(1);
    expect(reads[0]).toMatchObject({ entity_type: 'case', entity_id: caseId, user_id: world.users.caseOfficer.userId });
  });

  it('masks a protected identity', async () => {
    const { officer, caseId } = await personWithCase({
      firstName: 'Hemlig',
      lastName: 'Skyddad',
      protectedIdentity: true,
    });
    const response = await officer.get(`/api/cases/${caseId}`);
    expect(response.body.person).toMatchObject({ firstName: null, lastName: null, protectedIdentity: true });
    expect(JSON.stringify(response.body)).not.toContain('Skyddad');
  });

  it("shows assignments written, sent and stopped with the provider's message in the history", async () => {
    const { person, officer, caseId } = await personWithCase();
    const decision = await createDecision(server.ownerDb, {
      municipalityId: world.municipalityId,
      caseId,
      decidedById: world.users.caseOfficer.userId,
      legalBasisId: legalBasis(),
      decisionDate: '2026-03-01',
      periodFrom: '2026-03-01',
      interventions: [{ interventionTypeId: homeCareType(), grantedAmount: 10, scopeUnit: 'hours_per_month' }],
    });
    const assignment = await server.ownerDb
      .insertInto('assignments')
      .values({
        municipality_id: world.municipalityId,
        assignment_number: `U-T-${caseId.slice(0, 8)}`,
        case_id: caseId,
        decision_id: decision.id,
        person_id: person.id,
        provider_id: world.units.homeCare,
        created_by_id: world.users.caseOfficer.userId,
        sent_at: new Date(),
        sent_by_id: world.users.caseOfficer.userId,
        sent_via: 'system',
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    await server.ownerDb
      .insertInto('assignment_events')
      .values([
        {
          municipality_id: world.municipalityId,
          assignment_id: assignment.id,
          event: 'sent',
          actor_id: world.users.caseOfficer.userId,
        },
        {
          municipality_id: world.municipalityId,
          assignment_id: assignment.id,
          event: 'stopped',
          actor_id: world.users.operationsManager.userId,
          message: 'Fel utförare',
        },
      ])
      .execute();
    const response = await officer.get(`/api/cases/${caseId}`);
    const kinds = response.body.history.map((event: { kind: string }) => event.kind);
    expect(kinds).toEqual([
      'case_opened',
      'decision_recorded',
      'assignment_written',
      'assignment_sent',
      'assignment_stopped',
    ]);
    expect(response.body.history[4]).toMatchObject({
      assignmentId: assignment.id,
      message: 'Fel utförare',
      title: expect.stringContaining('Hemtjänst egen regi'),
    });
  });

  it('answers 401, 403 to provider staff who see the person, 404 to another service area, out of scope and across municipalities', async () => {
    const person = await world.createPerson(['aoAuthority', 'ifoAuthority', 'homeCareNorth']);
    const { id: caseId } = await createCase(server.ownerDb, {
      municipalityId: world.municipalityId,
      personId: person.id,
      serviceArea: 'AO',
      authorityUnitId: world.units.aoAuthority,
      caseOfficerId: world.users.caseOfficer.userId,
    });
    expect((await new TestClient(server.baseUrl).get(`/api/cases/${caseId}`)).status).toBe(401);
    expect((await (await world.signIn('coordinator')).get(`/api/cases/${caseId}`)).status).toBe(403);
    // The IFO officer sees the person through IFO myndighet, yet an ÄO case is not theirs to know.
    expect((await (await world.signIn('ifoCaseOfficer')).get(`/api/cases/${caseId}`)).status).toBe(404);
    expect((await (await world.signIn('otherCareStaff')).get(`/api/cases/${caseId}`)).status).toBe(404);
    expect((await (await foreign.signIn('caseOfficer')).get(`/api/cases/${caseId}`)).status).toBe(404);
    expect(
      (await (await world.signIn('caseOfficer')).get('/api/cases/00000000-0000-4000-8000-000000000000')).status,
    ).toBe(404);
    expect((await (await world.signIn('caseOfficer')).get('/api/cases/123')).status).toBe(400);
  });
});

describe('Mina ärenden', () => {
  it("lists the officer's open cases with persons masked as needed, and audits each person listed", async () => {
    const officerUser = await createTestUser(server.ownerDb, world, {
      name: 'mina',
      positions: [{ unit: 'aoAuthority', title: 'Biståndshandläggare', roles: ['case_officer'] }],
    });
    const client = await new TestClient(server.baseUrl).signIn(officerUser.username, 'test-password-123');
    const plain = await world.createPerson(['aoAuthority'], { firstName: 'Ingrid', lastName: 'Öst' });
    const hidden = await world.createPerson(['aoAuthority'], {
      firstName: 'Dold',
      lastName: 'Person',
      protectedIdentity: true,
    });
    const spec = {
      municipalityId: world.municipalityId,
      serviceArea: 'AO' as const,
      authorityUnitId: world.units.aoAuthority,
      caseOfficerId: officerUser.userId,
    };
    const first = await createCase(server.ownerDb, { ...spec, personId: plain.id, openedOn: '2026-01-01' });
    await createDecision(server.ownerDb, {
      municipalityId: world.municipalityId,
      caseId: first.id,
      decidedById: officerUser.userId,
      legalBasisId: legalBasis(),
      decisionDate: '2026-01-02',
      periodFrom: '2026-01-02',
      interventions: [{ interventionTypeId: homeCareType(), grantedAmount: 5, scopeUnit: 'hours_per_month' }],
    });
    const second = await createCase(server.ownerDb, { ...spec, personId: hidden.id, openedOn: '2026-02-01' });
    const closed = await createCase(server.ownerDb, {
      ...spec,
      personId: (await world.createPerson(['aoAuthority'])).id,
    });
    await server.ownerDb
      .updateTable('cases')
      .set({ closed_on: '2026-03-01', end_reason: 'Avliden' })
      .where('id', '=', closed.id)
      .execute();

    const response = await client.get('/api/cases/mine');
    expect(response.status).toBe(200);
    expect(response.body.cases.map((c: { id: string }) => c.id)).toEqual([first.id, second.id]);
    expect(response.body.cases[0]).toMatchObject({
      caseNumber: first.caseNumber,
      person: { firstName: 'Ingrid', lastName: 'Öst' },
      ongoingDecisionCount: 1,
    });
    expect(response.body.cases[1]).toMatchObject({
      person: { firstName: null, lastName: null, protectedIdentity: true },
      ongoingDecisionCount: 0,
    });
    expect(await auditRows(server.ownerDb, { personId: plain.id, action: 'person.list_hit' })).toHaveLength(1);
  });

  it('answers 401 signed out and 403 to provider staff', async () => {
    expect((await new TestClient(server.baseUrl).get('/api/cases/mine')).status).toBe(401);
    expect((await (await world.signIn('careStaff')).get('/api/cases/mine')).status).toBe(403);
  });
});

describe('case staffing', () => {
  it('lists the authority units and case officers of the area only', async () => {
    const response = await (await world.signIn('caseOfficer')).get('/api/cases/staffing');
    expect(response.status).toBe(200);
    expect(response.body.authorityUnits).toEqual([{ id: world.units.aoAuthority, name: 'ÄO myndighet' }]);
    const ids = response.body.caseOfficers.map((officer: { id: string }) => officer.id);
    expect(ids).toContain(world.users.caseOfficer.userId);
    expect(ids).not.toContain(world.users.ifoCaseOfficer.userId);
    expect(ids).not.toContain(world.users.authorityManager.userId);
    expect((await (await world.signIn('coordinator')).get('/api/cases/staffing')).status).toBe(403);
    expect((await new TestClient(server.baseUrl).get('/api/cases/staffing')).status).toBe(401);
  });
});
