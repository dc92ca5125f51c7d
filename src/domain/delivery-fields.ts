/**
 * The rules for a delivery row's fields as the provider registers (or corrects) them: the unit,
 * the period inside the decision, the hours and the frequency. Pure and shared: the server refuses
 * a row with these problems, and the distribution form shows the same problems on every field at
 * once before anything is sent. Messages are Swedish because the web shows them next to the field.
 * The date rules themselves are deliveryPeriodProblem (decision-rules.ts) and the start after a
 * change of time or of provider (delivery-rules.ts); this file says which field a problem is on.
 */
import { decisionLastDay, deliveryPeriodProblem, type DecisionPeriod } from './decision-rules.ts';
import { continuationStartProblem, providerChangeStartProblem } from './delivery-rules.ts';
import { isIsoDate } from './periods.ts';

/** The units of Tid/Frekv (the contract's FREQUENCY_UNITS). */
export type FrequencyUnitCode =
  | 'times_per_day'
  | 'times_per_week'
  | 'times_per_month'
  | 'hours_per_week'
  | 'hours_per_month';

/** Utförs (the contract's DELIVERY_DAYS). */
export type DeliveryDaysCode = 'whole_week' | 'weekdays' | 'weekends';

/** A visit lasts at most a day. */
export const MAX_HOURS_PER_VISIT = 24;

/**
 * The largest frequency that can exist in each unit (a month has at most 744 hours); a larger
 * figure is a typing mistake. Times are capped at one every half hour, as for decisions.
 */
export const MAX_FREQUENCY: Record<FrequencyUnitCode, number> = {
  times_per_day: 48,
  times_per_week: 336,
  times_per_month: 1488,
  hours_per_week: 168,
  hours_per_month: 744,
};

/** The fields the rules read, as the request carries them (dates as ÅÅÅÅ-MM-DD, numbers or null). */
export interface DeliveryFieldValues {
  providerUnitId: string;
  periodFrom: string;
  /** Null = tills vidare. */
  periodTo: string | null;
  hoursPerVisit: number | null;
  extraHoursTwoStaff: number | null;
  frequency: number | null;
  frequencyUnit: FrequencyUnitCode | null;
}

export interface DeliveryFieldContext {
  decision: Pick<DecisionPeriod, 'periodFrom' | 'periodTo' | 'endedOn'>;
  /** The active provider units under the assignment's provider. */
  providerUnitIds: ReadonlySet<string>;
  /** For a row that continues a withdrawn one (a change of time): the withdrawn row's last day. */
  continuesAfter?: string | null;
  /** For a row of an assignment sent by a change of provider: the change date, its earliest start. */
  providerChangeFrom?: string | null;
}

/** The time fields of a row: hours and frequency (what a correction may change besides the labels). */
export type TimeFields = Pick<
  DeliveryFieldValues,
  'hoursPerVisit' | 'extraHoursTwoStaff' | 'frequency' | 'frequencyUnit'
>;

/** Problems with one row's fields, keyed by field name; empty when it may be registered. */
export function deliveryFieldProblems(
  fields: DeliveryFieldValues,
  context: DeliveryFieldContext,
): Record<string, string> {
  const problems: Record<string, string> = {};
  if (!context.providerUnitIds.has(fields.providerUnitId))
    problems.providerUnitId = 'Välj en aktiv utförarenhet hos utföraren.';
  const period = periodProblem(fields, context);
  if (period) problems[period.field] = period.message;
  return { ...problems, ...timeFieldProblems(fields) };
}

/**
 * Problems with the hours and the frequency, keyed by field name: more than 0 and within what can
 * exist, two decimals, a frequency with its unit.
 */
export function timeFieldProblems(fields: TimeFields): Record<string, string> {
  const problems: Record<string, string> = {};
  for (const key of ['hoursPerVisit', 'extraHoursTwoStaff'] as const) {
    const value = fields[key];
    if (value === null) continue;
    if (!(value > 0)) problems[key] = 'Ange fler än 0 timmar.';
    else if (value > MAX_HOURS_PER_VISIT) problems[key] = `Högst ${MAX_HOURS_PER_VISIT} timmar per besök.`;
    else if (!hasAtMostTwoDecimals(value)) problems[key] = 'Ange högst två decimaler.';
  }
  if (fields.frequency !== null) {
    if (!(fields.frequency > 0)) problems.frequency = 'Ange ett tal större än 0.';
    else if (!hasAtMostTwoDecimals(fields.frequency)) problems.frequency = 'Ange högst två decimaler.';
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
  fields: DeliveryFieldValues,
  context: DeliveryFieldContext,
): { field: 'periodFrom' | 'periodTo'; message: string } | null {
  if (!isIsoDate(fields.periodFrom)) return { field: 'periodFrom', message: 'Datumet finns inte.' };
  if (fields.periodTo !== null && !isIsoDate(fields.periodTo))
    return { field: 'periodTo', message: 'Datumet finns inte.' };
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

// ---- What the assignment grants, as a delivery row's time: the distribution form starts from it ----

/** The facts of an assignment's intervention the provider's row starts from. */
export interface GrantedInterventionFacts {
  isPersonalAlarm: boolean;
  grantedAmount: number | null;
  scopeUnit: string;
  minutesPerOccasion: number | null;
  plannedDays: readonly string[];
  isTwoStaff: boolean;
}

/**
 * Whether the intervention is planned as visits by staff: minutes per occasion, planned days and
 * times and two staff on the officer's assignment, and hours per visit, days and frequency on the
 * provider's rows. A personal alarm (trygghetslarm) is not: it is installed and answered when the
 * person calls, granted without a scope (DOMAIN.md §1), so neither form asks for a visit's time.
 * Other interventions without a scope (särskilt boende, HSL) keep the fields, optional.
 */
export function isPlannedInVisits(intervention: Pick<GrantedInterventionFacts, 'isPersonalAlarm'>): boolean {
  return !intervention.isPersonalAlarm;
}

/** The granted scope units that are also units of Tid/Frekv; days and nights per month have none. */
const FREQUENCY_UNIT_OF_SCOPE: Readonly<Record<string, FrequencyUnitCode>> = {
  times_per_day: 'times_per_day',
  times_per_week: 'times_per_week',
  times_per_month: 'times_per_month',
  hours_per_week: 'hours_per_week',
  hours_per_month: 'hours_per_month',
};

const WEEKDAYS_MON_FRI = ['mon', 'tue', 'wed', 'thu', 'fri'];
const WEEKEND = ['sat', 'sun'];

/** Utförs from the officer's planned weekdays: all seven, Monday–Friday or the weekend; any other set has no name. */
export function deliveryDaysOf(plannedDays: readonly string[]): DeliveryDaysCode | null {
  const days = new Set(plannedDays);
  const isExactly = (list: readonly string[]) => days.size === list.length && list.every((day) => days.has(day));
  if (isExactly([...WEEKDAYS_MON_FRI, ...WEEKEND])) return 'whole_week';
  if (isExactly(WEEKDAYS_MON_FRI)) return 'weekdays';
  if (isExactly(WEEKEND)) return 'weekends';
  return null;
}

/** A delivery row's time as the assignment grants it; null where the assignment says nothing. */
export interface GrantedDeliveryTime {
  hoursPerVisit: number | null;
  extraHoursTwoStaff: number | null;
  days: DeliveryDaysCode | null;
  frequency: number | null;
  frequencyUnit: FrequencyUnitCode | null;
}

/**
 * What the officer granted, in the provider's terms: minutes per occasion as hours per visit
 * (to the hundredth, as the row keeps them: 20 min → 0,33), the same again as "+ Dubbel" when two
 * staff go, the planned weekdays as Utförs, and the granted amount as Tid/Frekv in the same unit.
 * A personal alarm, and whatever the assignment leaves open, stays empty for the provider to fill.
 */
export function grantedDeliveryTime(intervention: GrantedInterventionFacts): GrantedDeliveryTime {
  const none: GrantedDeliveryTime = {
    hoursPerVisit: null,
    extraHoursTwoStaff: null,
    days: null,
    frequency: null,
    frequencyUnit: null,
  };
  if (!isPlannedInVisits(intervention)) return none;
  const minutes = intervention.minutesPerOccasion;
  const hours = minutes !== null && minutes > 0 ? Math.max(0.01, Math.round((minutes / 60) * 100) / 100) : null;
  const frequencyUnit = FREQUENCY_UNIT_OF_SCOPE[intervention.scopeUnit] ?? null;
  const frequency =
    frequencyUnit !== null && intervention.grantedAmount !== null && intervention.grantedAmount > 0
      ? intervention.grantedAmount
      : null;
  return {
    hoursPerVisit: hours,
    extraHoursTwoStaff: intervention.isTwoStaff ? hours : null,
    days: deliveryDaysOf(intervention.plannedDays),
    frequency,
    frequencyUnit: frequency === null ? null : frequencyUnit,
  };
}
