import { describe, expect, it } from 'vitest';
import { HANDOVER_IN_FUTURE, handoverTimeProblem, parseSwedishDateTime } from './handover.ts';

describe('parseSwedishDateTime', () => {
  it('reads Swedish wall time in winter (+01) and summer (+02)', () => {
    expect(parseSwedishDateTime('2026-03-02 14:30').toISOString()).toBe('2026-03-02T13:30:00.000Z');
    expect(parseSwedishDateTime('2026-07-01 08:00').toISOString()).toBe('2026-07-01T06:00:00.000Z');
    expect(parseSwedishDateTime('2026-07-01T08:00').toISOString()).toBe('2026-07-01T06:00:00.000Z');
  });

  it('steps over the clock changes (last Sunday of March and of October)', () => {
    expect(parseSwedishDateTime('2026-03-29 01:59').toISOString()).toBe('2026-03-29T00:59:00.000Z');
    expect(parseSwedishDateTime('2026-03-29 03:00').toISOString()).toBe('2026-03-29T01:00:00.000Z');
    expect(parseSwedishDateTime('2026-10-25 04:00').toISOString()).toBe('2026-10-25T03:00:00.000Z');
  });

  it('takes a timestamp with Z or an offset as it is', () => {
    expect(parseSwedishDateTime('2026-03-02T14:30:00Z').toISOString()).toBe('2026-03-02T14:30:00.000Z');
    expect(parseSwedishDateTime('2026-03-02T14:30:00+02:00').toISOString()).toBe('2026-03-02T12:30:00.000Z');
  });

  it('gives an invalid date for what is not a time', () => {
    for (const text of [
      '2026-02-30 10:00',
      '2026-13-01 10:00',
      '2026-03-02 24:00',
      '2026-03-02 10:60',
      'i går',
      '',
      '2026-03-02',
    ]) {
      expect(Number.isNaN(parseSwedishDateTime(text).getTime()), text).toBe(true);
    }
  });
});

describe('handoverTimeProblem', () => {
  // 2026-12-03 09:15:30 in Stockholm (+01).
  const now = new Date('2026-12-03T08:15:30Z');

  it('accepts a hand-over in the past, and one this very minute', () => {
    expect(handoverTimeProblem('2026-03-02 14:30', now)).toBeNull();
    expect(handoverTimeProblem('2026-12-03 09:14', now)).toBeNull();
    expect(handoverTimeProblem('2026-12-03 09:15', now)).toBeNull();
    expect(handoverTimeProblem('2026-12-03T08:15:30Z', now)).toBeNull();
  });

  it('refuses one in the future, even a minute or a second ahead', () => {
    expect(handoverTimeProblem('2026-12-03 09:16', now)).toBe(HANDOVER_IN_FUTURE);
    expect(handoverTimeProblem('2026-12-04 08:00', now)).toBe(HANDOVER_IN_FUTURE);
    expect(handoverTimeProblem('2027-01-01 00:00', now)).toBe(HANDOVER_IN_FUTURE);
    expect(handoverTimeProblem('2026-12-03T08:15:31Z', now)).toBe(HANDOVER_IN_FUTURE);
    expect(HANDOVER_IN_FUTURE).toBe('Överlämningen kan inte ha gjorts i framtiden. Ange när den gjordes.');
  });

  it("reads the time in Swedish time, not the machine's: 09:30 Swedish is after 08:15 UTC", () => {
    expect(handoverTimeProblem('2026-12-03 09:30', now)).toBe(HANDOVER_IN_FUTURE);
    expect(handoverTimeProblem('2026-12-03 08:30', now)).toBeNull();
  });

  it('says when the date or time does not exist', () => {
    expect(handoverTimeProblem('2026-02-30 10:00', now)).toBe('Datumet eller tiden finns inte.');
    expect(handoverTimeProblem('nyss', now)).toBe('Datumet eller tiden finns inte.');
  });
});
