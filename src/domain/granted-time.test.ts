import { describe, expect, it } from 'vitest';
import { formatMinutesAsHours, hoursToMinutes, roundUpToQuarterHour } from './granted-time.ts';

describe('roundUpToQuarterHour', () => {
  it('keeps zero at zero', () => {
    expect(roundUpToQuarterHour(0)).toBe(0);
  });

  it('keeps exact quarters', () => {
    for (const minutes of [15, 30, 45, 60, 75, 600, 15 * 1000]) expect(roundUpToQuarterHour(minutes)).toBe(minutes);
  });

  it('rounds one minute over a quarter up to the next quarter', () => {
    expect(roundUpToQuarterHour(1)).toBe(15);
    expect(roundUpToQuarterHour(16)).toBe(30);
    expect(roundUpToQuarterHour(61)).toBe(75);
  });

  it('rounds one minute under a quarter up to it', () => {
    expect(roundUpToQuarterHour(14)).toBe(15);
    expect(roundUpToQuarterHour(59)).toBe(60);
  });

  it('rounds fractions of a minute up', () => {
    expect(roundUpToQuarterHour(0.5)).toBe(15);
    expect(roundUpToQuarterHour(15.01)).toBe(30);
  });

  it('rounds decimal hours from the seeds, e.g. 0,33 h = 19,8 min → 30', () => {
    expect(roundUpToQuarterHour(hoursToMinutes(0.33))).toBe(30);
    expect(roundUpToQuarterHour(hoursToMinutes(0.25))).toBe(15);
    expect(roundUpToQuarterHour(hoursToMinutes(0.5))).toBe(30);
    expect(roundUpToQuarterHour(hoursToMinutes(0.75))).toBe(45);
    expect(roundUpToQuarterHour(hoursToMinutes(1.1))).toBe(75);
  });

  it('does not let float noise push an exact quarter up', () => {
    // 1.15 * 60 = 69.00000000000001 and 0.1 * 3 * 60 = 18.000000000000004 in binary floating point.
    expect(roundUpToQuarterHour(1.15 * 60)).toBe(75);
    expect(roundUpToQuarterHour(0.75 * 3 * 20)).toBe(45);
    expect(roundUpToQuarterHour(0.1 * 3 * 50)).toBe(15);
    expect(roundUpToQuarterHour(15 + 1e-9)).toBe(15);
  });

  it('refuses negative, infinite and NaN input', () => {
    for (const bad of [-1, -0.001, Number.NaN, Number.POSITIVE_INFINITY])
      expect(() => roundUpToQuarterHour(bad)).toThrow(RangeError);
  });
});

describe('hoursToMinutes', () => {
  it('converts decimal hours without float noise', () => {
    expect(hoursToMinutes(0.33)).toBe(19.8);
    expect(hoursToMinutes(1.15)).toBe(69);
    expect(hoursToMinutes(0)).toBe(0);
  });

  it('refuses negative hours', () => {
    expect(() => hoursToMinutes(-0.5)).toThrow(RangeError);
  });
});

describe('formatMinutesAsHours', () => {
  it('writes hours and minutes the Swedish way', () => {
    expect(formatMinutesAsHours(0)).toBe('0 min');
    expect(formatMinutesAsHours(45)).toBe('45 min');
    expect(formatMinutesAsHours(60)).toBe('1 tim');
    expect(formatMinutesAsHours(135)).toBe('2 tim 15 min');
  });
});
