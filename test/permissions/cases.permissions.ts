/**
 * Permission-matrix rows for every cases route (test/permission-matrix.test.ts runs them).
 * Written out by hand, not derived from case.policy.ts, so a policy change that widens access
 * shows up here as a failing row.
 *
 * Each row makes the case (or decision) it needs for the target person, in the requesting user's
 * service area, straight into the database. Those fixture cases do not link the person to the
 * authority unit: a link would bring a person meant to stay outside a user's scope into it.
 */
import { sql } from 'kysely';
import type { Db } from '../../src/server/platform/db/database.ts';
import type { ServiceAreaCode } from '../../src/domain/organisation.ts';
import { todayInSweden } from '../../src/domain/dates.ts';
import { createCase, createDecision } from '../../seeds/lib/cases.ts';
import { TEST_USERS, type UserKey } from '../factories.ts';
import type { MatrixTarget, PermissionRow } from '../permission-matrix.types.ts';

const AUTHORITY: UserKey[] = ['caseOfficer', 'authorityManager', 'ifoCaseOfficer'];
const IFO_UNITS = new Set(['ifoArea', 'ifoAuthority', 'ifoProvider', 'familyTeam']);

/** The requesting user's service area (signed out: ÄO). */
function areaOf(target: MatrixTarget): ServiceAreaCode {
  return target.actor && IFO_UNITS.has(TEST_USERS[target.actor].unit) ? 'IFO' : 'AO';
}

function staffOf(target: MatrixTarget) {
  const isIfo = areaOf(target) === 'IFO';
  return {
    serviceArea: areaOf(target),
    authorityUnitId: target.world.units[isIfo ? 'ifoAuthority' : 'aoAuthority'],
    caseOfficerId: target.world.users[isIfo ? 'ifoCaseOfficer' : 'caseOfficer'].userId,
    interventionTypeId: target.world.catalogue.interventionTypes.get(
      isIfo ? 'IFO:Familjestöd' : 'AO:Personlig omvårdnad',
    )!,
    scopeUnit: isIfo ? ('hours_per_week' as const) : ('hours_per_month' as const),
    legalBasisId: target.world.catalogue.legalBases.get('SoL 11 kap. 1 §')!,
  };
}

async function findOpenCase(ownerDb: Db, target: MatrixTarget) {
  return ownerDb
    .selectFrom('cases')
    .select(['id', 'version'])
    .where('municipality_id', '=', target.world.municipalityId)
    .where('person_id', '=', target.id)
    .where('service_area', '=', areaOf(target))
    .where('closed_on', 'is', null)
    .executeTakeFirst();
}

/** The target person's open case in the user's service area, made if there is none. */
async function ensureCase(ownerDb: Db, target: MatrixTarget): Promise<{ id: string; version: number }> {
  const existing = await findOpenCase(ownerDb, target);
  if (existing) return existing;
  const staff = staffOf(target);
  const created = await createCase(ownerDb, {
    municipalityId: target.world.municipalityId,
    personId: target.id,
    serviceArea: staff.serviceArea,
    authorityUnitId: staff.authorityUnitId,
    caseOfficerId: staff.caseOfficerId,
    openedOn: '2026-01-01',
    linkPerson: false,
  });
  return { id: created.id, version: 1 };
}

/** Closes the open case as the owner, so the row can open (or get) a new one. */
async function closeOpenCase(ownerDb: Db, target: MatrixTarget): Promise<void> {
  const existing = await findOpenCase(ownerDb, target);
  if (existing)
    await ownerDb
      .updateTable('cases')
      .set({ closed_on: sql<string>`opened_on`, end_reason: 'Behörighetsmatris' })
      .where('id', '=', existing.id)
      .execute();
}

async function freshDecision(ownerDb: Db, target: MatrixTarget): Promise<string> {
  const staff = staffOf(target);
  const { id } = await createDecision(ownerDb, {
    municipalityId: target.world.municipalityId,
    caseId: (await ensureCase(ownerDb, target)).id,
    decidedById: staff.caseOfficerId,
    legalBasisId: staff.legalBasisId,
    decisionDate: '2026-01-01',
    periodFrom: '2026-01-01',
    periodTo: null,
    interventions: [{ interventionTypeId: staff.interventionTypeId, grantedAmount: 10, scopeUnit: staff.scopeUnit }],
  });
  return id;
}

export const permissionRows: PermissionRow[] = [
  {
    route: 'GET /api/persons/:personId/cases',
    target: 'person',
    allowed: AUTHORITY,
    request: (target) => ({ method: 'GET', path: `/api/persons/${target.id}/cases` }),
  },
  {
    route: 'POST /api/persons/:personId/cases',
    target: 'person',
    allowed: AUTHORITY,
    request: async (target, ownerDb) => {
      await closeOpenCase(ownerDb, target);
      return {
        method: 'POST',
        path: `/api/persons/${target.id}/cases`,
        body: { caseOfficerId: staffOf(target).caseOfficerId },
      };
    },
  },
  {
    route: 'GET /api/cases/mine',
    target: 'none',
    allowed: AUTHORITY,
    request: () => ({ method: 'GET', path: '/api/cases/mine' }),
  },
  {
    route: 'GET /api/cases/staffing',
    target: 'none',
    allowed: AUTHORITY,
    request: () => ({ method: 'GET', path: '/api/cases/staffing' }),
  },
  {
    route: 'GET /api/cases/:caseId',
    target: 'person',
    allowed: AUTHORITY,
    request: async (target, ownerDb) => ({
      method: 'GET',
      path: `/api/cases/${(await ensureCase(ownerDb, target)).id}`,
    }),
  },
  {
    route: 'PUT /api/cases/:caseId/case-officer',
    target: 'person',
    allowed: AUTHORITY,
    request: async (target, ownerDb) => {
      const { id, version } = await ensureCase(ownerDb, target);
      return {
        method: 'PUT',
        path: `/api/cases/${id}/case-officer`,
        body: { caseOfficerId: staffOf(target).caseOfficerId, version },
      };
    },
  },
  {
    route: 'POST /api/cases/:caseId/decisions',
    target: 'person',
    allowed: AUTHORITY,
    request: async (target, ownerDb) => {
      const staff = staffOf(target);
      return {
        method: 'POST',
        path: `/api/cases/${(await ensureCase(ownerDb, target)).id}/decisions`,
        body: {
          outcome: 'granted',
          legalBasisId: staff.legalBasisId,
          decisionDate: '2026-01-15',
          periodFrom: '2026-02-01',
          periodTo: null,
          interventions: [{ interventionTypeId: staff.interventionTypeId, grantedAmount: 12 }],
        },
      };
    },
  },
  {
    route: 'GET /api/decisions/:decisionId/end-preview',
    target: 'person',
    allowed: AUTHORITY,
    request: async (target, ownerDb) => ({
      method: 'GET',
      path: `/api/decisions/${await freshDecision(ownerDb, target)}/end-preview?endedOn=2026-06-30`,
    }),
  },
  {
    route: 'POST /api/decisions/:decisionId/end',
    target: 'person',
    allowed: AUTHORITY,
    request: async (target, ownerDb) => ({
      method: 'POST',
      path: `/api/decisions/${await freshDecision(ownerDb, target)}/end`,
      body: { endedOn: '2026-06-30', endReason: 'Behovet upphört', version: 1 },
    }),
  },
  {
    route: 'POST /api/cases/:caseId/close',
    target: 'person',
    allowed: AUTHORITY,
    request: async (target, ownerDb) => {
      await closeOpenCase(ownerDb, target);
      const { id, version } = await ensureCase(ownerDb, target);
      return {
        method: 'POST',
        path: `/api/cases/${id}/close`,
        body: { closedOn: todayInSweden(), endReason: 'Behovet upphört', version },
      };
    },
  },
];
