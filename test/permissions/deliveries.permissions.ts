/**
 * Permission-matrix rows for every deliveries route (test/permission-matrix.test.ts runs them).
 * Written out by hand, not derived from delivery.policy.ts, so a policy change that widens access
 * shows up here as a failing row.
 *
 * Each row builds, for the target person, a decision in the requesting user's service area, an
 * assignment sent to a provider and (where the route needs them) delivery rows, straight into the
 * database and without linking the person anywhere: a link would bring a person meant to stay
 * outside a user's scope into it. The rows sit at the provider unit the requesting provider user
 * works at and sees the person at; a person they must not see gets rows at a unit of a provider no
 * test user works at, so "outside" stays outside. Every row's period is over (February 2026), so the
 * fixture persons have no ongoing or planned delivery left behind for other modules' rows (closing a
 * provider case needs none). The routes on an assignment (its distribution page, stopping,
 * accepting and distributing) run for a new and a distributed one, placed by
 * test/permission-matrix.assignments.ts so that "outside" is the nearest the need-to-know rule
 * keeps out: another unit of the same provider where there is one.
 */
import type { Db } from '../../src/server/platform/db/database.ts';
import type { MatrixTarget, PermissionRow } from '../permission-matrix.types.ts';
import {
  AUTHORITY,
  DISTRIBUTORS,
  PAST_END,
  PROVIDER_SIDE,
  areaOf,
  elsewhere,
  matrixAssignment,
  unitSeenAt,
} from '../permission-matrix.assignments.ts';
import {
  createDeliveryRows,
  createSentAssignment,
  distributionBody,
  stateVersionOf,
  type SentAssignment,
} from '../fixtures/delivery-fixtures.ts';

/** Where the target's assignment goes and its rows sit, for the requesting user. */
async function placeFor(ownerDb: Db, target: MatrixTarget): Promise<{ providerId: string; unitId: string }> {
  const { units } = target.world;
  if (areaOf(target) === 'IFO') return { providerId: units.ifoProvider, unitId: units.familyTeam };
  if (!target.actor || !PROVIDER_SIDE.includes(target.actor))
    return { providerId: units.homeCare, unitId: units.homeCareNorth };
  const seenAt = await unitSeenAt(ownerDb, target, target.actor);
  return seenAt ? { providerId: units.homeCare, unitId: seenAt } : elsewhere(ownerDb, target);
}

async function assignmentFor(ownerDb: Db, target: MatrixTarget): Promise<SentAssignment & { unitId: string }> {
  const place = await placeFor(ownerDb, target);
  const sent = await createSentAssignment(ownerDb, target.world, target.id, {
    serviceArea: areaOf(target),
    linkPerson: false,
    providerId: place.providerId,
  });
  return { ...sent, unitId: place.unitId };
}

/** Rows of a fresh assignment for the target (sent to delivery unless said); the first row's id and version. */
async function rowFor(
  ownerDb: Db,
  target: MatrixTarget,
  status: 'under_distribution' | 'sent_to_delivery',
): Promise<{ id: string; version: number; providerCaseId: string | null }> {
  const sent = await assignmentFor(ownerDb, target);
  const created = await createDeliveryRows(ownerDb, target.world, sent, sent.unitId, {
    status,
    linkPerson: false,
    periodTo: PAST_END,
  });
  const row = await ownerDb
    .selectFrom('deliveries')
    .select('version')
    .where('id', '=', created.deliveryIds[0]!)
    .executeTakeFirstOrThrow();
  return { id: created.deliveryIds[0]!, version: row.version, providerCaseId: created.providerCaseIds[0] ?? null };
}

const rowFields = (unitId: string) => ({
  providerUnitId: unitId,
  periodFrom: '2026-02-01',
  periodTo: PAST_END,
  hoursPerVisit: 0.5,
  days: 'whole_week',
  frequency: 2,
  frequencyUnit: 'times_per_day',
});

export const permissionRows: PermissionRow[] = [
  // Need to know (assignments/README.md), for each stage of the assignment: who reads it gets 403
  // where they may not answer it, everyone else 404. Once distributed, answering is 409 for those
  // of the unit that delivers it — and 404 for a manager of another unit who does not see the person.
  ...(['new', 'distributed'] as const).flatMap((stage): PermissionRow[] => {
    const readers = stage === 'new' ? [...AUTHORITY, ...DISTRIBUTORS] : [...AUTHORITY, ...PROVIDER_SIDE];
    const answered = stage === 'new' ? {} : { successStatus: 409 };
    const readersNotAnswering = readers.filter((user) => !DISTRIBUTORS.includes(user));
    return [
      {
        route: 'GET /api/assignments/:assignmentId/distribution',
        variant: stage,
        target: 'person',
        allowed: readers,
        deniedStatus: 404,
        request: async (target, ownerDb) => ({
          method: 'GET',
          path: `/api/assignments/${(await matrixAssignment(ownerDb, target, stage)).assignmentId}/distribution`,
        }),
      },
      {
        route: 'POST /api/assignments/:assignmentId/stop',
        variant: stage,
        target: 'person',
        allowed: DISTRIBUTORS,
        readableBy: readersNotAnswering,
        ...answered,
        request: async (target, ownerDb) => {
          const sent = await matrixAssignment(ownerDb, target, stage);
          return {
            method: 'POST',
            path: `/api/assignments/${sent.assignmentId}/stop`,
            body: { stateVersion: await stateVersionOf(ownerDb, sent.assignmentId), message: 'Fel utförare.' },
          };
        },
      },
      {
        route: 'POST /api/assignments/:assignmentId/distribution',
        variant: stage,
        target: 'person',
        allowed: DISTRIBUTORS,
        readableBy: readersNotAnswering,
        ...answered,
        request: async (target, ownerDb) => {
          const sent = await matrixAssignment(ownerDb, target, stage);
          const body = distributionBody(sent, sent.unitId, {
            stateVersion: await stateVersionOf(ownerDb, sent.assignmentId),
          });
          body.rows.forEach((row) => {
            row.periodTo = PAST_END;
          });
          return { method: 'POST', path: `/api/assignments/${sent.assignmentId}/distribution`, body };
        },
      },
    ];
  }),
  {
    route: 'PUT /api/deliveries/:deliveryId',
    target: 'person',
    allowed: DISTRIBUTORS,
    deniedStatus: 403,
    request: async (target, ownerDb) => {
      const row = await rowFor(ownerDb, target, 'under_distribution');
      const unit = await ownerDb
        .selectFrom('deliveries')
        .select('provider_unit_id')
        .where('id', '=', row.id)
        .executeTakeFirstOrThrow();
      return {
        method: 'PUT',
        path: `/api/deliveries/${row.id}`,
        body: { ...rowFields(unit.provider_unit_id), version: row.version },
      };
    },
  },
  {
    route: 'POST /api/deliveries/send-to-delivery',
    target: 'person',
    allowed: DISTRIBUTORS,
    deniedStatus: 403,
    request: async (target, ownerDb) => {
      const row = await rowFor(ownerDb, target, 'under_distribution');
      return {
        method: 'POST',
        path: '/api/deliveries/send-to-delivery',
        body: { rows: [{ deliveryId: row.id, version: row.version }] },
      };
    },
  },
  {
    route: 'POST /api/deliveries/:deliveryId/start',
    target: 'person',
    allowed: DISTRIBUTORS,
    deniedStatus: 403,
    request: async (target, ownerDb) => {
      const row = await rowFor(ownerDb, target, 'sent_to_delivery');
      return {
        method: 'POST',
        path: `/api/deliveries/${row.id}/start`,
        body: { startedOn: '2026-02-02', version: row.version },
      };
    },
  },
  {
    route: 'POST /api/deliveries/:deliveryId/correct',
    target: 'person',
    allowed: DISTRIBUTORS,
    deniedStatus: 403,
    request: async (target, ownerDb) => {
      const row = await rowFor(ownerDb, target, 'sent_to_delivery');
      return {
        method: 'POST',
        path: `/api/deliveries/${row.id}/correct`,
        body: {
          hoursPerVisit: 0.75,
          days: 'weekdays',
          frequency: 1,
          frequencyUnit: 'times_per_day',
          startedOn: null,
          note: 'Fel tid registrerad.',
          version: row.version,
        },
      };
    },
  },
  {
    route: 'GET /api/deliveries/:deliveryId/history',
    target: 'person',
    allowed: [...AUTHORITY, ...PROVIDER_SIDE],
    deniedStatus: 404,
    request: async (target, ownerDb) => ({
      method: 'GET',
      path: `/api/deliveries/${(await rowFor(ownerDb, target, 'sent_to_delivery')).id}/history`,
    }),
  },
  {
    route: 'GET /api/persons/:personId/deliveries',
    target: 'person',
    allowed: [...AUTHORITY, ...PROVIDER_SIDE],
    deniedStatus: 404,
    request: (target) => ({ method: 'GET', path: `/api/persons/${target.id}/deliveries` }),
  },
  {
    route: 'GET /api/provider-cases/:providerCaseId',
    target: 'person',
    allowed: PROVIDER_SIDE,
    deniedStatus: 404,
    request: async (target, ownerDb) => ({
      method: 'GET',
      path: `/api/provider-cases/${(await rowFor(ownerDb, target, 'sent_to_delivery')).providerCaseId}`,
    }),
  },
  {
    route: 'POST /api/provider-cases/:providerCaseId/acknowledge',
    target: 'person',
    allowed: PROVIDER_SIDE,
    deniedStatus: 404,
    request: async (target, ownerDb) => {
      const row = await rowFor(ownerDb, target, 'sent_to_delivery');
      // The fixture person's open case at the unit is shared by every user who sees them there: start each from unacknowledged.
      const found = await ownerDb
        .updateTable('provider_cases')
        .set({ acknowledged_at: null, acknowledged_by_id: null })
        .where('id', '=', row.providerCaseId!)
        .returning('version')
        .executeTakeFirstOrThrow();
      return {
        method: 'POST',
        path: `/api/provider-cases/${row.providerCaseId}/acknowledge`,
        body: { version: found.version, moveToMyPersons: true },
      };
    },
  },
];
