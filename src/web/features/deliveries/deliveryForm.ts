/**
 * A delivery row's values as the form keeps them (text, as typed), how they start (from what the
 * officer granted in the assignment), how they are checked before sending — every rule the server
 * checks, on every field at once (src/domain/delivery-fields.ts) — and the request fields they
 * become. Shared by the distribution form and the "Registrera" and "Rätta" dialogs.
 */
import type { DeliveryDays, DeliveryFieldsInput, FrequencyUnit } from '../../../contract/deliveries.ts';
import { todayInSweden } from '../../../domain/dates.ts';
import { decisionLastDay, type DecisionPeriod } from '../../../domain/decision-rules.ts';
import {
  deliveryFieldProblems,
  grantedDeliveryTime,
  timeFieldProblems,
  type GrantedInterventionFacts,
} from '../../../domain/delivery-fields.ts';
import { isIsoDate } from '../../../domain/periods.ts';
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

/**
 * A row as the officer granted the intervention (src/domain/delivery-fields.ts grantedDeliveryTime):
 * hours per visit, + Dubbel for two staff, Utförs and Tid/Frekv filled in, on top of emptyRow's
 * unit and period, so the provider changes only what differs. A split row copies the unit, the
 * form of delivery and the period of the row it follows, and starts from the grant again.
 */
export function grantedRow(
  options: Pick<DistributionOptions, 'decision' | 'providerUnits' | 'providerChange'>,
  intervention: { id: string } & GrantedInterventionFacts,
  from?: RowValues,
): RowValues {
  const time = grantedDeliveryTime(intervention);
  return {
    ...emptyRow(options, intervention.id, from),
    hoursPerVisit: numberText(time.hoursPerVisit),
    extraHoursTwoStaff: numberText(time.extraHoursTwoStaff),
    days: time.days ?? '',
    frequency: numberText(time.frequency),
    frequencyUnit: time.frequencyUnit ?? '',
  };
}

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

/** What checking a row needs besides its values: the decision, the provider's units, a change of provider's date. */
export interface RowContext {
  decision: Pick<DecisionPeriod, 'periodFrom' | 'periodTo' | 'endedOn'>;
  providerUnitIds: ReadonlySet<string>;
  /** From a change of provider: no row starts before this day. */
  providerChangeFrom?: string | null;
}

/** The context of the distribution form and the Registrera dialog: what the distribution options say. */
export function rowContextOf(
  options: Pick<DistributionOptions, 'decision' | 'providerUnits' | 'providerChange'>,
): RowContext {
  return {
    decision: options.decision,
    providerUnitIds: new Set(options.providerUnits.map((unit) => unit.id)),
    providerChangeFrom: options.providerChange?.changeDate ?? null,
  };
}

/**
 * Every problem the server would find with the row, at once: first what is typed (required
 * fields, dates as ÅÅÅÅ-MM-DD that exist, numbers), then the server's own rules on what could be
 * read (src/domain/delivery-fields.ts): a unit of the provider, the period inside the decision and
 * from a change of provider's date, hours and frequency within their limits. Without a context
 * (a correction, whose unit and period stay) only the typing and the time are checked.
 */
export function rowErrors(values: RowValues, context: RowContext | null = null): Partial<Record<RowField, string>> {
  const errors: Partial<Record<RowField, string>> = {};
  if (!values.providerUnitId) errors.providerUnitId = 'Välj utförarenhet.';
  if (!values.periodFrom.trim()) errors.periodFrom = 'Ange första dag.';
  for (const key of ['periodFrom', 'periodTo', 'watchDate'] as const) {
    const text = values[key].trim();
    if (!text || errors[key]) continue;
    if (!DATE.test(text)) errors[key] = 'Ange datum som ÅÅÅÅ-MM-DD.';
    else if (!isIsoDate(text)) errors[key] = 'Datumet finns inte.';
  }
  const numbers = {
    hoursPerVisit: parseDecimal(values.hoursPerVisit),
    extraHoursTwoStaff: parseDecimal(values.extraHoursTwoStaff),
    frequency: parseDecimal(values.frequency),
  };
  for (const key of ['hoursPerVisit', 'extraHoursTwoStaff', 'frequency'] as const) {
    const value = numbers[key];
    if (value !== null && (Number.isNaN(value) || value <= 0)) errors[key] = 'Ange ett tal större än 0, t.ex. 0,5.';
  }
  // The server's rules, on the values that could be read; a field already wrong keeps its first problem.
  const readable = (value: number | null) => (value === null || Number.isNaN(value) ? null : value);
  const time = {
    hoursPerVisit: readable(numbers.hoursPerVisit),
    extraHoursTwoStaff: readable(numbers.extraHoursTwoStaff),
    frequency: readable(numbers.frequency),
    frequencyUnit: values.frequencyUnit || null,
  };
  const problems = context
    ? deliveryFieldProblems(
        {
          ...time,
          providerUnitId: values.providerUnitId,
          periodFrom: values.periodFrom.trim(),
          periodTo: values.periodTo.trim() || null,
        },
        context,
      )
    : timeFieldProblems(time);
  for (const [field, message] of Object.entries(problems) as [RowField, string][]) errors[field] ??= message;
  return errors;
}

/** The errors of every row, keyed as the server keys them: rows.N.field. */
export function rowsErrors(rows: readonly RowValues[], context: RowContext | null = null): FieldErrors {
  const errors: FieldErrors = {};
  rows.forEach((row, index) => {
    for (const [field, message] of Object.entries(rowErrors(row, context))) errors[`rows.${index}.${field}`] = message;
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
