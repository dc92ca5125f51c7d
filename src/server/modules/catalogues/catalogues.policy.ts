/**
 * Who may keep the catalogues. They hold no personal data and every decision form needs them, so
 * any positioned user reads them; changing them changes what every case officer can grant, so
 * that is the administrator's, for the whole municipality.
 */
import { hasAnyRole } from '../../../domain/roles.ts';
import type { ActorPosition } from '../../platform/access/actor.ts';

type Who = Pick<ActorPosition, 'roles'>;

/** Legal bases and intervention types: administrators only. */
export function canManageCatalogues(actor: Who): boolean {
  return hasAnyRole(actor.roles, ['administrator']);
}
