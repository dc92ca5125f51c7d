/**
 * Permission-matrix rows for the statutory watches (test/permission-matrix.test.ts runs them).
 * Written out by hand, not derived from watch.policy.ts, so a change that widens access fails here.
 */
import { USER_KEYS, type UserKey } from '../factories.ts';
import type { PermissionRow } from '../permission-matrix.types.ts';

/** Case officers and the authority's manager, and the provider's managers, whom escalations reach. */
const WITH_WATCHES: UserKey[] = [
  'caseOfficer',
  'ifoCaseOfficer',
  'authorityManager',
  'operationsManager',
  'unitManager',
  'otherUnitManager',
];

const SETTINGS = { reminderMonths: 2, acknowledgeHours: 24, acknowledgeHoursAlarm: 4, periodEndingDays: 30 };

export const permissionRows: PermissionRow[] = [
  {
    route: 'GET /api/watches',
    target: 'none',
    allowed: WITH_WATCHES,
    request: () => ({ method: 'GET', path: '/api/watches' }),
  },
  {
    route: 'GET /api/watches/counts',
    target: 'none',
    allowed: WITH_WATCHES,
    request: () => ({ method: 'GET', path: '/api/watches/counts' }),
  },
  {
    route: 'GET /api/watches/settings',
    target: 'none',
    allowed: USER_KEYS,
    request: () => ({ method: 'GET', path: '/api/watches/settings' }),
  },
  {
    route: 'PUT /api/watches/settings',
    target: 'none',
    allowed: ['administrator'],
    request: () => ({ method: 'PUT', path: '/api/watches/settings', body: SETTINGS }),
  },
];
