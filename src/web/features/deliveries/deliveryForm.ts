/**
 * A delivery row's values as the form keeps them (text, as typed), how they start, how they are
 * checked before sending, and the request fields they become. Shared by the distribution form and
 * the "Registrera" dialog for a row under distribution.
 */
import type { DeliveryDays, DeliveryFieldsInput, FrequencyUnit } from '../../../contract/deliveries.ts';
import { todayInSweden } from '../../../domain/dates.ts';
import { decisionLastDay } from '../../../domain/decision-rules.ts';
import { providerChangeStartProblem } from '../../../domain/delivery-rules.ts';
import type { FieldErrors } from '../../components/form.ts';
import { formatNumber } from '../../format.ts';
import type { DeliveryRow, DistributionOptions } from './deliveries.api.ts';

export interface RowValues {
  /** Local key: rows are added and removed, so their position is not their identity. */
  key: string;
  assignmentInterventionId: string;
  providerUnitId: string;
  label: string;
  formOfDelivery: string;
  resource: string;
  resourceUse: string;
  watchDate: string;
  periodFrom: string;
  periodTo: string;
  hoursPerVisit: string;
  extraHoursTwoStaff: string;
  days: DeliveryDays | '';
  frequency: string;
  frequencyUnit: FrequencyUnit | '';
}

export type RowField = Exclude<keyof RowValues, 'key' | 'assignmentInterventionId'>;

let nextKey = 0;
const newKey = () => `row-${++nextKey}`;

/**
 * A fresh row: the provider's only unit if it has one, from today (or the decision's start) to the
 * decision's last day. From a change of provider it starts on the change date: the old provider
 * delivers until the day before, and no row may start earlier.
 */
export function emptyRow(
  options: Pick<DistributionOptions, 'decision' | 'providerUnits' | 'providerChange'>,
  assignmentInterventionId: string,
  from?: RowValues,
): RowValues {
  const today = todayInSweden();
  const start =
    // biome-ignore lint/complexity/useMathMinMax: ISO dates as strings, compared as text; Math.max would make them numbers
    options.providerChange?.changeDate ?? (options.decision.periodFrom > today ? options.decision.periodFrom : today);
  return {
    key: newKey(),
    assignmentInterventionId,
    providerUnitId: from?.providerUnitId ?? (options.providerUnits.length === 1 ? options.providerUnits[0]!.id : ''),
    label: '',
    formOfDelivery: from?.formOfDelivery ?? '',
    resource: '',
    resourceUse: '',
    watchDate: '',
    periodFrom: from?.periodFrom ?? start,
    periodTo: from?.periodTo ?? decisionLastDay(options.decision) ?? '',
    hoursPerVisit: '',
    extraHoursTwoStaff: '',
    days: '',
    frequency: '',
    frequencyUnit: '',
  };
}

const numberText = (value: number | null) => (value === null ? '' : formatNumber(value).replace(/\s/g, ''));

/** The values of a saved row, for registering it again. */
export function rowValuesOf(row: DeliveryRow): RowValues {
  return {
    key: row.id,
    assignmentInterventionId: row.assignmentInterventionId,
    providerUnitId: row.providerUnit.id,
    label: row.label ?? '',
    formOfDelivery: row.formOfDelivery ?? '',
    resource: row.resource ?? '',
    resourceUse: row.resourceUse ?? '',
    watchDate: row.watchDate ?? '',
    periodFrom: row.periodFrom,
    periodTo: row.periodTo ?? '',
    hoursPerVisit: numberText(row.hoursPerVisit),
    extraHoursTwoStaff: numberText(row.extraHoursTwoStaff),
    days: row.days ?? '',
    frequency: numberText(row.frequency),
    frequencyUnit: row.frequencyUnit ?? '',
  };
}

/** "0,33" or "0.33" → 0.33; empty → null; anything else → NaN, for the form to flag. */
export function parseDecimal(text: string): number | null {
  const trimmed = text.trim();
  if (trimmed === '') return null;
  return /^\d+([.,]\d+)?$/.test(trimmed) ? Number(trimmed.replace(',', '.')) : Number.NaN;
}

const DATE = /^\d{4}-\d{2}-\d{2}$/;

/**
 * What the form checks itself (the server checks everything again): required fields, dates and
 * numbers as typed, and — from a change of provider — no start before the change date.
 */
export function rowErrors(
  values: RowValues,
  providerChangeFrom: string | null = null,
): Partial<Record<RowField, string>> {
  const errors: Partial<Record<RowField, string>> = {};
  if (!values.providerUnitId) errors.providerUnitId = 'Välj utförarenhet.';
  if (!values.periodFrom.trim()) errors.periodFrom = 'Ange första dag.';
  for (const key of ['periodFrom', 'periodTo', 'watchDate'] as const) {
    if (values[key].trim() && !DATE.test(values[key].trim())) errors[key] = 'Ange datum som ÅÅÅÅ-MM-DD.';
  }
  const changeProblem =
    providerChangeFrom && !errors.periodFrom
      ? providerChangeStartProblem(values.periodFrom.trim(), providerChangeFrom)
      : null;
  if (changeProblem) errors.periodFrom = changeProblem;
  for (const key of ['hoursPerVisit', 'extraHoursTwoStaff', 'frequency'] as const) {
    const value = parseDecimal(values[key]);
    if (value !== null && (Number.isNaN(value) || value <= 0)) errors[key] = 'Ange ett tal större än 0, t.ex. 0,5.';
  }
  if (values.frequency.trim() && !values.frequencyUnit && !errors.frequency)
    errors.frequencyUnit = 'Välj enhet för tid/frekvens.';
  if (!values.frequency.trim() && values.frequencyUnit) errors.frequency = 'Ange tid/frekvens för enheten.';
  return errors;
}

/** The errors of every row, keyed as the server keys them: rows.N.field. */
export function rowsErrors(rows: readonly RowValues[], providerChangeFrom: string | null = null): FieldErrors {
  const errors: FieldErrors = {};
  rows.forEach((row, index) => {
    for (const [field, message] of Object.entries(rowErrors(row, providerChangeFrom)))
      errors[`rows.${index}.${field}`] = message;
  });
  return errors;
}

const text = (value: string) => (value.trim() === '' ? null : value.trim());

/** The request fields of one row. */
export function toFields(values: RowValues): DeliveryFieldsInput {
  return {
    providerUnitId: values.providerUnitId,
    label: text(values.label),
    formOfDelivery: text(values.formOfDelivery),
    resource: text(values.resource),
    resourceUse: text(values.resourceUse),
    watchDate: text(values.watchDate),
    periodFrom: values.periodFrom.trim(),
    periodTo: text(values.periodTo),
    hoursPerVisit: parseDecimal(values.hoursPerVisit),
    extraHoursTwoStaff: parseDecimal(values.extraHoursTwoStaff),
    days: values.days || null,
    frequency: parseDecimal(values.frequency),
    frequencyUnit: values.frequencyUnit || null,
  };
}

/**
 * "2019-11-05–t.v." as the manual writes a period. A row whose decision ended before its first day
 * ends before it begins (migration 0023): it says so rather than show a period running backwards.
 */
export function periodText(from: string, to: string | null): string {
  if (to !== null && to < from) return `${from}, påbörjades aldrig (avslutad ${to})`;
  return `${from}–${to ?? 't.v.'}`;
}
