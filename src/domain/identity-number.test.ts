import { readFileSync } from 'node:fs';
import { isDeepStrictEqual } from 'node:util';
import { describe, it, expect } from 'vitest';
import {
  luhnCheckDigit,
  parseIdentityNumber,
  type IdentityNumber,
  type ParseIdentityNumberResult,
} from './identity-number.ts';

// Fixed "today" so century inference and the future check never drift.
const TODAY = new Date('2026-11-23');
const TEST_NUMBERS_FILE = new URL('../../seeds/data/skatteverket-testpersonnummer.txt', import.meta.url);

const parse = (text: string, today: Date = TODAY): ParseIdentityNumberResult => parseIdentityNumber(text, today);

/** Independent Luhn: concatenate the products and add up every digit. */
function referenceLuhn(nineDigits: string): number {
  const products = [...nineDigits].map((d, i) => String(Number(d) * (i % 2 === 0 ? 2 : 1))).join('');
  const sum = [...products].reduce((acc, d) => acc + Number(d), 0);
  return (10 - (sum % 10)) % 10;
}

/** Completes YYYYMMDDNNN (11 chars; a serial letter counts as 1) with a valid check digit. */
function withCheckDigit(first11: string): string {
  return first11 + String(referenceLuhn(first11.slice(2).replace(/[A-Z]/i, '1')));
}

/** Same number with a check digit that is guaranteed wrong. */
function withWrongCheckDigit(first11: string): string {
  const right = Number(withCheckDigit(first11).slice(-1));
  return first11 + String((right + 1) % 10);
}

function ok(text: string, today: Date = TODAY): IdentityNumber {
  const result = parse(text, today);
  if (!result.ok) throw new Error(`expected ${JSON.stringify(text)} to parse, got: ${result.error}`);
  return result.value;
}

function errorOf(text: string, today: Date = TODAY): string {
  const result = parse(text, today);
  if (result.ok)
    throw new Error(`expected ${JSON.stringify(text)} to be rejected, got ${JSON.stringify(result.value)}`);
  return result.error;
}

const MESSAGES = {
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

describe('luhnCheckDigit', () => {
  it.each([
    ['811218987', 6], // the classic example 811218-9876
    ['380303914', 2], // 19 380303-9142 from a source manual
    ['000000000', 0],
    ['999999999', 9],
  ])('%s → %i', (nine, digit) => {
    expect(luhnCheckDigit(nine)).toBe(digit);
    expect(referenceLuhn(nine)).toBe(digit);
  });

  it('agrees with the reference implementation on many inputs', () => {
    for (let n = 0; n < 1_000_000_000; n += 7_654_321) {
      const nine = String(n).padStart(9, '0');
      expect(luhnCheckDigit(nine)).toBe(referenceLuhn(nine));
    }
  });

  it.each(['', '12345678', '1234567890', '12345678a', '1234-5678'])('throws on %j', (bad) => {
    expect(() => luhnCheckDigit(bad)).toThrow(RangeError);
  });
});

describe("Skatteverket's test personnummer", () => {
  const numbers = readFileSync(TEST_NUMBERS_FILE, 'utf8')
    .split(/\r?\n/)
    .filter((line) => line.trim() !== '');

  /** Expected parse, derived from substrings only. */
  function expectedFor(twelve: string): IdentityNumber {
    const day = Number(twelve.slice(6, 8));
    const coordination = day > 60;
    const realDay = String(coordination ? day - 60 : day).padStart(2, '0');
    return {
      kind: coordination ? 'samordningsnummer' : 'personnummer',
      normalized: `${twelve.slice(0, 8)}-${twelve.slice(8)}`,
      birthDate: `${twelve.slice(0, 4)}-${twelve.slice(4, 6)}-${realDay}`,
      sex: Number(twelve[10]) % 2 === 1 ? 'male' : 'female',
    };
  }

  /** 10-digit form: '+' once the person has turned 100 on TODAY (2026-11-23). */
  function tenDigitForm(twelve: string): string {
    const separator = expectedFor(twelve).birthDate <= '1926-11-23' ? '+' : '-';
    return `${twelve.slice(2, 8)}${separator}${twelve.slice(8)}`;
  }

  /** Collects mismatches instead of 41 493 separate assertions; shows the first few. */
  function mismatches(inputs: Array<[input: string, twelve: string]>): unknown[] {
    return inputs
      .map(([input, twelve]) => ({ input, expected: expectedFor(twelve), got: parse(input) }))
      .filter(({ expected, got }) => !isDeepStrictEqual(got, { ok: true, value: expected }))
      .slice(0, 10);
  }

  it('contains all 41 493 numbers, 12 digits each', () => {
    expect(numbers).toHaveLength(41_493);
    expect(numbers.every((n) => /^\d{12}$/.test(n))).toBe(true);
  });

  it('parses every number in 12-digit form without separator', () => {
    expect(mismatches(numbers.map((n) => [n, n]))).toEqual([]);
  });

  it('parses every number in normalized form (YYYYMMDD-NNNN)', () => {
    expect(mismatches(numbers.map((n) => [`${n.slice(0, 8)}-${n.slice(8)}`, n]))).toEqual([]);
  });

  it("parses every number in 10-digit form with '-' or '+' by age", () => {
    expect(mismatches(numbers.map((n) => [tenDigitForm(n), n]))).toEqual([]);
  });

  it('parses the 10-digit form without separator for everyone under 100', () => {
    const young = numbers.filter((n) => tenDigitForm(n).includes('-'));
    expect(young.length).toBeGreaterThan(0);
    expect(mismatches(young.map((n) => [tenDigitForm(n).replace('-', ''), n]))).toEqual([]);
  });

  it('covers both centenarians and younger people in the 10-digit form', () => {
    const plus = numbers.filter((n) => tenDigitForm(n).includes('+')).length;
    expect(plus).toBeGreaterThan(0);
    expect(plus).toBeLessThan(numbers.length);
  });

  // The file holds few or no samordningsnummer, so derive one from every
  // entry: day + 60 with a recomputed check digit.
  it('parses a derived samordningsnummer for every number, in 12- and 10-digit form', () => {
    const coordination = numbers
      .filter((n) => Number(n.slice(6, 8)) <= 60)
      .map((n) => withCheckDigit(n.slice(0, 6) + String(Number(n.slice(6, 8)) + 60) + n.slice(8, 11)));
    expect(coordination.length).toBeGreaterThan(40_000);
    expect(coordination.every((n) => expectedFor(n).kind === 'samordningsnummer')).toBe(true);
    expect(mismatches(coordination.map((n) => [n, n]))).toEqual([]);
    expect(mismatches(coordination.map((n) => [tenDigitForm(n), n]))).toEqual([]);
  });

  it('rejects every number with its check digit changed', () => {
    const wrong = numbers.map((n) => withWrongCheckDigit(n.slice(0, 11)));
    expect(wrong.filter((n) => parse(n).ok)).toEqual([]);
  });
});

describe('accepted input formats', () => {
  const expected: IdentityNumber = {
    kind: 'personnummer',
    normalized: '19811218-9876',
    birthDate: '1981-12-18',
    sex: 'male',
  };

  it.each([
    '198112189876',
    '19811218-9876',
    '19811218+9876', // in 12-digit form '+' is only a separator
    '8112189876',
    '811218-9876',
    '  811218-9876\t',
    '19 811218-9876',
    '1981 12 18 - 9876',
    '811218\u20139876', // en dash, as pasted from a word processor
    '811218\u22129876', // minus sign
  ])('%j', (text) => {
    expect(ok(text)).toEqual(expected);
  });

  it('accepts the spaced form shown in a source manual', () => {
    expect(ok('19 380303-9142')).toEqual({
      kind: 'personnummer',
      normalized: '19380303-9142',
      birthDate: '1938-03-03',
      sex: 'female',
    });
  });

  it('takes sex from the second-last digit', () => {
    for (let digit = 0; digit <= 9; digit++) {
      const value = ok(withCheckDigit(`1981121898${digit}`));
      expect(value.sex).toBe(digit % 2 === 1 ? 'male' : 'female');
    }
  });

  it('defaults today to the current date', () => {
    expect(parseIdentityNumber('811218-9876')).toEqual({ ok: true, value: expected });
    const farFuture = withCheckDigit('21991231123');
    expect(parseIdentityNumber(farFuture)).toEqual({ ok: false, error: MESSAGES.future });
  });
});

describe('century inference for 10-digit numbers (today 2026-11-23)', () => {
  const born = (text: string): string => ok(text).birthDate;

  it("picks this century when the date is today or earlier ('-')", () => {
    expect(born(withCheckDigit('20261123123').slice(2))).toBe('2026-11-23');
    expect(born(withCheckDigit('20000101123').slice(2))).toBe('2000-01-01');
  });

  it('picks the previous century when the date would be in the future', () => {
    expect(born(withCheckDigit('19261124123').slice(2))).toBe('1926-11-24');
    expect(born(withCheckDigit('19991231123').slice(2))).toBe('1999-12-31');
  });

  it("goes back one more century with '+' (100 years or older)", () => {
    const plus = (twelve: string): string => `${twelve.slice(2, 8)}+${twelve.slice(8)}`;
    expect(born(plus(withCheckDigit('19261123123')))).toBe('1926-11-23');
    expect(born(plus(withCheckDigit('18261124123')))).toBe('1826-11-24');
    expect(born(plus(withCheckDigit('19000101123')))).toBe('1900-01-01');
    expect(ok(plus(withCheckDigit('19000101123'))).normalized).toBe(
      `19000101-${withCheckDigit('19000101123').slice(8)}`,
    );
  });

  it("'-' and no separator are the same", () => {
    const ten = withCheckDigit('19500615123').slice(2);
    expect(ok(ten)).toEqual(ok(`${ten.slice(0, 6)}-${ten.slice(6)}`));
  });

  it('uses the calendar date in Sweden, not UTC, for "today"', () => {
    const number = withCheckDigit('20261124123');
    const justAfterSwedishMidnight = new Date('2026-11-23T23:30:00Z'); // 00:30 on 24 Nov in Stockholm
    const justBeforeSwedishMidnight = new Date('2026-11-23T22:59:00Z'); // 23:59 on 23 Nov in Stockholm
    expect(ok(number, justAfterSwedishMidnight).birthDate).toBe('2026-11-24');
    expect(errorOf(number, justBeforeSwedishMidnight)).toBe(MESSAGES.future);
    expect(ok(number.slice(2), justBeforeSwedishMidnight).birthDate).toBe('1926-11-24');
  });
});

describe('calendar dates', () => {
  it.each([
    ['31 April', '19800431123'],
    ['29 Feb 1900 (not a leap year)', '19000229123'],
    ['29 Feb 2023', '20230229123'],
    ['30 Feb 2000', '20000230123'],
    ['month 00', '19800001123'],
    ['month 13', '19801301123'],
    ['day 00', '19800100123'],
    ['day 32', '19800132123'],
    ['31 June', '19800631123'],
  ])('rejects %s', (_, first11) => {
    expect(errorOf(withCheckDigit(first11))).toBe(MESSAGES.date);
  });

  it.each([
    ['29 Feb 2000 (leap year)', '20000229123', '2000-02-29'],
    ['29 Feb 2024', '20240229123', '2024-02-29'],
    ['29 Feb 1904', '19040229123', '1904-02-29'],
    ['30 April', '19800430123', '1980-04-30'],
    ['31 December', '19801231123', '1980-12-31'],
  ])('accepts %s', (_, first11, birthDate) => {
    expect(ok(withCheckDigit(first11)).birthDate).toBe(birthDate);
  });

  it("rejects 29 Feb 1900 given as 10 digits with '+'", () => {
    const twelve = withCheckDigit('19000229123');
    expect(errorOf(`${twelve.slice(2, 8)}+${twelve.slice(8)}`)).toBe(MESSAGES.date);
  });

  it('rejects dates after today, accepts today', () => {
    expect(errorOf(withCheckDigit('20261124123'))).toBe(MESSAGES.future);
    expect(errorOf(withCheckDigit('20270101123'))).toBe(MESSAGES.future);
    expect(ok(withCheckDigit('20261123123')).birthDate).toBe('2026-11-23');
  });
});

describe('samordningsnummer', () => {
  it('day 61 is the 1st', () => {
    expect(ok(withCheckDigit('19800161123'))).toEqual({
      kind: 'samordningsnummer',
      normalized: `19800161-${withCheckDigit('19800161123').slice(8)}`,
      birthDate: '1980-01-01',
      sex: 'male',
    });
  });

  it('day 91 is the 31st', () => {
    const value = ok(withCheckDigit('19800191133'));
    expect(value.kind).toBe('samordningsnummer');
    expect(value.birthDate).toBe('1980-01-31');
    expect(value.sex).toBe('male');
  });

  it('works in 10-digit form', () => {
    expect(ok(withCheckDigit('19800191133').slice(2)).normalized).toBe(
      `19800191-${withCheckDigit('19800191133').slice(8)}`,
    );
  });

  it.each([
    ['day 92', '19800192123'],
    ['day 60', '19800160123'],
    ['31 April + 60', '19800491123'],
    ['29 Feb 1900 + 60', '19000289123'],
  ])('rejects %s', (_, first11) => {
    expect(errorOf(withCheckDigit(first11))).toBe(MESSAGES.date);
  });

  it('accepts 29 Feb 2000 + 60', () => {
    expect(ok(withCheckDigit('20000289123')).birthDate).toBe('2000-02-29');
  });

  it('checks the future against the real date', () => {
    expect(errorOf(withCheckDigit('20261184123'))).toBe(MESSAGES.future);
    expect(ok(withCheckDigit('20261183123')).birthDate).toBe('2026-11-23');
  });

  it('rejects a wrong check digit', () => {
    expect(errorOf(withWrongCheckDigit('19800161123'))).toBe(MESSAGES.checkDigit);
  });
});

describe('check digit', () => {
  it('rejects every wrong check digit', () => {
    const right = withCheckDigit('19811218987');
    for (let digit = 0; digit <= 9; digit++) {
      const candidate = `19811218987${digit}`;
      if (candidate === right) expect(ok(candidate).kind).toBe('personnummer');
      else expect(errorOf(candidate)).toBe(MESSAGES.checkDigit);
    }
  });

  it('rejects swapped digits', () => {
    expect(errorOf('19811218-9867')).toBe(MESSAGES.checkDigit);
    expect(errorOf('811218-9786')).toBe(MESSAGES.checkDigit);
  });

  it('ignores the century digits (only the last ten count)', () => {
    expect(ok('18811218+9876').birthDate).toBe('1881-12-18');
  });
});

describe('interim numbers (letter first in the serial)', () => {
  const interim = withCheckDigit('19800101T12'); // check digit computed with T = 1

  it('accepts a letter when the check digit holds with the letter as 1', () => {
    expect(ok(interim)).toEqual({
      kind: 'interim',
      normalized: `19800101-T12${interim.slice(-1)}`,
      birthDate: '1980-01-01',
      sex: 'female',
    });
    // The same digits with a real 1 form a valid personnummer.
    expect(ok(interim.replace('T', '1')).kind).toBe('personnummer');
  });

  it('upper-cases the letter and accepts every letter A–Z', () => {
    expect(ok(interim.toLowerCase()).normalized).toBe(ok(interim).normalized);
    for (const letter of 'ABCDEFGHIJKLMNOPQRSTUVWXYZ') {
      expect(ok(interim.replace('T', letter)).normalized).toBe(`19800101-${letter}12${interim.slice(-1)}`);
    }
  });

  it('accepts the 10-digit form with separator', () => {
    expect(ok(`800101-${interim.slice(8)}`).normalized).toBe(ok(interim).normalized);
  });

  it('takes sex from the second-last digit', () => {
    expect(ok(withCheckDigit('19800101T13')).sex).toBe('male');
  });
});

describe('reserve numbers (letter, check digit does not hold)', () => {
  it('accepts 050505-T000 from the source manuals', () => {
    expect(parse('050505-T000')).toEqual({
      ok: true,
      value: { kind: 'reserve', normalized: '20050505-T000', birthDate: '2005-05-05', sex: 'female' },
    });
  });

  it('is reserve whenever the letter-as-1 check fails', () => {
    for (const first11 of ['19800101T12', '20050505T00', '19500615X31']) {
      const value = ok(withWrongCheckDigit(first11));
      expect(value.kind).toBe('reserve');
    }
    expect(ok(withWrongCheckDigit('19500615X31')).sex).toBe('male');
  });

  it('still requires a real date that is not in the future', () => {
    expect(errorOf('19000229-T000')).toBe(MESSAGES.date);
    expect(errorOf('800431-T000')).toBe(MESSAGES.date);
    expect(errorOf('20261124-T000')).toBe(MESSAGES.future);
  });

  it('does not allow samordningsnummer days with a letter', () => {
    expect(errorOf('19800161-T000')).toBe(MESSAGES.date);
  });
});

describe('rejected input', () => {
  it.each([
    ['empty string', '', MESSAGES.empty],
    ['only whitespace', '   ', MESSAGES.empty],
    ['11 digits', '19811218987', MESSAGES.length],
    ['11 digits with separator', '1981121-9876', MESSAGES.length],
    ['9 digits', '811218-987', MESSAGES.length],
    ['13 digits', '1981121898761', MESSAGES.length],
    ['only a separator', '-', MESSAGES.length],
    ['words', 'abc', MESSAGES.length],
    ['slash', '811218/9876', MESSAGES.characters],
    ['dot', '811218.9876', MESSAGES.characters],
    ['underscore', '811218_9876', MESSAGES.characters],
    ['non-ASCII letter', '811218-Å876', MESSAGES.characters],
    ['separator too early', '81121-89876', MESSAGES.separator],
    ['separator at the end', '8112189876-', MESSAGES.separator],
    ['separator at the start', '+8112189876', MESSAGES.separator],
    ['two separators', '811218--9876', MESSAGES.separator],
    ['plus and minus', '19811218-+9876', MESSAGES.separator],
    ['separator after century', '19-8112189876', MESSAGES.separator],
    ['letter in the date', '8A1218-9876', MESSAGES.letter],
    ['letter in the century', 'A9811218-9876', MESSAGES.letter],
    ['letter second in the serial', '811218-9T76', MESSAGES.letter],
    ['letter third in the serial', '811218-98T6', MESSAGES.letter],
    ['letter as check digit', '811218-987T', MESSAGES.letter],
    ['two letters in the serial', '811218-TT76', MESSAGES.letter],
    ['wrong check digit', '811218-9875', MESSAGES.checkDigit],
    ['31 April', withCheckDigit('19800431123'), MESSAGES.date],
    ['future date', withCheckDigit('20300101123'), MESSAGES.future],
  ])('%s (%j)', (_, text, message) => {
    expect(errorOf(text)).toBe(message);
  });

  it('every error message is a non-empty Swedish sentence', () => {
    const inputs = [
      '',
      '811218/9876',
      '11111',
      '81121-89876',
      '8A1218-9876',
      '800431-1234',
      withCheckDigit('20301124123'),
      '811218-9875',
      '198112180001',
      '811218 9876',
    ];
    const errors = new Set(inputs.map((text) => errorOf(text)));
    expect([...errors].sort()).toEqual(Object.values(MESSAGES).sort());
    for (const error of errors) {
      expect(error).toMatch(/^[A-ZÅÄÖ][a-zåäö]*(,? [0-9a-zåäö]+)*\.$/);
      expect(error.split(' ').length).toBeGreaterThanOrEqual(3);
    }
  });
});

describe('serial number 000, which Skatteverket never issues', () => {
  const zero = (first8: string, digit = '') => withCheckDigit(`${first8}000`) + digit;

  it.each([
    ['12 digits', () => zero('19811218')],
    ['normalized', () => `19811218-${zero('19811218').slice(8)}`],
    ['10 digits with -', () => `811218-${zero('19811218').slice(8)}`],
    ['10 digits with +', () => `181218+${zero('19181218').slice(8)}`],
    ['10 digits without separator', () => zero('19811218').slice(2)],
    ['a samordningsnummer (day + 60)', () => zero('19811278')],
  ])('refuses it in %s, with the check digit right', (_label, make) => {
    expect(errorOf(make())).toBe(MESSAGES.serialZero);
  });

  it('refuses it whatever the check digit, saying why rather than blaming the check digit', () => {
    for (let digit = 0; digit <= 9; digit++) expect(errorOf(`19811218000${digit}`)).toBe(MESSAGES.serialZero);
  });

  it('accepts 001 and 100, the serials next to it', () => {
    expect(ok(withCheckDigit('19811218001')).kind).toBe('personnummer');
    expect(ok(withCheckDigit('19811218100')).kind).toBe('personnummer');
  });

  it('leaves the reserve and interim formats their own rules (T000 is a reserve number)', () => {
    expect(ok('050505-T000').kind).toBe('reserve');
    expect(ok(withCheckDigit('20050505T00')).kind).toBe('interim');
  });
});

describe('a space where the separator goes', () => {
  it.each(['811218 9876', '811218  9876', '811218\t9876', ' 811218 9876 ', '81 12 18 9876'])(
    'refuses %j in 10-digit form: - and + would give different centuries',
    (text) => {
      expect(errorOf(text)).toBe(MESSAGES.spaceSeparator);
    },
  );

  it('refuses it for someone aged 100 or more, who would otherwise be made a century younger', () => {
    const centenarian = withCheckDigit('19181218123');
    expect(ok(`${centenarian.slice(2, 8)}+${centenarian.slice(8)}`).birthDate).toBe('1918-12-18');
    expect(errorOf(`${centenarian.slice(2, 8)} ${centenarian.slice(8)}`)).toBe(MESSAGES.spaceSeparator);
  });

  it('accepts spaces beside a written separator, and in 12-digit form where the century is written out', () => {
    expect(ok('811218 - 9876').normalized).toBe('19811218-9876');
    expect(ok('811218 -9876').normalized).toBe('19811218-9876');
    expect(ok('19811218 9876').normalized).toBe('19811218-9876');
    expect(ok('19 811218 9876').normalized).toBe('19811218-9876');
  });
});
