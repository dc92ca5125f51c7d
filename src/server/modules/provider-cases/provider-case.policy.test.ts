import { describe, expect, it } from 'vitest';
import { canCloseProviderCase } from './provider-case.policy.ts';

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
