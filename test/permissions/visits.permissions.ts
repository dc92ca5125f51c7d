/**
 * Permission-matrix rows for Inför besöket (test/permission-matrix.test.ts runs them). Written out
 * by hand, not derived from visit-summary.policy.ts, so a change that widens access fails here.
 */
import type { UserKey } from '../factories.ts';
import type { PermissionRow } from '../permission-matrix.types.ts';

/** Everyone who works at a provider unit, for the persons their units see. */
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

export const permissionRows: PermissionRow[] = [
  {
    // The provider's view of the person: the authority, which sees the person, gets 404 as for the
    // provider case's staff view; it reads the person and the rows elsewhere.
    route: 'GET /api/persons/:personId/visit-summary',
    target: 'person',
    allowed: PROVIDER_SIDE,
    deniedStatus: 404,
    request: (target) => ({ method: 'GET', path: `/api/persons/${target.id}/visit-summary` }),
  },
];
