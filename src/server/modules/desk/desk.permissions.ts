/**
 * Permission-matrix rows for the desk (test/permission-matrix.test.ts runs them). Every
 * positioned user has a desk; what it lists is limited by their person scope, which the desk
 * tests check. Another municipality's unit is 404 like any unit off the desk.
 */
import { USER_KEYS } from '../../../../test/factories.ts';
import type { PermissionRow } from '../../../../test/permission-matrix.types.ts';

export const permissionRows: PermissionRow[] = [
  { route: 'GET /api/desk', target: 'none', allowed: USER_KEYS, request: () => ({ method: 'GET', path: '/api/desk' }) },
  {
    route: 'GET /api/desk/recent-persons', target: 'none', allowed: USER_KEYS,
    request: () => ({ method: 'GET', path: '/api/desk/recent-persons' }),
  },
  {
    // The user's own unit is always on their desk; the administrator's lists no persons (desk.test.ts).
    route: 'GET /api/desk/units/:unitId/persons', target: 'unit', allowed: USER_KEYS,
    request: (target) => ({ method: 'GET', path: `/api/desk/units/${target.id}/persons` }),
  },
];
