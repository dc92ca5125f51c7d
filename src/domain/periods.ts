/**
 * Periods of calendar days: decision periods, delivery periods, interruptions. A period runs from
 * its first day to its last day inclusive; `to: null` is "tills vidare" (until further notice).
 * Dates are 'YYYY-MM-DD' strings; the arithmetic runs in UTC so no time zone shifts a day.
 */
import { isValidDate } from './dates.ts';

export interface Period {
  from: string;
  /** Last day, inclusive; null = tills vidare. */
  to: string | null;
}

const DAY_MS = 86_400_000;

export function isIsoDate(value: string): boolean {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(value);
  return match !== null && isValidDate(Number(match[1]), Number(match[2]), Number(match[3]));
}

function toUtc(date: string): number {
  if (!isIsoDate(date)) throw new RangeError(`Not a date: ${date}`);
  return Date.parse(`${date}T00:00:00Z`);
}

function fromUtc(ms: number): string {
  return new Date(ms).toISOString().slice(0, 10);
}

export function addDays(date: string, days: number): string {
  return fromUtc(toUtc(date) + days * DAY_MS);
}

/** The day before: a delivery withdrawn or moved "from a date" ends the day before it. */
export function dayBefore(date: string): string {
  return addDays(date, -1);
}

/** Whole days from a to b (b − a); negative when b is earlier. */
export function daysBetween(a: string, b: string): number {
  return Math.round((toUtc(b) - toUtc(a)) / DAY_MS);
}

/**
 * Calendar months later, clamped to the month's last day: 2026-01-31 + 1 month = 2026-02-28,
 * 2024-01-31 + 1 month = 2024-02-29. Used for "within three months" deadlines.
 */
export function addMonths(date: string, months: number): string {
  const [year, month, day] = date.split('-').map(Number) as [number, number, number];
  toUtc(date);
  const index = year * 12 + (month - 1) + months;
  const targetYear = Math.floor(index / 12);
  const targetMonth = (index % 12) + 1;
  const lastDay = new Date(Date.UTC(targetYear, targetMonth, 0)).getUTCDate();
  return `${String(targetYear).padStart(4, '0')}-${String(targetMonth).padStart(2, '0')}-${String(Math.min(day, lastDay)).padStart(2, '0')}`;
}

export function compareDates(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/** A period's last day is not before its first. */
export function isValidPeriod(period: Period): boolean {
  return isIsoDate(period.from) && (period.to === null || (isIsoDate(period.to) && period.to >= period.from));
}

/** Whether inner lies within outer; an open-ended inner fits only an open-ended outer. */
export function isPeriodWithin(inner: Period, outer: Period): boolean {
  if (inner.from < outer.from) return false;
  if (outer.to === null) return true;
  return inner.to !== null && inner.to <= outer.to;
}

export function periodsOverlap(a: Period, b: Period): boolean {
  const aEndsBeforeB = a.to !== null && a.to < b.from;
  const bEndsBeforeA = b.to !== null && b.to < a.from;
  return !aEndsBeforeB && !bEndsBeforeA;
}

/** Whether the day lies in the period. */
export function isDateInPeriod(date: string, period: Period): boolean {
  return date >= period.from && (period.to === null || date <= period.to);
}
