/**
 * Who may close a provider case (genomförande). Pure: the service asks it with what it read, and
 * the unit tests beside this file try every edge. Which day it may be closed on is a date rule,
 * in src/domain/provider-case-rules.ts.
 */
import { MANAGER_ROLES, hasAnyRole, type Role } from '../../../domain/roles.ts';
import type { ActorPosition } from '../../platform/access/actor.ts';
import { deliveryReadScope } from '../deliveries/delivery.policy.ts';

// The service asks the policy for both who and which day; the day is the domain's rule.
export { closingDateProblem, type ClosingFacts } from '../../../domain/provider-case-rules.ts';

/** Managers and coordinators close provider cases ("Ej aktuella – att avsluta" is their folder). */
export const PROVIDER_CASE_CLOSER_ROLES: readonly Role[] = [...MANAGER_ROLES, 'coordinator'];

/**
 * Who knows the case exists, as who reads its rows (deliveries/delivery.policy.ts): staff who see
 * the unit's persons, and the authority of its service area. Anyone else gets 404, not 403.
 */
export function canReadProviderCase(position: Parameters<typeof deliveryReadScope>[0], providerCase: { providerUnitId: string; serviceArea: string }): boolean {
  const scope = deliveryReadScope(position);
  return scope.unitIds.includes(providerCase.providerUnitId) || scope.authorityServiceArea === providerCase.serviceArea;
}

/** A closer of the unit itself or of a unit above it: closing another unit's case is not theirs to do. */
export function canCloseProviderCase(position: Pick<ActorPosition, 'roles' | 'unitsBelow'>, providerUnitId: string): boolean {
  return hasAnyRole(position.roles, PROVIDER_CASE_CLOSER_ROLES) && position.unitsBelow.includes(providerUnitId);
}
