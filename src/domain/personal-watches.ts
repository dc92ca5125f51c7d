/**
 * Personal watches (bevakningar): a user's own dated reminder on a person, or on one of the
 * person's records. Pure rules the server and the web share: a watch's state on a day, the days
 * the desk's summary counts, and which due dates may be set. Dates are 'YYYY-MM-DD' in Sweden.
 */
import { addDays, isIsoDate } from './periods.ts';

/** A watch's state on a day: before its day, on it, after it, or cleared (klarmarkerad). */
export const PERSONAL_WATCH_STATES = ['overdue', 'due', 'upcoming', 'done'] as const;
export type PersonalWatchState = (typeof PERSONAL_WATCH_STATES)[number];

/** The records a watch may concern besides the person: an authority case, an assignment, a provider case. */
export const WATCH_RECORD_KINDS = ['case', 'assignment', 'provider_case'] as const;
export type WatchRecordKind = (typeof WATCH_RECORD_KINDS)[number];

/** What to look at: short, one or two sentences. */
export const PERSONAL_WATCH_NOTE_MAX = 300;

/** The desk's "upcoming" count looks this many days ahead of today (today itself is "due"). */
export const UPCOMING_WINDOW_DAYS = 7;

/** How far ahead a watch may be set: far enough for a yearly follow-up, not a typo's year 2205. */
export const LATEST_DUE_YEARS = 5;

/**
 * The state of a watch due on `dueOn` on the day `today`: done once cleared, whatever the day;
 * otherwise upcoming before its day, due on it, overdue from the day after.
 */
export function personalWatchState(watch: { dueOn: string; isDone: boolean }, today: string): PersonalWatchState {
  if (watch.isDone) return 'done';
  if (watch.dueOn > today) return 'upcoming';
  if (watch.dueOn === today) return 'due';
  return 'overdue';
}

/** The last day the desk's "upcoming" count reaches: today + UPCOMING_WINDOW_DAYS, inclusive. */
export function upcomingUntil(today: string): string {
  return addDays(today, UPCOMING_WINDOW_DAYS);
}

/** The latest due date that may be set today. */
export function latestDueOn(today: string): string {
  const [year, rest] = [Number(today.slice(0, 4)), today.slice(4)];
  // 29 February five years on does not exist (5 is no multiple of 4): the day before, 28 February.
  const candidate = `${String(year + LATEST_DUE_YEARS).padStart(4, '0')}${rest}`;
  return isIsoDate(candidate) ? candidate : addDays(`${String(year + LATEST_DUE_YEARS).padStart(4, '0')}-03-01`, -1);
}

/**
 * Why `dueOn` cannot be a new watch's day, or null. Not before today — a reminder for a day gone
 * by would be overdue at once — and not more than LATEST_DUE_YEARS ahead.
 */
export function dueDateProblem(dueOn: string, today: string): string | null {
  if (!isIsoDate(dueOn)) return 'Datumet finns inte.';
  if (dueOn < today) return 'Datumet har redan passerat. Välj i dag eller ett senare datum.';
  if (dueOn > latestDueOn(today)) return `Välj ett datum högst ${LATEST_DUE_YEARS} år fram.`;
  return null;
}
