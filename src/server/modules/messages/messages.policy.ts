/**
 * Who may do what with messages and send lists. A message belongs to its sender and its
 * recipients, whatever their roles; send lists are kept by the units themselves (DOMAIN.md §2).
 */
import { hasAnyRole, type Role } from '../../../domain/roles.ts';
import type { ActorPosition } from '../../platform/access/actor.ts';

type Who = Pick<ActorPosition, 'roles' | 'unitId' | 'unitsBelow'>;

/** Managers on either side lead the units below them, and so keep their lists. */
const LIST_MANAGERS: readonly Role[] = ['unit_manager', 'operations_manager', 'authority_manager'];

/** Reading a message: only its sender and those it reached; anyone else gets 404. */
export function canReadMessage(link: { isSender: boolean; isRecipient: boolean }): boolean {
  return link.isSender || link.isRecipient;
}

/** Marking read or unread and archiving act on one's own inbox row. */
export function canMarkMessage(link: { isRecipient: boolean }): boolean {
  return link.isRecipient;
}

/**
 * Keeping a unit's send lists (create, rename, switch off, members): administrators anywhere;
 * managers and coordinators for the units below them; the alarm manager for their own unit,
 * where the alarm group lives.
 */
export function canKeepSendList(actor: Who, unitId: string): boolean {
  if (hasAnyRole(actor.roles, ['administrator'])) return true;
  if (hasAnyRole(actor.roles, [...LIST_MANAGERS, 'coordinator']) && actor.unitsBelow.includes(unitId)) return true;
  return hasAnyRole(actor.roles, ['alarm_manager']) && actor.unitId === unitId;
}

/**
 * Making a list the alarm group (or no longer), and switching an alarm group off: every
 * personal-alarm assignment goes to it, so only an administrator or the unit's manager.
 */
export function canSetSendListPurpose(actor: Who, unitId: string): boolean {
  if (hasAnyRole(actor.roles, ['administrator'])) return true;
  return hasAnyRole(actor.roles, LIST_MANAGERS) && actor.unitsBelow.includes(unitId);
}
