import { describe, expect, it } from 'vitest';
import {
  monthlyMinutes,
  needsMinutesPerOccasion,
  totalGrantedMinutes,
  totalStaffMinutes,
  type InterventionTime,
  type TimeScopeUnit,
} from './assignment-time.ts';

const time = (
  scopeUnit: TimeScopeUnit,
  grantedAmount: number | null,
  minutesPerOccasion: number | null = null,
  isTwoStaff = false,
): InterventionTime => ({ scopeUnit, grantedAmount, minutesPerOccasion, isTwoStaff });

describe('monthlyMinutes', () => {
  it('takes hours per month as they are', () => {
    expect(monthlyMinutes(time('hours_per_month', 20))).toBe(1200);
    expect(monthlyMinutes(time('hours_per_month', 0.5))).toBe(30);
  });

  it('turns hours per week into a month of 52/12 weeks', () => {
    expect(monthlyMinutes(time('hours_per_week', 3))).toBe(780);
    expect(monthlyMinutes(time('hours_per_week', 5))).toBe(1300);
    expect(monthlyMinutes(time('hours_per_week', 1))).toBeCloseTo(260, 9);
  });

  it('turns times per day into a month of 365/12 days', () => {
    expect(monthlyMinutes(time('times_per_day', 2, 30))).toBe(1825);
    expect(monthlyMinutes(time('times_per_day', 1, 12))).toBe(365);
  });

  it('turns times per week into a month of 52/12 weeks', () => {
    expect(monthlyMinutes(time('times_per_week', 7, 15))).toBe(455);
    expect(monthlyMinutes(time('times_per_week', 3, 20))).toBe(260);
  });

  it('counts times, days and nights per month once each', () => {
    expect(monthlyMinutes(time('times_per_month', 4, 45))).toBe(180);
    expect(monthlyMinutes(time('days_per_month', 10, 480))).toBe(4800);
    expect(monthlyMinutes(time('nights_per_month', 8, 600))).toBe(4800);
  });

  it('gives no time without minutes per occasion, or for a scope of none', () => {
    expect(monthlyMinutes(time('times_per_day', 3, null))).toBe(0);
    expect(monthlyMinutes(time('days_per_month', 10, null))).toBe(0);
    expect(monthlyMinutes(time('none', null, 30))).toBe(0);
    expect(monthlyMinutes(time('hours_per_month', null))).toBe(0);
  });

  it('ignores minutes per occasion for scopes already in hours', () => {
    expect(monthlyMinutes(time('hours_per_month', 2, 45))).toBe(120);
    expect(monthlyMinutes(time('hours_per_week', 3, 45))).toBe(780);
  });

  it('refuses negative and non-finite input', () => {
    expect(() => monthlyMinutes(time('hours_per_month', -1))).toThrow(RangeError);
    expect(() => monthlyMinutes(time('times_per_week', 2, -5))).toThrow(RangeError);
    expect(() => monthlyMinutes(time('hours_per_week', Number.NaN))).toThrow(RangeError);
    expect(() => monthlyMinutes(time('times_per_day', 1, Number.POSITIVE_INFINITY))).toThrow(RangeError);
  });
});

describe('totalGrantedMinutes', () => {
  it('is zero with nothing, or only scopes without time', () => {
    expect(totalGrantedMinutes([])).toBe(0);
    expect(totalGrantedMinutes([time('none', null)])).toBe(0);
  });

  it('keeps a sum that is an exact quarter hour', () => {
    expect(totalGrantedMinutes([time('hours_per_month', 20), time('hours_per_week', 3)])).toBe(1980);
    expect(totalGrantedMinutes([time('times_per_month', 4, 45)])).toBe(180);
  });

  it('rounds a sum one minute over a quarter up to the next quarter', () => {
    expect(totalGrantedMinutes([time('hours_per_month', 1), time('times_per_month', 1, 1)])).toBe(75);
  });

  it('rounds the sum, not each intervention', () => {
    // 7 + 8 minutes: each alone would round up to 15, together they are exactly 15.
    expect(totalGrantedMinutes([time('times_per_month', 1, 7), time('times_per_month', 1, 8)])).toBe(15);
  });

  it('rounds fractions from decimal hours up, e.g. 0,33 h = 19,8 min → 30', () => {
    expect(totalGrantedMinutes([time('hours_per_month', 0.33)])).toBe(30);
    expect(totalGrantedMinutes([time('hours_per_week', 0.33)])).toBe(90);
  });

  it('gives "32 tim 15 min" for 30 h a month and five 6-minute visits a week', () => {
    // 1800 + 5 × 6 × 52/12 = 1800 + 130 = 1930 → 1935 minutes = 32 h 15 min.
    expect(totalGrantedMinutes([time('hours_per_month', 30), time('times_per_week', 5, 6)])).toBe(1935);
  });

  it('does not let float noise in the sum push an exact quarter up', () => {
    // 0.07 h + 0.68 h = 4.2 + 40.8 minutes, which binary floating point adds to 45.00000000000001.
    expect(totalGrantedMinutes([time('hours_per_month', 0.07), time('hours_per_month', 0.68)])).toBe(45);
    expect(totalGrantedMinutes([time('hours_per_month', 0.23), time('hours_per_month', 0.27)])).toBe(30);
    // 0.3 h a week from 0.1 + 0.2: (0.1 + 0.2) × 60 × 52 / 12 = 78.00000000000001 → 90, not 105.
    expect(totalGrantedMinutes([time('hours_per_week', 0.1 + 0.2)])).toBe(90);
    expect(totalGrantedMinutes([time('hours_per_month', 0.1 + 0.2), time('hours_per_month', 0.2)])).toBe(30);
  });

  it('ignores two-staff flags', () => {
    expect(totalGrantedMinutes([time('hours_per_month', 10, null, true)])).toBe(600);
  });
});

describe('totalStaffMinutes', () => {
  it('counts two-staff interventions twice, then rounds up', () => {
    expect(totalStaffMinutes([time('hours_per_month', 10, null, true), time('hours_per_month', 5)])).toBe(1500);
    // 2 × 19,8 = 39,6 minutes → 45.
    expect(totalStaffMinutes([time('hours_per_month', 0.33, null, true)])).toBe(45);
    expect(totalStaffMinutes([time('times_per_day', 2, 30, true)])).toBe(3660);
  });

  it('equals the granted time when nothing needs two staff', () => {
    const interventions = [time('hours_per_month', 12.5), time('times_per_week', 3, 20), time('none', null)];
    expect(totalStaffMinutes(interventions)).toBe(totalGrantedMinutes(interventions));
  });

  it('is zero with nothing', () => {
    expect(totalStaffMinutes([])).toBe(0);
  });
});

describe('needsMinutesPerOccasion', () => {
  it('is true for scopes counted in occasions, days or nights', () => {
    for (const unit of [
      'times_per_day',
      'times_per_week',
      'times_per_month',
      'days_per_month',
      'nights_per_month',
    ] as const)
      expect(needsMinutesPerOccasion(unit)).toBe(true);
    for (const unit of ['hours_per_month', 'hours_per_week', 'none'] as const)
      expect(needsMinutesPerOccasion(unit)).toBe(false);
  });
});
