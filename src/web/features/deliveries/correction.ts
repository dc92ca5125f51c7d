/**
 * A correction (Rätta) of a row sent to delivery as the web handles it: which fields it may change
 * (never the unit or the period), the request they become, and what a 'corrected' history event
 * changed compared with the row as it stood before.
 */
import type { CorrectDeliveryRequest, DeliveryHistory } from '../../../contract/deliveries.ts';
import type { DeliveryDays, FrequencyUnit } from '../../../contract/deliveries.ts';
import { formatNumber } from '../../format.ts';
import { DELIVERY_DAYS_LABELS, FREQUENCY_UNIT_LABELS } from '../../i18n/labels.ts';
import { toFields, type RowValues } from './deliveryForm.ts';

type Snapshot = DeliveryHistory['events'][number]['snapshot'];

/** The correctable fields with their Swedish names, in the order the form shows them. */
const CORRECTABLE = [
  ['label', 'Benämning'],
  ['formOfDelivery', 'Genomförandeform'],
  ['resource', 'Resurs'],
  ['resourceUse', 'Resursanvändning'],
  ['watchDate', 'Bevakning'],
  ['hoursPerVisit', 'Timmar per besök'],
  ['extraHoursTwoStaff', '+ Dubbel'],
  ['days', 'Utförs'],
  ['frequency', 'Tid/Frekv'],
  ['frequencyUnit', 'Enhet för tid/frekvens'],
  ['startedOn', 'Verkställighetsdatum'],
] as const satisfies readonly (readonly [keyof Snapshot, string])[];

/** The request of a correction: the form's values of the correctable fields, the start date and the reason. */
export function toCorrection(
  values: RowValues,
  startedOn: string | null,
  note: string,
  version: number,
): CorrectDeliveryRequest {
  const { providerUnitId: _unit, periodFrom: _from, periodTo: _to, ...fields } = toFields(values);
  return { ...fields, startedOn, note: note.trim(), version };
}

function valueText(key: (typeof CORRECTABLE)[number][0], value: string | number | null): string {
  if (value === null || value === '') return '–';
  if (typeof value === 'number') return formatNumber(value);
  if (key === 'days') return DELIVERY_DAYS_LABELS[value as DeliveryDays] ?? value;
  if (key === 'frequencyUnit') return FREQUENCY_UNIT_LABELS[value as FrequencyUnit] ?? value;
  return value;
}

/** "Verkställighetsdatum: 2026-02-03 → 2026-02-01", one line per field a correction changed. */
export function correctionChanges(before: Snapshot, after: Snapshot): string[] {
  return CORRECTABLE.filter(([key]) => before[key] !== after[key]).map(
    ([key, name]) => `${name}: ${valueText(key, before[key])} → ${valueText(key, after[key])}`,
  );
}
