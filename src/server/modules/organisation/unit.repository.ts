/**
 * All SQL for the unit tree. Row-level security keeps every query inside the municipality;
 * rows are mapped to the contract's Unit here and go no further.
 */
import { sql, type Selectable } from 'kysely';
import type { Trx } from '../../platform/db/tenant.ts';
import type { UnitTable } from '../../platform/db/schema.ts';
import type { Ownership, ServiceAreaCode, UnitKind } from '../../../domain/organisation.ts';
import type { Unit } from '../../../contract/organisation.ts';

function toUnit(row: Selectable<UnitTable>): Unit {
  return {
    id: row.id,
    parentId: row.parent_id,
    kind: row.kind as UnitKind,
    name: row.name,
    serviceArea: row.service_area as ServiceAreaCode,
    ownership: row.ownership as Ownership | null,
    hasSystemAccess: row.has_system_access,
    isActive: row.is_active,
    version: row.version,
  };
}

/**
 * Serialises changes to the tree and to positions within one municipality. The rules read the
 * whole tree and then write; without the lock, two administrators could each pass the cycle
 * check with crossing moves, or one could add a position to a unit another is switching off.
 */
export async function lockOrganisation(trx: Trx, municipalityId: string): Promise<void> {
  await sql`select pg_advisory_xact_lock(hashtextextended(${`vardag.organisation:${municipalityId}`}, 0))`.execute(trx);
}

/** The whole tree, flat, in Swedish name order. */
export async function listUnits(trx: Trx): Promise<Unit[]> {
  const rows = await trx.selectFrom('units').selectAll().orderBy(sql`name collate "sv-x-icu"`).orderBy('id').execute();
  return rows.map(toUnit);
}

export async function findUnit(trx: Trx, unitId: string): Promise<Unit | undefined> {
  const row = await trx.selectFrom('units').selectAll().where('id', '=', unitId).executeTakeFirst();
  return row && toUnit(row);
}

export interface NewUnit {
  municipalityId: string;
  parentId: string;
  kind: UnitKind;
  name: string;
  serviceArea: ServiceAreaCode;
  ownership: Ownership | null;
  hasSystemAccess: boolean;
}

export async function insertUnit(trx: Trx, unit: NewUnit): Promise<string> {
  const row = await trx
    .insertInto('units')
    .values({
      municipality_id: unit.municipalityId,
      parent_id: unit.parentId,
      kind: unit.kind,
      name: unit.name,
      service_area: unit.serviceArea,
      ownership: unit.ownership,
      has_system_access: unit.hasSystemAccess,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  return row.id;
}

export interface UnitPatch {
  parentId: string | null;
  name: string;
  ownership: Ownership | null;
  hasSystemAccess: boolean;
  isActive: boolean;
}

/** Applies the change if the version still matches; false means someone else saved first. */
export async function updateUnit(trx: Trx, unitId: string, version: number, patch: UnitPatch): Promise<boolean> {
  const result = await trx
    .updateTable('units')
    .set({
      parent_id: patch.parentId,
      name: patch.name,
      ownership: patch.ownership,
      has_system_access: patch.hasSystemAccess,
      is_active: patch.isActive,
      version: sql`version + 1`,
      updated_at: sql`now()`,
    })
    .where('id', '=', unitId)
    .where('version', '=', version)
    .executeTakeFirst();
  return result.numUpdatedRows > 0n;
}

/** Active positions in any of the units. */
export async function countActivePositions(trx: Trx, unitIds: readonly string[]): Promise<number> {
  if (unitIds.length === 0) return 0;
  const row = await trx
    .selectFrom('positions')
    .select((eb) => eb.fn.countAll<number>().as('count'))
    .where('unit_id', '=', sql<string>`any(${[...unitIds]}::uuid[])`)
    .where('is_active', '=', true)
    .executeTakeFirstOrThrow();
  return row.count;
}
