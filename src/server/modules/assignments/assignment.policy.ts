/**
 * Who may do what with assignments. The authority writes them: case officers and their managers
 * of the case's service area, for persons in their scope. A provider reads only what was sent to
 * it. Missing, out of scope and not yours all answer 404 (ADR 0004).
 */
import { AUTHORITY_ROLES, MANAGER_ROLES, PROVIDER_STAFF_ROLES, hasAnyRole, type Role } from '../../../domain/roles.ts';
import type { ServiceAreaCode } from '../../../domain/organisation.ts';
import type { ActorPosition } from '../../platform/access/actor.ts';

type Who = Pick<ActorPosition, 'roles' | 'serviceArea'>;

/** Who at a provider gets the message about a new assignment, and works "Nya uppdrag". */
export const NEW_ASSIGNMENT_RECEIVER_ROLES: readonly Role[] = ['operations_manager', 'unit_manager', 'coordinator'];

/** Writing, changing, sending and reading drafts: the authority of the case's service area. */
export function canWriteAssignments(actor: Who, caseServiceArea: ServiceAreaCode): boolean {
  return hasAnyRole(actor.roles, AUTHORITY_ROLES) && actor.serviceArea === caseServiceArea;
}

export interface SentAssignmentFacts {
  isSent: boolean;
  providerId: string;
  serviceArea: ServiceAreaCode;
  hasPersonalAlarm: boolean;
}

/**
 * The provider side reads an assignment once it is sent and only if it was sent to their provider
 * (a provider the position's units belong to). The alarm manager also reads the personal-alarm
 * assignments of the service areas they handle (`alarmAreas`, from alarmAreasHandledFrom in
 * src/domain/alarm-groups.ts: their own, and those whose alarms fall back to their area's alarm
 * group): the alarm group installs alarms whichever provider delivers the rest, and gets the
 * message about each one, so the message must open.
 */
export function canReadAsProvider(
  actor: Who, assignment: SentAssignmentFacts, providersOfPosition: readonly string[], alarmAreas: readonly ServiceAreaCode[] = [actor.serviceArea],
): boolean {
  if (!assignment.isSent) return false;
  if (hasAnyRole(actor.roles, [...MANAGER_ROLES, ...PROVIDER_STAFF_ROLES]) && providersOfPosition.includes(assignment.providerId)) return true;
  return isAlarmReader(actor) && alarmAreas.includes(assignment.serviceArea) && assignment.hasPersonalAlarm;
}

/** Alarm managers (larmansvarig) read and list personal-alarm assignments. */
export function isAlarmReader(actor: Pick<ActorPosition, 'roles'>): boolean {
  return actor.roles.includes('alarm_manager');
}

/** What "Nya uppdrag" shows a position: all new ones of its providers, and/or the personal-alarm ones of the service areas it handles. */
export interface NewAssignmentView {
  isProviderWide: boolean;
  isAlarmOnly: boolean;
}

export function newAssignmentView(actor: Pick<ActorPosition, 'roles'>): NewAssignmentView {
  return { isProviderWide: hasAnyRole(actor.roles, NEW_ASSIGNMENT_RECEIVER_ROLES), isAlarmOnly: actor.roles.includes('alarm_manager') };
}

/** "Nya uppdrag" is for provider managers, coordinators and alarm managers. */
export function canListNewAssignments(actor: Pick<ActorPosition, 'roles'>): boolean {
  const view = newAssignmentView(actor);
  return view.isProviderWide || view.isAlarmOnly;
}
