import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { TestServer } from '../../../../test/harness.ts';
import { startModuleTest } from '../../../../test/module-setup.ts';
import { auditRows } from '../../../../test/audit.ts';
import type { TestWorld } from '../../../../test/factories.ts';
import { TestClient } from '../../../../test/http-client.ts';
import type { Unit } from '../../../contract/organisation.ts';

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

async function unitById(unitId: string): Promise<Unit> {
  const list = await admin.get<{ units: Unit[] }>('/api/organisation/units');
  return list.body.units.find((unit) => unit.id === unitId)!;
}

/** The unit as the edit form would send it back, with changes. */
async function saveUnit(unitId: string, changes: Partial<Unit> = {}, client = admin) {
  const { parentId, name, ownership, hasSystemAccess, isActive, version } = { ...(await unitById(unitId)), ...changes };
  return client.put(`/api/organisation/units/${unitId}`, {
    version,
    parentId,
    name,
    ownership,
    hasSystemAccess,
    isActive,
  });
}

async function createUnit(parentId: string, name: string, kind = 'provider_unit'): Promise<Unit> {
  const response = await admin.post('/api/organisation/units', { parentId, kind, name });
  expect(response.status, JSON.stringify(response.body)).toBe(200);
  return response.body;
}

describe('reading the unit tree', () => {
  it('gives any positioned user the whole tree of their municipality, flat with parent ids', async () => {
    const staff = await world.signIn('careStaff');
    const response = await staff.get<{ units: Unit[] }>('/api/organisation/units');
    expect(response.status).toBe(200);
    const byId = new Map(response.body.units.map((unit) => [unit.id, unit]));
    expect(byId.get(world.units.homeCareNorth)).toMatchObject({
      parentId: world.units.homeCare,
      kind: 'provider_unit',
      serviceArea: 'AO',
      ownership: null,
      isActive: true,
    });
    expect(byId.get(world.units.homeCare)).toMatchObject({
      parentId: world.units.aoArea,
      kind: 'provider',
      ownership: 'municipal',
      hasSystemAccess: true,
    });
    expect(byId.get(world.units.ifoArea)).toMatchObject({ parentId: null, kind: 'service_area', serviceArea: 'IFO' });
    expect(byId.has(otherWorld.units.homeCareNorth)).toBe(false);
  });

  it('answers 401 when signed out', async () => {
    const anonymous = new TestClient(server.baseUrl);
    expect((await anonymous.get('/api/organisation/units')).status).toBe(401);
    expect(
      (
        await anonymous.post('/api/organisation/units', {
          parentId: world.units.homeCare,
          kind: 'provider_unit',
          name: 'X',
        })
      ).status,
    ).toBe(401);
    expect((await anonymous.put(`/api/organisation/units/${world.units.homeCare}`, {})).status).toBe(401);
  });
});

describe('creating a unit', () => {
  it("puts it under the parent in the parent's service area and audits it", async () => {
    const response = await admin.post('/api/organisation/units', {
      parentId: world.units.ifoProvider,
      kind: 'provider_unit',
      name: '  Stödboende Kvarnen ',
    });
    expect(response.status).toBe(200);
    expect(response.body).toMatchObject({
      parentId: world.units.ifoProvider,
      kind: 'provider_unit',
      name: 'Stödboende Kvarnen',
      serviceArea: 'IFO',
      ownership: null,
      hasSystemAccess: true,
      isActive: true,
      version: 1,
    });
    const audit = await auditRows(server.ownerDb, { entityId: response.body.id, action: 'unit.create' });
    expect(audit).toHaveLength(1);
    expect(audit[0]).toMatchObject({
      user_id: world.users.administrator.userId,
      entity_type: 'unit',
      details: { kind: 'provider_unit', parentId: world.units.ifoProvider },
    });
  });

  it('lets a private provider work without Vardag', async () => {
    const response = await admin.post('/api/organisation/units', {
      parentId: world.units.aoArea,
      kind: 'provider',
      name: 'Omsorgsbolaget',
      ownership: 'private',
      hasSystemAccess: false,
    });
    expect(response.body).toMatchObject({
      kind: 'provider',
      ownership: 'private',
      hasSystemAccess: false,
      serviceArea: 'AO',
    });
  });

  it('is for administrators only, with the CSRF token: others get 403 with a message, and nothing is created', async () => {
    for (const key of ['careStaff', 'operationsManager', 'authorityManager'] as const) {
      const response = await (await world.signIn(key)).post('/api/organisation/units', {
        parentId: world.units.homeCare,
        kind: 'provider_unit',
        name: 'Smygenheten',
      });
      expect(response.status, key).toBe(403);
      expect(response.body.message).toBe('Bara en administratör kan ändra organisationen.');
    }
    const withoutToken = await world.signIn('administrator');
    withoutToken.dropCsrfToken();
    expect(
      (
        await withoutToken.post('/api/organisation/units', {
          parentId: world.units.homeCare,
          kind: 'provider_unit',
          name: 'Smygenheten',
        })
      ).status,
    ).toBe(403);
    expect(await server.ownerDb.selectFrom('units').select('id').where('name', '=', 'Smygenheten').execute()).toEqual(
      [],
    );
  });

  it('answers broken rules with 400 and a message next to the field, never 500', async () => {
    const cases: [Record<string, unknown>, string, RegExp?][] = [
      [{ parentId: world.units.homeCare, kind: 'provider_unit', name: '  ' }, 'name'],
      [{ parentId: world.units.homeCare, kind: 'service_area', name: 'Nytt område' }, 'kind'],
      [{ parentId: world.units.homeCare, kind: 'castle', name: 'Slottet' }, 'kind'],
      [
        { parentId: world.units.aoAuthority, kind: 'provider_unit', name: 'Fel plats' },
        'parentId',
        /En utförarenhet kan inte ligga under en myndighetsenhet/,
      ],
      [{ parentId: world.units.aoArea, kind: 'provider', name: 'Utan regi' }, 'ownership', /egen eller enskild regi/],
      [
        { parentId: world.units.homeCare, kind: 'provider_unit', name: 'Med regi', ownership: 'municipal' },
        'ownership',
        /bara för utförare/,
      ],
      [
        { parentId: world.units.homeCare, kind: 'provider_unit', name: 'Utan Vardag', hasSystemAccess: false },
        'hasSystemAccess',
      ],
      [{ parentId: 'not-a-uuid', kind: 'provider_unit', name: 'X' }, 'parentId'],
      [{ kind: 'provider_unit', name: 'X' }, 'parentId'],
    ];
    for (const [body, field, message] of cases) {
      const response = await admin.post('/api/organisation/units', body);
      expect(response.status, JSON.stringify(body)).toBe(400);
      expect(response.body.fieldErrors?.[field], JSON.stringify(body)).toMatch(message ?? /./);
    }
  });

  it("answers 404 for a parent that is missing or another municipality's", async () => {
    for (const parentId of [MISSING, otherWorld.units.homeCare]) {
      const response = await admin.post('/api/organisation/units', {
        parentId,
        kind: 'provider_unit',
        name: 'Föräldralös',
      });
      expect(response.status).toBe(404);
      expect(response.body.message).toBe('Den överordnade enheten hittades inte.');
    }
  });
});

describe('changing a unit', () => {
  it('renames with optimistic concurrency: a stale version gets 409; the audit names the fields', async () => {
    const unit = await createUnit(world.units.homeCare, 'Hemtjänst Väst');
    const renamed = await saveUnit(unit.id, { name: 'Hemtjänst Västra' });
    expect(renamed.status).toBe(200);
    expect(renamed.body).toMatchObject({ name: 'Hemtjänst Västra', version: 2 });
    const stale = await saveUnit(unit.id, { name: 'Hemtjänst Östra', version: 1 });
    expect(stale.status).toBe(409);
    expect(stale.body.message).toMatch(/Någon annan har ändrat/);
    const audit = await auditRows(server.ownerDb, { entityId: unit.id, action: 'unit.update' });
    expect(audit).toHaveLength(1);
    expect(audit[0]!.details).toEqual({ changed: ['name'] });
  });

  it('moves a unit within its service area and keeps where it came from in the audit log', async () => {
    const from = await createUnit(world.units.homeCare, 'Område A');
    const moving = await createUnit(from.id, 'Grupp 1');
    const response = await saveUnit(moving.id, { parentId: world.units.homeCareSouth });
    expect(response.status).toBe(200);
    expect(response.body).toMatchObject({ parentId: world.units.homeCareSouth, serviceArea: 'AO' });
    const audit = await auditRows(server.ownerDb, { entityId: moving.id, action: 'unit.update' });
    expect(audit[0]!.details).toEqual({
      changed: ['parentId'],
      fromParentId: from.id,
      toParentId: world.units.homeCareSouth,
    });
  });

  it('refuses a move to another service area, below itself, or of a service area root, with 400', async () => {
    const upper = await createUnit(world.units.homeCare, 'Övre');
    const lower = await createUnit(upper.id, 'Undre');
    const refusals: [string, Partial<Unit>, RegExp][] = [
      [upper.id, { parentId: lower.id }, /under sig själv eller en av sina underenheter/],
      [upper.id, { parentId: upper.id }, /under sig själv/],
      [upper.id, { parentId: world.units.ifoProvider }, /annat verksamhetsområde/],
      [upper.id, { parentId: null }, /Välj en överordnad enhet/],
      [world.units.aoArea, { parentId: world.units.ifoArea }, /alltid överst/],
      [world.units.homeCare, { ownership: null }, /egen eller enskild regi/],
    ];
    for (const [unitId, changes, message] of refusals) {
      const response = await saveUnit(unitId, changes);
      expect(response.status, JSON.stringify(changes)).toBe(400);
      expect(Object.values(response.body.fieldErrors).join(' '), JSON.stringify(changes)).toMatch(message);
    }
    expect((await unitById(upper.id)).parentId).toBe(world.units.homeCare);
  });

  it('lets a service area root be renamed in place', async () => {
    const response = await saveUnit(world.units.ifoArea, { name: 'Individ- och familjeomsorg' });
    expect(response.status).toBe(200);
    expect(response.body).toMatchObject({ parentId: null, name: 'Individ- och familjeomsorg' });
  });

  it('will not switch off a unit while positions or units below it are active (409), then will', async () => {
    const busy = await saveUnit(world.units.homeCareNorth, { isActive: false });
    expect(busy.status).toBe(409);
    expect(busy.body.message).toBe(
      'Enheten har aktiva befattningar. Avsluta eller flytta dem innan enheten inaktiveras.',
    );
    const parent = await createUnit(world.units.homeCare, 'Nattpatrullen');
    const child = await createUnit(parent.id, 'Nattpatrullen Syd');
    const withChild = await saveUnit(parent.id, { isActive: false });
    expect(withChild.status).toBe(409);
    expect(withChild.body.message).toBe('Enheten har aktiva underenheter. Inaktivera dem först.');
    expect((await saveUnit(child.id, { isActive: false })).status).toBe(200);
    expect((await saveUnit(parent.id, { isActive: false })).body).toMatchObject({ isActive: false });
    const under = await admin.post('/api/organisation/units', {
      parentId: parent.id,
      kind: 'provider_unit',
      name: 'Under stängd',
    });
    expect(under.status).toBe(400);
    expect(under.body.fieldErrors.parentId).toBe('Den överordnade enheten är inaktiv.');
    const reopened = await saveUnit(child.id, { isActive: true });
    expect(reopened.body.fieldErrors.parentId).toBe('Den överordnade enheten är inaktiv.');
  });

  it('will not take Vardag away from a provider while people work there', async () => {
    const response = await saveUnit(world.units.homeCare, { hasSystemAccess: false });
    expect(response.status).toBe(409);
    expect(response.body.message).toMatch(/Utföraren har aktiva befattningar/);
  });

  it("answers 404 for another municipality's or a missing unit, 403 for others, 400 for a bad id", async () => {
    const foreign = await admin.put(`/api/organisation/units/${otherWorld.units.homeCare}`, {
      version: 1,
      parentId: otherWorld.units.aoArea,
      name: 'Kapad',
      ownership: 'municipal',
      hasSystemAccess: true,
      isActive: true,
    });
    expect(foreign.status).toBe(404);
    expect(
      (
        await admin.put(`/api/organisation/units/${MISSING}`, {
          version: 1,
          parentId: null,
          name: 'X',
          hasSystemAccess: true,
          isActive: true,
        })
      ).status,
    ).toBe(404);
    expect(
      (
        await admin.put('/api/organisation/units/abc', {
          version: 1,
          parentId: null,
          name: 'X',
          hasSystemAccess: true,
          isActive: true,
        })
      ).status,
    ).toBe(400);
    expect(
      (await saveUnit(world.units.homeCareNorth, { name: 'Mitt namn' }, await world.signIn('unitManager'))).status,
    ).toBe(403);
    const noVersion = await admin.put(`/api/organisation/units/${world.units.homeCare}`, {
      parentId: world.units.aoArea,
      name: 'X',
      hasSystemAccess: true,
      isActive: true,
    });
    expect(noVersion.status).toBe(400);
    expect(noVersion.body.fieldErrors.version).toBeTruthy();
  });
});
