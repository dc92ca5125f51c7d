/**
 * A decision rests only on a legal basis of its case's service area (decision-rules.ts,
 * isLegalBasisForServiceArea): an ÄO case refuses an LSS paragraph with a message on the field, and
 * a legal basis given to IFO alone serves IFO cases and no others. Through HTTP.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { TestServer } from '../../../../test/harness.ts';
import { startModuleTest } from '../../../../test/module-setup.ts';
import type { TestWorld } from '../../../../test/factories.ts';
import type { TestClient } from '../../../../test/http-client.ts';
import type { LegalBasis } from '../../../contract/catalogues.ts';

let server: TestServer;
let world: TestWorld;

beforeAll(async () => {
  ({ server, world } = await startModuleTest());
});
afterAll(async () => server?.close());

const type = (key: string) => world.catalogue.interventionTypes.get(key)!;

function decisionBody(legalBasisId: string, interventionTypeId: string) {
  return {
    outcome: 'granted',
    legalBasisId,
    decisionDate: '2026-02-02',
    periodFrom: '2026-02-02',
    periodTo: null,
    justification: null,
    interventions: [{ interventionTypeId, grantedAmount: 3, note: null }],
  };
}

async function openCase(
  units: Parameters<TestWorld['createPerson']>[0],
  officerKey: 'caseOfficer' | 'ifoCaseOfficer',
): Promise<{ officer: TestClient; caseId: string }> {
  const person = await world.createPerson(units);
  const officer = await world.signIn(officerKey);
  const opened = await officer.post(`/api/persons/${person.id}/cases`, {});
  expect(opened.status, JSON.stringify(opened.body)).toBe(200);
  return { officer, caseId: opened.body.id as string };
}

async function decisionCount(caseId: string): Promise<number> {
  return (await server.ownerDb.selectFrom('decisions').select('id').where('case_id', '=', caseId).execute()).length;
}

describe('the legal basis of a decision', () => {
  it('refuses an LSS paragraph in an ÄO case with 400 and the message on the field, and records nothing', async () => {
    const { officer, caseId } = await openCase(['aoAuthority'], 'caseOfficer');
    const response = await officer.post(
      `/api/cases/${caseId}/decisions`,
      decisionBody(world.catalogue.legalBases.get('LSS 9 § 3')!, type('AO:Personlig omvårdnad')),
    );
    expect(response.status).toBe(400);
    expect(response.body.fieldErrors).toEqual({
      legalBasisId: 'Lagrummet hör inte till ärendets verksamhetsområde (ÄO).',
    });
    expect(await decisionCount(caseId)).toBe(0);
    const sol = await officer.post(
      `/api/cases/${caseId}/decisions`,
      decisionBody(world.catalogue.legalBases.get('SoL 11 kap. 1 §')!, type('AO:Personlig omvårdnad')),
    );
    expect(sol.status, JSON.stringify(sol.body)).toBe(200);
  });

  it('lets a legal basis the administrator gives to IFO alone serve IFO cases and refuses it in ÄO', async () => {
    const admin = await world.signIn('administrator');
    const created = await admin.post<LegalBasis>('/api/catalogues/legal-bases', {
      code: `LVU 1 § (${Date.now()})`,
      validFrom: '2020-01-01',
      serviceAreas: ['IFO'],
    });
    expect(created.status, JSON.stringify(created.body)).toBe(200);

    const ifo = await openCase(['ifoAuthority'], 'ifoCaseOfficer');
    const offered = await ifo.officer.get<{ legalBases: LegalBasis[] }>(
      '/api/catalogues/legal-bases?serviceArea=IFO&validOn=2026-02-02',
    );
    expect(offered.body.legalBases.map((basis) => basis.code)).toEqual(
      expect.arrayContaining([created.body.code, 'SoL 11 kap. 1 §']),
    );
    expect(offered.body.legalBases.map((basis) => basis.code)).not.toContain('LSS 9 § 3');
    const granted = await ifo.officer.post(
      `/api/cases/${ifo.caseId}/decisions`,
      decisionBody(created.body.id, type('IFO:Familjestöd')),
    );
    expect(granted.status, JSON.stringify(granted.body)).toBe(200);

    const ao = await openCase(['aoAuthority'], 'caseOfficer');
    const refused = await ao.officer.post(
      `/api/cases/${ao.caseId}/decisions`,
      decisionBody(created.body.id, type('AO:Personlig omvårdnad')),
    );
    expect(refused.status).toBe(400);
    expect(refused.body.fieldErrors.legalBasisId).toBe('Lagrummet hör inte till ärendets verksamhetsområde (ÄO).');
    expect(await decisionCount(ao.caseId)).toBe(0);
  });
});
