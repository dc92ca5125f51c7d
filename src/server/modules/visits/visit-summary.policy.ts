/**
 * Who reads the visit summary (Inför besöket), as the set of units the SQL scopes every read to.
 * Pure. It is the provider's view of a person: the staff and managers at provider units, for the
 * persons their units see (src/domain/access.ts) and the rows delivered at those units. The
 * authority reads the person and the rows elsewhere; for it, as for the administrator, the summary
 * is 404, the same as missing (ADR 0004), as the provider case's staff view is.
 */
import { MANAGER_ROLES, PROVIDER_STAFF_ROLES, hasAnyRole, type Role } from '../../../domain/roles.ts';
import type { ActorPosition } from '../../platform/access/actor.ts';

/** Everyone who works at a provider unit: managers, coordinators, care and licensed staff, alarm managers. */
export const VISIT_SUMMARY_ROLES: readonly Role[] = [...MANAGER_ROLES, ...PROVIDER_STAFF_ROLES];

/** The units whose persons and rows the summary reads; none for positions that do not read it. */
export function visitSummaryUnitIds(position: Pick<ActorPosition, 'roles' | 'personScopeUnitIds'>): readonly string[] {
  return hasAnyRole(position.roles, VISIT_SUMMARY_ROLES) ? position.personScopeUnitIds : [];
}
