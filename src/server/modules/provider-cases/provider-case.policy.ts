/**
 * Who may close a provider case (genomförande). Pure: the service asks it with what it read, and
 * the unit tests beside this file try every edge. Which day it may be closed on is a date rule,
 * in src/domain/provider-case-rules.ts.
 */
import { MANAGER_ROLES, hasAnyRole, type Role } from '../../../domain/roles.ts';
import type { ActorPosition } from '../../platform/access/actor.ts';

// The service asks the policy for both who and which day; the day is the domain's rule.
export { closingDateProblem, type ClosingFacts } from '../../../domain/provider-case-rules.ts';

/** Managers and coordinators close provider cases ("Ej aktuella – att avsluta" is their folder). */
export const PROVIDER_CASE_CLOSER_ROLES: readonly Role[] = [...MANAGER_ROLES, 'coordinator'];

/** A closer of the unit itself or of a unit above it: closing another unit's case is not theirs to do. */
export function canCloseProviderCase(position: Pick<ActorPosition, 'roles' | 'unitsBelow'>, providerUnitId: string): boolean {
  return hasAnyRole(position.roles, PROVIDER_CASE_CLOSER_ROLES) && position.unitsBelow.includes(providerUnitId);
}
