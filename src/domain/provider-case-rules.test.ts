import { describe, expect, it } from 'vitest';
import { closingDateProblem } from './provider-case-rules.ts';

describe('closingDateProblem', () => {
  const facts = { today: '2026-03-15', openedOn: '2026-01-10', lastDeliveryEnd: '2026-02-28' };

  it('accepts today, the last delivery day and any day between', () => {
    expect(closingDateProblem('2026-03-15', facts)).toBeNull();
    expect(closingDateProblem('2026-02-28', facts)).toBeNull();
    expect(closingDateProblem('2026-03-01', facts)).toBeNull();
  });

  it('refuses a day after today, also across a month and a year end', () => {
    expect(closingDateProblem('2026-03-16', facts)).toBe('Avslutsdatum kan inte vara senare än i dag.');
    expect(closingDateProblem('2026-02-01', { ...facts, today: '2026-01-31' })).toBe(
      'Avslutsdatum kan inte vara senare än i dag.',
    );
    expect(
      closingDateProblem('2027-01-01', { today: '2026-12-31', openedOn: '2026-01-01', lastDeliveryEnd: null }),
    ).toBe('Avslutsdatum kan inte vara senare än i dag.');
    expect(
      closingDateProblem('2026-12-31', { today: '2026-12-31', openedOn: '2026-01-01', lastDeliveryEnd: null }),
    ).toBeNull();
  });

  it('refuses a day before the last delivery row ended, at the month end', () => {
    expect(closingDateProblem('2026-02-27', facts)).toBe(
      'Avslutsdatum kan inte vara före 2026-02-28, den sista insatsens slutdatum.',
    );
  });

  it('refuses a day before the case opened when it had no delivery rows', () => {
    const empty = { ...facts, lastDeliveryEnd: null };
    expect(closingDateProblem('2026-01-09', empty)).toBe(
      'Avslutsdatum kan inte vara före 2026-01-10, då genomförandet öppnades.',
    );
    expect(closingDateProblem('2026-01-10', empty)).toBeNull();
  });

  it('names the opening day first when the day is before both', () => {
    expect(closingDateProblem('2026-01-01', facts)).toBe(
      'Avslutsdatum kan inte vara före 2026-01-10, då genomförandet öppnades.',
    );
  });

  it('knows leap days: 29 February exists in 2028 but not in 2026', () => {
    const leap = { today: '2028-03-01', openedOn: '2028-01-01', lastDeliveryEnd: '2028-02-29' };
    expect(closingDateProblem('2028-02-29', leap)).toBeNull();
    expect(closingDateProblem('2028-02-28', leap)).toBe(
      'Avslutsdatum kan inte vara före 2028-02-29, den sista insatsens slutdatum.',
    );
    expect(closingDateProblem('2026-02-29', facts)).toBe('Datumet finns inte.');
    expect(closingDateProblem('2026-04-31', facts)).toBe('Datumet finns inte.');
  });
});
