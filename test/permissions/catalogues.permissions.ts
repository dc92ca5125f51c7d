/**
 * Permission-matrix rows for every catalogue route (test/permission-matrix.test.ts runs them).
 * Written out by hand, not derived from catalogues.policy.ts, so a policy change that widens
 * access shows up here as a failing row. Every row works on entries of its own making (a fresh
 * code or name), so the world's test catalogue stays as the other tests expect it.
 */
import { randomBytes } from 'node:crypto';
import type { Db } from '../../src/server/platform/db/database.ts';
import { USER_KEYS, type UserKey } from '../factories.ts';
import type { MatrixTarget, PermissionRow } from '../permission-matrix.types.ts';

const ADMINISTRATORS: UserKey[] = ['administrator'];
const unique = () => randomBytes(4).toString('hex');

/** A legal basis of the target's municipality that no other row touches, saved back unchanged. */
async function freshLegalBasis(target: MatrixTarget, ownerDb: Db) {
  return ownerDb
    .insertInto('legal_bases')
    .values({
      municipality_id: target.world.municipalityId,
      code: `Matris ${unique()}`,
      description: null,
      valid_from: '2020-01-01',
      valid_to: null,
      service_areas: ['AO'],
    })
    .returning(['id', 'code', 'description', 'valid_from', 'valid_to', 'service_areas', 'version'])
    .executeTakeFirstOrThrow();
}

async function freshInterventionType(target: MatrixTarget, ownerDb: Db) {
  return ownerDb
    .insertInto('intervention_types')
    .values({
      municipality_id: target.world.municipalityId,
      service_area: 'AO',
      name: `Matrisinsats ${unique()}`,
      key_code: null,
      default_legal_basis_id: null,
      scope_unit: 'hours_per_month',
      national_statistics_code: null,
    })
    .returningAll()
    .executeTakeFirstOrThrow();
}

export const permissionRows: PermissionRow[] = [
  {
    // Any positioned user: every decision form needs them, and they hold no personal data.
    route: 'GET /api/catalogues/legal-bases',
    target: 'none',
    allowed: USER_KEYS,
    request: () => ({ method: 'GET', path: '/api/catalogues/legal-bases?validOn=2026-01-01&serviceArea=LSS' }),
  },
  {
    route: 'POST /api/catalogues/legal-bases',
    target: 'none',
    allowed: ADMINISTRATORS,
    request: () => ({
      method: 'POST',
      path: '/api/catalogues/legal-bases',
      body: { code: `Matris ${unique()}`, validFrom: '2020-01-01', serviceAreas: ['IFO'] },
    }),
  },
  {
    route: 'PUT /api/catalogues/legal-bases/:legalBasisId',
    target: 'none',
    allowed: ADMINISTRATORS,
    async request(target, ownerDb) {
      const row = await freshLegalBasis(target, ownerDb);
      return {
        method: 'PUT',
        path: `/api/catalogues/legal-bases/${row.id}`,
        body: {
          version: row.version,
          code: row.code,
          description: row.description,
          validFrom: row.valid_from,
          validTo: row.valid_to,
          serviceAreas: row.service_areas,
        },
      };
    },
  },
  {
    route: 'GET /api/catalogues/intervention-types',
    target: 'none',
    allowed: USER_KEYS,
    request: () => ({ method: 'GET', path: '/api/catalogues/intervention-types?serviceArea=AO&includeInactive=true' }),
  },
  {
    route: 'POST /api/catalogues/intervention-types',
    target: 'none',
    allowed: ADMINISTRATORS,
    request: () => ({
      method: 'POST',
      path: '/api/catalogues/intervention-types',
      body: { serviceArea: 'IFO', name: `Matrisinsats ${unique()}`, scopeUnit: 'none' },
    }),
  },
  {
    route: 'PUT /api/catalogues/intervention-types/:interventionTypeId',
    target: 'none',
    allowed: ADMINISTRATORS,
    async request(target, ownerDb) {
      const row = await freshInterventionType(target, ownerDb);
      return {
        method: 'PUT',
        path: `/api/catalogues/intervention-types/${row.id}`,
        body: {
          version: row.version,
          serviceArea: row.service_area,
          name: row.name,
          keyCode: row.key_code,
          defaultLegalBasisId: row.default_legal_basis_id,
          scopeUnit: row.scope_unit,
          isCarePlanExempt: row.is_care_plan_exempt,
          isPersonalAlarm: row.is_personal_alarm,
          isShortTermStay: row.is_short_term_stay,
          nationalStatisticsCode: row.national_statistics_code,
          isActive: row.is_active,
        },
      };
    },
  },
];
