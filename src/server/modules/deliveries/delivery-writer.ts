/**
 * The one writer of delivery rows and their events. Other modules that end, withdraw or continue
 * rows (delivery-changes, cases ending a decision) write through here, so every event carries the
 * same snapshot of its row and the history reads one shape. Runs in the caller's transaction.
 */
import type { Trx } from '../../platform/db/tenant.ts';
import type { DeliveryRecord } from './delivery-snapshot.ts';
import * as write from './delivery-write.repository.ts';

export function insertDeliveries(
  trx: Trx,
  rows: readonly write.NewDelivery[],
  actorId: string,
): Promise<DeliveryRecord[]> {
  return write.insertDeliveries(trx, rows, actorId);
}

export function insertDeliveryEvents(
  trx: Trx,
  records: readonly DeliveryRecord[],
  event: write.DeliveryEvent,
  actorId: string | null,
  note: string | null = null,
): Promise<void> {
  return write.insertDeliveryEvents(trx, records, event, actorId, note);
}
