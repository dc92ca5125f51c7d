/**
 * Who may change delivery rows. Reading a row is for those who see the person and either work at
 * or above its unit, or belong to the deciding side of its service area; everyone else gets 404,
 * the same as missing (ADR 0004). deliveryRowReadScope gives that rule as sets, which the
 * repository puts in the WHERE of every query that loads a row for a change. Changing it — a change of time, ending, interruptions, a change
 * of provider — is for the unit's management: verksamhetschef and enhetschef above or at the unit,
 * and the unit's samordnare. Readers who may not change it get 403.
 */
import { AUTHORITY_ROLES, hasAnyRole, type Role } from '../../../domain/roles.ts';
import type { ServiceAreaCode } from '../../../domain/organisation.ts';
import type { ActorPosition } from '../../platform/access/actor.ts';

type Who = Pick<ActorPosition, 'roles' | 'serviceArea' | 'unitsBelow'>;

/** What a reader who may not change the row is told (403). */
export const NOT_YOURS_TO_CHANGE = 'Bara enhetens chefer och samordnare kan ändra verkställigheten.';

/** The roles that change delivery rows at the units of their position. */
export const DELIVERY_CHANGER_ROLES: readonly Role[] = ['operations_manager', 'unit_manager', 'coordinator'];

export interface RowFacts {
  providerUnitId: string;
  serviceArea: ServiceAreaCode;
}

/** The rows a reader reads, as sets: of persons in these units' scope, at these units or under decisions of this service area. */
export interface DeliveryRowReadScope {
  personScopeUnitIds: readonly string[];
  unitIds: readonly string[];
  authorityServiceArea: ServiceAreaCode | null;
}

export function deliveryRowReadScope(actor: Who & Pick<ActorPosition, 'personScopeUnitIds'>): DeliveryRowReadScope {
  return {
    personScopeUnitIds: actor.personScopeUnitIds,
    unitIds: actor.unitsBelow,
    authorityServiceArea: hasAnyRole(actor.roles, AUTHORITY_ROLES) ? actor.serviceArea : null,
  };
}

/** Whether the reader manages the row's unit: may withdraw, end, interrupt and move it to another provider. */
export function canChangeDeliveryRow(actor: Who, row: RowFacts): boolean {
  return hasAnyRole(actor.roles, DELIVERY_CHANGER_ROLES) && actor.unitsBelow.includes(row.providerUnitId);
}
