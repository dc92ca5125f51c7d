/**
 * Permission-matrix rows for every assignments route (test/permission-matrix.test.ts runs them).
 * Written out by hand, not derived from assignment.policy.ts, so a policy change that widens
 * access shows up here as a failing row.
 *
 * Each row builds, for the target person, a case and decision in the requesting user's service
 * area (ÄO, or IFO for the IFO case officer) and the assignment it needs, straight into the
 * database, without linking the person anywhere: a link would bring a person meant to stay outside
 * a user's scope into it. A draft goes to Hemtjänst egen regi when the target person is one the
 * provider user sees, otherwise to a provider no test user works at, so "outside" stays outside for
 * the provider side too. Sent assignments are read on a need to know, new and distributed alike:
 * test/permission-matrix.assignments.ts places them.
 */
import { sql } from 'kysely';
import type { Db } from '../../src/server/platform/db/database.ts';
import type { ServiceAreaCode } from '../../src/domain/organisation.ts';
import { TEST_USERS, type UserKey } from '../factories.ts';
import type { MatrixTarget, PermissionRow } from '../permission-matrix.types.ts';
import { AUTHORITY, DISTRIBUTORS, PROVIDER_SIDE, matrixAssignment } from '../permission-matrix.assignments.ts';
import {
  createFixtureAssignment,
  createFixtureDecision,
  draftBody,
  ensureProvider,
  type FixtureDecision,
} from '../fixtures/assignment-fixtures.ts';

/** "Nya uppdrag": provider managers, coordinators and alarm managers. */
const NEW_ASSIGNMENT_READERS: UserKey[] = [
  'operationsManager',
  'unitManager',
  'otherUnitManager',
  'coordinator',
  'alarmManager',
];
const IFO_UNITS = new Set(['ifoArea', 'ifoAuthority', 'ifoProvider', 'familyTeam']);

function areaOf(target: MatrixTarget): ServiceAreaCode {
  return target.actor && IFO_UNITS.has(TEST_USERS[target.actor].unit) ? 'IFO' : 'AO';
}

async function decisionFor(ownerDb: Db, target: MatrixTarget): Promise<FixtureDecision> {
  return createFixtureDecision(ownerDb, target.world, target.id, { serviceArea: areaOf(target), linkPerson: false });
}

/** Whether the requesting provider user sees the target person: linked to their unit or one below it. */
async function isSeenByProviderUser(ownerDb: Db, target: MatrixTarget): Promise<boolean> {
  if (!target.actor || !PROVIDER_SIDE.includes(target.actor)) return true;
  const { rows } = await sql<{ seen: boolean }>`
    with recursive below as (
      select id from units where id = ${target.world.units[TEST_USERS[target.actor].unit]}
      union all select u.id from units u join below on u.parent_id = below.id
    )
    select exists (select 1 from person_unit_links where person_id = ${target.id} and unit_id in (select id from below)) as seen`.execute(
    ownerDb,
  );
  return rows[0]?.seen ?? false;
}

/** The provider a row sends to: the world's own, or (for a person the provider user must not see) one no test user works at. */
async function providerFor(ownerDb: Db, target: MatrixTarget, hasSystemAccess = true): Promise<string> {
  const area = areaOf(target);
  if (!hasSystemAccess)
    return ensureProvider(ownerDb, target.world, {
      name: `Matris utan åtkomst ${area}`,
      serviceArea: area,
      hasSystemAccess: false,
    });
  if (!(await isSeenByProviderUser(ownerDb, target)))
    return ensureProvider(ownerDb, target.world, {
      name: 'Matris annan utförare',
      serviceArea: 'AO',
      hasSystemAccess: true,
    });
  return target.world.units[area === 'IFO' ? 'ifoProvider' : 'homeCare'];
}

async function assignmentFor(
  ownerDb: Db,
  target: MatrixTarget,
  options: { isSent: boolean; hasSystemAccess?: boolean },
): Promise<string> {
  const decision = await decisionFor(ownerDb, target);
  const created = await createFixtureAssignment(
    ownerDb,
    target.world,
    decision,
    await providerFor(ownerDb, target, options.hasSystemAccess),
    { isSent: options.isSent, linkPerson: false },
  );
  return created.id;
}

export const permissionRows: PermissionRow[] = [
  {
    route: 'GET /api/decisions/:decisionId/assignment-options',
    target: 'person',
    allowed: AUTHORITY,
    deniedStatus: 404,
    request: async (target, ownerDb) => ({
      method: 'GET',
      path: `/api/decisions/${(await decisionFor(ownerDb, target)).decisionId}/assignment-options`,
    }),
  },
  {
    route: 'POST /api/decisions/:decisionId/assignments',
    target: 'person',
    allowed: AUTHORITY,
    deniedStatus: 404,
    request: async (target, ownerDb) => {
      const decision = await decisionFor(ownerDb, target);
      return {
        method: 'POST',
        path: `/api/decisions/${decision.decisionId}/assignments`,
        body: draftBody(decision, await providerFor(ownerDb, target)),
      };
    },
  },
  {
    route: 'GET /api/cases/:caseId/assignments',
    target: 'person',
    allowed: AUTHORITY,
    deniedStatus: 404,
    request: async (target, ownerDb) => ({
      method: 'GET',
      path: `/api/cases/${(await decisionFor(ownerDb, target)).caseId}/assignments`,
    }),
  },
  {
    route: 'GET /api/assignments/new',
    target: 'none',
    allowed: NEW_ASSIGNMENT_READERS,
    request: () => ({ method: 'GET', path: '/api/assignments/new' }),
  },
  {
    route: 'GET /api/assignments/new/count',
    target: 'none',
    allowed: NEW_ASSIGNMENT_READERS,
    request: () => ({ method: 'GET', path: '/api/assignments/new/count' }),
  },
  // Need to know (assignments/README.md): before distribution the authority and those who may answer it; after, everyone at the provider who sees the person.
  {
    route: 'GET /api/assignments/:assignmentId',
    variant: 'new',
    target: 'person',
    allowed: [...AUTHORITY, ...DISTRIBUTORS],
    deniedStatus: 404,
    request: async (target, ownerDb) => ({
      method: 'GET',
      path: `/api/assignments/${(await matrixAssignment(ownerDb, target, 'new')).assignmentId}`,
    }),
  },
  {
    route: 'GET /api/assignments/:assignmentId',
    variant: 'distributed',
    target: 'person',
    allowed: [...AUTHORITY, ...PROVIDER_SIDE],
    deniedStatus: 404,
    request: async (target, ownerDb) => ({
      method: 'GET',
      path: `/api/assignments/${(await matrixAssignment(ownerDb, target, 'distributed')).assignmentId}`,
    }),
  },
  {
    route: 'GET /api/assignments/:assignmentId/document.pdf',
    variant: 'new',
    target: 'person',
    allowed: [...AUTHORITY, ...DISTRIBUTORS],
    deniedStatus: 404,
    request: async (target, ownerDb) => ({
      method: 'GET',
      path: `/api/assignments/${(await matrixAssignment(ownerDb, target, 'new')).assignmentId}/document.pdf`,
    }),
  },
  {
    route: 'GET /api/assignments/:assignmentId/document.pdf',
    variant: 'distributed',
    target: 'person',
    allowed: [...AUTHORITY, ...PROVIDER_SIDE],
    deniedStatus: 404,
    request: async (target, ownerDb) => ({
      method: 'GET',
      path: `/api/assignments/${(await matrixAssignment(ownerDb, target, 'distributed')).assignmentId}/document.pdf`,
    }),
  },
  {
    route: 'PUT /api/assignments/:assignmentId',
    target: 'person',
    allowed: AUTHORITY,
    deniedStatus: 404,
    request: async (target, ownerDb) => {
      const decision = await decisionFor(ownerDb, target);
      const provider = await providerFor(ownerDb, target);
      const created = await createFixtureAssignment(ownerDb, target.world, decision, provider, { isSent: false });
      return {
        method: 'PUT',
        path: `/api/assignments/${created.id}`,
        body: { ...draftBody(decision, provider), version: 1 },
      };
    },
  },
  {
    route: 'DELETE /api/assignments/:assignmentId',
    target: 'person',
    allowed: AUTHORITY,
    deniedStatus: 404,
    request: async (target, ownerDb) => ({
      method: 'DELETE',
      path: `/api/assignments/${await assignmentFor(ownerDb, target, { isSent: false })}?version=1`,
    }),
  },
  {
    route: 'POST /api/assignments/:assignmentId/send',
    target: 'person',
    allowed: AUTHORITY,
    deniedStatus: 404,
    request: async (target, ownerDb) => ({
      method: 'POST',
      path: `/api/assignments/${await assignmentFor(ownerDb, target, { isSent: false })}/send`,
      body: { version: 1 },
    }),
  },
  {
    route: 'POST /api/assignments/:assignmentId/record-sent-outside',
    target: 'person',
    allowed: AUTHORITY,
    deniedStatus: 404,
    request: async (target, ownerDb) => ({
      method: 'POST',
      path: `/api/assignments/${await assignmentFor(ownerDb, target, { isSent: false, hasSystemAccess: false })}/record-sent-outside`,
      body: { version: 1 },
    }),
  },
];
