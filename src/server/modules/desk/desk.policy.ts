/**
 * Which units make up a position's desk (Mitt skrivbord), and who has which folder. A unit on the
 * desk only says where to look: the persons listed there are always also filtered by the
 * position's person scope, so a unit below an administrator, who sees no persons, shows an empty
 * folder.
 */
import { MANAGER_ROLES, PROVIDER_STAFF_ROLES, hasAnyRole } from '../../../domain/roles.ts';
import type { ActorPosition } from '../../platform/access/actor.ts';
import { PROVIDER_CASE_CLOSER_ROLES } from '../provider-cases/index.ts';
import { NEW_ASSIGNMENT_RECEIVER_ROLES } from '../../platform/access/assignment-scope.ts';

type Where = Pick<ActorPosition, 'unitsBelow' | 'personScopeUnitIds'>;
type Who = Pick<ActorPosition, 'roles'>;

/** The position's unit and everything below it, and every unit whose persons it sees. */
export function deskUnitIds(position: Where): string[] {
  return [...new Set([...position.unitsBelow, ...position.personScopeUnitIds])];
}

/** Whether the unit's folder may be opened; any other unit answers 404, the same as missing. */
export function canListUnitPersons(position: Where, unitId: string): boolean {
  return position.unitsBelow.includes(unitId) || position.personScopeUnitIds.includes(unitId);
}

/**
 * The units whose provider cases the position works: its own unit and those below it, and only
 * where it also sees the persons — so an administrator, whose units hold provider units but who
 * sees no one, works none.
 */
export function providerCaseUnitIds(position: Where): string[] {
  return position.unitsBelow.filter((unitId) => position.personScopeUnitIds.includes(unitId));
}

/** "Nya uppdrag" to acknowledge (kvittera): everyone who works at a provider unit. */
export function canListUnacknowledged(position: Who): boolean {
  return hasAnyRole(position.roles, [...MANAGER_ROLES, ...PROVIDER_STAFF_ROLES]);
}

/** "Ej aktuella – att avsluta" is for those who close provider cases: managers and coordinators. */
export function canListNotCurrent(position: Who): boolean {
  return hasAnyRole(position.roles, PROVIDER_CASE_CLOSER_ROLES);
}

/**
 * Start dates to register: for those who register them (the receivers of new assignments,
 * deliveries/delivery.policy.ts canManageDeliveriesAt), at the units they work.
 */
export function canListStartsToRegister(position: Who): boolean {
  return hasAnyRole(position.roles, NEW_ASSIGNMENT_RECEIVER_ROLES);
}
