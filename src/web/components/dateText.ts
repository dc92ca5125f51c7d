/**
 * Dates as every date field in Vardag takes them: typed ÅÅÅÅ-MM-DD, or picked in the calendar,
 * which works in the browser's local Date objects. Pure, so the conversions are unit-tested.
 */
import { formatDateParts, isValidDate } from '../../domain/dates.ts';

const DATE_TEXT = /^(\d{4})-(\d{2})-(\d{2})$/;

/** The calendar day a typed ÅÅÅÅ-MM-DD names, at local midnight; undefined while it names none. */
export function parseDateText(text: string): Date | undefined {
  const match = DATE_TEXT.exec(text.trim());
  if (!match) return undefined;
  const [year, month, day] = [Number(match[1]), Number(match[2]), Number(match[3])];
  if (!isValidDate(year, month, day)) return undefined;
  // setFullYear, not the constructor: new Date(50, 0, 1) would mean 1950.
  const date = new Date(2000, 0, 1);
  date.setFullYear(year, month - 1, day);
  return date;
}

/** A picked day (a local Date) as ÅÅÅÅ-MM-DD. */
export function formatDateText(date: Date): string {
  return formatDateParts([date.getFullYear(), date.getMonth() + 1, date.getDate()]);
}

/** What is wrong with a typed date, in the words every form uses, or null if nothing is. */
export function dateTextProblem(text: string): string | null {
  const trimmed = text.trim();
  if (!DATE_TEXT.test(trimmed)) return 'Ange datum som ÅÅÅÅ-MM-DD.';
  return parseDateText(trimmed) ? null : 'Datumet finns inte.';
}
