import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { TestServer } from '../../../../test/harness.ts';
import { startModuleTest } from '../../../../test/module-setup.ts';
import { auditRows } from '../../../../test/audit.ts';
import { createTestWorld, type TestWorld } from '../../../../test/factories.ts';
import { TestClient } from '../../../../test/http-client.ts';

let server: TestServer;
let world: TestWorld;

beforeAll(async () => {
  ({ server, world } = await startModuleTest());
});
afterAll(async () => server?.close());

describe('searching persons', () => {
  it('finds a person in scope by whole number, birth date and name, and audits each hit', async () => {
    const person = await world.createPerson(['aoAuthority', 'homeCareNorth'], {
      firstName: 'Märta',
      lastName: 'Öberg',
    });
    const staff = await world.signIn('careStaff');
    const formatted = `${person.identityNumber.slice(0, 8)}-${person.identityNumber.slice(8)}`;
    for (const q of [person.identityNumber, formatted, person.identityNumber.slice(0, 8), 'öberg märta', 'MÄR']) {
      const response = await staff.get(`/api/persons?q=${encodeURIComponent(q)}`);
      expect(response.status, q).toBe(200);
      expect(
        response.body.hits.map((hit: { id: string }) => hit.id),
        q,
      ).toContain(person.id);
    }
    const hits = await auditRows(server.ownerDb, { personId: person.id, action: 'person.search_hit' });
    expect(hits.length).toBeGreaterThanOrEqual(5);
    expect(hits[0]!.user_id).toBe(world.users.careStaff.userId);
    expect(hits[0]!.unit_id).toBe(world.units.homeCareNorth);
  });

  it('cannot find a person of another unit at all, by number or name', async () => {
    const person = await world.createPerson(['homeCareNorth'], { firstName: 'Ebba', lastName: 'Grannenhet' });
    const other = await world.signIn('otherCareStaff');
    for (const q of [person.identityNumber, 'Grannenhet']) {
      const response = await other.get(`/api/persons?q=${encodeURIComponent(q)}`);
      expect(response.status).toBe(200);
      expect(response.body.hits).toEqual([]);
    }
  });

  it('masks a protected identity in hits and never matches it by name', async () => {
    const person = await world.createPerson(['homeCareNorth'], {
      firstName: 'Hemlig',
      lastName: 'Skyddadsson',
      protectedIdentity: true,
    });
    const staff = await world.signIn('careStaff');
    const byName = await staff.get('/api/persons?q=Skyddadsson');
    expect(byName.body.hits).toEqual([]);
    const byNumber = await staff.get(`/api/persons?q=${person.identityNumber}`);
    expect(byNumber.body.hits).toHaveLength(1);
    expect(byNumber.body.hits[0]).toMatchObject({
      id: person.id,
      firstName: null,
      lastName: null,
      protectedIdentity: true,
    });
    expect(JSON.stringify(byNumber.body)).not.toContain('Skyddadsson');
  });

  it('answers bad search input with 400 and a message for the field', async () => {
    const staff = await world.signIn('careStaff');
    for (const q of ['a', '%%', '19121212-1213', '1234']) {
      const response = await staff.get(`/api/persons?q=${encodeURIComponent(q)}`);
      expect(response.status, q).toBe(400);
      expect(response.body.fieldErrors.q, q).toBeTruthy();
    }
  });

  it('answers 401 when signed out', async () => {
    const response = await new TestClient(server.baseUrl).get('/api/persons?q=an');
    expect(response.status).toBe(401);
  });
});

describe('reading a person', () => {
  it('shows the details and writes a person.read audit row in the same request', async () => {
    const person = await world.createPerson(['aoAuthority'], {
      firstName: 'Moira',
      lastName: 'Mustafsson',
      address: { street: 'Kammargatan 3', postalCode: '111 40', city: 'Stockholm', validFrom: '2019-06-01' },
    });
    const officer = await world.signIn('caseOfficer');
    const response = await officer.get(`/api/persons/${person.id}`);
    expect(response.status).toBe(200);
    expect(response.body).toMatchObject({
      id: person.id,
      firstName: 'Moira',
      lastName: 'Mustafsson',
      currentAddress: { street: 'Kammargatan 3', postalCode: '111 40' },
    });
    const reads = await auditRows(server.ownerDb, { personId: person.id, action: 'person.read' });
    expect(reads).toHaveLength(1);
    expect(reads[0]).toMatchObject({
      user_id: world.users.caseOfficer.userId,
      position_id: world.users.caseOfficer.positionId,
      request_id: response.headers.get('x-request-id'),
    });
    expect(reads[0]!.client_address).toBeTruthy();
  });

  it('answers 404 for another unit, another service area, another municipality and a missing id alike', async () => {
    const person = await world.createPerson(['homeCareNorth']);
    const otherWorld = await createTestWorld(server.ownerDb, server.baseUrl);
    const foreign = await otherWorld.createPerson(['homeCareNorth']);
    const other = await world.signIn('otherCareStaff');
    const ifo = await world.signIn('ifoCaseOfficer');
    const staff = await world.signIn('careStaff');
    expect((await other.get(`/api/persons/${person.id}`)).status).toBe(404);
    expect((await ifo.get(`/api/persons/${person.id}`)).status).toBe(404);
    expect((await staff.get(`/api/persons/${foreign.id}`)).status).toBe(404);
    expect((await staff.get('/api/persons/00000000-0000-4000-8000-000000000000')).status).toBe(404);
    expect((await staff.get('/api/persons/not-a-uuid')).status).toBe(400);
    expect(await auditRows(server.ownerDb, { personId: person.id, action: 'person.read' })).toHaveLength(0);
  });

  it('lets managers see the units below them and the authority its whole service area', async () => {
    const person = await world.createPerson(['homeCareSouth']);
    expect((await (await world.signIn('operationsManager')).get(`/api/persons/${person.id}`)).status).toBe(200);
    expect((await (await world.signIn('unitManager')).get(`/api/persons/${person.id}`)).status).toBe(404);
    const atAuthority = await world.createPerson(['aoAuthority']);
    expect((await (await world.signIn('authorityManager')).get(`/api/persons/${atAuthority.id}`)).status).toBe(200);
    expect((await (await world.signIn('administrator')).get(`/api/persons/${atAuthority.id}`)).status).toBe(404);
  });

  it('keeps a link that ended recently, and drops one that ended long ago', async () => {
    const recent = await world.createPerson(['homeCareNorth']);
    const old = await world.createPerson(['homeCareNorth']);
    await server.ownerDb
      .updateTable('person_unit_links')
      .set({ valid_to: new Date(Date.now() - 10 * 86_400_000).toISOString().slice(0, 10) })
      .where('person_id', '=', recent.id)
      .execute();
    await server.ownerDb
      .updateTable('person_unit_links')
      .set({ valid_to: '2020-06-30' })
      .where('person_id', '=', old.id)
      .execute();
    const staff = await world.signIn('careStaff');
    expect((await staff.get(`/api/persons/${recent.id}`)).status).toBe(200);
    expect((await staff.get(`/api/persons/${old.id}`)).status).toBe(404);
  });
});

describe('registering a person', () => {
  it('registers with a valid number, links to the unit and audits', async () => {
    const officer = await world.signIn('caseOfficer');
    const response = await officer.post('/api/persons', {
      identityNumber: '189001039800',
      firstName: 'Astrid',
      lastName: 'Ny',
      address: { street: 'Storgatan 1', postalCode: '12345', city: 'Exempelstad' },
    });
    expect(response.status).toBe(200);
    expect(response.body.alreadyRegistered).toBe(false);
    const detail = await officer.get(`/api/persons/${response.body.id}`);
    expect(detail.body).toMatchObject({
      identityNumber: '18900103-9800',
      identityKind: 'personnummer',
      birthDate: '1890-01-03',
      sex: 'female',
      currentAddress: { postalCode: '123 45' },
    });
    expect(await auditRows(server.ownerDb, { personId: response.body.id, action: 'person.create' })).toHaveLength(1);
  });

  it('links an already registered number instead of registering it twice', async () => {
    const existing = await world.createPerson(['ifoAuthority']);
    const officer = await world.signIn('caseOfficer');
    const response = await officer.post('/api/persons', {
      identityNumber: existing.identityNumber,
      firstName: 'X',
      lastName: 'Y',
    });
    expect(response.body).toEqual({ id: existing.id, alreadyRegistered: true });
    expect((await officer.get(`/api/persons/${existing.id}`)).body.lastName).not.toBe('Y');
    expect(await auditRows(server.ownerDb, { personId: existing.id, action: 'person.link' })).toHaveLength(1);
  });

  it('answers 400 with a message next to the number for a bad number', async () => {
    const officer = await world.signIn('caseOfficer');
    const wrongDigit = await officer.post('/api/persons', {
      identityNumber: '19121212-1213',
      firstName: 'A',
      lastName: 'B',
    });
    expect(wrongDigit.status).toBe(400);
    expect(wrongDigit.body.fieldErrors.identityNumber).toBe('Kontrollsiffran stämmer inte.');
    // Serial 000 is never issued; a space for the separator hides whether 100 years have passed.
    const serialZero = await officer.post('/api/persons', {
      identityNumber: '19121212-0008',
      firstName: 'A',
      lastName: 'B',
    });
    expect(serialZero.status).toBe(400);
    expect(serialZero.body.fieldErrors.identityNumber).toBe('Skatteverket delar aldrig ut födelsenumret 000.');
    const spaced = await officer.post('/api/persons', { identityNumber: '900101 9802', firstName: 'A', lastName: 'B' });
    expect(spaced.status).toBe(400);
    expect(spaced.body.fieldErrors.identityNumber).toMatch(/100 år eller äldre/);
    const search = await officer.get('/api/persons?q=900101%209802');
    expect(search.status).toBe(400);
    const missing = await officer.post('/api/persons', {
      identityNumber: '19121212-1212',
      firstName: '',
      lastName: 'B',
    });
    expect(missing.status).toBe(400);
    expect(missing.body.fieldErrors.firstName).toBeTruthy();
  });

  it('is not for care staff (403) and not without the CSRF token (403)', async () => {
    const staff = await world.signIn('careStaff');
    expect(
      (await staff.post('/api/persons', { identityNumber: '189001029819', firstName: 'A', lastName: 'B' })).status,
    ).toBe(403);
    const officer = await world.signIn('caseOfficer');
    officer.dropCsrfToken();
    expect(
      (await officer.post('/api/persons', { identityNumber: '189001029819', firstName: 'A', lastName: 'B' })).status,
    ).toBe(403);
  });
});

describe('editing a person', () => {
  it('saves each tab with optimistic concurrency: a stale version gets 409', async () => {
    const person = await world.createPerson(['aoAuthority', 'homeCareNorth']);
    const officer = await world.signIn('caseOfficer');
    const before = (await officer.get(`/api/persons/${person.id}`)).body;
    const core = await officer.put(`/api/persons/${person.id}/core`, {
      version: before.version,
      identityNumber: before.identityNumber,
      firstName: 'Karl-Erik',
      lastName: 'Åkesson',
      protectedIdentity: false,
      contactLanguage: 'finska',
      needsInterpreter: true,
      maritalStatus: 'widowed',
      citizenship: 'Finland',
      bornAbroad: true,
      deceasedDate: null,
    });
    expect(core.status).toBe(200);
    expect(core.body).toMatchObject({
      firstName: 'Karl-Erik',
      needsInterpreter: true,
      maritalStatus: 'widowed',
      version: before.version + 1,
    });
    const stale = await officer.put(`/api/persons/${person.id}/contact`, {
      version: before.version,
      phone: '08-123 45',
      mobilePhone: null,
      email: null,
    });
    expect(stale.status).toBe(409);
    const staff = await world.signIn('careStaff');
    const visit = await staff.put(`/api/persons/${person.id}/visit-info`, {
      version: core.body.version,
      doorCode: '1234',
      visitInfo: 'Hiss till plan 3.',
    });
    expect(visit.status).toBe(200);
    const important = await staff.put(`/api/persons/${person.id}/important-info`, {
      version: visit.body.version,
      importantInfo: 'Nyckel i skåpet.',
    });
    expect(important.body).toMatchObject({ doorCode: '1234', importantInfo: 'Nyckel i skåpet.' });
    const updates = await auditRows(server.ownerDb, { personId: person.id, action: 'person.update' });
    expect(updates.map((row) => (row.details as { section: string }).section)).toEqual(
      expect.arrayContaining(['core', 'visit_info', 'important_info']),
    );
  });

  it('lets care staff keep the provider tabs but not the personal details (403)', async () => {
    const person = await world.createPerson(['homeCareNorth']);
    const staff = await world.signIn('careStaff');
    const detail = (await staff.get(`/api/persons/${person.id}`)).body;
    expect(detail.permissions).toMatchObject({ canEditCore: false, canEditProviderTabs: true });
    const core = await staff.put(`/api/persons/${person.id}/core`, {
      version: detail.version,
      identityNumber: detail.identityNumber,
      firstName: 'A',
      lastName: 'B',
      protectedIdentity: false,
      contactLanguage: null,
      needsInterpreter: false,
      maritalStatus: null,
      citizenship: null,
      bornAbroad: null,
      deceasedDate: null,
    });
    expect(core.status).toBe(403);
  });

  it('refuses impossible values with 400, never 500', async () => {
    const person = await world.createPerson(['aoAuthority']);
    const officer = await world.signIn('caseOfficer');
    const detail = (await officer.get(`/api/persons/${person.id}`)).body;
    const base = {
      version: detail.version,
      identityNumber: detail.identityNumber,
      firstName: 'A',
      lastName: 'B',
      protectedIdentity: false,
      contactLanguage: null,
      needsInterpreter: false,
      maritalStatus: null,
      citizenship: null,
      bornAbroad: null,
    };
    expect((await officer.put(`/api/persons/${person.id}/core`, { ...base, deceasedDate: '1800-01-01' })).status).toBe(
      400,
    );
    expect((await officer.put(`/api/persons/${person.id}/core`, { ...base, deceasedDate: '2024-02-30' })).status).toBe(
      400,
    );
    expect(
      (await officer.put(`/api/persons/${person.id}/core`, { ...base, deceasedDate: null, maritalStatus: 'pirate' }))
        .status,
    ).toBe(400);
    expect(
      (await officer.put(`/api/persons/${person.id}/contact`, { version: detail.version, email: 'not-an-email' }))
        .status,
    ).toBe(400);
    expect(
      (
        await officer.request('PUT', `/api/persons/${person.id}/contact`, undefined, {
          'content-type': 'application/json',
        })
      ).status,
    ).toBe(400);
  });

  it('keeps the address history and shows the newest current one', async () => {
    const person = await world.createPerson(['aoAuthority']);
    const officer = await world.signIn('caseOfficer');
    await officer.post(`/api/persons/${person.id}/addresses`, {
      street: 'Gamla vägen 1',
      postalCode: '111 11',
      city: 'Exempelstad',
      validFrom: '2010-01-01',
    });
    const list = await officer.post(`/api/persons/${person.id}/addresses`, {
      street: 'Nya vägen 2',
      postalCode: '222 22',
      city: 'Exempelstad',
      validFrom: '2020-01-01',
    });
    expect(list.body.map((address: { street: string }) => address.street)).toEqual(['Nya vägen 2', 'Gamla vägen 1']);
    expect((await officer.get(`/api/persons/${person.id}`)).body.currentAddress.street).toBe('Nya vägen 2');
    const duplicate = await officer.post(`/api/persons/${person.id}/addresses`, {
      street: 'X',
      postalCode: '222 22',
      city: 'Y',
      validFrom: '2020-01-01',
    });
    expect(duplicate.status).toBe(400);
  });
});

describe('relatives, reference persons and keys', () => {
  it('adds, changes and removes rows with versions, and others cannot touch them', async () => {
    const person = await world.createPerson(['homeCareNorth']);
    const staff = await world.signIn('careStaff');
    const added = await staff.post(`/api/persons/${person.id}/relatives`, {
      name: 'Britt Åberg',
      relation: 'Dotter',
      phone: '070-123 45 67',
      isNextOfKin: true,
    });
    expect(added.status).toBe(200);
    const relative = added.body[0];
    expect(relative).toMatchObject({ name: 'Britt Åberg', isNextOfKin: true, version: 1 });
    const changed = await staff.put(`/api/persons/${person.id}/relatives/${relative.id}`, {
      version: 1,
      name: 'Britt Åberg',
      relation: 'Dotter',
      phone: '070-999',
      isNextOfKin: true,
    });
    expect(changed.body[0]).toMatchObject({ phone: '070-999', version: 2 });
    expect(
      (await staff.put(`/api/persons/${person.id}/relatives/${relative.id}`, { version: 1, name: 'X', relation: 'Y' }))
        .status,
    ).toBe(409);
    const other = await world.signIn('otherCareStaff');
    expect((await other.get(`/api/persons/${person.id}/relatives`)).status).toBe(404);
    expect((await other.delete(`/api/persons/${person.id}/relatives/${relative.id}?version=2`)).status).toBe(404);
    expect((await staff.delete(`/api/persons/${person.id}/relatives/${relative.id}?version=2`)).body).toEqual([]);

    const reference = await staff.post(`/api/persons/${person.id}/reference-persons`, {
      role: 'Omvårdnadsansvarig sjuksköterska',
      name: 'Ingrid Björk',
      organisation: 'Hemsjukvården',
    });
    expect(reference.body[0]).toMatchObject({ role: 'Omvårdnadsansvarig sjuksköterska' });
    const key = await staff.post(`/api/persons/${person.id}/keys`, {
      keyNumber: 'N-114',
      description: 'Port och lägenhet',
    });
    expect(key.body[0]).toMatchObject({ keyNumber: 'N-114' });
    expect((await staff.post(`/api/persons/${person.id}/keys`, { keyNumber: '' })).status).toBe(400);
  });
});

describe('protected identity', () => {
  it('is masked in the person view, revealed only with a reason to those with a need, and each showing is audited', async () => {
    const person = await world.createPerson(['aoAuthority', 'homeCareNorth'], {
      firstName: 'Skyddad',
      lastName: 'Person',
      protectedIdentity: true,
      address: { street: 'Hemliga gatan 1', postalCode: '111 11', city: 'X', validFrom: '2020-01-01' },
    });
    const staff = await world.signIn('careStaff');
    const masked = await staff.get(`/api/persons/${person.id}`);
    expect(masked.body).toMatchObject({
      firstName: null,
      lastName: null,
      currentAddress: null,
      protectedIdentity: true,
    });
    expect(JSON.stringify(masked.body)).not.toContain('Hemliga');
    expect((await staff.post(`/api/persons/${person.id}/reveal`, { reason: 'Besök' })).status).toBe(403);
    expect((await staff.get(`/api/persons/${person.id}/addresses`)).status).toBe(403);
    const officer = await world.signIn('caseOfficer');
    expect((await officer.post(`/api/persons/${person.id}/reveal`, { reason: '' })).status).toBe(400);
    const revealed = await officer.post(`/api/persons/${person.id}/reveal`, { reason: 'Utredning av ansökan' });
    expect(revealed.body).toMatchObject({
      firstName: 'Skyddad',
      lastName: 'Person',
      currentAddress: { street: 'Hemliga gatan 1' },
    });
    const audit = await auditRows(server.ownerDb, { personId: person.id, action: 'person.reveal_protected' });
    expect(audit).toHaveLength(1);
    expect(audit[0]!.details).toEqual({ reason: 'Utredning av ansökan' });
  });
});

describe('the access log', () => {
  it('shows managers who read the person; others get 403', async () => {
    const person = await world.createPerson(['homeCareNorth']);
    const staff = await world.signIn('careStaff');
    await staff.get(`/api/persons/${person.id}`);
    expect((await staff.get(`/api/persons/${person.id}/access-log`)).status).toBe(403);
    const manager = await world.signIn('unitManager');
    const log = await manager.get(`/api/persons/${person.id}/access-log`);
    expect(log.status).toBe(200);
    expect(
      log.body.entries.some(
        (entry: { userName: string; action: string }) =>
          entry.action === 'person.read' && entry.userName.includes('careStaff'),
      ),
    ).toBe(true);
  });
});
