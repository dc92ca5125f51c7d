/** Rows as a change left them, in the contract's shape. */
import type * as c from '../../../contract/delivery-changes.ts';
import type { DeliveryRecord } from '../deliveries/index.ts';

export function toChangedRow(record: DeliveryRecord, interventionName: string): c.ChangedDeliveryRow {
  return {
    id: record.id,
    interventionName,
    status: record.status as c.ChangedDeliveryRow['status'],
    periodFrom: record.period_from,
    periodTo: record.period_to,
    endReason: record.end_reason,
    continuesDeliveryId: record.continues_delivery_id,
    version: record.version,
  };
}
