/**
 * Who may keep the organisation. The tree itself is no secret within the municipality: any
 * positioned user reads it (screens need it for choices). Changing it, and everything about
 * users, positions and roles, is the administrator's, for the whole municipality.
 */
import { hasAnyRole } from '../../../domain/roles.ts';
import type { ActorPosition, PositionedActor } from '../../platform/access/actor.ts';

type Who = Pick<ActorPosition, 'roles'>;

/** Units, users, positions and roles: administrators only. */
export function canManageOrganisation(actor: Who): boolean {
  return hasAnyRole(actor.roles, ['administrator']);
}

/** Nobody switches off their own account: the last administrator would lock the municipality out. */
export function canDeactivateUser(actor: PositionedActor, userId: string): boolean {
  return actor.userId !== userId;
}

/**
 * The position the administrator works in must stay active and keep the administrator role,
 * for the same reason; another administrator can make that change.
 */
export function keepsOwnAdministration(
  actor: PositionedActor,
  positionId: string,
  next: { roles: readonly string[]; isActive: boolean },
): boolean {
  if (actor.position.id !== positionId) return true;
  return next.isActive && next.roles.includes('administrator');
}
