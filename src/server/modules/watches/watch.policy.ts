/**
 * Whose watches a position sees. The case officer sees their own cases' items; an authority
 * manager those of the cases held by their units; a provider's manager (verksamhetschef,
 * enhetschef) the items at their provider and units — they are the ones escalations reach. The
 * administrator keeps the settings.
 */
import { hasAnyRole, MANAGER_ROLES } from '../../../domain/roles.ts';
import type { ActorPosition } from '../../platform/access/actor.ts';

export type WatchDesk = 'officer' | 'authority_manager' | 'provider';

export function watchDeskOf(position: Pick<ActorPosition, 'roles'>): WatchDesk | null {
  if (position.roles.includes('case_officer')) return 'officer';
  if (position.roles.includes('authority_manager')) return 'authority_manager';
  if (hasAnyRole(position.roles, MANAGER_ROLES)) return 'provider';
  return null;
}

export function canKeepWatchSettings(position: Pick<ActorPosition, 'roles'>): boolean {
  return position.roles.includes('administrator');
}

/** Everyone with a position reads the settings: the web shows the hours and months they reckon with. */
export function canReadWatchSettings(position: Pick<ActorPosition, 'roles'> | null): boolean {
  return position !== null;
}
