/**
 * Working days for statutory time (issue 16): Monday–Friday except the Swedish public holidays of
 * lag (1989:253) om allmänna helgdagar that can fall on a weekday — New Year's Day, Epiphany, Good
 * Friday, Easter Monday, 1 May, Ascension Day, the National Day (6 June), Christmas Day and Boxing
 * Day — and the days lag (1930:173) om beräkning av lagstadgad tid treats as holidays: Midsummer
 * Eve, Christmas Eve and New Year's Eve. Easter Sunday, Whit Sunday, Midsummer Day and All Saints'
 * Day always fall on a weekend, so they need no rule of their own.
 */
import { addDays } from './periods.ts';

/** Easter Sunday of a Gregorian year (the anonymous Gregorian algorithm, Meeus/Jones/Butcher). */
export function easterSunday(year: number): string {
  const a = year % 19;
  const b = Math.floor(year / 100);
  const c = year % 100;
  const d = Math.floor(b / 4);
  const e = b % 4;
  const f = Math.floor((b + 8) / 25);
  const g = Math.floor((b - f + 1) / 3);
  const h = (19 * a + b - d - g + 15) % 30;
  const i = Math.floor(c / 4);
  const k = c % 4;
  const l = (32 + 2 * e + 2 * i - h - k) % 7;
  const m = Math.floor((a + 11 * h + 22 * l) / 451);
  const month = Math.floor((h + l - 7 * m + 114) / 31);
  const day = ((h + l - 7 * m + 114) % 31) + 1;
  return `${year}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
}

/** Midsummer Eve: the Friday from 19 to 25 June. */
export function midsummerEve(year: number): string {
  const june19 = `${year}-06-19`;
  const weekday = new Date(`${june19}T00:00:00Z`).getUTCDay();
  return addDays(june19, (5 - weekday + 7) % 7);
}

/** The weekday holidays and holiday-like eves of a year, with their Swedish names. */
export function nonWorkingWeekdays(year: number): ReadonlyMap<string, string> {
  const easter = easterSunday(year);
  const days: [string, string][] = [
    [`${year}-01-01`, 'Nyårsdagen'],
    [`${year}-01-06`, 'Trettondedag jul'],
    [addDays(easter, -2), 'Långfredagen'],
    [addDays(easter, 1), 'Annandag påsk'],
    [`${year}-05-01`, 'Första maj'],
    [addDays(easter, 39), 'Kristi himmelsfärdsdag'],
    [`${year}-06-06`, 'Sveriges nationaldag'],
    [midsummerEve(year), 'Midsommarafton'],
    [`${year}-12-24`, 'Julafton'],
    [`${year}-12-25`, 'Juldagen'],
    [`${year}-12-26`, 'Annandag jul'],
    [`${year}-12-31`, 'Nyårsafton'],
  ];
  return new Map(days);
}

const byYear = new Map<number, ReadonlyMap<string, string>>();

function holidaysOf(year: number): ReadonlyMap<string, string> {
  let days = byYear.get(year);
  if (!days) {
    days = nonWorkingWeekdays(year);
    byYear.set(year, days);
  }
  return days;
}

/** Whether statutory time counts the day as a working day. */
export function isWorkingDay(date: string): boolean {
  const weekday = new Date(`${date}T00:00:00Z`).getUTCDay();
  if (weekday === 0 || weekday === 6) return false;
  return !holidaysOf(Number(date.slice(0, 4))).has(date);
}

/**
 * The day `days` working days after `date` (days ≥ 0). Adding 0 returns the day itself, working
 * day or not: "within five working days" of a Saturday ends on the fifth working day after it.
 */
export function addWorkingDays(date: string, days: number): string {
  if (!Number.isInteger(days) || days < 0) throw new RangeError('days must be a whole number, 0 or more');
  let day = date;
  for (let left = days; left > 0; ) {
    day = addDays(day, 1);
    if (isWorkingDay(day)) left -= 1;
  }
  return day;
}
