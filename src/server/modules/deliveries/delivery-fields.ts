/**
 * The rules for a delivery row's fields as the provider registers (or corrects) them. Pure;
 * messages are Swedish because the web shows them next to the field. The date rules themselves are
 * the domain's (deliveryPeriodProblem in src/domain/decision-rules.ts, the start after a change of
 * time or of provider in src/domain/delivery-rules.ts); this file says which field a problem
 * belongs to.
 */
import { decisionLastDay, deliveryPeriodProblem, type DecisionPeriod } from '../../../domain/decision-rules.ts';
import { continuationStartProblem, providerChangeStartProblem } from '../../../domain/delivery-rules.ts';
import type { DeliveryFields, FrequencyUnit } from '../../../contract/deliveries.ts';

/**
 * The largest frequency that can exist in each unit (a month has at most 744 hours); a larger
 * figure is a typing mistake. Times are capped at one every half hour, as for decisions.
 */
export const MAX_FREQUENCY: Record<FrequencyUnit, number> = {
  times_per_day: 48,
  times_per_week: 336,
  times_per_month: 1488,
  hours_per_week: 168,
  hours_per_month: 744,
};

export interface DeliveryFieldContext {
  decision: Pick<DecisionPeriod, 'periodFrom' | 'periodTo' | 'endedOn'>;
  /** The active provider units under the assignment's provider. */
  providerUnitIds: ReadonlySet<string>;
  /** For a row that continues a withdrawn one (a change of time): the withdrawn row's last day. */
  continuesAfter?: string | null;
  /** For a row of an assignment sent by a change of provider: the change date, its earliest start. */
  providerChangeFrom?: string | null;
}

/** The time fields of a row: hours, days and frequency (what a correction may change besides the labels). */
export type TimeFields = Pick<DeliveryFields, 'hoursPerVisit' | 'extraHoursTwoStaff' | 'frequency' | 'frequencyUnit'>;

/** Problems with one row's fields, keyed by field name; empty when it may be registered. */
export function deliveryFieldProblems(fields: DeliveryFields, context: DeliveryFieldContext): Record<string, string> {
  const problems: Record<string, string> = {};
  if (!context.providerUnitIds.has(fields.providerUnitId))
    problems.providerUnitId = 'Välj en aktiv utförarenhet hos utföraren.';
  const period = periodProblem(fields, context);
  if (period) problems[period.field] = period.message;
  return { ...problems, ...timeFieldProblems(fields) };
}

/** Problems with the hours and the frequency, keyed by field name: two decimals, a frequency with its unit and within it. */
export function timeFieldProblems(fields: TimeFields): Record<string, string> {
  const problems: Record<string, string> = {};
  for (const key of ['hoursPerVisit', 'extraHoursTwoStaff', 'frequency'] as const) {
    const value = fields[key];
    if (value !== null && !hasAtMostTwoDecimals(value)) problems[key] = 'Ange högst två decimaler.';
  }
  if (fields.frequency !== null && fields.frequencyUnit === null)
    problems.frequencyUnit = 'Välj enhet för tid/frekvens.';
  if (fields.frequency === null && fields.frequencyUnit !== null) problems.frequency = 'Ange tid/frekvens för enheten.';
  if (
    fields.frequency !== null &&
    fields.frequencyUnit !== null &&
    !problems.frequency &&
    fields.frequency > MAX_FREQUENCY[fields.frequencyUnit]
  ) {
    problems.frequency = `Högst ${MAX_FREQUENCY[fields.frequencyUnit]} i den enheten.`;
  }
  return problems;
}

/** Which field a period problem belongs to: the start when the start is what is wrong, else the end. */
function periodProblem(
  fields: DeliveryFields,
  context: DeliveryFieldContext,
): { field: 'periodFrom' | 'periodTo'; message: string } | null {
  const continuation = context.continuesAfter
    ? continuationStartProblem(fields.periodFrom, context.continuesAfter)
    : null;
  if (continuation) return { field: 'periodFrom', message: continuation };
  const providerChange = context.providerChangeFrom
    ? providerChangeStartProblem(fields.periodFrom, context.providerChangeFrom)
    : null;
  if (providerChange) return { field: 'periodFrom', message: providerChange };
  const message = deliveryPeriodProblem({ from: fields.periodFrom, to: fields.periodTo }, context.decision);
  if (!message) return null;
  const lastDay = decisionLastDay({ ...context.decision });
  const isStartWrong =
    fields.periodFrom < context.decision.periodFrom || (lastDay !== null && fields.periodFrom > lastDay);
  return { field: isStartWrong ? 'periodFrom' : 'periodTo', message };
}

/** Whether a number has at most two decimals (the columns keep hundredths). */
export function hasAtMostTwoDecimals(value: number): boolean {
  return Math.abs(value * 100 - Math.round(value * 100)) < 1e-6;
}
