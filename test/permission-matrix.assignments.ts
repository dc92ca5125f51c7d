/**
 * Sent assignments for the permission-matrix rows of the routes that take an assignment id
 * (permissions/assignments.permissions.ts, permissions/deliveries.permissions.ts), in either stage
 * of the need-to-know rule (assignments/README.md): 'new' (sent, not distributed) or
 * 'distributed' (accepted, its rows sent to delivery at one unit).
 *
 * Placed so that a user's "own" target is one the rule lets them read, and "outside" the nearest
 * one it must not: for a provider user, a new assignment goes to their own provider unless they
 * are one who answers there (then to a provider no test user works at), and a distributed one is
 * delivered by a unit of their own provider that they neither work at nor see the person at (the
 * verksamhetschef, above every unit, gets another provider's). Nothing links the person anywhere:
 * a link would bring a person meant to stay outside a user's scope into it. Every row's period is
 * over (February 2026), so no ongoing delivery is left behind for other modules' rows.
 */
import { sql } from 'kysely';
import type { Db } from '../src/server/platform/db/database.ts';
import type { ServiceAreaCode } from '../src/domain/organisation.ts';
import { ensureProvider } from './fixtures/assignment-fixtures.ts';
import { createDeliveryRows, createSentAssignment, type SentAssignment } from './fixtures/delivery-fixtures.ts';
import { TEST_USERS, type TestUnitKey, type UserKey } from './factories.ts';
import type { MatrixTarget } from './permission-matrix.types.ts';

export type AssignmentStage = 'new' | 'distributed';

export const AUTHORITY: UserKey[] = ['caseOfficer', 'authorityManager', 'ifoCaseOfficer'];
/** Verksamhetschef, enhetschef, samordnare at Hemtjänst egen regi: they accept, distribute and stop, and read what waits for that. */
export const DISTRIBUTORS: UserKey[] = ['operationsManager', 'unitManager', 'otherUnitManager', 'coordinator'];
/** Everyone at Hemtjänst egen regi. */
export const PROVIDER_SIDE: UserKey[] = [
  ...DISTRIBUTORS,
  'careStaff',
  'otherCareStaff',
  'licensedStaff',
  'alarmManager',
];
/** The last day of every row built here: over before the tests run. */
export const PAST_END = '2026-02-28';

const IFO_UNITS = new Set<TestUnitKey>(['ifoArea', 'ifoAuthority', 'ifoProvider', 'familyTeam']);

export function areaOf(target: MatrixTarget): ServiceAreaCode {
  return target.actor && IFO_UNITS.has(TEST_USERS[target.actor].unit) ? 'IFO' : 'AO';
}

/** A provider and unit no test user works at, for persons a provider user must not see. */
export async function elsewhere(ownerDb: Db, target: MatrixTarget): Promise<{ providerId: string; unitId: string }> {
  const providerId = await ensureProvider(ownerDb, target.world, {
    name: 'Matris annan utförare',
    serviceArea: 'AO',
    hasSystemAccess: true,
  });
  const existing = await ownerDb
    .selectFrom('units')
    .select('id')
    .where('municipality_id', '=', target.world.municipalityId)
    .where('name', '=', 'Matris annan utförarenhet')
    .executeTakeFirst();
  const unitId =
    existing?.id ??
    (
      await ownerDb
        .insertInto('units')
        .values({
          municipality_id: target.world.municipalityId,
          parent_id: providerId,
          kind: 'provider_unit',
          name: 'Matris annan utförarenhet',
          service_area: 'AO',
        })
        .returning('id')
        .executeTakeFirstOrThrow()
    ).id;
  return { providerId, unitId };
}

/** The provider unit at or below the provider user's unit where they see the target person, if any. */
export async function unitSeenAt(ownerDb: Db, target: MatrixTarget, actor: UserKey): Promise<string | undefined> {
  const { rows } = await sql<{ unit_id: string }>`
    with recursive below as (
      select id, kind from units where id = ${target.world.units[TEST_USERS[actor].unit]}
      union all select u.id, u.kind from units u join below on u.parent_id = below.id
    )
    select l.unit_id from person_unit_links l join below on below.id = l.unit_id
     where l.person_id = ${target.id} and below.kind = 'provider_unit' order by l.unit_id limit 1`.execute(ownerDb);
  return rows[0]?.unit_id;
}

/** Where the assignment goes and, once distributed, which unit delivers it. */
async function placeFor(
  ownerDb: Db,
  target: MatrixTarget,
  stage: AssignmentStage,
): Promise<{ providerId: string; unitId: string }> {
  const { units } = target.world;
  if (areaOf(target) === 'IFO') return { providerId: units.ifoProvider, unitId: units.familyTeam };
  const actor = target.actor;
  if (!actor || !PROVIDER_SIDE.includes(actor)) return { providerId: units.homeCare, unitId: units.homeCareNorth };
  const seenAt = await unitSeenAt(ownerDb, target, actor);
  if (seenAt) return { providerId: units.homeCare, unitId: seenAt };
  if (stage === 'new')
    return DISTRIBUTORS.includes(actor)
      ? elsewhere(ownerDb, target)
      : { providerId: units.homeCare, unitId: units.homeCareNorth };
  const own = TEST_USERS[actor].unit;
  if (own === 'homeCareNorth') return { providerId: units.homeCare, unitId: units.homeCareSouth };
  if (own === 'homeCareSouth') return { providerId: units.homeCare, unitId: units.homeCareNorth };
  return elsewhere(ownerDb, target);
}

/** A fresh sent assignment for the target in the stage, and the unit it is (or would be) delivered by. */
export async function matrixAssignment(
  ownerDb: Db,
  target: MatrixTarget,
  stage: AssignmentStage,
): Promise<SentAssignment & { unitId: string }> {
  const place = await placeFor(ownerDb, target, stage);
  const sent = await createSentAssignment(ownerDb, target.world, target.id, {
    serviceArea: areaOf(target),
    linkPerson: false,
    providerId: place.providerId,
  });
  if (stage === 'distributed') {
    await createDeliveryRows(ownerDb, target.world, sent, place.unitId, {
      status: 'sent_to_delivery',
      linkPerson: false,
      periodTo: PAST_END,
    });
  }
  return { ...sent, unitId: place.unitId };
}
