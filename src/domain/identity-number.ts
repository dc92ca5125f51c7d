/**
 * Swedish identity numbers: personnummer, samordningsnummer, interim numbers
 * (health care) and the municipality's own reserve numbers.
 *
 * Pure: no I/O. "Today" is always passed in (or defaults to now) so that
 * century inference and the future-date check are deterministic in tests.
 */

import { compareDateParts, isValidDate, swedishCalendarDate, type DateParts } from './dates.ts';

export type IdentityNumberKind = 'personnummer' | 'samordningsnummer' | 'interim' | 'reserve';
export type Sex = 'male' | 'female';

export interface IdentityNumber {
  kind: IdentityNumberKind;
  /** `YYYYMMDD-NNNN`; an interim/reserve letter is kept, upper-cased. */
  normalized: string;
  /** `YYYY-MM-DD`, the real birth date (samordningsnummer day minus 60). */
  birthDate: string;
  sex: Sex;
}

export type ParseIdentityNumberResult = { ok: true; value: IdentityNumber } | { ok: false; error: string };

// Messages are shown to case workers as they are, so they are full Swedish sentences.
const ERRORS = {
  empty: 'Ange ett personnummer eller samordningsnummer.',
  characters: 'Numret får bara innehålla siffror, bindestreck eller plustecken.',
  length: 'Ange 10 eller 12 siffror.',
  separator: 'Bindestrecket eller plustecknet ska stå före de fyra sista tecknen.',
  letter: 'En bokstav får bara stå först bland de fyra sista tecknen.',
  date: 'Datumet finns inte.',
  future: 'Födelsedatumet ligger i framtiden.',
  checkDigit: 'Kontrollsiffran stämmer inte.',
  serialZero: 'Skatteverket delar aldrig ut födelsenumret 000.',
  spaceSeparator:
    'Skriv bindestreck eller plustecken före de fyra sista siffrorna, ett mellanslag säger inte om personen är 100 år eller äldre.',
} as const;

/** Samordningsnummer carry the birth day plus 60. */
const COORDINATION_DAY_OFFSET = 60;

/**
 * Luhn check digit over YYMMDDNNN (the 10-digit form without its last digit).
 * Throws on anything but nine digits: callers map interim letters to '1' first.
 */
export function luhnCheckDigit(nineDigits: string): number {
  if (!/^\d{9}$/.test(nineDigits)) throw new RangeError('luhnCheckDigit expects exactly nine digits');
  let sum = 0;
  for (let i = 0; i < 9; i++) {
    // Weights alternate 2,1,2,…; a two-digit product contributes its digit sum.
    const product = Number(nineDigits[i]) * (i % 2 === 0 ? 2 : 1);
    sum += product > 9 ? product - 9 : product;
  }
  return (10 - (sum % 10)) % 10;
}

export function parseIdentityNumber(text: string, today: Date = new Date()): ParseIdentityNumberResult {
  // Spaces appear in real input ("19 380303-9142" in one manual); word
  // processors turn '-' into en dashes or minus signs when numbers are pasted.
  const dashed = text.trim().replace(/[\u2010-\u2015\u2212]/g, '-');
  const compact = dashed.replace(/\s+/g, '');
  if (compact === '') return fail('empty');
  if (!/^[0-9A-Za-z+-]+$/.test(compact)) return fail('characters');

  const body = compact.replace(/[+-]/g, '');
  if (body.length !== 10 && body.length !== 12) return fail('length');
  const separator = separatorOf(compact);
  if (separator === null) return fail('separator');
  // "450701 8820" would silently become '-': for someone aged 100 or more that is the wrong
  // century. Twelve digits carry the century, so a space there hides nothing.
  if (body.length === 10 && !/[+-]/.test(compact) && /\s[0-9A-Za-z]{4}$/.test(dashed)) return fail('spaceSeparator');

  const serial = body.slice(-4).toUpperCase();
  if (/[A-Za-z]/.test(body.slice(0, -4)) || !/^[A-Z0-9]\d{3}$/.test(serial)) return fail('letter');
  const hasLetter = /^[A-Z]/.test(serial);

  const month = Number(body.slice(-8, -6));
  const rawDay = Number(body.slice(-6, -4));
  // Letter numbers are issued on the real birth date; only digit-only numbers
  // can be samordningsnummer.
  const isCoordination = !hasLetter && rawDay > COORDINATION_DAY_OFFSET;
  const day = isCoordination ? rawDay - COORDINATION_DAY_OFFSET : rawDay;

  const todayParts = swedishCalendarDate(today);
  const year =
    body.length === 12
      ? Number(body.slice(0, 4))
      : inferYear(Number(body.slice(0, 2)), month, day, separator === '+', todayParts);

  if (!isValidDate(year, month, day)) return fail('date');
  if (compareDateParts([year, month, day], todayParts) > 0) return fail('future');

  // Interim numbers are checked with the letter counted as 1. A letter number
  // that fails that check is not rejected: the municipality's reserve numbers
  // (e.g. 050505-T000) have no real check digit, so it becomes 'reserve'.
  // Reserve and interim numbers keep their own rules (050505-T000 is a reserve number).
  if (/^000\d$/.test(serial)) return fail('serialZero');

  const lastTen = body.slice(-10, -4) + serial.replace(/^[A-Z]/, '1');
  const checkPasses = luhnCheckDigit(lastTen.slice(0, 9)) === Number(lastTen[9]);
  if (!checkPasses && !hasLetter) return fail('checkDigit');

  const kind: IdentityNumberKind = hasLetter
    ? checkPasses
      ? 'interim'
      : 'reserve'
    : isCoordination
      ? 'samordningsnummer'
      : 'personnummer';
  const datePart = `${pad(year, 4)}${body.slice(-8, -4)}`;
  return {
    ok: true,
    value: {
      kind,
      normalized: `${datePart}-${serial}`,
      birthDate: `${pad(year, 4)}-${pad(month, 2)}-${pad(day, 2)}`,
      // The second-last character is always a digit here (a letter may only
      // be first of the four), so parity gives the sex for every kind.
      sex: Number(serial[2]) % 2 === 1 ? 'male' : 'female',
    },
  };
}

function fail(key: keyof typeof ERRORS): ParseIdentityNumberResult {
  return { ok: false, error: ERRORS[key] };
}

/** '-' or '+' if present (no separator counts as '-'); null if misplaced or repeated. */
function separatorOf(compact: string): '-' | '+' | null {
  const found = compact.match(/[+-]/g) ?? [];
  if (found.length === 0) return '-';
  if (found.length > 1 || compact.search(/[+-]/) !== compact.length - 5) return null;
  return found[0] === '+' ? '+' : '-';
}

/**
 * For a 10-digit number pick the most recent century in which the birth date
 * is not in the future; '+' marks a person aged 100 or more, one century back.
 */
function inferYear(yy: number, month: number, day: number, centenarian: boolean, today: DateParts): number {
  let year = Math.floor(today[0] / 100) * 100 + yy;
  if (compareDateParts([year, month, day], today) > 0) year -= 100;
  return centenarian ? year - 100 : year;
}

function pad(n: number, width: number): string {
  return String(n).padStart(width, '0');
}
