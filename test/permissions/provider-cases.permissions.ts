/**
 * Permission-matrix rows for provider cases (test/permission-matrix.test.ts runs them). Each
 * request opens (or reuses) a provider case for the target person, with no delivery rows, at the
 * provider unit the fixture links the person to (Hemtjänst Norr or Söder; Familjeteamet for the
 * IFO person), straight into the database. Whoever sees the person knows the case exists, so a
 * role that may not close it gets 403; a person outside the scope, or another municipality's, 404.
 */
import type { Db } from '../../src/server/platform/db/database.ts';
import { todayInSweden } from '../../src/domain/dates.ts';
import type { UserKey } from '../factories.ts';
import type { MatrixTarget, PermissionRow } from '../permission-matrix.types.ts';

/** Managers and coordinators of the case's unit or above it. */
const CLOSERS: UserKey[] = ['operationsManager', 'unitManager', 'otherUnitManager', 'coordinator'];

async function openProviderCase(ownerDb: Db, target: MatrixTarget): Promise<{ id: string; version: number }> {
  const linked = await ownerDb
    .selectFrom('person_unit_links as l')
    .innerJoin('units as u', (join) =>
      join.onRef('u.municipality_id', '=', 'l.municipality_id').onRef('u.id', '=', 'l.unit_id'),
    )
    .select('l.unit_id')
    .where('l.person_id', '=', target.id)
    .where('u.kind', '=', 'provider_unit')
    .executeTakeFirst();
  const unitId = linked?.unit_id ?? target.world.units.familyTeam;
  const open = await ownerDb
    .selectFrom('provider_cases')
    .select(['id', 'version'])
    .where('person_id', '=', target.id)
    .where('provider_unit_id', '=', unitId)
    .where('closed_on', 'is', null)
    .executeTakeFirst();
  if (open) return open;
  return ownerDb
    .insertInto('provider_cases')
    .values({
      municipality_id: target.world.municipalityId,
      person_id: target.id,
      provider_unit_id: unitId,
      opened_on: '2026-01-01',
    })
    .returning(['id', 'version'])
    .executeTakeFirstOrThrow();
}

export const permissionRows: PermissionRow[] = [
  {
    route: 'POST /api/provider-cases/:providerCaseId/close',
    target: 'person',
    allowed: CLOSERS,
    deniedStatus: 403,
    request: async (target, ownerDb) => {
      const providerCase = await openProviderCase(ownerDb, target);
      return {
        method: 'POST',
        path: `/api/provider-cases/${providerCase.id}/close`,
        body: { closedOn: todayInSweden(), version: providerCase.version },
      };
    },
  },
];
