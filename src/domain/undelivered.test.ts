import { describe, expect, it } from 'vitest';
import { ivoPseudonym, undeliveredDeadline } from './undelivered.ts';

describe('undeliveredDeadline', () => {
  it('is the same day three months on', () => {
    expect(undeliveredDeadline('2026-01-15')).toBe('2026-04-15');
    expect(undeliveredDeadline('2026-10-01')).toBe('2027-01-01');
    expect(undeliveredDeadline('2026-12-07')).toBe('2027-03-07');
  });

  it('ends on the month’s last day when it has no such day: 30 November → the last day of February', () => {
    expect(undeliveredDeadline('2026-11-30')).toBe('2027-02-28');
    expect(undeliveredDeadline('2026-11-29')).toBe('2027-02-28');
    expect(undeliveredDeadline('2026-11-28')).toBe('2027-02-28');
    expect(undeliveredDeadline('2027-11-30')).toBe('2028-02-29'); // a leap year
    expect(undeliveredDeadline('2026-03-31')).toBe('2026-06-30');
    expect(undeliveredDeadline('2026-05-31')).toBe('2026-08-31');
  });

  it('refuses what is not a date', () => {
    expect(() => undeliveredDeadline('2026-02-30')).toThrow(RangeError);
  });
});

describe('ivoPseudonym', () => {
  it('is the birth date, T and three digits, the second-last even for a woman and odd for a man', () => {
    const woman = ivoPseudonym('1940-03-05', 'female', 0);
    const man = ivoPseudonym('1940-03-05', 'male', 0);
    expect(woman).toMatch(/^19400305-T\d{3}$/);
    expect(Number(woman.at(-2)) % 2).toBe(0);
    expect(Number(man.at(-2)) % 2).toBe(1);
  });

  it('is stable for the same input and different for every serial', () => {
    expect(ivoPseudonym('1940-03-05', 'female', 42)).toBe(ivoPseudonym('1940-03-05', 'female', 42));
    const all = new Set(Array.from({ length: 100 }, (_, serial) => ivoPseudonym('1940-03-05', 'male', serial)));
    expect(all.size).toBe(100);
    for (const pseudonym of all) expect(Number(pseudonym.at(-2)) % 2).toBe(1);
  });

  it('refuses a serial outside 0–99 and a date that does not exist', () => {
    expect(() => ivoPseudonym('1940-03-05', 'male', 100)).toThrow(RangeError);
    expect(() => ivoPseudonym('1940-03-05', 'male', -1)).toThrow(RangeError);
    expect(() => ivoPseudonym('1940-02-30', 'male', 1)).toThrow(RangeError);
  });
});
