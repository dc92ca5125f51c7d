/**
 * Who may do what on the provider side of an assignment. Pure; the service loads the facts.
 *
 * - Distributing and stopping a new assignment: verksamhetschef, enhetschef/gruppchef and
 *   samordnare of the provider it was sent to (the provider or one of its units is theirs); once
 *   distributed, only those at or above a unit with one of its rows. Decided in the SQL that loads
 *   the assignment (platform/access/assignment-scope.ts canAnswerAssignment).
 * - Registering rows under distribution, sending them to delivery, registering the start date
 *   and correcting a row sent to delivery (Rätta): the same roles, for rows at a unit at or below
 *   their position.
 * - Reading rows: provider staff see rows at units in their person scope; the authority sees the
 *   rows under the decisions of its service area (the person in scope). deliveryReadScope gives the
 *   sets; the repository puts them in the WHERE of every query that reads rows.
 * Provider cases (acknowledging, the staff view, closing) are ../provider-cases/.
 */
import { AUTHORITY_ROLES, MANAGER_ROLES, PROVIDER_STAFF_ROLES, hasAnyRole, type Role } from '../../../domain/roles.ts';
import type { ActorPosition } from '../../platform/access/actor.ts';
import type { ServiceAreaCode } from '../../../domain/organisation.ts';
import {
  cancelProblem,
  correctionProblem,
  startRegistrationProblem,
  type CancelFacts,
} from '../../../domain/delivery-rules.ts';
import { NEW_ASSIGNMENT_RECEIVER_ROLES } from '../../platform/access/assignment-scope.ts';

type Who = Pick<ActorPosition, 'roles' | 'unitsBelow' | 'personScopeUnitIds' | 'serviceArea'>;

/** Verksamhetschef, enhetschef/gruppchef, samordnare: they accept, distribute, stop and start (the receivers of new assignments). */
export const DISTRIBUTOR_ROLES: readonly Role[] = NEW_ASSIGNMENT_RECEIVER_ROLES;
/** Everyone who works at a provider unit. */
export const UNIT_STAFF_ROLES: readonly Role[] = [...MANAGER_ROLES, ...PROVIDER_STAFF_ROLES];

/** Register, send to delivery, register the start of, correct and change rows at this unit. */
export function canManageDeliveriesAt(actor: Pick<Who, 'roles' | 'unitsBelow'>, unitId: string): boolean {
  return hasAnyRole(actor.roles, DISTRIBUTOR_ROLES) && actor.unitsBelow.includes(unitId);
}

/**
 * Which rows a position reads, as the sets the SQL tests each row against
 * (delivery.repository.ts): at these units, and/or under the decisions of this service area for
 * persons in the scope of these units.
 */
export interface DeliveryReadScope {
  unitIds: readonly string[];
  authority: { serviceArea: ServiceAreaCode; personScopeUnitIds: readonly string[] } | null;
}

export function deliveryReadScope(actor: Who): DeliveryReadScope {
  return {
    unitIds: hasAnyRole(actor.roles, UNIT_STAFF_ROLES) ? actor.personScopeUnitIds : [],
    authority: hasAnyRole(actor.roles, AUTHORITY_ROLES)
      ? { serviceArea: actor.serviceArea, personScopeUnitIds: actor.personScopeUnitIds }
      : null,
  };
}

/** The scope of one unit's staff alone: a provider case's rows, or a row read back by the manager who changed it. */
export function unitReadScope(unitId: string): DeliveryReadScope {
  return { unitIds: [unitId], authority: null };
}

/** What the reader may do with one row, on the day (Sweden's today): cancelling a continuation depends on it. */
export function deliveryRowPermissions(
  actor: Pick<Who, 'roles' | 'unitsBelow'>,
  row: CancelFacts & {
    providerUnitId: string;
    wasSentToDelivery: boolean;
  },
  today: string,
) {
  const manages = canManageDeliveriesAt(actor, row.providerUnitId);
  const isUnderDistribution = row.status === 'under_distribution';
  return {
    canRegister: manages && isUnderDistribution,
    canSendToDelivery: manages && isUnderDistribution,
    // Once per row where support began: not a continuation after a change of time.
    canRegisterStart: manages && startRegistrationProblem(row) === null,
    canCorrect: manages && correctionProblem(row) === null,
    canChange: manages,
    // The changes themselves are the delivery-changes module's; its service checks the same rule again.
    canCancel: manages && cancelProblem(row, today) === null,
  };
}
