/**
 * Who may do what with assignments. The authority writes them: case officers and their managers
 * of the case's service area, for persons in their scope. At the provider an assignment is read on
 * a need to know (platform/access/assignment-scope.ts). Missing, out of scope and not yours all answer 404
 * (ADR 0004).
 */
import { AUTHORITY_ROLES, hasAnyRole } from '../../../domain/roles.ts';
import type { ServiceAreaCode } from '../../../domain/organisation.ts';
import type { ActorPosition } from '../../platform/access/actor.ts';
import { NEW_ASSIGNMENT_RECEIVER_ROLES } from '../../platform/access/assignment-scope.ts';

type Who = Pick<ActorPosition, 'roles' | 'serviceArea'>;

/** Writing, changing, sending and reading drafts: the authority of the case's service area. */
export function canWriteAssignments(actor: Who, caseServiceArea: ServiceAreaCode): boolean {
  return hasAnyRole(actor.roles, AUTHORITY_ROLES) && actor.serviceArea === caseServiceArea;
}

/** What "Nya uppdrag" shows a position: all new ones of its providers, and/or the personal-alarm ones of the service areas it handles. */
export interface NewAssignmentView {
  isProviderWide: boolean;
  isAlarmOnly: boolean;
}

export function newAssignmentView(actor: Pick<ActorPosition, 'roles'>): NewAssignmentView {
  return {
    isProviderWide: hasAnyRole(actor.roles, NEW_ASSIGNMENT_RECEIVER_ROLES),
    isAlarmOnly: actor.roles.includes('alarm_manager'),
  };
}

/** "Nya uppdrag" is for provider managers, coordinators and alarm managers. */
export function canListNewAssignments(actor: Pick<ActorPosition, 'roles'>): boolean {
  const view = newAssignmentView(actor);
  return view.isProviderWide || view.isAlarmOnly;
}
