/**
 * Who may close a provider case (genomförande) and on which day. Pure: the service asks these
 * with what it read, and the unit tests beside this file try every edge.
 */
import { MANAGER_ROLES, hasAnyRole, type Role } from '../../../domain/roles.ts';
import { isIsoDate } from '../../../domain/periods.ts';
import type { ActorPosition } from '../../platform/access/actor.ts';

/** Managers and coordinators close provider cases ("Ej aktuella – att avsluta" is their folder). */
export const PROVIDER_CASE_CLOSER_ROLES: readonly Role[] = [...MANAGER_ROLES, 'coordinator'];

/** A closer of the unit itself or of a unit above it: closing another unit's case is not theirs to do. */
export function canCloseProviderCase(position: Pick<ActorPosition, 'roles' | 'unitsBelow'>, providerUnitId: string): boolean {
  return hasAnyRole(position.roles, PROVIDER_CASE_CLOSER_ROLES) && position.unitsBelow.includes(providerUnitId);
}

export interface ClosingFacts {
  /** Today in Sweden. */
  today: string;
  /** The provider case's first day. */
  openedOn: string;
  /** The last day of the unit's latest delivery row for the person; null when it has none. */
  lastDeliveryEnd: string | null;
}

/**
 * Why the day cannot be the closing day, or null. Not in the future (closing is done, not
 * planned), not before the case opened, and not before the last delivery row ended: the case was
 * open while support was given.
 */
export function closingDateProblem(closedOn: string, facts: ClosingFacts): string | null {
  if (!isIsoDate(closedOn)) return 'Datumet finns inte.';
  if (closedOn > facts.today) return 'Avslutsdatum kan inte vara senare än i dag.';
  if (closedOn < facts.openedOn) return `Avslutsdatum kan inte vara före ${facts.openedOn}, då genomförandet öppnades.`;
  if (facts.lastDeliveryEnd !== null && closedOn < facts.lastDeliveryEnd) {
    return `Avslutsdatum kan inte vara före ${facts.lastDeliveryEnd}, den sista insatsens slutdatum.`;
  }
  return null;
}
