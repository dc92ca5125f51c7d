/**
 * SQL for the three lists provider staff keep on a person (relatives, reference persons, keys).
 * They share one shape — rows of a person with a version — so one set of functions serves all,
 * driven by each list's column map.
 */
import { sql } from 'kysely';
import type { Trx } from '../../platform/db/tenant.ts';

export type DetailTable = 'person_relatives' | 'person_reference_persons' | 'person_keys';

export interface DetailListSpec {
  table: DetailTable;
  /** API field name -> column name, for the editable fields. */
  columns: Record<string, string>;
}

export type DetailItem = Record<string, unknown> & { id: string; version: number };

function toItem(spec: DetailListSpec, row: Record<string, unknown>): DetailItem {
  const item: Record<string, unknown> = { id: row.id, version: row.version };
  for (const [field, column] of Object.entries(spec.columns)) item[field] = row[column];
  return item as DetailItem;
}

function toColumns(spec: DetailListSpec, input: Record<string, unknown>): Record<string, unknown> {
  const values: Record<string, unknown> = {};
  for (const [field, column] of Object.entries(spec.columns)) values[column] = input[field];
  return values;
}

export async function listDetails(trx: Trx, spec: DetailListSpec, personId: string): Promise<DetailItem[]> {
  const rows = await trx
    .selectFrom(spec.table)
    .selectAll()
    .where('person_id', '=', personId)
    .orderBy('created_at')
    .execute();
  return rows.map((row) => toItem(spec, row as unknown as Record<string, unknown>));
}

export async function insertDetail(
  trx: Trx,
  spec: DetailListSpec,
  municipalityId: string,
  personId: string,
  input: Record<string, unknown>,
): Promise<string> {
  const row = await trx
    .insertInto(spec.table)
    .values({ ...toColumns(spec, input), municipality_id: municipalityId, person_id: personId } as never)
    .returning('id')
    .executeTakeFirstOrThrow();
  return row.id;
}

/** 'missing' when no such row on the person; 'stale' when someone else saved first. */
export async function updateDetail(
  trx: Trx,
  spec: DetailListSpec,
  personId: string,
  itemId: string,
  version: number,
  input: Record<string, unknown>,
): Promise<'ok' | 'missing' | 'stale'> {
  const result = await trx
    .updateTable(spec.table)
    .set({ ...toColumns(spec, input), version: sql`version + 1`, updated_at: sql`now()` } as never)
    .where('id', '=', itemId)
    .where('person_id', '=', personId)
    .where('version', '=', version)
    .executeTakeFirst();
  if (result.numUpdatedRows > 0n) return 'ok';
  return (await exists(trx, spec, personId, itemId)) ? 'stale' : 'missing';
}

export async function deleteDetail(
  trx: Trx,
  spec: DetailListSpec,
  personId: string,
  itemId: string,
  version: number,
): Promise<'ok' | 'missing' | 'stale'> {
  const result = await trx
    .deleteFrom(spec.table)
    .where('id', '=', itemId)
    .where('person_id', '=', personId)
    .where('version', '=', version)
    .executeTakeFirst();
  if (result.numDeletedRows > 0n) return 'ok';
  return (await exists(trx, spec, personId, itemId)) ? 'stale' : 'missing';
}

async function exists(trx: Trx, spec: DetailListSpec, personId: string, itemId: string): Promise<boolean> {
  const row = await trx
    .selectFrom(spec.table)
    .select('id')
    .where('id', '=', itemId)
    .where('person_id', '=', personId)
    .executeTakeFirst();
  return row !== undefined;
}
