/** Changing a case: its officer, and closing it (with the decisions it waits for). */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { TestServer } from '../../../../test/harness.ts';
import { startModuleTest } from '../../../../test/module-setup.ts';
import { auditRows } from '../../../../test/audit.ts';
import { createTestUser, type TestWorld } from '../../../../test/factories.ts';
import { TestClient } from '../../../../test/http-client.ts';
import { todayInSweden } from '../../../domain/dates.ts';

let server: TestServer;
let world: TestWorld;
let foreign: TestWorld;
const TODAY = todayInSweden();

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

describe('changing the case officer', () => {
  it('changes the officer with the current version and audits it; a stale version is 409', async () => {
    const other = await createTestUser(server.ownerDb, world, {
      name: 'handl',
      positions: [{ unit: 'aoAuthority', title: 'Biståndshandläggare', roles: ['case_officer'] }],
    });
    const { person, officer, caseId } = await personWithCase();
    const changed = await officer.put(`/api/cases/${caseId}/case-officer`, { caseOfficerId: other.userId, version: 1 });
    expect(changed.status).toBe(200);
    expect(changed.body).toMatchObject({ caseOfficer: { id: other.userId }, version: 2 });
    expect(
      (
        await officer.put(`/api/cases/${caseId}/case-officer`, {
          caseOfficerId: world.users.caseOfficer.userId,
          version: 1,
        })
      ).status,
    ).toBe(409);
    const audit = await auditRows(server.ownerDb, { personId: person.id, action: 'case.change_officer' });
    expect(audit[0]!.details).toMatchObject({ from: world.users.caseOfficer.userId, to: other.userId });
  });

  it('refuses someone who is not a case officer of the area with 400', async () => {
    const { officer, caseId } = await personWithCase();
    for (const userId of [
      world.users.authorityManager.userId,
      world.users.ifoCaseOfficer.userId,
      foreign.users.caseOfficer.userId,
    ]) {
      const response = await officer.put(`/api/cases/${caseId}/case-officer`, { caseOfficerId: userId, version: 1 });
      expect(response.status).toBe(400);
      expect(response.body.fieldErrors.caseOfficerId).toBeTruthy();
    }
  });
});

describe('closing a case', () => {
  it('refuses while a decision still applies, naming it, then closes once it has ended and ends the unit link', async () => {
    const { person, officer, caseId } = await personWithCase();
    const recorded = await officer.post(`/api/cases/${caseId}/decisions`, {
      outcome: 'granted',
      legalBasisId: legalBasis(),
      decisionDate: '2026-01-05',
      periodFrom: '2026-01-05',
      periodTo: null,
      interventions: [{ interventionTypeId: homeCareType(), grantedAmount: 8 }],
    });
    const blocked = await officer.post(`/api/cases/${caseId}/close`, {
      closedOn: TODAY,
      endReason: 'Avliden',
      version: 1,
    });
    expect(blocked.status).toBe(409);
    expect(blocked.body.message).toContain(recorded.body.decisionNumber);
    expect(
      (
        await officer.post(`/api/decisions/${recorded.body.id}/end`, {
          endedOn: TODAY,
          endReason: 'Avliden',
          version: 1,
        })
      ).status,
    ).toBe(200);
    const closed = await officer.post(`/api/cases/${caseId}/close`, {
      closedOn: TODAY,
      endReason: 'Avliden',
      version: 1,
    });
    expect(closed.status).toBe(200);
    expect(closed.body).toMatchObject({
      status: 'closed',
      closedOn: TODAY,
      endReason: 'Avliden',
      permissions: { canRecordDecision: false, canClose: false },
    });
    expect(closed.body.history.at(-1)).toMatchObject({
      kind: 'case_closed',
      message: 'Avliden',
      actorName: expect.any(String),
    });
    const link = await server.ownerDb
      .selectFrom('person_unit_links')
      .select('valid_to')
      .where('source_id', '=', caseId)
      .executeTakeFirstOrThrow();
    expect(link.valid_to).toBe(TODAY);
    expect(await auditRows(server.ownerDb, { personId: person.id, action: 'case.close' })).toHaveLength(1);
    // Closed: no more changes, and a new case may be opened.
    expect(
      (await officer.post(`/api/cases/${caseId}/close`, { closedOn: TODAY, endReason: 'Avliden', version: 2 })).status,
    ).toBe(409);
    expect(
      (
        await officer.put(`/api/cases/${caseId}/case-officer`, {
          caseOfficerId: world.users.caseOfficer.userId,
          version: 2,
        })
      ).status,
    ).toBe(409);
    expect((await officer.post(`/api/persons/${person.id}/cases`, {})).status).toBe(200);
  });

  it('closes when decisions have run out or were refused', async () => {
    const { officer, caseId } = await personWithCase();
    for (const outcome of ['granted', 'refused']) {
      const response = await officer.post(`/api/cases/${caseId}/decisions`, {
        outcome,
        legalBasisId: legalBasis(),
        decisionDate: '2026-01-05',
        periodFrom: '2026-01-05',
        periodTo: outcome === 'granted' ? '2026-03-31' : null,
        interventions: [{ interventionTypeId: homeCareType(), grantedAmount: 8 }],
      });
      expect(response.status).toBe(200);
    }
    expect(
      (await officer.post(`/api/cases/${caseId}/close`, { closedOn: TODAY, endReason: 'Behovet upphört', version: 1 }))
        .status,
    ).toBe(200);
  });

  it('refuses a closing day before the opening, in the future or impossible, and a stale version', async () => {
    const { officer, caseId } = await personWithCase();
    for (const closedOn of ['2020-01-01', '2999-01-01', '2026-02-30']) {
      const response = await officer.post(`/api/cases/${caseId}/close`, {
        closedOn,
        endReason: 'Behovet upphört',
        version: 1,
      });
      expect(response.status, closedOn).toBe(400);
      expect(response.body.fieldErrors.closedOn, closedOn).toBeTruthy();
    }
    expect(
      (await officer.post(`/api/cases/${caseId}/close`, { closedOn: TODAY, endReason: '', version: 1 })).body
        .fieldErrors.endReason,
    ).toBeTruthy();
    expect(
      (await officer.post(`/api/cases/${caseId}/close`, { closedOn: TODAY, endReason: 'Behovet upphört', version: 7 }))
        .status,
    ).toBe(409);
  });
});

describe('who may change a case', () => {
  it('answers 401 signed out, 403 to provider staff who see the person, 404 to another service area and across municipalities', async () => {
    const { caseId } = await personWithCase();
    const officerBody = { caseOfficerId: world.users.caseOfficer.userId, version: 1 };
    const closeBody = { closedOn: TODAY, endReason: 'Behovet upphört', version: 1 };
    const anonymous = new TestClient(server.baseUrl);
    expect((await anonymous.put(`/api/cases/${caseId}/case-officer`, officerBody)).status).toBe(401);
    expect((await anonymous.post(`/api/cases/${caseId}/close`, closeBody)).status).toBe(401);
    for (const [key, status] of [
      ['unitManager', 403],
      ['careStaff', 403],
      ['ifoCaseOfficer', 404],
      ['otherCareStaff', 404],
    ] as const) {
      const client = await world.signIn(key);
      expect((await client.put(`/api/cases/${caseId}/case-officer`, officerBody)).status, key).toBe(status);
      expect((await client.post(`/api/cases/${caseId}/close`, closeBody)).status, key).toBe(status);
    }
    const stranger = await foreign.signIn('caseOfficer');
    expect((await stranger.put(`/api/cases/${caseId}/case-officer`, officerBody)).status).toBe(404);
    expect((await stranger.post(`/api/cases/${caseId}/close`, closeBody)).status).toBe(404);
    // Nothing changed on the way.
    const row = await server.ownerDb
      .selectFrom('cases')
      .select(['version', 'closed_on'])
      .where('id', '=', caseId)
      .executeTakeFirstOrThrow();
    expect(row).toEqual({ version: 1, closed_on: null });
  });
});
