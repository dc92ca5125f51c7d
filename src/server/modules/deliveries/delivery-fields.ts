/**
 * The rules for a delivery row's fields as the provider registers them, and for its start date.
 * Pure; messages are Swedish because the web shows them next to the field. The period rule itself
 * is the decision's (deliveryPeriodProblem in src/domain/decision-rules.ts); this file only says
 * which field a problem belongs to.
 */
import { decisionLastDay, deliveryPeriodProblem, type DecisionPeriod } from '../../../domain/decision-rules.ts';
import { addDays } from '../../../domain/periods.ts';
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
}

/** Problems with one row's fields, keyed by field name; empty when it may be registered. */
export function deliveryFieldProblems(fields: DeliveryFields, context: DeliveryFieldContext): Record<string, string> {
  const problems: Record<string, string> = {};
  if (!context.providerUnitIds.has(fields.providerUnitId)) problems.providerUnitId = 'Välj en aktiv utförarenhet hos utföraren.';
  const period = periodProblem(fields, context);
  if (period) problems[period.field] = period.message;
  for (const key of ['hoursPerVisit', 'extraHoursTwoStaff', 'frequency'] as const) {
    const value = fields[key];
    if (value !== null && !hasAtMostTwoDecimals(value)) problems[key] = 'Ange högst två decimaler.';
  }
  if (fields.frequency !== null && fields.frequencyUnit === null) problems.frequencyUnit = 'Välj enhet för tid/frekvens.';
  if (fields.frequency === null && fields.frequencyUnit !== null) problems.frequency = 'Ange tid/frekvens för enheten.';
  if (fields.frequency !== null && fields.frequencyUnit !== null && !problems.frequency && fields.frequency > MAX_FREQUENCY[fields.frequencyUnit]) {
    problems.frequency = `Högst ${MAX_FREQUENCY[fields.frequencyUnit]} i den enheten.`;
  }
  return problems;
}

/** Which field a period problem belongs to: the start when the start is what is wrong, else the end. */
function periodProblem(fields: DeliveryFields, context: DeliveryFieldContext): { field: 'periodFrom' | 'periodTo'; message: string } | null {
  const { continuesAfter } = context;
  if (continuesAfter && fields.periodFrom <= continuesAfter) {
    return { field: 'periodFrom', message: `Raden fortsätter en återkallad rad som gäller till och med ${continuesAfter}; börja tidigast ${addDays(continuesAfter, 1)}.` };
  }
  const message = deliveryPeriodProblem({ from: fields.periodFrom, to: fields.periodTo }, context.decision);
  if (!message) return null;
  const lastDay = decisionLastDay({ ...context.decision });
  const isStartWrong = fields.periodFrom < context.decision.periodFrom || (lastDay !== null && fields.periodFrom > lastDay);
  return { field: isStartWrong ? 'periodFrom' : 'periodTo', message };
}

/** Whether a number has at most two decimals (the columns keep hundredths). */
export function hasAtMostTwoDecimals(value: number): boolean {
  return Math.abs(value * 100 - Math.round(value * 100)) < 1e-6;
}

/**
 * Whether the support can be registered as started on the day (verkställighetsdatum), or why not:
 * within the row's period, and not in the future — it records what happened.
 */
export function startDateProblem(row: { periodFrom: string; periodTo: string | null }, startedOn: string, today: string): string | null {
  if (startedOn > today) return 'Verkställighetsdatum kan inte vara i framtiden.';
  if (startedOn < row.periodFrom) return `Verkställighetsdatum kan inte vara före radens period (från ${row.periodFrom}).`;
  if (row.periodTo !== null && startedOn > row.periodTo) return `Verkställighetsdatum kan inte vara efter radens period (till ${row.periodTo}).`;
  return null;
}
