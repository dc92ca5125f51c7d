/** SQL for interruptions (avbrott) of delivery rows; rows become domain records here. */
import { sql } from 'kysely';
import type { Trx } from '../../platform/db/tenant.ts';
import type { InterruptionRecord as InterruptionOfRow } from '../deliveries/index.ts';

/** An interruption as its own dialog lists it: the row's list (deliveries/) plus who registered it, and when. */
export interface InterruptionRecord extends InterruptionOfRow {
  createdByName: string;
  createdAt: Date;
}

function selectInterruptions(trx: Trx) {
  return trx
    .selectFrom('interruptions as i')
    .innerJoin('users as u', (join) =>
      join.onRef('u.municipality_id', '=', 'i.municipality_id').onRef('u.id', '=', 'i.created_by_id'),
    )
    .select([
      'i.id',
      'i.delivery_id',
      'i.from_date',
      'i.to_date',
      'i.reason',
      'u.display_name',
      'i.created_at',
      'i.version',
    ]);
}

type Row = Awaited<ReturnType<ReturnType<typeof selectInterruptions>['executeTakeFirstOrThrow']>>;

function toRecord(row: Row): InterruptionRecord {
  return {
    id: row.id,
    deliveryId: row.delivery_id,
    fromDate: row.from_date,
    toDate: row.to_date,
    reason: row.reason,
    createdByName: row.display_name,
    createdAt: row.created_at,
    version: row.version,
  };
}

/** A row's interruptions, newest first. */
export async function listInterruptions(trx: Trx, deliveryId: string): Promise<InterruptionRecord[]> {
  const rows = await selectInterruptions(trx)
    .where('i.delivery_id', '=', deliveryId)
    .orderBy('i.from_date', 'desc')
    .orderBy('i.id')
    .execute();
  return rows.map(toRecord);
}

export async function findInterruption(trx: Trx, interruptionId: string): Promise<InterruptionRecord | undefined> {
  const row = await selectInterruptions(trx).where('i.id', '=', interruptionId).executeTakeFirst();
  return row && toRecord(row);
}

export interface NewInterruption {
  municipalityId: string;
  deliveryId: string;
  fromDate: string;
  toDate: string | null;
  reason: string;
  createdById: string;
}

export async function insertInterruption(trx: Trx, interruption: NewInterruption): Promise<string> {
  const row = await trx
    .insertInto('interruptions')
    .values({
      municipality_id: interruption.municipalityId,
      delivery_id: interruption.deliveryId,
      from_date: interruption.fromDate,
      to_date: interruption.toDate,
      reason: interruption.reason,
      created_by_id: interruption.createdById,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  return row.id;
}

/** Sets the resumption and reason if the version matches; false when stale. */
export async function updateInterruption(
  trx: Trx,
  interruptionId: string,
  version: number,
  change: { toDate: string | null; reason: string },
): Promise<boolean> {
  const row = await trx
    .updateTable('interruptions')
    .set({ to_date: change.toDate, reason: change.reason, version: sql`version + 1`, updated_at: sql`now()` })
    .where('id', '=', interruptionId)
    .where('version', '=', version)
    .returning('id')
    .executeTakeFirst();
  return row !== undefined;
}

/** Ends an interruption on the day (its row now ends then); bumps the version so an open form sees the change. */
export async function shortenInterruption(trx: Trx, interruptionId: string, toDate: string): Promise<void> {
  await trx
    .updateTable('interruptions')
    .set({ to_date: toDate, version: sql`version + 1`, updated_at: sql`now()` })
    .where('id', '=', interruptionId)
    .execute();
}

/** Removes an interruption that starts after its row's new last day; the audit row keeps what it was. */
export async function deleteInterruption(trx: Trx, interruptionId: string): Promise<void> {
  await trx.deleteFrom('interruptions').where('id', '=', interruptionId).execute();
}
