/**
 * Who may do what with authority cases. Reading needs the person in scope (the repository decides
 * that and answers 404 otherwise); these rules decide what a reader may do with the case itself.
 */
import { AUTHORITY_ROLES, hasAnyRole } from '../../../domain/roles.ts';
import type { ServiceAreaCode } from '../../../domain/organisation.ts';
import type { ActorPosition } from '../../platform/access/actor.ts';

type Who = Pick<ActorPosition, 'roles' | 'serviceArea'>;

/** Cases are the authority's: case officers and authority managers. Others who see the person get 403. */
export function canWorkWithCases(actor: Who): boolean {
  return hasAnyRole(actor.roles, AUTHORITY_ROLES);
}

/**
 * Whether the case belongs to the actor's service area. Authority staff of another area are not
 * told it exists (404), even when the person is in their scope through a case of their own.
 */
export function isCaseOfActorsServiceArea(actor: Who, caseRecord: { serviceArea: ServiceAreaCode }): boolean {
  return actor.serviceArea === caseRecord.serviceArea;
}

/** Recording decisions, ending them, closing the case and changing its officer: authority staff, while the case is open. */
export function canChangeCase(
  actor: Who,
  caseRecord: { serviceArea: ServiceAreaCode; closedOn: string | null },
): boolean {
  return canWorkWithCases(actor) && isCaseOfActorsServiceArea(actor, caseRecord) && caseRecord.closedOn === null;
}
