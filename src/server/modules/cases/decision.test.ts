import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'kysely';
import type { TestServer } from '../../../../test/harness.ts';
import { startModuleTest } from '../../../../test/module-setup.ts';
import type { TestWorld } from '../../../../test/factories.ts';
import { TestClient } from '../../../../test/http-client.ts';
import { createCase, createDecision } from '../../../../seeds/lib/cases.ts';
import { inTenant } from '../../platform/db/tenant.ts';
import { addDays } from '../../../domain/periods.ts';
import { todayInSweden } from '../../../domain/dates.ts';

let server: TestServer;
let world: TestWorld;
let foreign: TestWorld;
const TODAY = todayInSweden();

beforeAll(async () => {
  ({ server, world, foreign } = await startModuleTest());
});
afterAll(async () => server?.close());

const basis = (code = 'SoL 11 kap. 1 §', target: TestWorld = world) => target.catalogue.legalBases.get(code)!;
const type = (key: string, target: TestWorld = world) => target.catalogue.interventionTypes.get(key)!;

function decisionBody(overrides: Record<string, unknown> = {}) {
  return {
    outcome: 'granted',
    legalBasisId: basis(),
    decisionDate: '2026-02-01',
    periodFrom: '2026-02-01',
    periodTo: '2026-07-31',
    justification: null,
    interventions: [{ interventionTypeId: type('AO:Personlig omvårdnad'), grantedAmount: 20, note: null }],
    ...overrides,
  };
}

async function openCase() {
  const person = await world.createPerson(['aoAuthority', 'homeCareNorth']);
  const officer = await world.signIn('caseOfficer');
  const opened = await officer.post(`/api/persons/${person.id}/cases`, {});
  return { person, officer, caseId: opened.body.id as string };
}

describe('recording a decision', () => {
  it('records a granted decision with a decision number, copies each scope unit from its type, and audits it', async () => {
    const { person, officer, caseId } = await openCase();
    const response = await officer.post(
      `/api/cases/${caseId}/decisions`,
      decisionBody({
        interventions: [
          { interventionTypeId: type('AO:Personlig omvårdnad'), grantedAmount: 0.33 },
          { interventionTypeId: type('AO:Matdistribution'), grantedAmount: 7 },
          { interventionTypeId: type('AO:Trygghetslarm'), grantedAmount: 3 },
        ],
      }),
    );
    expect(response.status).toBe(200);
    expect(response.body.decisionNumber).toMatch(/^B-2026-\d{5}$/);
    const rows = await server.ownerDb
      .selectFrom('decision_interventions')
      .selectAll()
      .where('decision_id', '=', response.body.id)
      .execute();
    const byType = new Map(rows.map((row) => [row.intervention_type_id, row]));
    expect(byType.get(type('AO:Personlig omvårdnad'))).toMatchObject({
      granted_amount: '0.33',
      scope_unit: 'hours_per_month',
    });
    expect(byType.get(type('AO:Matdistribution'))).toMatchObject({
      granted_amount: '7.00',
      scope_unit: 'times_per_week',
    });
    // A personal alarm is not measured in scope: any amount sent is dropped.
    expect(byType.get(type('AO:Trygghetslarm'))).toMatchObject({ granted_amount: null, scope_unit: 'none' });
    const decision = await server.ownerDb
      .selectFrom('decisions')
      .selectAll()
      .where('id', '=', response.body.id)
      .executeTakeFirstOrThrow();
    expect(decision).toMatchObject({
      case_id: caseId,
      outcome: 'granted',
      decided_by_id: world.users.caseOfficer.userId,
      period_to: '2026-07-31',
    });
    const audit = await server.ownerDb
      .selectFrom('audit_events')
      .selectAll()
      .where('person_id', '=', person.id)
      .where('action', '=', 'decision.record')
      .execute();
    expect(audit).toHaveLength(1);
    expect(audit[0]).toMatchObject({ entity_id: response.body.id });
  });

  it('records "tills vidare" and a refusal listing what was applied for', async () => {
    const { officer, caseId } = await openCase();
    expect((await officer.post(`/api/cases/${caseId}/decisions`, decisionBody({ periodTo: null }))).status).toBe(200);
    const refused = await officer.post(
      `/api/cases/${caseId}/decisions`,
      decisionBody({ outcome: 'refused', justification: 'Behovet tillgodoses på annat sätt.' }),
    );
    expect(refused.status).toBe(200);
    const view = await officer.get(`/api/cases/${caseId}`);
    expect(
      view.body.decisions.map((d: { outcome: string; status: string; periodTo: string | null }) => [
        d.outcome,
        d.status,
        d.periodTo,
      ]),
    ).toEqual([
      ['refused', 'refused', '2026-07-31'],
      ['granted', expect.any(String), null],
    ]);
    expect(view.body.decisions[0].interventions[0]).toMatchObject({ name: 'Personlig omvårdnad', grantedAmount: 20 });
  });

  it('keeps old decisions on the old numbering: SoL 4 kap. 1 § on a 2025 decision date', async () => {
    const { officer, caseId } = await openCase();
    const response = await officer.post(
      `/api/cases/${caseId}/decisions`,
      decisionBody({ legalBasisId: basis('SoL 4 kap. 1 §'), decisionDate: '2025-05-02', periodFrom: '2025-05-02' }),
    );
    expect(response.status).toBe(200);
    expect(response.body.decisionNumber).toMatch(/^B-2025-/);
  });

  it('answers bad input with 400 and the field path, never 500', async () => {
    const { officer, caseId } = await openCase();
    const unknownId = '00000000-0000-4000-8000-000000000000';
    const cases: [Record<string, unknown>, string][] = [
      [{ periodFrom: '2026-03-01', periodTo: '2026-02-28' }, 'periodTo'],
      [{ decisionDate: '2026-02-30' }, 'decisionDate'],
      [{ periodFrom: '2026-13-01' }, 'periodFrom'],
      [{ decisionDate: addDays(TODAY, 1) }, 'decisionDate'],
      [{ decisionDate: 'igår' }, 'decisionDate'],
      [{ outcome: 'maybe' }, 'outcome'],
      [{ legalBasisId: unknownId }, 'legalBasisId'],
      [{ legalBasisId: basis('SoL 11 kap. 1 §', foreign) }, 'legalBasisId'],
      [{ legalBasisId: basis('SoL 4 kap. 1 §') }, 'legalBasisId'],
      [{ interventions: [] }, 'interventions'],
      [{ interventions: [{ interventionTypeId: unknownId, grantedAmount: 5 }] }, 'interventions.0.interventionTypeId'],
      [
        { interventions: [{ interventionTypeId: type('AO:Personlig omvårdnad', foreign), grantedAmount: 5 }] },
        'interventions.0.interventionTypeId',
      ],
      [
        { interventions: [{ interventionTypeId: type('IFO:Familjestöd'), grantedAmount: 5 }] },
        'interventions.0.interventionTypeId',
      ],
      [{ interventions: [{ interventionTypeId: 'x', grantedAmount: 5 }] }, 'interventions.0.interventionTypeId'],
      [
        { interventions: [{ interventionTypeId: type('AO:Personlig omvårdnad'), grantedAmount: -2 }] },
        'interventions.0.grantedAmount',
      ],
      [
        { interventions: [{ interventionTypeId: type('AO:Personlig omvårdnad'), grantedAmount: null }] },
        'interventions.0.grantedAmount',
      ],
      [
        { interventions: [{ interventionTypeId: type('AO:Personlig omvårdnad'), grantedAmount: '20' }] },
        'interventions.0.grantedAmount',
      ],
      [
        { interventions: [{ interventionTypeId: type('AO:Personlig omvårdnad'), grantedAmount: 1e12 }] },
        'interventions.0.grantedAmount',
      ],
      [
        { interventions: [{ interventionTypeId: type('AO:Personlig omvårdnad'), grantedAmount: 5.555 }] },
        'interventions.0.grantedAmount',
      ],
      [
        {
          interventions: [
            { interventionTypeId: type('AO:Personlig omvårdnad'), grantedAmount: 5 },
            { interventionTypeId: type('AO:Tillsyn'), grantedAmount: 100 },
          ],
        },
        'interventions.1.grantedAmount',
      ],
      [{ justification: 'x'.repeat(4001) }, 'justification'],
    ];
    for (const [overrides, field] of cases) {
      const response = await officer.post(`/api/cases/${caseId}/decisions`, decisionBody(overrides));
      expect(response.status, JSON.stringify(overrides).slice(0, 120)).toBe(400);
      expect(response.body.fieldErrors?.[field], `${field}: ${JSON.stringify(response.body)}`).toBeTruthy();
    }
    const inactive = await server.ownerDb
      .insertInto('intervention_types')
      .values({
        municipality_id: world.municipalityId,
        service_area: 'AO',
        name: `Gammal insats ${caseId.slice(0, 6)}`,
        scope_unit: 'hours_per_month',
        is_active: false,
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    const response = await officer.post(
      `/api/cases/${caseId}/decisions`,
      decisionBody({ interventions: [{ interventionTypeId: inactive.id, grantedAmount: 4 }] }),
    );
    expect(response.body.fieldErrors['interventions.0.interventionTypeId']).toMatch(/inte längre/);
    expect(await server.ownerDb.selectFrom('decisions').select('id').where('case_id', '=', caseId).execute()).toEqual(
      [],
    );
  });

  it('refuses a closed case with 409', async () => {
    const person = await world.createPerson(['aoAuthority']);
    const { id } = await createCase(server.ownerDb, {
      municipalityId: world.municipalityId,
      personId: person.id,
      serviceArea: 'AO',
      authorityUnitId: world.units.aoAuthority,
      caseOfficerId: world.users.caseOfficer.userId,
    });
    await server.ownerDb
      .updateTable('cases')
      .set({ closed_on: '2026-01-31', end_reason: 'Flyttat från kommunen' })
      .where('id', '=', id)
      .execute();
    const response = await (await world.signIn('caseOfficer')).post(`/api/cases/${id}/decisions`, decisionBody());
    expect(response.status).toBe(409);
    expect(response.body.message).toMatch(/avslutat/);
  });

  it('answers 401, 403 to provider staff, 404 to another service area and across municipalities', async () => {
    const { caseId } = await openCase();
    expect((await new TestClient(server.baseUrl).post(`/api/cases/${caseId}/decisions`, decisionBody())).status).toBe(
      401,
    );
    expect(
      (await (await world.signIn('unitManager')).post(`/api/cases/${caseId}/decisions`, decisionBody())).status,
    ).toBe(403);
    expect(
      (await (await world.signIn('ifoCaseOfficer')).post(`/api/cases/${caseId}/decisions`, decisionBody())).status,
    ).toBe(404);
    expect(
      (await (await foreign.signIn('caseOfficer')).post(`/api/cases/${caseId}/decisions`, decisionBody())).status,
    ).toBe(404);
  });
});

describe('ending a decision', () => {
  async function recorded(overrides: Record<string, unknown> = {}) {
    const opened = await openCase();
    const response = await opened.officer.post(`/api/cases/${opened.caseId}/decisions`, decisionBody(overrides));
    expect(response.status).toBe(200);
    return { ...opened, decisionId: response.body.id as string };
  }

  it('ends a decision within its period with a reason, shows it in the case and audits it', async () => {
    const { person, officer, decisionId } = await recorded();
    const response = await officer.post(`/api/decisions/${decisionId}/end`, {
      endedOn: '2026-04-30',
      endReason: 'Flyttat till särskilt boende',
      version: 1,
    });
    expect(response.status).toBe(200);
    expect(response.body.decisions[0]).toMatchObject({
      id: decisionId,
      endedOn: '2026-04-30',
      endReason: 'Flyttat till särskilt boende',
      endedBy: { id: world.users.caseOfficer.userId },
      version: 2,
    });
    expect(response.body.history.map((event: { kind: string }) => event.kind)).toEqual([
      'case_opened',
      'decision_recorded',
      'decision_ended',
    ]);
    const audit = await server.ownerDb
      .selectFrom('audit_events')
      .selectAll()
      .where('person_id', '=', person.id)
      .where('action', '=', 'decision.end')
      .execute();
    expect(audit[0]!.details).toMatchObject({ endedOn: '2026-04-30', endReason: 'Flyttat till särskilt boende' });
  });

  it('takes the day before the period starts, and free text as reason', async () => {
    const { officer, decisionId } = await recorded();
    expect(
      (
        await officer.post(`/api/decisions/${decisionId}/end`, {
          endedOn: '2026-01-31',
          endReason: 'Ville vänta med insatsen',
          version: 1,
        })
      ).status,
    ).toBe(200);
  });

  it('refuses a day outside the period (400), a second ending, a refusal and a stale version (409)', async () => {
    const { officer, decisionId } = await recorded();
    for (const endedOn of ['2026-01-30', '2026-08-01', '2026-02-30']) {
      const response = await officer.post(`/api/decisions/${decisionId}/end`, {
        endedOn,
        endReason: 'Behovet upphört',
        version: 1,
      });
      expect(response.status, endedOn).toBe(400);
      expect(response.body.fieldErrors.endedOn, endedOn).toBeTruthy();
    }
    expect(
      (
        await officer.post(`/api/decisions/${decisionId}/end`, {
          endedOn: '2026-03-01',
          endReason: 'Behovet upphört',
          version: 3,
        })
      ).status,
    ).toBe(409);
    expect(
      (
        await officer.post(`/api/decisions/${decisionId}/end`, {
          endedOn: '2026-03-01',
          endReason: 'Behovet upphört',
          version: 1,
        })
      ).status,
    ).toBe(200);
    const again = await officer.post(`/api/decisions/${decisionId}/end`, {
      endedOn: '2026-03-02',
      endReason: 'Behovet upphört',
      version: 2,
    });
    expect(again.status).toBe(409);
    expect(again.body.message).toMatch(/redan avslutat 2026-03-01/);
    const refusal = await recorded({ outcome: 'refused' });
    expect(
      (
        await refusal.officer.post(`/api/decisions/${refusal.decisionId}/end`, {
          endedOn: '2026-03-01',
          endReason: 'Behovet upphört',
          version: 1,
        })
      ).status,
    ).toBe(409);
  });

  it('answers 401, 403 to provider staff, 404 to another service area and across municipalities', async () => {
    const { decisionId } = await recorded();
    const body = { endedOn: '2026-03-01', endReason: 'Behovet upphört', version: 1 };
    expect((await new TestClient(server.baseUrl).post(`/api/decisions/${decisionId}/end`, body)).status).toBe(401);
    expect((await (await world.signIn('careStaff')).post(`/api/decisions/${decisionId}/end`, body)).status).toBe(403);
    expect((await (await world.signIn('ifoCaseOfficer')).post(`/api/decisions/${decisionId}/end`, body)).status).toBe(
      404,
    );
    expect((await (await foreign.signIn('caseOfficer')).post(`/api/decisions/${decisionId}/end`, body)).status).toBe(
      404,
    );
  });
});

describe('a recorded decision is an official record', () => {
  async function decisionInDb() {
    const person = await world.createPerson(['aoAuthority']);
    const created = await createCase(server.ownerDb, {
      municipalityId: world.municipalityId,
      personId: person.id,
      serviceArea: 'AO',
      authorityUnitId: world.units.aoAuthority,
      caseOfficerId: world.users.caseOfficer.userId,
    });
    return createDecision(server.ownerDb, {
      municipalityId: world.municipalityId,
      caseId: created.id,
      decidedById: world.users.caseOfficer.userId,
      legalBasisId: basis(),
      decisionDate: '2026-01-01',
      periodFrom: '2026-01-01',
      periodTo: '2026-12-31',
      interventions: [
        { interventionTypeId: type('AO:Personlig omvårdnad'), grantedAmount: 10, scopeUnit: 'hours_per_month' },
      ],
    });
  }

  it('refuses UPDATE of its fields and DELETE even from the owner, by trigger', async () => {
    const decision = await decisionInDb();
    for (const change of [
      sql`update decisions set period_to = '2027-12-31' where id = ${decision.id}`,
      sql`update decisions set outcome = 'refused' where id = ${decision.id}`,
      sql`update decisions set decision_date = '2025-12-31' where id = ${decision.id}`,
      sql`update decisions set legal_basis_id = ${basis('SoL 4 kap. 1 §')} where id = ${decision.id}`,
      sql`update decisions set justification = 'ändrad' where id = ${decision.id}`,
    ]) {
      await expect(change.execute(server.ownerDb)).rejects.toThrow(
        'decisions is an official record: only its ending may change',
      );
    }
    await expect(sql`delete from decisions where id = ${decision.id}`.execute(server.ownerDb)).rejects.toThrow(
      'decisions is an official record: DELETE is not allowed',
    );
    const row = await server.ownerDb
      .selectFrom('decisions')
      .selectAll()
      .where('id', '=', decision.id)
      .executeTakeFirstOrThrow();
    expect(row).toMatchObject({
      period_to: '2026-12-31',
      outcome: 'granted',
      decision_date: '2026-01-01',
      justification: null,
    });
  });

  it('lets only the ending change', async () => {
    const decision = await decisionInDb();
    await sql`update decisions set ended_on = '2026-06-30', end_reason = 'Avliden', version = version + 1 where id = ${decision.id}`.execute(
      server.ownerDb,
    );
    const row = await server.ownerDb
      .selectFrom('decisions')
      .select(['ended_on', 'end_reason'])
      .where('id', '=', decision.id)
      .executeTakeFirstOrThrow();
    expect(row).toEqual({ ended_on: '2026-06-30', end_reason: 'Avliden' });
  });

  it('gives the app no right to change or remove granted interventions', async () => {
    const decision = await decisionInDb();
    const asApp = (statement: ReturnType<typeof sql>) =>
      inTenant(server.appDb, world.municipalityId, (trx) => statement.execute(trx));
    await expect(
      asApp(sql`update decision_interventions set granted_amount = 99 where decision_id = ${decision.id}`),
    ).rejects.toThrow(/permission denied/);
    await expect(asApp(sql`delete from decision_interventions where decision_id = ${decision.id}`)).rejects.toThrow(
      /permission denied/,
    );
  });
});
