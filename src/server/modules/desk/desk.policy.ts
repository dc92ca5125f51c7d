/**
 * Which units make up a position's desk (Mitt skrivbord). A unit on the desk only says where to
 * look: the persons listed there are always also filtered by the position's person scope, so a
 * unit below an administrator, who sees no persons, shows an empty folder.
 */
import type { ActorPosition } from '../../platform/access/actor.ts';

type Where = Pick<ActorPosition, 'unitsBelow' | 'personScopeUnitIds'>;

/** The position's unit and everything below it, and every unit whose persons it sees. */
export function deskUnitIds(position: Where): string[] {
  return [...new Set([...position.unitsBelow, ...position.personScopeUnitIds])];
}

/** Whether the unit's folder may be opened; any other unit answers 404, the same as missing. */
export function canListUnitPersons(position: Where, unitId: string): boolean {
  return position.unitsBelow.includes(unitId) || position.personScopeUnitIds.includes(unitId);
}
