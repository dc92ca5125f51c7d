import { describe, expect, it } from 'vitest';
import {
  dueDateProblem,
  latestDueOn,
  PERSONAL_WATCH_STATES,
  personalWatchState,
  upcomingUntil,
} from './personal-watches.ts';

describe('personalWatchState', () => {
  const open = (dueOn: string) => ({ dueOn, isDone: false });

  it('is upcoming before its day, due on it, overdue from the day after', () => {
    expect(personalWatchState(open('2026-03-16'), '2026-03-15')).toBe('upcoming');
    expect(personalWatchState(open('2026-03-15'), '2026-03-15')).toBe('due');
    expect(personalWatchState(open('2026-03-14'), '2026-03-15')).toBe('overdue');
  });

  it('turns across a month end, a year end and a leap day', () => {
    expect(personalWatchState(open('2026-02-01'), '2026-01-31')).toBe('upcoming');
    expect(personalWatchState(open('2026-01-31'), '2026-02-01')).toBe('overdue');
    expect(personalWatchState(open('2027-01-01'), '2026-12-31')).toBe('upcoming');
    expect(personalWatchState(open('2026-12-31'), '2027-01-01')).toBe('overdue');
    expect(personalWatchState(open('2028-02-29'), '2028-02-28')).toBe('upcoming');
    expect(personalWatchState(open('2028-02-29'), '2028-02-29')).toBe('due');
    expect(personalWatchState(open('2028-02-29'), '2028-03-01')).toBe('overdue');
  });

  it('is done once cleared, before, on and after its day', () => {
    for (const today of ['2026-03-14', '2026-03-15', '2026-03-16']) {
      expect(personalWatchState({ dueOn: '2026-03-15', isDone: true }, today)).toBe('done');
    }
  });

  it('gives every state for some day and nothing else (exhaustive over a week around the day)', () => {
    const seen = new Set<string>();
    for (const isDone of [false, true]) {
      for (let day = 10; day <= 20; day += 1) {
        const today = `2026-03-${String(day).padStart(2, '0')}`;
        const state = personalWatchState({ dueOn: '2026-03-15', isDone }, today);
        const expected = isDone ? 'done' : day < 15 ? 'upcoming' : day === 15 ? 'due' : 'overdue';
        expect(state, `${today} ${isDone}`).toBe(expected);
        seen.add(state);
      }
    }
    expect([...seen].sort()).toEqual([...PERSONAL_WATCH_STATES].sort());
  });
});

describe('upcomingUntil', () => {
  it('is seven days on, inclusive, across a month and a year end', () => {
    expect(upcomingUntil('2026-03-15')).toBe('2026-03-22');
    expect(upcomingUntil('2026-02-25')).toBe('2026-03-04');
    expect(upcomingUntil('2028-02-25')).toBe('2028-03-03');
    expect(upcomingUntil('2026-12-28')).toBe('2027-01-04');
  });
});

describe('latestDueOn', () => {
  it('is the same day five years on, or 28 February for a leap day', () => {
    expect(latestDueOn('2026-03-15')).toBe('2031-03-15');
    expect(latestDueOn('2028-02-29')).toBe('2033-02-28');
    expect(latestDueOn('2026-12-31')).toBe('2031-12-31');
  });
});

describe('dueDateProblem', () => {
  const today = '2026-03-15';

  it('accepts today, tomorrow and the last day five years on', () => {
    expect(dueDateProblem('2026-03-15', today)).toBeNull();
    expect(dueDateProblem('2026-03-16', today)).toBeNull();
    expect(dueDateProblem('2031-03-15', today)).toBeNull();
  });

  it('refuses yesterday, the day after the five years and a day that does not exist', () => {
    expect(dueDateProblem('2026-03-14', today)).toBe('Datumet har redan passerat. Välj i dag eller ett senare datum.');
    expect(dueDateProblem('2031-03-16', today)).toBe('Välj ett datum högst 5 år fram.');
    expect(dueDateProblem('2026-02-30', today)).toBe('Datumet finns inte.');
    expect(dueDateProblem('15/3/2026', today)).toBe('Datumet finns inte.');
  });

  it('refuses the last day of the old year on the first day of the new one', () => {
    expect(dueDateProblem('2026-12-31', '2027-01-01')).not.toBeNull();
    expect(dueDateProblem('2027-01-01', '2027-01-01')).toBeNull();
  });
});
