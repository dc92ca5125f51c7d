/**
 * Permission-matrix rows for the session routes (test/permission-matrix.test.ts runs them). They
 * need a session but no position, so every test user passes; signed out is 401. Sign-in itself is
 * public and has its own tests in auth.test.ts.
 */
import { USER_KEYS } from '../factories.ts';
import type { PermissionRow } from '../permission-matrix.types.ts';

export const permissionRows: PermissionRow[] = [
  {
    route: 'GET /api/session',
    target: 'none',
    allowed: USER_KEYS,
    request: () => ({ method: 'GET', path: '/api/session' }),
  },
  {
    // Choosing one's own position again; another user's position is 404 (auth.test.ts).
    route: 'PUT /api/session/position',
    target: 'none',
    allowed: USER_KEYS,
    request: (target) => ({
      method: 'PUT',
      path: '/api/session/position',
      body: { positionId: target.world.users[target.actor ?? 'caseOfficer'].positionId },
    }),
  },
  {
    route: 'POST /api/auth/sign-out',
    target: 'none',
    allowed: USER_KEYS,
    endsSession: true,
    request: () => ({ method: 'POST', path: '/api/auth/sign-out' }),
  },
];
