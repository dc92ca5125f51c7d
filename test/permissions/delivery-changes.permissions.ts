/**
 * Permission-matrix rows for every delivery-changes route (test/permission-matrix.test.ts runs
 * them). Written out by hand, not derived from delivery-change.policy.ts, so a policy change that
 * widens access shows up here as a failing row.
 *
 * Each row builds, for the target person, a decision, an assignment and two rows sent to delivery
 * straight into the database, without linking the person anywhere new (a link would bring a
 * person meant to stay outside a user's scope into it). The rows are delivered at the unit the
 * person already belongs to (Hemtjänst Norr or Söder), at Familjeteamet for the IFO case officer,
 * and otherwise at a unit of a provider no test user works at, so "outside" stays outside.
 */
import type { Db } from '../../src/server/platform/db/database.ts';
import { TEST_USERS, type TestWorld, type UserKey } from '../factories.ts';
import type { MatrixTarget, PermissionRow } from '../permission-matrix.types.ts';
import { ensureProvider } from '../fixtures/assignment-fixtures.ts';
import { createDeliveryRows, createSentAssignment } from '../fixtures/delivery-fixtures.ts';

/** The rows' last day: every change below falls before it. */
const ROWS_END = '2026-06-30';
const AUTHORITY: UserKey[] = ['caseOfficer', 'authorityManager', 'ifoCaseOfficer'];
/** The management of the rows' unit: verksamhetschef above it, enhetschef and samordnare at it. */
const CHANGERS: UserKey[] = ['operationsManager', 'unitManager', 'otherUnitManager', 'coordinator'];
const PROVIDER_READERS: UserKey[] = ['careStaff', 'otherCareStaff', 'licensedStaff', 'alarmManager'];
/** Everyone who sees the person reads the rows: the authority of the area and everyone at the unit. */
const READERS: UserKey[] = [...AUTHORITY, ...CHANGERS, ...PROVIDER_READERS];

/** A provider unit of ÄO under a provider no test user works at. */
async function ensureOutsideUnit(ownerDb: Db, world: TestWorld): Promise<string> {
  const providerId = await ensureProvider(ownerDb, world, {
    name: 'Matris annan utförare',
    serviceArea: 'AO',
    hasSystemAccess: true,
  });
  const name = 'Matris annan utförare hemtjänst';
  const existing = await ownerDb
    .selectFrom('units')
    .select('id')
    .where('municipality_id', '=', world.municipalityId)
    .where('name', '=', name)
    .executeTakeFirst();
  if (existing) return existing.id;
  return (
    await ownerDb
      .insertInto('units')
      .values({
        municipality_id: world.municipalityId,
        parent_id: providerId,
        kind: 'provider_unit',
        name,
        service_area: 'AO',
      })
      .returning('id')
      .executeTakeFirstOrThrow()
  ).id;
}

/** Where the target person's rows are delivered: see the file comment. */
async function unitFor(
  ownerDb: Db,
  target: MatrixTarget,
): Promise<{ unitId: string; providerId: string; isIfo: boolean }> {
  const { world } = target;
  if (target.actor && TEST_USERS[target.actor].unit === 'ifoAuthority')
    return { unitId: world.units.familyTeam, providerId: world.units.ifoProvider, isIfo: true };
  const links = await ownerDb
    .selectFrom('person_unit_links')
    .select('unit_id')
    .where('person_id', '=', target.id)
    .execute();
  const linked = new Set(links.map((link) => link.unit_id));
  for (const key of ['homeCareNorth', 'homeCareSouth'] as const) {
    if (linked.has(world.units[key]))
      return { unitId: world.units[key], providerId: world.units.homeCare, isIfo: false };
  }
  const unitId = await ensureOutsideUnit(ownerDb, world);
  const unit = await ownerDb.selectFrom('units').select('parent_id').where('id', '=', unitId).executeTakeFirstOrThrow();
  return { unitId, providerId: unit.parent_id!, isIfo: false };
}

/**
 * Two rows sent to delivery for the target person; their ids. They ended in the past, so other
 * modules' rows (closing a provider case needs nothing ongoing) find the fixture persons as before.
 */
async function rowsFor(ownerDb: Db, target: MatrixTarget): Promise<string[]> {
  const { unitId, providerId, isIfo } = await unitFor(ownerDb, target);
  const sent = await createSentAssignment(ownerDb, target.world, target.id, {
    serviceArea: isIfo ? 'IFO' : 'AO',
    providerId,
    linkPerson: false,
  });
  return (await createDeliveryRows(ownerDb, target.world, sent, unitId, { periodTo: ROWS_END, linkPerson: false }))
    .deliveryIds;
}

async function versionOf(ownerDb: Db, deliveryId: string): Promise<number> {
  return (
    await ownerDb.selectFrom('deliveries').select('version').where('id', '=', deliveryId).executeTakeFirstOrThrow()
  ).version;
}

/** A row that changes one delivery row of the target person. */
function rowRoute(
  route: string,
  method: 'GET' | 'POST',
  suffix: string,
  allowed: readonly UserKey[],
  body?: (version: number) => unknown,
): PermissionRow {
  return {
    route,
    target: 'person',
    allowed,
    request: async (target, ownerDb) => {
      const [deliveryId] = await rowsFor(ownerDb, target);
      return {
        method,
        path: `/api/deliveries/${deliveryId}${suffix}`,
        ...(body ? { body: body(await versionOf(ownerDb, deliveryId!)) } : {}),
      };
    },
  };
}

export const permissionRows: PermissionRow[] = [
  rowRoute('POST /api/deliveries/:deliveryId/withdraw', 'POST', '/withdraw', CHANGERS, (version) => ({
    changeFrom: '2026-06-01',
    version,
  })),
  rowRoute('POST /api/deliveries/:deliveryId/end', 'POST', '/end', CHANGERS, (version) => ({
    endOn: '2026-06-30',
    endReason: 'Avliden',
    version,
  })),
  // The rows have no start date, so they have not begun and may be cancelled.
  rowRoute('POST /api/deliveries/:deliveryId/cancel', 'POST', '/cancel', CHANGERS, (version) => ({
    endReason: 'Felregistrerad rad',
    version,
  })),
  rowRoute('GET /api/deliveries/:deliveryId/interruptions', 'GET', '/interruptions', READERS),
  rowRoute('POST /api/deliveries/:deliveryId/interruptions', 'POST', '/interruptions', CHANGERS, () => ({
    fromDate: '2026-03-01',
    toDate: null,
    reason: 'Sjukhusvistelse',
  })),
  rowRoute('GET /api/deliveries/:deliveryId/provider-change-targets', 'GET', '/provider-change-targets', CHANGERS),
  {
    route: 'PUT /api/interruptions/:interruptionId',
    target: 'person',
    allowed: CHANGERS,
    request: async (target, ownerDb) => {
      const [deliveryId] = await rowsFor(ownerDb, target);
      const interruption = await ownerDb
        .insertInto('interruptions')
        .values({
          municipality_id: target.world.municipalityId,
          delivery_id: deliveryId!,
          from_date: '2026-03-01',
          reason: 'Sjukhusvistelse',
          created_by_id: target.world.users.unitManager.userId,
        })
        .returning('id')
        .executeTakeFirstOrThrow();
      return {
        method: 'PUT',
        path: `/api/interruptions/${interruption.id}`,
        body: { toDate: '2026-03-20', reason: 'Sjukhusvistelse', version: 1 },
      };
    },
  },
  {
    route: 'GET /api/persons/:personId/provider-changes',
    target: 'person',
    allowed: READERS,
    request: (target) => ({ method: 'GET', path: `/api/persons/${target.id}/provider-changes` }),
  },
  {
    route: 'POST /api/persons/:personId/provider-changes',
    target: 'person',
    allowed: CHANGERS,
    request: async (target, ownerDb) => {
      const [deliveryId] = await rowsFor(ownerDb, target);
      const toProviderUnitId = await ensureOutsideUnit(ownerDb, target.world);
      return {
        method: 'POST',
        path: `/api/persons/${target.id}/provider-changes`,
        body: { deliveryIds: [deliveryId], toProviderUnitId, changeDate: '2026-06-01' },
      };
    },
  },
];
