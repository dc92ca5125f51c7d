/**
 * Intervention types through HTTP: listing in Swedish order with filters, names unique within a
 * service area, a default legal basis that exists, is valid and serves the type's area, and a
 * service area that is fixed once a decision grants the type. Access and legal bases: catalogues.test.ts.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { TestServer } from '../../../../test/harness.ts';
import { startModuleTest } from '../../../../test/module-setup.ts';
import type { TestWorld } from '../../../../test/factories.ts';
import type { TestClient } from '../../../../test/http-client.ts';
import type { InterventionType } from '../../../contract/catalogues.ts';
import { createDecisionUsing } from '../../../../test/fixtures/catalogue-fixtures.ts';

let server: TestServer;
let world: TestWorld;
let otherWorld: TestWorld;
let admin: TestClient;

beforeAll(async () => {
  ({ server, world, foreign: otherWorld } = await startModuleTest());
  admin = await world.signIn('administrator');
});
afterAll(async () => server?.close());

const MISSING = '00000000-0000-4000-8000-000000000000';
const TYPES = '/api/catalogues/intervention-types';

async function list(client: TestClient, query = ''): Promise<InterventionType[]> {
  const response = await client.get<{ interventionTypes: InterventionType[] }>(`${TYPES}${query}`);
  expect(response.status, JSON.stringify(response.body)).toBe(200);
  return response.body.interventionTypes;
}

async function createType(body: Record<string, unknown>): Promise<InterventionType> {
  const response = await admin.post<InterventionType>(TYPES, body);
  expect(response.status, JSON.stringify(response.body)).toBe(200);
  return response.body;
}

/** The type as the edit form sends it back, with changes. */
function saveType(type: InterventionType, changes: Partial<InterventionType> = {}, client = admin) {
  const {
    version,
    serviceArea,
    name,
    keyCode,
    defaultLegalBasisId,
    scopeUnit,
    isCarePlanExempt,
    isPersonalAlarm,
    isShortTermStay,
    nationalStatisticsCode,
    isActive,
  } = { ...type, ...changes };
  return client.put(`${TYPES}/${type.id}`, {
    version,
    serviceArea,
    name,
    keyCode,
    defaultLegalBasisId,
    scopeUnit,
    isCarePlanExempt,
    isPersonalAlarm,
    isShortTermStay,
    nationalStatisticsCode,
    isActive,
  });
}

const sol = () => world.catalogue.legalBases.get('SoL 11 kap. 1 §')!;

describe('reading intervention types', () => {
  it('gives any positioned user the active types in Swedish name order, with the default legal basis', async () => {
    for (const name of ['Östöd', 'Ärendestöd', 'Zonstöd', 'Åkstöd'])
      await createType({ serviceArea: 'FH', name, scopeUnit: 'hours_per_week' });
    const types = await list(await world.signIn('careStaff'), '?serviceArea=FH');
    expect(types.map((type) => type.name)).toEqual(['Zonstöd', 'Åkstöd', 'Ärendestöd', 'Östöd']);
    const alarm = (await list(admin)).find((type) => type.name === 'Trygghetslarm')!;
    expect(alarm).toMatchObject({
      serviceArea: 'AO',
      keyCode: 'TRL',
      scopeUnit: 'none',
      isCarePlanExempt: true,
      isPersonalAlarm: true,
      isActive: true,
      defaultLegalBasisId: sol(),
      defaultLegalBasisCode: 'SoL 11 kap. 1 §',
      nationalStatisticsCode: null,
      isInUse: false,
      version: 1,
    });
  });

  it("filters by service area, leaves out inactive types unless asked, and never shows another municipality's", async () => {
    const ifo = await list(admin, '?serviceArea=IFO');
    expect(ifo.map((type) => type.name)).toEqual(['Familjestöd']);
    const retired = await createType({ serviceArea: 'IFO', name: 'Gammal insats', scopeUnit: 'none', isActive: false });
    expect((await list(admin, '?serviceArea=IFO')).map((type) => type.id)).not.toContain(retired.id);
    expect((await list(admin, '?serviceArea=IFO&includeInactive=true')).map((type) => type.id)).toContain(retired.id);
    expect((await list(admin, '?includeInactive=false')).map((type) => type.id)).not.toContain(retired.id);
    const foreignIds = [...otherWorld.catalogue.interventionTypes.values()];
    expect((await list(admin, '?includeInactive=true')).some((type) => foreignIds.includes(type.id))).toBe(false);
  });

  it('answers a bad filter with 400 on the field', async () => {
    for (const [query, field] of [
      ['?serviceArea=XX', 'serviceArea'],
      ['?includeInactive=ja', 'includeInactive'],
      ['?serviceArea=', 'serviceArea'],
    ]) {
      const response = await admin.get(`${TYPES}${query}`);
      expect(response.status, query).toBe(400);
      expect(response.body.fieldErrors[field!], query).toBeTruthy();
    }
  });
});

describe('adding an intervention type', () => {
  it('adds it with defaults for the flags and audits it', async () => {
    const created = await createType({
      serviceArea: 'AO',
      name: ' Matleverans ',
      keyCode: 'MATL',
      defaultLegalBasisId: sol(),
      scopeUnit: 'times_per_week',
    });
    expect(created).toMatchObject({
      serviceArea: 'AO',
      name: 'Matleverans',
      keyCode: 'MATL',
      defaultLegalBasisCode: 'SoL 11 kap. 1 §',
      scopeUnit: 'times_per_week',
      isCarePlanExempt: false,
      isPersonalAlarm: false,
      isShortTermStay: false,
      nationalStatisticsCode: null,
      isActive: true,
      version: 1,
    });
    const audit = await server.ownerDb
      .selectFrom('audit_events')
      .selectAll()
      .where('entity_id', '=', created.id)
      .execute();
    expect(audit).toHaveLength(1);
    expect(audit[0]).toMatchObject({
      action: 'catalogue.create',
      entity_type: 'intervention_type',
      user_id: world.users.administrator.userId,
      details: { serviceArea: 'AO', name: 'Matleverans' },
    });
  });

  it('is for administrators only', async () => {
    for (const key of ['caseOfficer', 'unitManager', 'alarmManager'] as const) {
      const response = await (await world.signIn(key)).post(TYPES, {
        serviceArea: 'AO',
        name: 'Smyginsats',
        scopeUnit: 'none',
      });
      expect(response.status, key).toBe(403);
    }
    expect(
      await server.ownerDb.selectFrom('intervention_types').select('id').where('name', '=', 'Smyginsats').execute(),
    ).toEqual([]);
  });

  it('keeps names unique within a service area (409 on the field) but not across areas; near-duplicates are fine', async () => {
    const taken = await admin.post(TYPES, { serviceArea: 'AO', name: 'Service', scopeUnit: 'hours_per_month' });
    expect(taken.status).toBe(409);
    expect(taken.body.fieldErrors.name).toBe('Det finns redan en insatstyp med det namnet i verksamhetsområdet.');
    await createType({ serviceArea: 'FH', name: 'Service', scopeUnit: 'hours_per_month' });
    await createType({ serviceArea: 'AO', name: 'Serviceinsats', scopeUnit: 'hours_per_month' });
  });

  it('wants a default legal basis of the municipality (404) that still applies (400)', async () => {
    for (const defaultLegalBasisId of [otherWorld.catalogue.legalBases.get('SoL 11 kap. 1 §'), MISSING]) {
      const response = await admin.post(TYPES, {
        serviceArea: 'AO',
        name: 'Fel lagrum',
        defaultLegalBasisId,
        scopeUnit: 'none',
      });
      expect(response.status).toBe(404);
      expect(response.body.fieldErrors.defaultLegalBasisId).toBe('Lagrummet hittades inte.');
    }
    const expired = await admin.post(TYPES, {
      serviceArea: 'AO',
      name: 'Gammalt lagrum',
      defaultLegalBasisId: world.catalogue.legalBases.get('SoL 4 kap. 1 §'),
      scopeUnit: 'none',
    });
    expect(expired.status).toBe(400);
    expect(expired.body.fieldErrors.defaultLegalBasisId).toBe(
      'SoL 4 kap. 1 § gäller bara till 2025-06-30. Välj ett lagrum som gäller nu.',
    );
  });

  it("wants a default legal basis of the type's own service area (400 on the field)", async () => {
    const lss = world.catalogue.legalBases.get('LSS 9 § 3')!;
    const inAo = await admin.post(TYPES, {
      serviceArea: 'AO',
      name: 'LSS i ÄO',
      defaultLegalBasisId: lss,
      scopeUnit: 'none',
    });
    expect(inAo.status).toBe(400);
    expect(inAo.body.fieldErrors).toEqual({
      defaultLegalBasisId: 'LSS 9 § 3 hör inte till ÄO. Välj ett lagrum för insatstypens verksamhetsområde.',
    });
    const inLss = await admin.post(TYPES, {
      serviceArea: 'LSS',
      name: 'SoL i LSS',
      defaultLegalBasisId: sol(),
      scopeUnit: 'none',
    });
    expect(inLss.status).toBe(400);
    expect(inLss.body.fieldErrors.defaultLegalBasisId).toBe(
      'SoL 11 kap. 1 § hör inte till LSS. Välj ett lagrum för insatstypens verksamhetsområde.',
    );
    expect(
      await server.ownerDb
        .selectFrom('intervention_types')
        .select('id')
        .where('name', 'in', ['LSS i ÄO', 'SoL i LSS'])
        .execute(),
    ).toEqual([]);
    await createType({
      serviceArea: 'LSS',
      name: `Ledsagarservice ${Date.now()}`,
      defaultLegalBasisId: lss,
      scopeUnit: 'hours_per_month',
    });
  });

  it('answers bad input with 400 and a message on the field, never 500', async () => {
    const valid = { serviceArea: 'AO', name: 'Ny insats', scopeUnit: 'hours_per_month' };
    const cases: [Record<string, unknown>, string][] = [
      [{ ...valid, scopeUnit: 'hours_per_year' }, 'scopeUnit'],
      [{ ...valid, scopeUnit: undefined }, 'scopeUnit'],
      [{ ...valid, serviceArea: 'ÄO' }, 'serviceArea'],
      [{ ...valid, name: ' ' }, 'name'],
      [{ ...valid, name: 'x'.repeat(121) }, 'name'],
      [{ ...valid, keyCode: 'x'.repeat(31) }, 'keyCode'],
      [{ ...valid, nationalStatisticsCode: 'x'.repeat(31) }, 'nationalStatisticsCode'],
      [{ ...valid, defaultLegalBasisId: 'abc' }, 'defaultLegalBasisId'],
      [{ ...valid, isPersonalAlarm: 'ja' }, 'isPersonalAlarm'],
      [{ ...valid, isActive: null }, 'isActive'],
    ];
    for (const [body, field] of cases) {
      const response = await admin.post(TYPES, body);
      expect(response.status, JSON.stringify(body)).toBe(400);
      expect(response.body.fieldErrors?.[field], JSON.stringify(body)).toBeTruthy();
    }
  });
});

describe('changing an intervention type', () => {
  it('saves with optimistic concurrency: a stale version gets 409; the audit names the fields', async () => {
    const type = await createType({
      serviceArea: 'LSS',
      name: 'Ledsagarservice',
      keyCode: 'LSS3',
      scopeUnit: 'hours_per_month',
    });
    const saved = await saveType(type, { scopeUnit: 'hours_per_week', nationalStatisticsCode: 'K3', isActive: false });
    expect(saved.status, JSON.stringify(saved.body)).toBe(200);
    expect(saved.body).toMatchObject({
      scopeUnit: 'hours_per_week',
      nationalStatisticsCode: 'K3',
      isActive: false,
      version: 2,
    });
    const stale = await saveType(type, { name: 'Ledsagning' });
    expect(stale.status).toBe(409);
    const audit = await server.ownerDb
      .selectFrom('audit_events')
      .selectAll()
      .where('entity_id', '=', type.id)
      .where('action', '=', 'catalogue.update')
      .execute();
    expect(audit).toHaveLength(1);
    expect(audit[0]!.details).toEqual({ changed: ['scopeUnit', 'nationalStatisticsCode', 'isActive'] });
  });

  it('refuses a name another type of the area has, and moves an unused type to another area', async () => {
    const type = await createType({ serviceArea: 'AO', name: `Flyttbar ${Date.now()}`, scopeUnit: 'none' });
    const clash = await saveType(type, { name: 'Tillsyn' });
    expect(clash.status).toBe(409);
    expect(clash.body.fieldErrors.name).toBeTruthy();
    const moved = await saveType(type, { serviceArea: 'FH' });
    expect(moved.status, JSON.stringify(moved.body)).toBe(200);
    expect(moved.body.serviceArea).toBe('FH');
  });

  it('moves a type only to an area its default legal basis serves', async () => {
    const type = await createType({
      serviceArea: 'AO',
      name: `Med lagrum ${Date.now()}`,
      defaultLegalBasisId: sol(),
      scopeUnit: 'none',
    });
    const toLss = await saveType(type, { serviceArea: 'LSS' });
    expect(toLss.status).toBe(400);
    expect(toLss.body.fieldErrors.defaultLegalBasisId).toBe(
      'SoL 11 kap. 1 § hör inte till LSS. Välj ett lagrum för insatstypens verksamhetsområde.',
    );
    const toIfo = await saveType(type, { serviceArea: 'IFO' });
    expect(toIfo.status, JSON.stringify(toIfo.body)).toBe(200);
    const toLssWithIts = await saveType(toIfo.body, {
      serviceArea: 'LSS',
      defaultLegalBasisId: world.catalogue.legalBases.get('LSS 9 § 3')!,
    });
    expect(toLssWithIts.status, JSON.stringify(toLssWithIts.body)).toBe(200);
  });

  it('fixes the service area once a decision grants the type, but allows other changes', async () => {
    const type = await createType({
      serviceArea: 'AO',
      name: `Beviljad ${Date.now()}`,
      defaultLegalBasisId: sol(),
      scopeUnit: 'hours_per_month',
    });
    await createDecisionUsing(server.ownerDb, world, {
      legalBasisId: sol(),
      decisionDate: '2026-01-15',
      interventionTypeId: type.id,
    });
    const [inUse] = (await list(admin, '?serviceArea=AO')).filter((row) => row.id === type.id);
    expect(inUse!.isInUse).toBe(true);
    const moved = await saveType(inUse!, { serviceArea: 'IFO' });
    expect(moved.status).toBe(409);
    expect(moved.body.fieldErrors.serviceArea).toMatch(/används i beslut/);
    const renamed = await saveType(inUse!, { name: `${inUse!.name} (ny)`, isActive: false });
    expect(renamed.status, JSON.stringify(renamed.body)).toBe(200);
  });

  it('lets a default legal basis that has since expired stay while other fields change, but not be chosen anew', async () => {
    const type = await createType({ serviceArea: 'AO', name: `Gammal grund ${Date.now()}`, scopeUnit: 'none' });
    const old = world.catalogue.legalBases.get('SoL 4 kap. 1 §')!;
    await server.ownerDb
      .updateTable('intervention_types')
      .set({ default_legal_basis_id: old })
      .where('id', '=', type.id)
      .execute();
    const chosen = await saveType(type, { defaultLegalBasisId: null });
    expect(chosen.status).toBe(200);
    const again = await saveType(chosen.body, { defaultLegalBasisId: old });
    expect(again.status).toBe(400);
    await server.ownerDb
      .updateTable('intervention_types')
      .set({ default_legal_basis_id: old })
      .where('id', '=', type.id)
      .execute();
    const kept = await saveType({ ...chosen.body, defaultLegalBasisId: old }, { keyCode: 'GG' });
    expect(kept.status, JSON.stringify(kept.body)).toBe(200);
    expect(kept.body).toMatchObject({ keyCode: 'GG', defaultLegalBasisCode: 'SoL 4 kap. 1 §' });
  });

  it("answers 404 for another municipality's or a missing type, 403 for others, 400 for a bad id", async () => {
    const foreignId = otherWorld.catalogue.interventionTypes.get('AO:Service')!;
    const body = {
      version: 1,
      serviceArea: 'AO',
      name: 'Kapad',
      scopeUnit: 'none',
      isCarePlanExempt: false,
      isPersonalAlarm: false,
      isShortTermStay: false,
      isActive: true,
    };
    expect((await admin.put(`${TYPES}/${foreignId}`, body)).status).toBe(404);
    expect((await admin.put(`${TYPES}/${MISSING}`, body)).status).toBe(404);
    expect((await admin.put(`${TYPES}/not-an-id`, body)).status).toBe(400);
    const own = world.catalogue.interventionTypes.get('AO:Matdistribution')!;
    expect(
      (await (await world.signIn('caseOfficer')).put(`${TYPES}/${own}`, { ...body, name: 'Matdistribution' })).status,
    ).toBe(403);
    const noFlags = await admin.put(`${TYPES}/${own}`, {
      version: 1,
      serviceArea: 'AO',
      name: 'Matdistribution',
      scopeUnit: 'times_per_week',
    });
    expect(noFlags.status).toBe(400);
    expect(Object.keys(noFlags.body.fieldErrors)).toEqual(
      expect.arrayContaining(['isCarePlanExempt', 'isPersonalAlarm', 'isShortTermStay', 'isActive']),
    );
    const stored = await server.ownerDb
      .selectFrom('intervention_types')
      .select(['name', 'version'])
      .where('id', '=', foreignId)
      .executeTakeFirstOrThrow();
    expect(stored).toEqual({ name: 'Service', version: 1 });
  });
});
