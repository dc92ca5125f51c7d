/**
 * Permission-matrix rows for the IVO report (test/permission-matrix.test.ts runs them). Written out
 * by hand, not derived from ivo-report.policy.ts, so a change that widens access fails here.
 */
import type { Db } from '../../src/server/platform/db/database.ts';
import type { UserKey } from '../factories.ts';
import { USER_KEYS } from '../factories.ts';
import { createFixtureDecision } from '../fixtures/assignment-fixtures.ts';
import type { MatrixTarget, PermissionRow } from '../permission-matrix.types.ts';

/** The authority: case officers for their own cases, the authority manager for the units' cases. */
const AUTHORITY: UserKey[] = ['caseOfficer', 'ifoCaseOfficer', 'authorityManager'];
/** A quarter long past, whatever day the matrix runs. */
const QUARTER = '2025-Q4';

/** A granted ÄO personal care decision of the world's case officer, for the details routes. */
async function lateIntervention(target: MatrixTarget, ownerDb: Db): Promise<string> {
  const person = await target.world.createPerson(['aoAuthority']);
  const decision = await createFixtureDecision(ownerDb, target.world, person.id);
  return decision.interventions[0]!.id;
}

const details = {
  delayReason: 'Ingen ledig plats.',
  consequences: 'Anhöriga hjälper till.',
  interimSupport: null,
  offers: [],
  version: null,
};

export const permissionRows: PermissionRow[] = [
  {
    // Another officer's case is out of their scope: 404, as for anyone else.
    route: 'GET /api/ivo/details/:kind/:subjectId',
    target: 'none',
    allowed: ['caseOfficer', 'authorityManager'],
    deniedStatus: 404,
    request: async (target, ownerDb) => ({
      method: 'GET',
      path: `/api/ivo/details/decision/${await lateIntervention(target, ownerDb)}`,
    }),
  },
  {
    route: 'PUT /api/ivo/details/:kind/:subjectId',
    target: 'none',
    allowed: ['caseOfficer', 'authorityManager'],
    deniedStatus: 404,
    request: async (target, ownerDb) => ({
      method: 'PUT',
      path: `/api/ivo/details/decision/${await lateIntervention(target, ownerDb)}`,
      body: details,
    }),
  },
  {
    // Another officer's case lists nothing (200, empty); the provider side and the administrator 404.
    route: 'GET /api/ivo/cases/:caseId/items',
    target: 'none',
    // An ÄO case: another area's officer may not open it, so it is missing to them.
    allowed: ['caseOfficer', 'authorityManager'],
    deniedStatus: 404,
    request: async (target, ownerDb) => {
      const person = await target.world.createPerson(['aoAuthority']);
      const decision = await createFixtureDecision(ownerDb, target.world, person.id);
      return { method: 'GET', path: `/api/ivo/cases/${decision.caseId}/items` };
    },
  },
  {
    route: 'GET /api/ivo/reports/:quarter',
    target: 'none',
    allowed: AUTHORITY,
    deniedStatus: 404,
    request: () => ({ method: 'GET', path: `/api/ivo/reports/${QUARTER}` }),
  },
  {
    route: 'GET /api/ivo/reports/:quarter/report.pdf',
    target: 'none',
    allowed: AUTHORITY,
    deniedStatus: 404,
    request: () => ({ method: 'GET', path: `/api/ivo/reports/${QUARTER}/report.pdf` }),
  },
  {
    route: 'GET /api/ivo/reports/:quarter/report.csv',
    target: 'none',
    allowed: AUTHORITY,
    deniedStatus: 404,
    request: () => ({ method: 'GET', path: `/api/ivo/reports/${QUARTER}/report.csv` }),
  },
  {
    // Case officers read the report but do not mark it: 403; everyone else 404.
    route: 'POST /api/ivo/reports/:quarter/mark',
    target: 'none',
    allowed: ['authorityManager'],
    readableBy: ['caseOfficer', 'ifoCaseOfficer'],
    request: () => ({ method: 'POST', path: `/api/ivo/reports/${QUARTER}/mark`, body: { rows: [] } }),
  },
  {
    route: 'GET /api/ivo/settings',
    target: 'none',
    allowed: USER_KEYS,
    request: () => ({ method: 'GET', path: '/api/ivo/settings' }),
  },
  {
    route: 'PUT /api/ivo/settings',
    target: 'none',
    allowed: ['administrator'],
    deniedStatus: 403,
    request: () => ({ method: 'PUT', path: '/api/ivo/settings', body: { boardName: 'Socialnämnden' } }),
  },
];
