/**
 * Who may do what with a provider case (genomförande). Pure: the repository puts the read scope in
 * the WHERE of the query that finds a case, the service asks the rest with what it read, and the
 * unit tests beside this file try every edge. Which day a case may be closed on is a date rule, in
 * src/domain/provider-case-rules.ts.
 *
 * - Knowing the case exists (the one read rule): staff who see the unit's persons — any staff role
 *   with the unit in their person scope — and the authority of the unit's service area, for a
 *   person in its scope (it follows the rows, which show the case). Anyone else gets 404 as if it
 *   did not exist (ADR 0004): a person out of scope, another municipality's, and staff of another
 *   unit or provider who see the person through their own unit (test/other-provider-access.test.ts).
 * - The staff view and acknowledging (kvittera) are the unit's: the authority knows the case from
 *   its rows but reads nothing of the provider's own record of it (the journal and the care plan
 *   will belong here), so for it the view answers 404 as before the merge (permission matrix).
 * - Acknowledging: any staff of the unit, the unit at or below their position.
 * - Closing: managers and coordinators of the unit or above it; others who know the case get 403.
 */
import { AUTHORITY_ROLES, MANAGER_ROLES, PROVIDER_STAFF_ROLES, hasAnyRole, type Role } from '../../../domain/roles.ts';
import type { ServiceAreaCode } from '../../../domain/organisation.ts';
import type { ActorPosition } from '../../platform/access/actor.ts';

// The service asks the policy for both who and which day; the day is the domain's rule.
export { closingDateProblem, type ClosingFacts } from '../../../domain/provider-case-rules.ts';

type Who = Pick<ActorPosition, 'roles' | 'personScopeUnitIds' | 'serviceArea'>;

/** Everyone who works at a provider unit. */
export const UNIT_STAFF_ROLES: readonly Role[] = [...MANAGER_ROLES, ...PROVIDER_STAFF_ROLES];

/** Managers and coordinators close provider cases ("Ej aktuella – att avsluta" is their folder). */
export const PROVIDER_CASE_CLOSER_ROLES: readonly Role[] = [...MANAGER_ROLES, 'coordinator'];

/** Which cases a position knows of, as the sets the SQL tests each case against (provider-case.repository.ts). */
export interface ProviderCaseReadScope {
  /** Cases at these units: the staff's. */
  staffUnitIds: readonly string[];
  /** Cases at units of this service area, for persons in the scope of these units: the authority's. */
  authority: { serviceArea: ServiceAreaCode; personScopeUnitIds: readonly string[] } | null;
}

export function providerCaseReadScope(position: Who): ProviderCaseReadScope {
  return {
    staffUnitIds: hasAnyRole(position.roles, UNIT_STAFF_ROLES) ? position.personScopeUnitIds : [],
    authority: hasAnyRole(position.roles, AUTHORITY_ROLES)
      ? { serviceArea: position.serviceArea, personScopeUnitIds: position.personScopeUnitIds }
      : null,
  };
}

/** The read rule for one case, as the SQL applies it (the person's scope aside, which only the SQL reads). */
export function canReadProviderCase(
  position: Who,
  providerCase: { providerUnitId: string; serviceArea: string },
): boolean {
  const scope = providerCaseReadScope(position);
  return (
    scope.staffUnitIds.includes(providerCase.providerUnitId) ||
    scope.authority?.serviceArea === providerCase.serviceArea
  );
}

/** The reader knows the case as staff of its unit: the staff view is theirs. */
export function isStaffOfCase(position: Who, providerUnitId: string): boolean {
  return providerCaseReadScope(position).staffUnitIds.includes(providerUnitId);
}

/** Acknowledge (kvittera) a provider case at this unit. */
export function canAcknowledge(position: Pick<ActorPosition, 'roles' | 'unitsBelow'>, providerUnitId: string): boolean {
  return hasAnyRole(position.roles, UNIT_STAFF_ROLES) && position.unitsBelow.includes(providerUnitId);
}

/** A closer of the unit itself or of a unit above it: closing another unit's case is not theirs to do. */
export function canCloseProviderCase(
  position: Pick<ActorPosition, 'roles' | 'unitsBelow'>,
  providerUnitId: string,
): boolean {
  return hasAnyRole(position.roles, PROVIDER_CASE_CLOSER_ROLES) && position.unitsBelow.includes(providerUnitId);
}
