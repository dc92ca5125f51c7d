import { describe, expect, it } from 'vitest';
import {
  addDays,
  addMonths,
  dayBefore,
  daysBetween,
  isDateInPeriod,
  isIsoDate,
  isPeriodWithin,
  isValidPeriod,
  periodsOverlap,
} from './periods.ts';

describe('day arithmetic', () => {
  it('finds the day before across month, year and leap-day boundaries', () => {
    expect(dayBefore('2026-03-01')).toBe('2026-02-28');
    expect(dayBefore('2024-03-01')).toBe('2024-02-29');
    expect(dayBefore('2000-03-01')).toBe('2000-02-29');
    expect(dayBefore('1900-03-01')).toBe('1900-02-28');
    expect(dayBefore('2027-01-01')).toBe('2026-12-31');
    expect(dayBefore('2026-05-01')).toBe('2026-04-30');
  });

  it('adds days across a daylight-saving change without losing one', () => {
    expect(addDays('2026-03-28', 2)).toBe('2026-03-30');
    expect(addDays('2026-10-24', 2)).toBe('2026-10-26');
  });

  it('counts days between dates', () => {
    expect(daysBetween('2026-01-01', '2026-12-31')).toBe(364);
    expect(daysBetween('2024-01-01', '2024-12-31')).toBe(365);
    expect(daysBetween('2026-02-01', '2026-01-01')).toBe(-31);
  });

  it('adds months and clamps to the month end', () => {
    expect(addMonths('2026-01-31', 1)).toBe('2026-02-28');
    expect(addMonths('2024-01-31', 1)).toBe('2024-02-29');
    expect(addMonths('2026-03-31', 3)).toBe('2026-06-30');
    expect(addMonths('2026-11-30', 3)).toBe('2027-02-28');
    expect(addMonths('2026-05-15', 3)).toBe('2026-08-15');
    expect(addMonths('2026-05-15', -5)).toBe('2025-12-15');
    expect(addMonths('2024-02-29', 12)).toBe('2025-02-28');
  });

  it('refuses impossible dates', () => {
    expect(isIsoDate('2026-02-29')).toBe(false);
    expect(isIsoDate('2024-02-29')).toBe(true);
    expect(isIsoDate('2026-13-01')).toBe(false);
    expect(isIsoDate('26-01-01')).toBe(false);
    expect(() => dayBefore('2026-02-30')).toThrow(RangeError);
    expect(() => addMonths('2026-04-31', 1)).toThrow(RangeError);
  });
});

describe('periods', () => {
  it('is valid when the last day is not before the first, or open', () => {
    expect(isValidPeriod({ from: '2026-01-01', to: '2026-01-01' })).toBe(true);
    expect(isValidPeriod({ from: '2026-01-01', to: null })).toBe(true);
    expect(isValidPeriod({ from: '2026-01-02', to: '2026-01-01' })).toBe(false);
    expect(isValidPeriod({ from: '2026-02-30', to: null })).toBe(false);
  });

  it('lies within another only inside both ends; open fits only open', () => {
    const decision = { from: '2026-01-01', to: '2026-12-31' };
    expect(isPeriodWithin({ from: '2026-01-01', to: '2026-12-31' }, decision)).toBe(true);
    expect(isPeriodWithin({ from: '2025-12-31', to: '2026-06-30' }, decision)).toBe(false);
    expect(isPeriodWithin({ from: '2026-02-01', to: '2027-01-01' }, decision)).toBe(false);
    expect(isPeriodWithin({ from: '2026-02-01', to: null }, decision)).toBe(false);
    expect(isPeriodWithin({ from: '2026-02-01', to: null }, { from: '2026-01-01', to: null })).toBe(true);
    expect(isPeriodWithin({ from: '2026-02-01', to: '2099-12-31' }, { from: '2026-01-01', to: null })).toBe(true);
  });

  it('overlaps when they share a day', () => {
    expect(periodsOverlap({ from: '2026-01-01', to: '2026-01-31' }, { from: '2026-01-31', to: null })).toBe(true);
    expect(periodsOverlap({ from: '2026-01-01', to: '2026-01-30' }, { from: '2026-01-31', to: null })).toBe(false);
    expect(periodsOverlap({ from: '2026-01-01', to: null }, { from: '2020-01-01', to: '2025-12-31' })).toBe(false);
  });

  it('holds a day when the day is between the ends', () => {
    expect(isDateInPeriod('2026-06-30', { from: '2026-01-01', to: '2026-06-30' })).toBe(true);
    expect(isDateInPeriod('2026-07-01', { from: '2026-01-01', to: '2026-06-30' })).toBe(false);
    expect(isDateInPeriod('2030-01-01', { from: '2026-01-01', to: null })).toBe(true);
  });
});
