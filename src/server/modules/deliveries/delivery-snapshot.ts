/**
 * The snapshot a delivery_events row keeps of its delivery row "as it stood after". One shape for
 * every writer (this module, delivery-changes, the seed builders) so the history reads the same
 * whoever wrote it.
 */
import type { Selectable } from 'kysely';
import type { DeliveryTable } from '../../platform/db/tables/provider.ts';

export type DeliveryRecord = Selectable<DeliveryTable>;

/** The fields a provider registers on a row (the distribution form); every other shape here builds on them. */
export interface DeliveryFields {
  providerUnitId: string;
  label: string | null;
  formOfDelivery: string | null;
  resource: string | null;
  resourceUse: string | null;
  watchDate: string | null;
  periodFrom: string;
  periodTo: string | null;
  hoursPerVisit: number | null;
  extraHoursTwoStaff: number | null;
  days: string | null;
  frequency: number | null;
  frequencyUnit: string | null;
}

export interface DeliverySnapshot extends DeliveryFields {
  status: string;
  providerCaseId: string | null;
  startedOn: string | null;
  endReason: string | null;
  continuesDeliveryId: string | null;
  version: number;
}

/** numeric columns come back from pg as strings. */
export function toNumber(value: string | number | null): number | null {
  return value === null ? null : Number(value);
}

/** The row's fields as a delivery_events snapshot. */
export function deliverySnapshot(row: DeliveryRecord): DeliverySnapshot {
  return {
    status: row.status,
    providerUnitId: row.provider_unit_id,
    providerCaseId: row.provider_case_id,
    label: row.label,
    formOfDelivery: row.form_of_delivery,
    resource: row.resource,
    resourceUse: row.resource_use,
    watchDate: row.watch_date,
    periodFrom: row.period_from,
    periodTo: row.period_to,
    hoursPerVisit: toNumber(row.hours_per_visit),
    extraHoursTwoStaff: toNumber(row.extra_hours_two_staff),
    days: row.days,
    frequency: toNumber(row.frequency),
    frequencyUnit: row.frequency_unit,
    startedOn: row.started_on,
    endReason: row.end_reason,
    continuesDeliveryId: row.continues_delivery_id,
    version: row.version,
  };
}
