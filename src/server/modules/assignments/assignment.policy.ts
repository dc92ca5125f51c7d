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
import type { AssignmentStatus } from '../../../contract/assignments.ts';

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

/**
 * Whether the reader of an assignment is given the person's address and phone with it (need to
 * know): the authority that writes it (it sees the person anyway), and at the provider whoever
 * reads it while it is live there — new (the manager who distributes it plans by where the person
 * lives) or accepted (the staff who go there). Not once the provider stopped it, the authority
 * withdrew it or a later assignment replaced it: that provider no longer has the person's support
 * from it. A protected identity's address is never given (persons' findPersonContact).
 */
export function canReadPersonContact(reader: { isWriter: boolean; status: AssignmentStatus }): boolean {
  return reader.isWriter || reader.status === 'new' || reader.status === 'accepted';
}
