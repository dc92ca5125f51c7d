/**
 * SQL that withdraws and ends delivery rows. Each change is followed by its delivery_events row
 * through the deliveries module's insertDeliveryEvents, so the history has one snapshot shape
 * whoever wrote it.
 */
import { sql } from 'kysely';
import type { Trx } from '../../platform/db/tenant.ts';
import type { DeliveryRecord } from '../deliveries/index.ts';
import { insertDeliveryEvents } from '../deliveries/index.ts';

/**
 * Ends rows that are still sent to delivery on the given day, or on their own last day if that
 * comes first, with their 'moved_to_provider' history; the rows it ended. Rows already withdrawn
 * or ended, or starting after the day, are left as they are.
 */
export async function endMovedDeliveries(
  trx: Trx,
  deliveryIds: readonly string[],
  lastDay: string,
  reason: string,
  actorId: string,
  note: string,
): Promise<DeliveryRecord[]> {
  if (deliveryIds.length === 0) return [];
  const ended = await trx
    .updateTable('deliveries')
    .set({
      status: 'ended',
      end_reason: reason,
      version: sql`version + 1`,
      updated_at: sql`now()`,
      period_to: sql`case when period_to is not null and period_to < ${lastDay}::date then period_to else ${lastDay}::date end`,
    })
    .where('id', 'in', [...deliveryIds])
    .where('status', '=', 'sent_to_delivery')
    .where('period_from', '<=', lastDay)
    .returningAll()
    .execute();
  await insertDeliveryEvents(trx, ended, 'moved_to_provider', actorId, note);
  return ended;
}

/** Ends one row on the day if its version matches; undefined when stale or no longer sent to delivery. */
export async function endDelivery(
  trx: Trx,
  deliveryId: string,
  version: number,
  endOn: string,
  reason: string,
  actorId: string,
): Promise<DeliveryRecord | undefined> {
  const ended = await trx
    .updateTable('deliveries')
    .set({ status: 'ended', period_to: endOn, end_reason: reason, version: sql`version + 1`, updated_at: sql`now()` })
    .where('id', '=', deliveryId)
    .where('version', '=', version)
    .where('status', 'in', ['under_distribution', 'sent_to_delivery'])
    .returningAll()
    .executeTakeFirst();
  if (ended) await insertDeliveryEvents(trx, [ended], 'ended', actorId, reason);
  return ended;
}

/**
 * Cancels one row before it began: ended, its last day the day before its first (the period
 * check of migration 0023 allows that only without a start date), if its version matches and it
 * is still open without a start date; undefined otherwise.
 */
export async function cancelDelivery(
  trx: Trx,
  deliveryId: string,
  version: number,
  reason: string,
  actorId: string,
  note: string,
): Promise<DeliveryRecord | undefined> {
  const cancelled = await trx
    .updateTable('deliveries')
    .set({
      status: 'ended',
      period_to: sql`period_from - 1`,
      end_reason: reason,
      version: sql`version + 1`,
      updated_at: sql`now()`,
    })
    .where('id', '=', deliveryId)
    .where('version', '=', version)
    .where('status', 'in', ['under_distribution', 'sent_to_delivery'])
    .where('started_on', 'is', null)
    .returningAll()
    .executeTakeFirst();
  if (cancelled) await insertDeliveryEvents(trx, [cancelled], 'ended', actorId, note);
  return cancelled;
}

/** Withdraws one row so that it ends on the day, if its version matches; undefined when stale or not sent to delivery. */
export async function withdrawDelivery(
  trx: Trx,
  deliveryId: string,
  version: number,
  lastDay: string,
  actorId: string,
  note: string,
): Promise<DeliveryRecord | undefined> {
  const withdrawn = await trx
    .updateTable('deliveries')
    .set({ status: 'withdrawn', period_to: lastDay, version: sql`version + 1`, updated_at: sql`now()` })
    .where('id', '=', deliveryId)
    .where('version', '=', version)
    .where('status', '=', 'sent_to_delivery')
    .returningAll()
    .executeTakeFirst();
  if (withdrawn) await insertDeliveryEvents(trx, [withdrawn], 'withdrawn', actorId, note);
  return withdrawn;
}
