import { describe, expect, it } from 'vitest';
import { canCloseProviderCase, canReadProviderCase } from './provider-case.policy.ts';

const NORTH = 'unit-north';
const SOUTH = 'unit-south';

describe('canCloseProviderCase', () => {
  it('lets managers and coordinators close at their own unit or one below it', () => {
    expect(canCloseProviderCase({ roles: ['unit_manager'], unitsBelow: [NORTH] }, NORTH)).toBe(true);
    expect(canCloseProviderCase({ roles: ['operations_manager'], unitsBelow: ['provider', NORTH, SOUTH] }, SOUTH)).toBe(
      true,
    );
    expect(canCloseProviderCase({ roles: ['coordinator'], unitsBelow: [NORTH] }, NORTH)).toBe(true);
  });

  it("refuses another unit's case, and every other role", () => {
    expect(canCloseProviderCase({ roles: ['unit_manager'], unitsBelow: [NORTH] }, SOUTH)).toBe(false);
    for (const role of [
      'care_staff',
      'licensed_staff',
      'alarm_manager',
      'case_officer',
      'authority_manager',
      'administrator',
    ] as const) {
      expect(canCloseProviderCase({ roles: [role], unitsBelow: [NORTH] }, NORTH), role).toBe(false);
    }
  });
});

describe('canReadProviderCase', () => {
  const at = (providerUnitId: string, serviceArea = 'AO') => ({ providerUnitId, serviceArea });
  const staff = (
    roles: Parameters<typeof canReadProviderCase>[0]['roles'],
    personScopeUnitIds: string[],
    serviceArea: 'AO' | 'IFO' = 'AO',
  ) => ({ roles, unitsBelow: personScopeUnitIds, personScopeUnitIds, serviceArea });

  it('lets the staff of the unit, or of a unit above it, know of the case', () => {
    expect(canReadProviderCase(staff(['care_staff'], [NORTH]), at(NORTH))).toBe(true);
    expect(canReadProviderCase(staff(['operations_manager'], ['provider', NORTH, SOUTH]), at(SOUTH))).toBe(true);
  });

  it("lets the authority of the unit's service area know of it, not another area's", () => {
    expect(canReadProviderCase(staff(['case_officer'], ['ao-authority']), at(NORTH))).toBe(true);
    expect(canReadProviderCase(staff(['case_officer'], ['ifo-authority'], 'IFO'), at(NORTH))).toBe(false);
  });

  it("hides it from another unit's or another provider's staff, who may see the person through their own unit", () => {
    expect(canReadProviderCase(staff(['unit_manager'], [SOUTH]), at(NORTH))).toBe(false);
    expect(canReadProviderCase(staff(['unit_manager'], ['other-provider-unit']), at(NORTH))).toBe(false);
    expect(canReadProviderCase(staff(['administrator'], [NORTH]), at(NORTH))).toBe(false);
  });
});
