/**
 * Permission-matrix rows for the desk (test/permission-matrix.test.ts runs them). Every
 * positioned user has a desk; what it lists is limited by their person scope, which the desk
 * tests check. Another municipality's unit or person is 404 like any unit off the desk. The
 * provider folders are lists, not things whose existence could leak: a role without them gets 403.
 */
import { USER_KEYS, type UserKey } from '../factories.ts';
import type { PermissionRow } from '../permission-matrix.types.ts';

/** Everyone who works at a provider unit: "Nya uppdrag" to acknowledge. */
const PROVIDER_SIDE: UserKey[] = [
  'operationsManager',
  'unitManager',
  'otherUnitManager',
  'coordinator',
  'careStaff',
  'otherCareStaff',
  'licensedStaff',
  'alarmManager',
];
/** Managers and coordinators: "Ej aktuella – att avsluta", and the start dates to register. */
const CLOSERS: UserKey[] = ['operationsManager', 'unitManager', 'otherUnitManager', 'coordinator'];
/** Everyone who sees persons (the administrator sees none, so no person row can allow them). */
const WITH_PERSONS: UserKey[] = USER_KEYS.filter((key) => key !== 'administrator');

export const permissionRows: PermissionRow[] = [
  { route: 'GET /api/desk', target: 'none', allowed: USER_KEYS, request: () => ({ method: 'GET', path: '/api/desk' }) },
  {
    route: 'GET /api/desk/recent-persons',
    target: 'none',
    allowed: USER_KEYS,
    request: () => ({ method: 'GET', path: '/api/desk/recent-persons' }),
  },
  {
    // The user's own unit is always on their desk; the administrator's lists no persons (desk.test.ts).
    route: 'GET /api/desk/units/:unitId/persons',
    target: 'unit',
    allowed: USER_KEYS,
    request: (target) => ({ method: 'GET', path: `/api/desk/units/${target.id}/persons?page=1` }),
  },
  {
    route: 'GET /api/desk/unacknowledged',
    target: 'none',
    allowed: PROVIDER_SIDE,
    request: () => ({ method: 'GET', path: '/api/desk/unacknowledged' }),
  },
  {
    route: 'GET /api/desk/not-current',
    target: 'none',
    allowed: CLOSERS,
    request: () => ({ method: 'GET', path: '/api/desk/not-current?lookBackDays=30' }),
  },
  {
    route: 'GET /api/desk/starts-to-register',
    target: 'none',
    allowed: CLOSERS,
    request: () => ({ method: 'GET', path: '/api/desk/starts-to-register' }),
  },
  {
    route: 'GET /api/desk/my-persons',
    target: 'none',
    allowed: USER_KEYS,
    request: () => ({ method: 'GET', path: '/api/desk/my-persons' }),
  },
  {
    route: 'POST /api/desk/my-persons',
    target: 'person',
    allowed: WITH_PERSONS,
    request: (target) => ({ method: 'POST', path: '/api/desk/my-persons', body: { personId: target.id } }),
  },
  {
    route: 'GET /api/desk/my-persons/:personId',
    target: 'person',
    allowed: WITH_PERSONS,
    request: (target) => ({ method: 'GET', path: `/api/desk/my-persons/${target.id}` }),
  },
  {
    route: 'DELETE /api/desk/my-persons/:personId',
    target: 'person',
    allowed: WITH_PERSONS,
    request: (target) => ({ method: 'DELETE', path: `/api/desk/my-persons/${target.id}` }),
  },
];
