/**
 * Who may do what with assignments. The authority writes them: case officers and their managers
 * of the case's service area, for persons in their scope. At the provider an assignment is read on
 * a need to know (assignmentReadScope below). Missing, out of scope and not yours all answer 404
 * (ADR 0004).
 */
import { AUTHORITY_ROLES, MANAGER_ROLES, PROVIDER_STAFF_ROLES, hasAnyRole, type Role } from '../../../domain/roles.ts';
import type { ServiceAreaCode } from '../../../domain/organisation.ts';
import type { ActorPosition } from '../../platform/access/actor.ts';

type Who = Pick<ActorPosition, 'roles' | 'serviceArea'>;

/**
 * Verksamhetschef, enhetschef/gruppchef and samordnare: at a provider they get the message about a
 * new assignment, work "Nya uppdrag", and accept and distribute or stop what was sent there.
 */
export const NEW_ASSIGNMENT_RECEIVER_ROLES: readonly Role[] = ['operations_manager', 'unit_manager', 'coordinator'];

/** Writing, changing, sending and reading drafts: the authority of the case's service area. */
export function canWriteAssignments(actor: Who, caseServiceArea: ServiceAreaCode): boolean {
  return hasAnyRole(actor.roles, AUTHORITY_ROLES) && actor.serviceArea === caseServiceArea;
}

/**
 * Which assignments a position reads, as sets the SQL tests each assignment against
 * (assignment-scope.repository.ts). An assignment is *distributed* once it has delivery rows —
 * accepting writes them — and stays so whatever its state later (replaced, rows withdrawn).
 */
export interface AssignmentReadScope {
  /** The authority of this service area reads its cases' assignments, drafts too, for persons in these units' scope. */
  writer: { serviceArea: ServiceAreaCode; personScopeUnitIds: readonly string[] } | null;
  /** Sent, not yet distributed, to one of these providers: the position may accept and distribute it, so reads it. */
  distributorProviderIds: readonly string[];
  /** Distributed with a row at one of these units: the managers of a unit that delivers it (they register, send and start its rows). */
  managedUnitIds: readonly string[];
  /** Distributed, sent to one of these providers, and its person in `staffScopeUnitIds`' scope: everyone working there. */
  staffProviderIds: readonly string[];
  staffScopeUnitIds: readonly string[];
  /** Sent, with a personal alarm, in one of these service areas: the alarm managers, whichever provider and state. */
  alarmServiceAreas: readonly ServiceAreaCode[];
}

/**
 * Need to know at the provider (issue 13, defect 7):
 * - before it is distributed, only those who may accept and distribute it read it — verksamhetschef,
 *   enhetschef/gruppchef and samordnare of the provider it was sent to (the provider or a unit of
 *   it is at or below their position). The person need not be in their scope yet: the assignment is
 *   how the provider first learns of them;
 * - once distributed, the managers and coordinators at or above a unit with one of its rows read
 *   it, and anyone working at the provider (care staff, licensed staff, alarm managers, managers of
 *   other units) reads it once its person is in their own person scope (domain/access.ts);
 * - alarm managers read the personal-alarm assignments of the service areas they handle
 *   (`alarmAreas`, src/domain/alarm-groups.ts), sent to any provider, before and after distribution:
 *   the alarm group installs the alarm and gets the message about it, so the message must open.
 * `providersOfPosition`: every provider at or above one of the position's units.
 */
export function assignmentReadScope(
  actor: Pick<ActorPosition, 'roles' | 'serviceArea' | 'unitsBelow' | 'personScopeUnitIds'>,
  providersOfPosition: readonly string[], alarmAreas: readonly ServiceAreaCode[],
): AssignmentReadScope {
  const isDistributor = hasAnyRole(actor.roles, NEW_ASSIGNMENT_RECEIVER_ROLES);
  const isProviderStaff = hasAnyRole(actor.roles, [...MANAGER_ROLES, ...PROVIDER_STAFF_ROLES]);
  return {
    writer: hasAnyRole(actor.roles, AUTHORITY_ROLES) ? { serviceArea: actor.serviceArea, personScopeUnitIds: actor.personScopeUnitIds } : null,
    distributorProviderIds: isDistributor ? providersOfPosition : [],
    managedUnitIds: isDistributor ? actor.unitsBelow : [],
    staffProviderIds: isProviderStaff ? providersOfPosition : [],
    staffScopeUnitIds: isProviderStaff ? actor.personScopeUnitIds : [],
    alarmServiceAreas: isAlarmReader(actor) ? alarmAreas : [],
  };
}

/** A distributed assignment with rows at these units is read by the reader as a manager of one of them. */
export function managesAnyOf(scope: Pick<AssignmentReadScope, 'managedUnitIds'>, rowUnitIds: readonly string[]): boolean {
  return rowUnitIds.some((unitId) => scope.managedUnitIds.includes(unitId));
}

/** Whether the position may hold any provider-side part of the scope: the providers of its units are worth looking up. */
export function readsAsProvider(actor: Pick<ActorPosition, 'roles'>): boolean {
  return hasAnyRole(actor.roles, [...MANAGER_ROLES, ...PROVIDER_STAFF_ROLES]);
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
