/**
 * Which of a person's delivery rows staff visit for on a day (Inför besöket): a row runs that day
 * when the day lies in its period, it has been sent to delivery (a row under distribution is not
 * the staff's yet), and no interruption (avbrott) covers the day; it is carried out that day by the
 * week days it is registered for. Pure; the server and the web both use it.
 */
import { WEEKDAYS, type Weekday } from './vocabulary.ts';

/** Utförs on a delivery row: hela veckan, vardagar (Monday–Friday), helger (Saturday and Sunday). */
export type DeliveryDayRule = 'whole_week' | 'weekdays' | 'weekends';

/** The week day of a YYYY-MM-DD date, as the assignment's planned days name them. */
export function weekdayOf(date: string): Weekday {
  const [year, month, day] = date.split('-').map(Number) as [number, number, number];
  // getUTCDay: 0 is Sunday; WEEKDAYS starts on Monday, as Swedish weeks do.
  return WEEKDAYS[(new Date(Date.UTC(year, month - 1, day)).getUTCDay() + 6) % 7]!;
}

/**
 * Whether the row is carried out on the day by its week days: the provider's Utförs on the row
 * when registered (it is how the unit delivers), else the weekdays the assignment planned, else
 * every day (nothing says otherwise). Public holidays are not known here: "vardagar" means
 * Monday to Friday.
 */
export function isVisitDay(date: string, days: DeliveryDayRule | null, plannedDays: readonly Weekday[]): boolean {
  const weekday = weekdayOf(date);
  const isWeekend = weekday === 'sat' || weekday === 'sun';
  if (days === 'whole_week') return true;
  if (days === 'weekdays') return !isWeekend;
  if (days === 'weekends') return isWeekend;
  return plannedDays.length === 0 || plannedDays.includes(weekday);
}

/** An interruption (avbrott): its first and last day; toDate null while not resumed. */
export interface VisitInterruption {
  fromDate: string;
  toDate: string | null;
}

/** The interruption that covers the day, if any: no visits then. */
export function interruptionOn<T extends VisitInterruption>(date: string, interruptions: readonly T[]): T | undefined {
  return interruptions.find(
    (interruption) => interruption.fromDate <= date && (interruption.toDate === null || interruption.toDate >= date),
  );
}
