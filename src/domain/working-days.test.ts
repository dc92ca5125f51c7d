import { describe, expect, it } from 'vitest';
import { addWorkingDays, easterSunday, isWorkingDay, midsummerEve, nonWorkingWeekdays } from './working-days.ts';

describe('easterSunday', () => {
  it('is right for years around now and the extremes of its range', () => {
    expect(easterSunday(2024)).toBe('2024-03-31');
    expect(easterSunday(2025)).toBe('2025-04-20');
    expect(easterSunday(2026)).toBe('2026-04-05');
    expect(easterSunday(2027)).toBe('2027-03-28');
    expect(easterSunday(2028)).toBe('2028-04-16');
    expect(easterSunday(2038)).toBe('2038-04-25'); // as late as it gets
    expect(easterSunday(2285)).toBe('2285-03-22'); // as early as it gets
    expect(easterSunday(2000)).toBe('2000-04-23');
  });
});

describe('midsummerEve', () => {
  it('is the Friday from 19 to 25 June', () => {
    expect(midsummerEve(2024)).toBe('2024-06-21');
    expect(midsummerEve(2025)).toBe('2025-06-20');
    expect(midsummerEve(2026)).toBe('2026-06-19');
    expect(midsummerEve(2027)).toBe('2027-06-25');
    expect(midsummerEve(2028)).toBe('2028-06-23');
  });
});

describe('isWorkingDay', () => {
  it('is Monday to Friday', () => {
    expect(isWorkingDay('2026-12-07')).toBe(true); // Monday
    expect(isWorkingDay('2026-12-11')).toBe(true); // Friday
    expect(isWorkingDay('2026-12-12')).toBe(false); // Saturday
    expect(isWorkingDay('2026-12-13')).toBe(false); // Sunday
  });

  it('leaves out every weekday holiday and eve of 2026', () => {
    for (const day of [
      '2026-01-01',
      '2026-01-06',
      '2026-04-03',
      '2026-04-06',
      '2026-05-01',
      '2026-05-14',
      '2026-06-19',
      '2026-12-24',
      '2026-12-25',
      '2026-12-31',
    ])
      expect(isWorkingDay(day), day).toBe(false);
    // 6 June and Boxing Day 2026 are a Saturday; the days around the holidays work.
    expect(isWorkingDay('2026-04-02')).toBe(true); // Maundy Thursday
    expect(isWorkingDay('2026-04-07')).toBe(true);
    expect(isWorkingDay('2026-05-15')).toBe(true); // the day after Ascension ("klämdag") is a working day
    expect(isWorkingDay('2026-06-18')).toBe(true);
    expect(isWorkingDay('2026-06-22')).toBe(true);
    expect(isWorkingDay('2026-12-23')).toBe(true);
    expect(isWorkingDay('2026-12-28')).toBe(true);
    expect(isWorkingDay('2026-12-30')).toBe(true);
  });

  it('follows Easter and Midsummer as they move between years', () => {
    expect(isWorkingDay('2027-03-26')).toBe(false); // Good Friday 2027
    expect(isWorkingDay('2027-03-29')).toBe(false); // Easter Monday 2027
    expect(isWorkingDay('2027-04-03')).toBe(false); // a Saturday
    expect(isWorkingDay('2027-05-06')).toBe(false); // Ascension 2027
    expect(isWorkingDay('2027-06-25')).toBe(false); // Midsummer Eve 2027
    expect(isWorkingDay('2027-06-07')).toBe(true); // 6 June 2027 is a Sunday: no day off in lieu
    expect(isWorkingDay('2028-06-06')).toBe(false); // a Tuesday
    expect(isWorkingDay('2027-12-24')).toBe(false);
    expect(isWorkingDay('2027-12-31')).toBe(false);
    expect(isWorkingDay('2028-01-06')).toBe(false);
  });

  it('names twelve days a year', () => {
    expect([...nonWorkingWeekdays(2026).values()]).toHaveLength(12);
  });
});

describe('addWorkingDays', () => {
  it('adding 0 returns the day itself, working day or not', () => {
    expect(addWorkingDays('2026-12-07', 0)).toBe('2026-12-07');
    expect(addWorkingDays('2026-12-12', 0)).toBe('2026-12-12');
    expect(addWorkingDays('2026-12-25', 0)).toBe('2026-12-25');
  });

  it('skips weekends', () => {
    expect(addWorkingDays('2026-12-11', 1)).toBe('2026-12-14'); // Friday + 1 = Monday
    expect(addWorkingDays('2026-12-12', 1)).toBe('2026-12-14'); // Saturday + 1 = Monday
    expect(addWorkingDays('2026-12-07', 5)).toBe('2026-12-14');
  });

  it('skips Christmas and New Year across the year end', () => {
    // 23 Dec 2026 (Wed) + 1: 24, 25 off, 26–27 weekend → Monday 28.
    expect(addWorkingDays('2026-12-23', 1)).toBe('2026-12-28');
    // From Monday 28: 29, 30 (1, 2); 31 and 1 Jan off; 2–3 weekend; 4 Jan (3), 5 Jan (4); 6 Jan off; 7 Jan (5).
    expect(addWorkingDays('2026-12-28', 4)).toBe('2027-01-05');
    expect(addWorkingDays('2026-12-28', 5)).toBe('2027-01-07');
  });

  it('skips Easter and Midsummer', () => {
    // Thursday 2 April 2026 + 1: Good Friday, the weekend and Easter Monday off → Tuesday 7 April.
    expect(addWorkingDays('2026-04-02', 1)).toBe('2026-04-07');
    // Thursday 18 June 2026 + 1: Midsummer Eve off, weekend → Monday 22 June.
    expect(addWorkingDays('2026-06-18', 1)).toBe('2026-06-22');
    // Five working days from Wednesday 24 March 2027: 25, (26 Good Friday, 29 Easter Monday off), 30, 31, 1, 2 April.
    expect(addWorkingDays('2027-03-24', 5)).toBe('2027-04-02');
  });

  it('refuses a negative or fractional count', () => {
    expect(() => addWorkingDays('2026-12-07', -1)).toThrow(RangeError);
    expect(() => addWorkingDays('2026-12-07', 1.5)).toThrow(RangeError);
  });
});
