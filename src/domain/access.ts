/**
 * Access follows the organisation tree. These pure rules decide which units' persons a position
 * may see; the repositories turn the answer into a WHERE clause.
 */
import { AUTHORITY_ROLES, MANAGER_ROLES, PROVIDER_STAFF_ROLES, hasAnyRole, type Role } from './roles.ts';

export interface ScopeInputs {
  roles: readonly Role[];
  /** The position's unit. */
  unitId: string;
  /** The position's unit and every unit below it. */
  unitsBelow: readonly string[];
  /** Every authority unit of the position's service area. */
  authorityUnitsOfServiceArea: readonly string[];
}

/**
 * Units whose persons the position may see:
 * - authority staff: every authority unit of their service area (cases are shared within the area);
 * - managers: their unit and every unit below it;
 * - provider staff: their own unit, and units below it (departments of a residential unit);
 * - an administrator alone: none (they keep the organisation, not the persons).
 */
export function personScopeUnitIds(input: ScopeInputs): string[] {
  const scope = new Set<string>();
  if (hasAnyRole(input.roles, AUTHORITY_ROLES)) {
    for (const id of input.authorityUnitsOfServiceArea) scope.add(id);
    scope.add(input.unitId);
  }
  if (hasAnyRole(input.roles, MANAGER_ROLES) || hasAnyRole(input.roles, PROVIDER_STAFF_ROLES)) {
    for (const id of input.unitsBelow) scope.add(id);
  }
  return [...scope];
}

/** How long after a unit's link to a person ends the unit still sees the person ("recent case"). */
export const RECENT_LINK_DAYS = 90;
