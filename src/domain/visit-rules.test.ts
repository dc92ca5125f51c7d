import { describe, expect, it } from 'vitest';
import { interruptionOn, isVisitDay, weekdayOf } from './visit-rules.ts';

describe('weekdayOf', () => {
  it('names the week day of a date, Monday first, across month, year and leap-day boundaries', () => {
    expect(weekdayOf('2026-03-02')).toBe('mon');
    expect(weekdayOf('2026-03-08')).toBe('sun');
    expect(weekdayOf('2024-02-29')).toBe('thu');
    expect(weekdayOf('2026-12-31')).toBe('thu');
    expect(weekdayOf('2027-01-01')).toBe('fri');
    expect(weekdayOf('2026-03-29')).toBe('sun'); // the day summer time starts
  });
});

describe('isVisitDay', () => {
  const monday = '2026-03-02';
  const saturday = '2026-03-07';

  it("follows the row's Utförs when registered", () => {
    expect(isVisitDay(saturday, 'whole_week', [])).toBe(true);
    expect(isVisitDay(monday, 'weekdays', [])).toBe(true);
    expect(isVisitDay(saturday, 'weekdays', [])).toBe(false);
    expect(isVisitDay(saturday, 'weekends', [])).toBe(true);
    expect(isVisitDay('2026-03-08', 'weekends', [])).toBe(true);
    expect(isVisitDay(monday, 'weekends', [])).toBe(false);
  });

  it("lets the row's Utförs win over the days the assignment planned: it is how the unit delivers", () => {
    expect(isVisitDay(saturday, 'whole_week', ['mon', 'wed'])).toBe(true);
    expect(isVisitDay(monday, 'weekends', ['mon'])).toBe(false);
  });

  it('falls back to the planned week days, and to every day when nothing says', () => {
    expect(isVisitDay(monday, null, ['mon', 'wed', 'fri'])).toBe(true);
    expect(isVisitDay('2026-03-03', null, ['mon', 'wed', 'fri'])).toBe(false);
    expect(isVisitDay(saturday, null, [])).toBe(true);
  });
});

describe('interruptionOn', () => {
  const interruptions = [
    { fromDate: '2026-03-01', toDate: '2026-03-05', reason: 'Sjukhus' },
    { fromDate: '2026-03-20', toDate: null, reason: 'Korttidsboende' },
  ];

  it('finds the interruption covering the day, its first and last days included, and an open one', () => {
    expect(interruptionOn('2026-03-01', interruptions)?.reason).toBe('Sjukhus');
    expect(interruptionOn('2026-03-05', interruptions)?.reason).toBe('Sjukhus');
    expect(interruptionOn('2026-04-30', interruptions)?.reason).toBe('Korttidsboende');
  });

  it('finds none between them', () => {
    expect(interruptionOn('2026-03-06', interruptions)).toBeUndefined();
    expect(interruptionOn('2026-03-19', interruptions)).toBeUndefined();
    expect(interruptionOn('2026-03-19', [])).toBeUndefined();
  });
});
