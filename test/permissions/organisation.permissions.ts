/**
 * Permission-matrix rows for every organisation route (test/permission-matrix.test.ts runs them).
 * Written out by hand, not derived from organisation.policy.ts, so a policy change that widens
 * access shows up here as a failing row. Every change a row makes leaves the fixtures usable:
 * updates send back what is stored, a password is set to the one the tests sign in with.
 */
import { randomBytes } from 'node:crypto';
import type { Db } from '../../src/server/platform/db/database.ts';
import { TEST_PASSWORD, USER_KEYS, type UserKey } from '../factories.ts';
import type { PermissionRow } from '../permission-matrix.types.ts';

const ADMINISTRATORS: UserKey[] = ['administrator'];
const unique = () => randomBytes(4).toString('hex');

async function storedUnit(ownerDb: Db, unitId: string) {
  return ownerDb.selectFrom('units').selectAll().where('id', '=', unitId).executeTakeFirstOrThrow();
}

async function storedUser(ownerDb: Db, userId: string) {
  return ownerDb.selectFrom('users').selectAll().where('id', '=', userId).executeTakeFirstOrThrow();
}

export const permissionRows: PermissionRow[] = [
  {
    // Any positioned user: screens need the tree for choices, and it holds no personal data.
    route: 'GET /api/organisation/units',
    target: 'none',
    allowed: USER_KEYS,
    request: () => ({ method: 'GET', path: '/api/organisation/units' }),
  },
  {
    route: 'POST /api/organisation/units',
    target: 'none',
    allowed: ADMINISTRATORS,
    request: (target) => ({
      method: 'POST',
      path: '/api/organisation/units',
      body: { parentId: target.world.units.homeCare, kind: 'provider_unit', name: `Matrisenhet ${unique()}` },
    }),
  },
  {
    // The user's own unit, saved unchanged (for the administrator: the service area root).
    route: 'PUT /api/organisation/units/:unitId',
    target: 'unit',
    allowed: ADMINISTRATORS,
    async request(target, ownerDb) {
      const unit = await storedUnit(ownerDb, target.id);
      return {
        method: 'PUT',
        path: `/api/organisation/units/${target.id}`,
        body: {
          version: unit.version,
          parentId: unit.parent_id,
          name: unit.name,
          ownership: unit.ownership,
          hasSystemAccess: unit.has_system_access,
          isActive: unit.is_active,
        },
      };
    },
  },
  {
    route: 'GET /api/organisation/users',
    target: 'none',
    allowed: ADMINISTRATORS,
    request: () => ({ method: 'GET', path: '/api/organisation/users' }),
  },
  {
    route: 'GET /api/organisation/users/:userId',
    target: 'user',
    allowed: ADMINISTRATORS,
    request: (target) => ({ method: 'GET', path: `/api/organisation/users/${target.id}` }),
  },
  {
    route: 'POST /api/organisation/users',
    target: 'none',
    allowed: ADMINISTRATORS,
    request: () => ({
      method: 'POST',
      path: '/api/organisation/users',
      body: { username: `matris-${unique()}`, displayName: 'Matris Användare', password: TEST_PASSWORD },
    }),
  },
  {
    route: 'PUT /api/organisation/users/:userId',
    target: 'user',
    allowed: ADMINISTRATORS,
    async request(target, ownerDb) {
      const user = await storedUser(ownerDb, target.id);
      return {
        method: 'PUT',
        path: `/api/organisation/users/${target.id}`,
        body: {
          version: user.version,
          username: user.username,
          displayName: user.display_name,
          email: user.email,
          isActive: user.is_active,
        },
      };
    },
  },
  {
    route: 'PUT /api/organisation/users/:userId/password',
    target: 'user',
    allowed: ADMINISTRATORS,
    request: (target) => ({
      method: 'PUT',
      path: `/api/organisation/users/${target.id}/password`,
      body: { password: TEST_PASSWORD },
    }),
  },
  {
    route: 'POST /api/organisation/users/:userId/positions',
    target: 'user',
    allowed: ADMINISTRATORS,
    request: (target) => ({
      method: 'POST',
      path: `/api/organisation/users/${target.id}/positions`,
      body: { unitId: target.world.units.homeCareSouth, title: 'Undersköterska', roles: ['care_staff'] },
    }),
  },
  {
    route: 'PUT /api/organisation/positions/:positionId',
    target: 'position',
    allowed: ADMINISTRATORS,
    async request(target, ownerDb) {
      const position = await ownerDb
        .selectFrom('positions')
        .selectAll()
        .where('id', '=', target.id)
        .executeTakeFirstOrThrow();
      return {
        method: 'PUT',
        path: `/api/organisation/positions/${target.id}`,
        body: {
          version: position.version,
          unitId: position.unit_id,
          title: position.title,
          roles: position.roles,
          isActive: position.is_active,
        },
      };
    },
  },
];
