/**
 * Who may do what with a person. Reading needs the person in scope (the repository decides that
 * and answers 404 otherwise); these rules decide what a reader may do beyond reading.
 */
import {
  AUTHORITY_ROLES,
  MANAGER_ROLES,
  PERSON_CORE_EDITOR_ROLES,
  PROVIDER_STAFF_ROLES,
  hasAnyRole,
} from '../../../domain/roles.ts';
import type { ActorPosition } from '../../platform/access/actor.ts';

type Who = Pick<ActorPosition, 'roles'>;

const CORE_EDITORS = PERSON_CORE_EDITOR_ROLES;

/** Registering a person: the authority (an application arrives) and provider management. */
export function canRegisterPerson(actor: Who): boolean {
  return hasAnyRole(actor.roles, CORE_EDITORS);
}

/** Identity, names, civil status and the protection flag: authority, managers and coordinators. */
export function canEditPersonCore(actor: Who): boolean {
  return hasAnyRole(actor.roles, CORE_EDITORS);
}

/** Contact, visit information, important to know, relatives, reference persons and keys: everyone who works with the person. */
export function canEditPersonProviderTabs(actor: Who): boolean {
  return hasAnyRole(actor.roles, [...CORE_EDITORS, ...PROVIDER_STAFF_ROLES]);
}

/** Seeing a protected identity's name and address: those who decide on or lead the person's support. */
export function canRevealProtectedIdentity(actor: Who): boolean {
  return hasAnyRole(actor.roles, [...AUTHORITY_ROLES, ...MANAGER_ROLES]);
}

/** Reviewing who has read a person: managers on either side. */
export function canReviewPersonAccessLog(actor: Who): boolean {
  return hasAnyRole(actor.roles, ['authority_manager', ...MANAGER_ROLES]);
}
