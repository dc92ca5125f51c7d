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
 * provider case needs none).
 */
import { sql } from 'kysely';
import type { Db } from '../../platform/db/database.ts';
import type { ServiceAreaCode } from '../../../domain/organisation.ts';
import { TEST_USERS, type UserKey } from '../../../../test/factories.ts';
import type { MatrixTarget, PermissionRow } from '../../../../test/permission-matrix.types.ts';
import { ensureProvider } from '../assignments/assignment-fixtures.ts';
import { createDeliveryRows, createSentAssignment, distributionBody, stateVersionOf, type SentAssignment } from './delivery-fixtures.ts';

const AUTHORITY: UserKey[] = ['caseOfficer', 'authorityManager', 'ifoCaseOfficer'];
/** Everyone at Hemtjänst egen regi: they read what was sent to it, and work with the persons of their units. */
const PROVIDER_SIDE: UserKey[] = ['operationsManager', 'unitManager', 'otherUnitManager', 'coordinator', 'careStaff', 'otherCareStaff', 'licensedStaff', 'alarmManager'];
/** Verksamhetschef, enhetschef, samordnare: they distribute, stop, register, start and correct. */
const DISTRIBUTORS: UserKey[] = ['operationsManager', 'unitManager', 'otherUnitManager', 'coordinator'];
const IFO_UNITS = new Set(['ifoArea', 'ifoAuthority', 'ifoProvider', 'familyTeam']);
/** The last day of every row built here: over before the tests run. */
const PAST_END = '2026-02-28';

function areaOf(target: MatrixTarget): ServiceAreaCode {
  return target.actor && IFO_UNITS.has(TEST_USERS[target.actor].unit) ? 'IFO' : 'AO';
}

/** A provider and unit no test user works at, for persons a provider user must not see. */
async function elsewhere(ownerDb: Db, target: MatrixTarget): Promise<{ providerId: string; unitId: string }> {
  const providerId = await ensureProvider(ownerDb, target.world, { name: 'Matris annan utförare', serviceArea: 'AO', hasSystemAccess: true });
  const existing = await ownerDb.selectFrom('units').select('id').where('municipality_id', '=', target.world.municipalityId).where('name', '=', 'Matris annan utförarenhet').executeTakeFirst();
  const unitId = existing?.id ?? (await ownerDb.insertInto('units').values({
    municipality_id: target.world.municipalityId, parent_id: providerId, kind: 'provider_unit', name: 'Matris annan utförarenhet', service_area: 'AO',
  }).returning('id').executeTakeFirstOrThrow()).id;
  return { providerId, unitId };
}

/** The provider unit at or below the provider user's unit where they see the target person, if any. */
async function unitSeenAt(ownerDb: Db, target: MatrixTarget, actor: UserKey): Promise<string | undefined> {
  const { rows } = await sql<{ unit_id: string }>`
    with recursive below as (
      select id, kind from units where id = ${target.world.units[TEST_USERS[actor].unit]}
      union all select u.id, u.kind from units u join below on u.parent_id = below.id
    )
    select l.unit_id from person_unit_links l join below on below.id = l.unit_id
     where l.person_id = ${target.id} and below.kind = 'provider_unit' order by l.unit_id limit 1`.execute(ownerDb);
  return rows[0]?.unit_id;
}

/** Where the target's assignment goes and its rows sit, for the requesting user. */
async function placeFor(ownerDb: Db, target: MatrixTarget): Promise<{ providerId: string; unitId: string }> {
  const { units } = target.world;
  if (areaOf(target) === 'IFO') return { providerId: units.ifoProvider, unitId: units.familyTeam };
  if (!target.actor || !PROVIDER_SIDE.includes(target.actor)) return { providerId: units.homeCare, unitId: units.homeCareNorth };
  const seenAt = await unitSeenAt(ownerDb, target, target.actor);
  return seenAt ? { providerId: units.homeCare, unitId: seenAt } : elsewhere(ownerDb, target);
}

async function assignmentFor(ownerDb: Db, target: MatrixTarget): Promise<SentAssignment & { unitId: string }> {
  const place = await placeFor(ownerDb, target);
  const sent = await createSentAssignment(ownerDb, target.world, target.id, { serviceArea: areaOf(target), linkPerson: false, providerId: place.providerId });
  return { ...sent, unitId: place.unitId };
}

/** Rows of a fresh assignment for the target (sent to delivery unless said); the first row's id and version. */
async function rowFor(ownerDb: Db, target: MatrixTarget, status: 'under_distribution' | 'sent_to_delivery'): Promise<{ id: string; version: number; providerCaseId: string | null }> {
  const sent = await assignmentFor(ownerDb, target);
  const created = await createDeliveryRows(ownerDb, target.world, sent, sent.unitId, { status, linkPerson: false, periodTo: PAST_END });
  const row = await ownerDb.selectFrom('deliveries').select('version').where('id', '=', created.deliveryIds[0]!).executeTakeFirstOrThrow();
  return { id: created.deliveryIds[0]!, version: row.version, providerCaseId: created.providerCaseIds[0] ?? null };
}

const rowFields = (unitId: string) => ({ providerUnitId: unitId, periodFrom: '2026-02-01', periodTo: PAST_END, hoursPerVisit: 0.5, days: 'whole_week', frequency: 2, frequencyUnit: 'times_per_day' });

export const permissionRows: PermissionRow[] = [
  {
    route: 'GET /api/assignments/:assignmentId/distribution', target: 'person', allowed: [...AUTHORITY, ...PROVIDER_SIDE], deniedStatus: 404,
    request: async (target, ownerDb) => ({ method: 'GET', path: `/api/assignments/${(await assignmentFor(ownerDb, target)).assignmentId}/distribution` }),
  },
  {
    route: 'POST /api/assignments/:assignmentId/stop', target: 'person', allowed: DISTRIBUTORS, deniedStatus: 403,
    request: async (target, ownerDb) => {
      const sent = await assignmentFor(ownerDb, target);
      return { method: 'POST', path: `/api/assignments/${sent.assignmentId}/stop`, body: { stateVersion: await stateVersionOf(ownerDb, sent.assignmentId), message: 'Fel utförare.' } };
    },
  },
  {
    route: 'POST /api/assignments/:assignmentId/distribution', target: 'person', allowed: DISTRIBUTORS, deniedStatus: 403,
    request: async (target, ownerDb) => {
      const sent = await assignmentFor(ownerDb, target);
      const body = distributionBody(sent, sent.unitId);
      body.rows.forEach((row) => { row.periodTo = PAST_END; });
      return { method: 'POST', path: `/api/assignments/${sent.assignmentId}/distribution`, body };
    },
  },
  {
    route: 'PUT /api/deliveries/:deliveryId', target: 'person', allowed: DISTRIBUTORS, deniedStatus: 403,
    request: async (target, ownerDb) => {
      const row = await rowFor(ownerDb, target, 'under_distribution');
      const unit = await ownerDb.selectFrom('deliveries').select('provider_unit_id').where('id', '=', row.id).executeTakeFirstOrThrow();
      return { method: 'PUT', path: `/api/deliveries/${row.id}`, body: { ...rowFields(unit.provider_unit_id), version: row.version } };
    },
  },
  {
    route: 'POST /api/deliveries/send-to-delivery', target: 'person', allowed: DISTRIBUTORS, deniedStatus: 403,
    request: async (target, ownerDb) => {
      const row = await rowFor(ownerDb, target, 'under_distribution');
      return { method: 'POST', path: '/api/deliveries/send-to-delivery', body: { rows: [{ deliveryId: row.id, version: row.version }] } };
    },
  },
  {
    route: 'POST /api/deliveries/:deliveryId/start', target: 'person', allowed: DISTRIBUTORS, deniedStatus: 403,
    request: async (target, ownerDb) => {
      const row = await rowFor(ownerDb, target, 'sent_to_delivery');
      return { method: 'POST', path: `/api/deliveries/${row.id}/start`, body: { startedOn: '2026-02-02', version: row.version } };
    },
  },
  {
    route: 'POST /api/deliveries/:deliveryId/correct', target: 'person', allowed: DISTRIBUTORS, deniedStatus: 403,
    request: async (target, ownerDb) => {
      const row = await rowFor(ownerDb, target, 'sent_to_delivery');
      return {
        method: 'POST', path: `/api/deliveries/${row.id}/correct`,
        body: { hoursPerVisit: 0.75, days: 'weekdays', frequency: 1, frequencyUnit: 'times_per_day', startedOn: null, note: 'Fel tid registrerad.', version: row.version },
      };
    },
  },
  {
    route: 'GET /api/deliveries/:deliveryId/history', target: 'person', allowed: [...AUTHORITY, ...PROVIDER_SIDE], deniedStatus: 404,
    request: async (target, ownerDb) => ({ method: 'GET', path: `/api/deliveries/${(await rowFor(ownerDb, target, 'sent_to_delivery')).id}/history` }),
  },
  {
    route: 'GET /api/persons/:personId/deliveries', target: 'person', allowed: [...AUTHORITY, ...PROVIDER_SIDE], deniedStatus: 404,
    request: (target) => ({ method: 'GET', path: `/api/persons/${target.id}/deliveries` }),
  },
  {
    route: 'GET /api/provider-cases/:providerCaseId', target: 'person', allowed: PROVIDER_SIDE, deniedStatus: 404,
    request: async (target, ownerDb) => ({ method: 'GET', path: `/api/provider-cases/${(await rowFor(ownerDb, target, 'sent_to_delivery')).providerCaseId}` }),
  },
  {
    route: 'POST /api/provider-cases/:providerCaseId/acknowledge', target: 'person', allowed: PROVIDER_SIDE, deniedStatus: 404,
    request: async (target, ownerDb) => {
      const row = await rowFor(ownerDb, target, 'sent_to_delivery');
      // The fixture person's open case at the unit is shared by every user who sees them there: start each from unacknowledged.
      const found = await ownerDb.updateTable('provider_cases').set({ acknowledged_at: null, acknowledged_by_id: null })
        .where('id', '=', row.providerCaseId!).returning('version').executeTakeFirstOrThrow();
      return { method: 'POST', path: `/api/provider-cases/${row.providerCaseId}/acknowledge`, body: { version: found.version, moveToMyPersons: true } };
    },
  },
];
