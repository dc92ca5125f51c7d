/**
 * Permission-matrix rows for personal watches (test/permission-matrix.test.ts runs them). Written
 * out by hand, not derived from personal-watch.policy.ts, so a change that widens access fails here.
 * Everyone who reads persons keeps watches on the persons they read; a watch's own routes are
 * tried on a watch the requesting user owns (someone else's is 404: personal-watches.test.ts), so
 * out of scope and another municipality's are 404 by the person alone.
 */
import { addDays } from '../../src/domain/periods.ts';
import { todayInSweden } from '../../src/domain/dates.ts';
import type { Db } from '../../src/server/platform/db/database.ts';
import { USER_KEYS, type UserKey } from '../factories.ts';
import type { MatrixTarget, PermissionRow } from '../permission-matrix.types.ts';

const WITH_PERSONS: UserKey[] = USER_KEYS.filter((key) => key !== 'administrator');

/** An open watch of the requesting user (a case officer's when signed out) on the target person. */
async function watchOf(target: MatrixTarget, ownerDb: Db): Promise<string> {
  const row = await ownerDb
    .insertInto('personal_watches')
    .values({
      municipality_id: target.world.municipalityId,
      user_id: target.world.users[target.actor ?? 'caseOfficer'].userId,
      person_id: target.id,
      due_on: todayInSweden(),
      note: 'Matris',
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  return row.id;
}

export const permissionRows: PermissionRow[] = [
  {
    route: 'GET /api/personal-watches',
    target: 'none',
    allowed: USER_KEYS,
    request: () => ({ method: 'GET', path: '/api/personal-watches' }),
  },
  {
    route: 'GET /api/personal-watches/summary',
    target: 'none',
    allowed: USER_KEYS,
    request: () => ({ method: 'GET', path: '/api/personal-watches/summary' }),
  },
  {
    route: 'GET /api/persons/:personId/watches',
    target: 'person',
    allowed: WITH_PERSONS,
    request: (target) => ({ method: 'GET', path: `/api/persons/${target.id}/watches` }),
  },
  {
    route: 'POST /api/persons/:personId/watches',
    target: 'person',
    allowed: WITH_PERSONS,
    request: (target) => ({
      method: 'POST',
      path: `/api/persons/${target.id}/watches`,
      body: { dueOn: addDays(todayInSweden(), 1), note: 'Matris' },
    }),
  },
  {
    route: 'POST /api/personal-watches/:watchId/done',
    target: 'person',
    allowed: WITH_PERSONS,
    request: async (target, ownerDb) => ({
      method: 'POST',
      path: `/api/personal-watches/${await watchOf(target, ownerDb)}/done`,
    }),
  },
  {
    route: 'POST /api/personal-watches/:watchId/reopen',
    target: 'person',
    allowed: WITH_PERSONS,
    request: async (target, ownerDb) => ({
      method: 'POST',
      path: `/api/personal-watches/${await watchOf(target, ownerDb)}/reopen`,
    }),
  },
  {
    route: 'DELETE /api/personal-watches/:watchId',
    target: 'person',
    allowed: WITH_PERSONS,
    request: async (target, ownerDb) => ({
      method: 'DELETE',
      path: `/api/personal-watches/${await watchOf(target, ownerDb)}`,
    }),
  },
];
