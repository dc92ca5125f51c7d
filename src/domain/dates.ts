/**
 * Calendar dates as staff mean them: Swedish calendar days, written YYYY-MM-DD, independent of
 * the server's time zone.
 */
export type DateParts = readonly [year: number, month: number, day: number];

// "Today" is the date in Sweden, not in whatever time zone the server happens to run.
const stockholmDate = new Intl.DateTimeFormat('en-CA', {
  timeZone: 'Europe/Stockholm',
  year: 'numeric',
  month: '2-digit',
  day: '2-digit',
});

export function swedishCalendarDate(date: Date): DateParts {
  const parts = stockholmDate.formatToParts(date);
  const get = (type: Intl.DateTimeFormatPartTypes): number => Number(parts.find((part) => part.type === type)?.value);
  return [get('year'), get('month'), get('day')];
}

/** Today's date in Sweden as YYYY-MM-DD. */
export function todayInSweden(now: Date = new Date()): string {
  return formatDateParts(swedishCalendarDate(now));
}

export function formatDateParts([year, month, day]: DateParts): string {
  return `${String(year).padStart(4, '0')}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
}

export function compareDateParts(a: DateParts, b: DateParts): number {
  return a[0] - b[0] || a[1] - b[1] || a[2] - b[2];
}

export function isValidDate(year: number, month: number, day: number): boolean {
  return month >= 1 && month <= 12 && day >= 1 && day <= daysInMonth(year, month);
}

export function daysInMonth(year: number, month: number): number {
  if (month === 2) return isLeapYear(year) ? 29 : 28;
  return [4, 6, 9, 11].includes(month) ? 30 : 31;
}

/** Gregorian rule: 1900 was not a leap year, 2000 was. */
export function isLeapYear(year: number): boolean {
  return (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
}
