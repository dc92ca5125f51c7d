/**
 * The time an assignment hands to the provider, per month. Each granted intervention's scope is
 * turned into minutes per month; the total granted time is their sum rounded up to the nearest
 * quarter hour (seed 004), and the staff time counts two-staff interventions twice.
 *
 * A month is an average month, so a scope gives the same minutes whatever month it is:
 * - 52 weeks a year / 12 = 52/12 ≈ 4,33 weeks a month;
 * - 365 days a year / 12 = 365/12 ≈ 30,42 days a month (leap days ignored, as the routines do).
 * Days and nights per month are already per month.
 */
import { roundUpToQuarterHour } from './granted-time.ts';

export type TimeScopeUnit =
  | 'hours_per_month'
  | 'hours_per_week'
  | 'times_per_day'
  | 'times_per_week'
  | 'times_per_month'
  | 'days_per_month'
  | 'nights_per_month'
  | 'none';

export const WEEKS_PER_MONTH = 52 / 12;
export const DAYS_PER_MONTH = 365 / 12;

export interface InterventionTime {
  scopeUnit: TimeScopeUnit;
  /** Granted amount in the scope unit; null when the unit is none. */
  grantedAmount: number | null;
  /** Minutes per visit, occasion, day or night; null when not given. */
  minutesPerOccasion: number | null;
  /** Needs two staff (dubbelbemanning): counts twice in the staff time. */
  isTwoStaff: boolean;
}

/**
 * Minutes per month for one intervention, unrounded. Scopes counted in occasions need the minutes
 * per occasion; without them (or with a scope of none, e.g. trygghetslarm) the intervention adds
 * no time.
 */
export function monthlyMinutes(intervention: InterventionTime): number {
  const amount = intervention.grantedAmount ?? 0;
  const perOccasion = intervention.minutesPerOccasion ?? 0;
  if (!Number.isFinite(amount) || amount < 0) throw new RangeError(`Granted amount must be ≥ 0, got ${amount}`);
  if (!Number.isFinite(perOccasion) || perOccasion < 0)
    throw new RangeError(`Minutes per occasion must be ≥ 0, got ${perOccasion}`);
  switch (intervention.scopeUnit) {
    case 'hours_per_month':
      return amount * 60;
    case 'hours_per_week':
      // Multiply before dividing: 52 / 12 is not exact in binary, 60 × 52 = 3120 is.
      return (amount * 60 * 52) / 12;
    case 'times_per_day':
      return (amount * perOccasion * 365) / 12;
    case 'times_per_week':
      return (amount * perOccasion * 52) / 12;
    case 'times_per_month':
    case 'days_per_month':
    case 'nights_per_month':
      return amount * perOccasion;
    case 'none':
      return 0;
  }
}

/** Total granted time per month: every intervention once, the sum rounded up to the quarter hour. */
export function totalGrantedMinutes(interventions: readonly InterventionTime[]): number {
  return roundUpToQuarterHour(sum(interventions.map(monthlyMinutes)));
}

/** Staff time per month: two-staff interventions count twice, the sum rounded up to the quarter hour. */
export function totalStaffMinutes(interventions: readonly InterventionTime[]): number {
  return roundUpToQuarterHour(
    sum(interventions.map((intervention) => monthlyMinutes(intervention) * (intervention.isTwoStaff ? 2 : 1))),
  );
}

/** Whether the scope is counted in occasions, so minutes per occasion are needed for its time. */
export function needsMinutesPerOccasion(scopeUnit: TimeScopeUnit): boolean {
  return scopeUnit !== 'hours_per_month' && scopeUnit !== 'hours_per_week' && scopeUnit !== 'none';
}

function sum(values: readonly number[]): number {
  return values.reduce((total, value) => total + value, 0);
}
