import { describe, expect, it } from 'vitest';
import { canCloseProviderCase, closingDateProblem } from './provider-case.policy.ts';

const NORTH = 'unit-north';
const SOUTH = 'unit-south';

describe('canCloseProviderCase', () => {
  it('lets managers and coordinators close at their own unit or one below it', () => {
    expect(canCloseProviderCase({ roles: ['unit_manager'], unitsBelow: [NORTH] }, NORTH)).toBe(true);
    expect(canCloseProviderCase({ roles: ['operations_manager'], unitsBelow: ['provider', NORTH, SOUTH] }, SOUTH)).toBe(true);
    expect(canCloseProviderCase({ roles: ['coordinator'], unitsBelow: [NORTH] }, NORTH)).toBe(true);
  });

  it('refuses another unit\'s case, and every other role', () => {
    expect(canCloseProviderCase({ roles: ['unit_manager'], unitsBelow: [NORTH] }, SOUTH)).toBe(false);
    for (const role of ['care_staff', 'licensed_staff', 'alarm_manager', 'case_officer', 'authority_manager', 'administrator'] as const) {
      expect(canCloseProviderCase({ roles: [role], unitsBelow: [NORTH] }, NORTH), role).toBe(false);
    }
  });
});

describe('closingDateProblem', () => {
  const facts = { today: '2026-03-15', openedOn: '2026-01-10', lastDeliveryEnd: '2026-02-28' };

  it('accepts today, the last delivery day and any day between', () => {
    expect(closingDateProblem('2026-03-15', facts)).toBeNull();
    expect(closingDateProblem('2026-02-28', facts)).toBeNull();
    expect(closingDateProblem('2026-03-01', facts)).toBeNull();
  });

  it('refuses a day after today', () => {
    expect(closingDateProblem('2026-03-16', facts)).toBe('Avslutsdatum kan inte vara senare än i dag.');
  });

  it('refuses a day before the last delivery row ended, at the month end', () => {
    expect(closingDateProblem('2026-02-27', facts)).toBe('Avslutsdatum kan inte vara före 2026-02-28, den sista insatsens slutdatum.');
  });

  it('refuses a day before the case opened when it had no delivery rows', () => {
    const empty = { ...facts, lastDeliveryEnd: null };
    expect(closingDateProblem('2026-01-09', empty)).toBe('Avslutsdatum kan inte vara före 2026-01-10, då genomförandet öppnades.');
    expect(closingDateProblem('2026-01-10', empty)).toBeNull();
  });

  it('knows leap days: 29 February exists in 2028 but not in 2026', () => {
    const leap = { today: '2028-03-01', openedOn: '2028-01-01', lastDeliveryEnd: '2028-02-29' };
    expect(closingDateProblem('2028-02-29', leap)).toBeNull();
    expect(closingDateProblem('2028-02-28', leap)).toBe('Avslutsdatum kan inte vara före 2028-02-29, den sista insatsens slutdatum.');
    expect(closingDateProblem('2026-02-29', facts)).toBe('Datumet finns inte.');
  });
});
