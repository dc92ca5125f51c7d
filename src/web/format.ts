/**
 * How dates, times and numbers look everywhere in the UI (DOMAIN.md §13): dates YYYY-MM-DD,
 * times 24 h HH:MM, numbers with a decimal comma. Times are shown in Swedish time whatever the
 * browser's zone, because staff compare them with each other.
 */
import { todayInSweden } from '../domain/dates.ts';

const dateTimeParts = new Intl.DateTimeFormat('sv-SE', {
  timeZone: 'Europe/Stockholm',
  year: 'numeric',
  month: '2-digit',
  day: '2-digit',
  hour: '2-digit',
  minute: '2-digit',
  hourCycle: 'h23',
});
const numberFormat = new Intl.NumberFormat('sv-SE', { maximumFractionDigits: 2 });

function parts(value: string | Date): Record<string, string> | null {
  const date = typeof value === 'string' ? new Date(value) : value;
  if (Number.isNaN(date.getTime())) return null;
  return Object.fromEntries(dateTimeParts.formatToParts(date).map((part) => [part.type, part.value]));
}

/** A calendar date (already YYYY-MM-DD from the API) or a timestamp's date in Sweden. */
export function formatDate(value: string | Date | null | undefined): string {
  if (!value) return '–';
  if (typeof value === 'string' && /^\d{4}-\d{2}-\d{2}$/.test(value)) return value;
  const p = parts(value);
  return p ? `${p.year}-${p.month}-${p.day}` : '–';
}

/** HH:MM, 24 hours. */
export function formatTime(value: string | Date | null | undefined): string {
  if (!value) return '–';
  const p = parts(value);
  return p ? `${p.hour}:${p.minute}` : '–';
}

export function formatDateTime(value: string | Date | null | undefined): string {
  if (!value) return '–';
  const p = parts(value);
  return p ? `${p.year}-${p.month}-${p.day} ${p.hour}:${p.minute}` : '–';
}

/** 0.33 → "0,33"; the minus sign is a plain hyphen so it copies well. */
export function formatNumber(value: number | null | undefined): string {
  if (value === null || value === undefined || Number.isNaN(value)) return '–';
  return numberFormat.format(value).replace('\u2212', '-');
}

/** Whole years between a birth date and today (or a deceased date), both YYYY-MM-DD. */
export function ageOn(birthDate: string, onDate: string = todayInSweden()): number | null {
  const birth = birthDate.split('-').map(Number);
  const on = onDate.split('-').map(Number);
  if (birth.length !== 3 || on.length !== 3 || birth.some(Number.isNaN) || on.some(Number.isNaN)) return null;
  const [by, bm, bd] = birth as [number, number, number];
  const [oy, om, od] = on as [number, number, number];
  const hadBirthday = om > bm || (om === bm && od >= bd);
  return oy - by - (hadBirthday ? 0 : 1);
}

/** "Efternamn, Förnamn" as staff read persons in lists; null when a protected identity is masked. */
export function personName(person: { firstName: string | null; lastName: string | null }): string | null {
  if (person.firstName === null && person.lastName === null) return null;
  return [person.lastName, person.firstName].filter(Boolean).join(', ');
}

/** "tel:08123456" from "08-123 456": digits and a leading plus, for a link a phone can call; null without a digit. */
export function telHref(phone: string): string | null {
  const trimmed = phone.trim();
  const digits = trimmed.replace(/\D/g, '');
  if (!digits) return null;
  return `tel:${trimmed.startsWith('+') ? '+' : ''}${digits}`;
}
