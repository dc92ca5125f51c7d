import { describe, expect, it } from 'vitest';
import { dateTextProblem, formatDateText, parseDateText } from './dateText.ts';

describe('parseDateText', () => {
  it('reads ÅÅÅÅ-MM-DD as that day at local midnight', () => {
    const date = parseDateText('2026-03-01');
    expect(date).toEqual(new Date(2026, 2, 1));
    expect(date?.getHours()).toBe(0);
  });

  it('ignores spaces around the date', () => {
    expect(parseDateText(' 2026-12-31 ')).toEqual(new Date(2026, 11, 31));
  });

  it('names no day for text that is not a whole, existing date', () => {
    for (const text of ['', '2026-3-1', '20260301', '2026-02-30', '2026-13-01', '2026-00-10', '2026-03-01x'])
      expect(parseDateText(text), text).toBeUndefined();
  });

  it('knows leap years', () => {
    expect(parseDateText('2028-02-29')).toEqual(new Date(2028, 1, 29));
    expect(parseDateText('2100-02-29')).toBeUndefined();
  });

  it('keeps years below 100 as they are, where new Date(y, m, d) would add 1900', () => {
    expect(parseDateText('0050-01-01')?.getFullYear()).toBe(50);
  });
});

describe('formatDateText', () => {
  it('writes a picked day as ÅÅÅÅ-MM-DD with leading zeros', () => {
    expect(formatDateText(new Date(2026, 0, 5))).toBe('2026-01-05');
    expect(formatDateText(new Date(2026, 11, 31, 23, 59))).toBe('2026-12-31');
  });

  it('gives back what parseDateText read', () => {
    for (const text of ['2026-03-29', '2026-10-25', '1999-12-31', '2028-02-29'])
      expect(formatDateText(parseDateText(text)!)).toBe(text);
  });
});

describe('dateTextProblem', () => {
  it('accepts an existing date', () => {
    expect(dateTextProblem('2026-03-01')).toBeNull();
  });

  it('asks for the format, then for a date that exists', () => {
    expect(dateTextProblem('1/3 2026')).toBe('Ange datum som ÅÅÅÅ-MM-DD.');
    expect(dateTextProblem('2026-02-30')).toBe('Datumet finns inte.');
  });
});
