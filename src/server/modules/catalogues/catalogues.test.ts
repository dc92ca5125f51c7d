/**
 * The catalogues through HTTP: who may read and change them, and the legal bases' rules (validity
 * that never overlaps for one code; one or more service areas; a legal basis in use keeps its code,
 * its decisions' dates and the areas they were made in). Intervention types: intervention-types.test.ts.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { TestServer } from '../../../../test/harness.ts';
import { startModuleTest } from '../../../../test/module-setup.ts';
import { auditRows } from '../../../../test/audit.ts';
import type { TestWorld } from '../../../../test/factories.ts';
import { TestClient } from '../../../../test/http-client.ts';
import type { LegalBasis } from '../../../contract/catalogues.ts';
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
const LEGAL_BASES = '/api/catalogues/legal-bases';

async function listCodes(client: TestClient, query = ''): Promise<string[]> {
  const response = await client.get<{ legalBases: LegalBasis[] }>(`${LEGAL_BASES}${query}`);
  expect(response.status, JSON.stringify(response.body)).toBe(200);
  return response.body.legalBases.map((basis) => basis.code);
}

/** Adds a legal basis, for ÄO unless the body names the areas. */
async function createLegalBasis(body: Record<string, unknown>): Promise<LegalBasis> {
  const response = await admin.post<LegalBasis>(LEGAL_BASES, { serviceAreas: ['AO'], ...body });
  expect(response.status, JSON.stringify(response.body)).toBe(200);
  return response.body;
}

/** The legal basis as the edit form sends it back, with changes. */
function saveLegalBasis(basis: LegalBasis, changes: Partial<LegalBasis> = {}, client = admin) {
  const { code, description, validFrom, validTo, serviceAreas, version } = { ...basis, ...changes };
  return client.put(`${LEGAL_BASES}/${basis.id}`, { version, code, description, validFrom, validTo, serviceAreas });
}

describe('reading legal bases', () => {
  it("gives any positioned user their municipality's legal bases, by code in natural order", async () => {
    const prefix = `Ordning ${Date.now()}`;
    for (const paragraph of ['10', '2', '9'])
      await createLegalBasis({ code: `${prefix} § ${paragraph}`, validFrom: '2020-01-01' });
    const codes = await listCodes(await world.signIn('careStaff'));
    expect(codes.filter((code) => code.startsWith(prefix))).toEqual([
      `${prefix} § 2`,
      `${prefix} § 9`,
      `${prefix} § 10`,
    ]);
    expect(codes).toEqual(expect.arrayContaining(['SoL 4 kap. 1 §', 'SoL 11 kap. 1 §', 'LSS 9 § 3']));
    expect(await listCodes(await otherWorld.signIn('caseOfficer'))).not.toContain(`${prefix} § 2`);
  });

  it('gives only those valid on a day: the old SoL numbering up to 2025-06-30, the new from 2025-07-01', async () => {
    const client = await world.signIn('caseOfficer');
    const before = await listCodes(client, '?validOn=2025-06-30');
    expect(before).toEqual(expect.arrayContaining(['SoL 4 kap. 1 §', 'LSS 9 § 3']));
    expect(before).not.toContain('SoL 11 kap. 1 §');
    const after = await listCodes(client, '?validOn=2025-07-01');
    expect(after).toEqual(expect.arrayContaining(['SoL 11 kap. 1 §', 'LSS 9 § 3']));
    expect(after).not.toContain('SoL 4 kap. 1 §');
  });

  it('gives only those of a service area: SoL for ÄO, FH and IFO, LSS for LSS, with their areas', async () => {
    const client = await world.signIn('caseOfficer');
    const ao = await client.get<{ legalBases: LegalBasis[] }>(`${LEGAL_BASES}?serviceArea=AO`);
    expect(ao.body.legalBases.find((basis) => basis.code === 'SoL 11 kap. 1 §')).toMatchObject({
      serviceAreas: ['AO', 'FH', 'IFO'],
    });
    expect(ao.body.legalBases.every((basis) => basis.serviceAreas.includes('AO'))).toBe(true);
    expect(ao.body.legalBases.map((basis) => basis.code)).not.toContain('LSS 9 § 3');
    expect(await listCodes(client, '?serviceArea=LSS')).toEqual(expect.arrayContaining(['LSS 9 § 3']));
    expect(await listCodes(client, '?serviceArea=LSS')).not.toContain('SoL 11 kap. 1 §');
    const ifoToday = await listCodes(client, '?serviceArea=IFO&validOn=2026-01-01');
    expect(ifoToday).toContain('SoL 11 kap. 1 §');
    expect(ifoToday).not.toContain('SoL 4 kap. 1 §');
    expect(ifoToday).not.toContain('LSS 9 § 3');
  });

  it('answers an unknown service area with 400 on the field', async () => {
    for (const serviceArea of ['ÄO', 'ao', 'HSL']) {
      const response = await admin.get(`${LEGAL_BASES}?serviceArea=${encodeURIComponent(serviceArea)}`);
      expect(response.status, serviceArea).toBe(400);
      expect(response.body.fieldErrors.serviceArea, serviceArea).toBe('Okänt verksamhetsområde.');
    }
  });

  it('answers a bad day with 400 on the field', async () => {
    for (const validOn of ['2025-02-30', '20250701', 'igår']) {
      const response = await admin.get(`${LEGAL_BASES}?validOn=${validOn}`);
      expect(response.status, validOn).toBe(400);
      expect(response.body.fieldErrors.validOn, validOn).toBeTruthy();
    }
  });

  it('answers 401 on every catalogue route when signed out', async () => {
    const anonymous = new TestClient(server.baseUrl);
    const id = world.catalogue.legalBases.get('LSS 9 § 3')!;
    const typeId = world.catalogue.interventionTypes.get('AO:Service')!;
    const responses = await Promise.all([
      anonymous.get(LEGAL_BASES),
      anonymous.post(LEGAL_BASES, {}),
      anonymous.put(`${LEGAL_BASES}/${id}`, {}),
      anonymous.get('/api/catalogues/intervention-types'),
      anonymous.post('/api/catalogues/intervention-types', {}),
      anonymous.put(`/api/catalogues/intervention-types/${typeId}`, {}),
    ]);
    expect(responses.map((response) => response.status)).toEqual([401, 401, 401, 401, 401, 401]);
  });
});

describe('adding a legal basis', () => {
  it('adds it, trimmed, valid until further notice when no end is given, and audits it', async () => {
    const created = await createLegalBasis({
      code: '  HSL 12 kap. 1 § ',
      description: 'Kommunens hälso- och sjukvård',
      validFrom: '2017-04-01',
      serviceAreas: ['LSS', 'AO', 'LSS'],
    });
    expect(created).toMatchObject({
      code: 'HSL 12 kap. 1 §',
      description: 'Kommunens hälso- och sjukvård',
      validFrom: '2017-04-01',
      validTo: null,
      serviceAreas: ['AO', 'LSS'],
      isInUse: false,
      version: 1,
    });
    const audit = await auditRows(server.ownerDb, { entityId: created.id, action: 'catalogue.create' });
    expect(audit).toHaveLength(1);
    expect(audit[0]).toMatchObject({
      user_id: world.users.administrator.userId,
      position_id: world.users.administrator.positionId,
      entity_type: 'legal_basis',
      details: { code: 'HSL 12 kap. 1 §', validFrom: '2017-04-01', validTo: null, serviceAreas: ['AO', 'LSS'] },
    });
  });

  it('is for administrators only: others get 403 and nothing is added', async () => {
    for (const key of ['caseOfficer', 'authorityManager', 'operationsManager', 'careStaff'] as const) {
      const response = await (await world.signIn(key)).post(LEGAL_BASES, {
        code: 'Smyglag 1 §',
        validFrom: '2020-01-01',
        serviceAreas: ['AO'],
      });
      expect(response.status, key).toBe(403);
      expect(response.body.message).toBe('Bara en administratör kan ändra katalogerna.');
    }
    expect(
      await server.ownerDb.selectFrom('legal_bases').select('id').where('code', '=', 'Smyglag 1 §').execute(),
    ).toEqual([]);
  });

  it('takes a code again only with validity that does not overlap (409 otherwise, whatever the case)', async () => {
    const code = `LSS 9 § 5 (${Date.now()})`;
    const first = await createLegalBasis({ code, validFrom: '1994-01-01', validTo: '2029-12-31' });
    for (const clash of [
      { validFrom: '2029-12-31' },
      { validFrom: '1990-01-01', validTo: '1994-01-01' },
      { validFrom: '2000-01-01', validTo: '2000-01-31' },
    ]) {
      const response = await admin.post(LEGAL_BASES, { code: code.toLowerCase(), serviceAreas: ['LSS'], ...clash });
      expect(response.status, JSON.stringify(clash)).toBe(409);
      expect(response.body.fieldErrors.validFrom).toMatch(/finns redan med giltighet 1994-01-01 – 2029-12-31/);
    }
    const next = await createLegalBasis({ code, validFrom: '2030-01-01' });
    const earlier = await createLegalBasis({ code, validFrom: '1990-01-01', validTo: '1993-12-31' });
    expect(new Set([first.id, next.id, earlier.id]).size).toBe(3);
    const open = await admin.post(LEGAL_BASES, { code, validFrom: '2040-01-01', serviceAreas: ['LSS'] });
    expect(open.status).toBe(409);
    expect(open.body.message).toMatch(/2030-01-01 – tills vidare/);
  });

  it('answers bad input with 400 and a message on the field, never 500', async () => {
    const cases: [Record<string, unknown>, string, RegExp?][] = [
      [{ code: 'X 1 §', validFrom: '2026-02-01', validTo: '2026-01-31' }, 'validTo', /före första/],
      [{ code: '   ', validFrom: '2026-01-01' }, 'code', /Obligatoriskt/],
      [{ validFrom: '2026-01-01' }, 'code'],
      [{ code: 'x'.repeat(61), validFrom: '2026-01-01' }, 'code', /Högst 60/],
      [{ code: 'X 1 §', description: 'x'.repeat(301), validFrom: '2026-01-01' }, 'description', /Högst 300/],
      [{ code: 'X 1 §' }, 'validFrom'],
      [{ code: 'X 1 §', validFrom: '2026-13-01' }, 'validFrom'],
      [{ code: 'X 1 §', validFrom: '2026-01-01', validTo: '31/12/2026' }, 'validTo'],
      [{ code: 42, validFrom: '2026-01-01' }, 'code'],
      [{ code: 'X\u0000 1 §', validFrom: '2026-01-01' }, ''],
      [
        { code: 'X 1 §', validFrom: '2026-01-01', serviceAreas: null },
        'serviceAreas',
        /Välj minst ett verksamhetsområde/,
      ],
      [
        { code: 'X 1 §', validFrom: '2026-01-01', serviceAreas: [] },
        'serviceAreas',
        /Välj minst ett verksamhetsområde/,
      ],
      [
        { code: 'X 1 §', validFrom: '2026-01-01', serviceAreas: 'AO' },
        'serviceAreas',
        /Välj minst ett verksamhetsområde/,
      ],
      [
        { code: 'X 1 §', validFrom: '2026-01-01', serviceAreas: ['AO', 'HSL'] },
        'serviceAreas.1',
        /Okänt verksamhetsområde/,
      ],
    ];
    for (const [body, field, message] of cases) {
      const response = await admin.post(LEGAL_BASES, { serviceAreas: ['AO'], ...body });
      expect(response.status, JSON.stringify(body)).toBe(400);
      if (field) expect(response.body.fieldErrors?.[field], JSON.stringify(body)).toMatch(message ?? /./);
    }
    expect((await admin.request('POST', LEGAL_BASES, '"bara text"')).status).toBe(400);
  });
});

describe('changing a legal basis', () => {
  it('saves with optimistic concurrency: a stale version gets 409; the audit names the fields', async () => {
    const basis = await createLegalBasis({ code: `Ändras ${Date.now()}`, validFrom: '2020-01-01' });
    const saved = await saveLegalBasis(basis, { description: 'Ny beskrivning', validTo: '2030-12-31' });
    expect(saved.status, JSON.stringify(saved.body)).toBe(200);
    expect(saved.body).toMatchObject({ description: 'Ny beskrivning', validTo: '2030-12-31', version: 2 });
    const stale = await saveLegalBasis(basis, { description: 'Gammal' });
    expect(stale.status).toBe(409);
    expect(stale.body.message).toMatch(/Någon annan har ändrat/);
    const audit = await auditRows(server.ownerDb, { entityId: basis.id, action: 'catalogue.update' });
    expect(audit).toHaveLength(1);
    expect(audit[0]).toMatchObject({ entity_type: 'legal_basis', details: { changed: ['description', 'validTo'] } });
  });

  it('refuses validity that would overlap another period of the same code', async () => {
    const code = `Period ${Date.now()}`;
    const early = await createLegalBasis({ code, validFrom: '2020-01-01', validTo: '2024-12-31' });
    await createLegalBasis({ code, validFrom: '2025-01-01' });
    const response = await saveLegalBasis(early, { validTo: '2025-01-01' });
    expect(response.status).toBe(409);
    expect(response.body.fieldErrors.validFrom).toMatch(/2025-01-01 – tills vidare/);
  });

  it('keeps a legal basis in use true to its decisions: code fixed, validity covering their dates', async () => {
    const basis = await createLegalBasis({
      code: `Används ${Date.now()}`,
      validFrom: '2020-01-01',
      validTo: '2025-06-30',
    });
    await createDecisionUsing(server.ownerDb, world, { legalBasisId: basis.id, decisionDate: '2022-03-15' });
    await createDecisionUsing(server.ownerDb, world, { legalBasisId: basis.id, decisionDate: '2024-11-01' });
    const inUse = (await admin.get<{ legalBases: LegalBasis[] }>(LEGAL_BASES)).body.legalBases.find(
      (row) => row.id === basis.id,
    )!;
    expect(inUse.isInUse).toBe(true);
    const renamed = await saveLegalBasis(inUse, { code: `${inUse.code} ny` });
    expect(renamed.status).toBe(409);
    expect(renamed.body.fieldErrors.code).toMatch(/koden kan inte ändras/);
    const later = await saveLegalBasis(inUse, { validFrom: '2023-01-01' });
    expect(later.status).toBe(409);
    expect(later.body.fieldErrors.validFrom).toBe(
      'Lagrummet används i beslut fattade 2022-03-15. Giltighetstiden måste täcka dem.',
    );
    const shorter = await saveLegalBasis(inUse, { validTo: '2024-10-31' });
    expect(shorter.status).toBe(409);
    expect(shorter.body.fieldErrors.validTo).toMatch(/2024-11-01/);
    const covering = await saveLegalBasis(inUse, {
      description: 'Förtydligad',
      validFrom: '2022-03-15',
      validTo: '2024-11-01',
    });
    expect(covering.status, JSON.stringify(covering.body)).toBe(200);
  });

  it('adds and removes areas; the audit names the change', async () => {
    const basis = await createLegalBasis({
      code: `Områden ${Date.now()}`,
      validFrom: '2020-01-01',
      serviceAreas: ['AO'],
    });
    const wider = await saveLegalBasis(basis, { serviceAreas: ['IFO', 'AO'] });
    expect(wider.status, JSON.stringify(wider.body)).toBe(200);
    expect(wider.body).toMatchObject({ serviceAreas: ['AO', 'IFO'], version: 2 });
    const narrower = await saveLegalBasis(wider.body, { serviceAreas: ['IFO'] });
    expect(narrower.status, JSON.stringify(narrower.body)).toBe(200);
    expect(narrower.body.serviceAreas).toEqual(['IFO']);
    const audit = await auditRows(server.ownerDb, { entityId: basis.id, action: 'catalogue.update' });
    expect(audit.map((row) => row.details)).toEqual([{ changed: ['serviceAreas'] }, { changed: ['serviceAreas'] }]);
  });

  it('keeps the areas its decisions were made in (409 on the field), and lets the others go', async () => {
    const basis = await createLegalBasis({
      code: `Beslutsområde ${Date.now()}`,
      validFrom: '2020-01-01',
      serviceAreas: ['AO', 'FH', 'IFO'],
    });
    await createDecisionUsing(server.ownerDb, world, { legalBasisId: basis.id, decisionDate: '2024-02-01' });
    const inUse = (await admin.get<{ legalBases: LegalBasis[] }>(LEGAL_BASES)).body.legalBases.find(
      (row) => row.id === basis.id,
    )!;
    const withoutAo = await saveLegalBasis(inUse, { serviceAreas: ['FH', 'IFO'] });
    expect(withoutAo.status).toBe(409);
    expect(withoutAo.body.fieldErrors).toEqual({
      serviceAreas: 'Lagrummet används i beslut inom ÄO, så det området måste vara kvar.',
    });
    expect(
      (
        await server.ownerDb
          .selectFrom('legal_bases')
          .select('service_areas')
          .where('id', '=', basis.id)
          .executeTakeFirstOrThrow()
      ).service_areas,
    ).toEqual(['AO', 'FH', 'IFO']);
    const onlyAo = await saveLegalBasis(inUse, { serviceAreas: ['AO'] });
    expect(onlyAo.status, JSON.stringify(onlyAo.body)).toBe(200);
  });

  it('keeps the areas of the intervention types that propose it (409 naming them)', async () => {
    const basis = await createLegalBasis({
      code: `Förslag ${Date.now()}`,
      validFrom: '2020-01-01',
      serviceAreas: ['AO', 'IFO'],
    });
    const type = await admin.post('/api/catalogues/intervention-types', {
      serviceArea: 'IFO',
      name: `Föreslagen ${Date.now()}`,
      defaultLegalBasisId: basis.id,
      scopeUnit: 'none',
    });
    expect(type.status, JSON.stringify(type.body)).toBe(200);
    const withoutIfo = await saveLegalBasis(basis, { serviceAreas: ['AO'] });
    expect(withoutIfo.status).toBe(409);
    expect(withoutIfo.body.fieldErrors.serviceAreas).toBe(
      `Lagrummet föreslås för insatstypen ${type.body.name} (IFO). Välj ett annat lagrum för den först, eller behåll området.`,
    );
    expect((await saveLegalBasis(basis, { serviceAreas: ['IFO'] })).status).toBe(200);
  });

  it("answers 404 for another municipality's or a missing legal basis, 403 for others, 400 for bad input", async () => {
    const foreign = otherWorld.catalogue.legalBases.get('LSS 9 § 3')!;
    const body = {
      version: 1,
      code: 'LSS 9 § 3',
      description: 'Kapad',
      validFrom: '1994-01-01',
      validTo: null,
      serviceAreas: ['LSS'],
    };
    expect((await admin.put(`${LEGAL_BASES}/${foreign}`, body)).status).toBe(404);
    expect((await admin.put(`${LEGAL_BASES}/${MISSING}`, body)).status).toBe(404);
    expect((await (await world.signIn('caseOfficer')).put(`${LEGAL_BASES}/${foreign}`, body)).status).toBe(404);
    expect((await admin.put(`${LEGAL_BASES}/abc`, body)).status).toBe(400);
    const own = world.catalogue.legalBases.get('LSS 9 § 3')!;
    const denied = await (await world.signIn('authorityManager')).put(`${LEGAL_BASES}/${own}`, body);
    expect(denied.status).toBe(403);
    for (const [changes, field] of [
      [{ version: undefined }, 'version'],
      [{ version: 'ett' }, 'version'],
      [{ version: 0 }, 'version'],
      [{ validTo: '1993-12-31' }, 'validTo'],
      [{ serviceAreas: [] }, 'serviceAreas'],
    ] as const) {
      const response = await admin.put(`${LEGAL_BASES}/${own}`, { ...body, ...changes });
      expect(response.status, JSON.stringify(changes)).toBe(400);
      expect(response.body.fieldErrors[field], JSON.stringify(changes)).toBeTruthy();
    }
    const stored = await server.ownerDb
      .selectFrom('legal_bases')
      .select(['description', 'version'])
      .where('id', '=', own)
      .executeTakeFirstOrThrow();
    expect(stored).toEqual({ description: 'Ledsagarservice', version: 1 });
  });
});
