/**
 * Roles a position can hold, and the groups the policies reason with. Identifiers are English
 * (docs/glossary.md); the Swedish names live in the web's labels.
 */
export const ROLES = [
  'case_officer',
  'authority_manager',
  'operations_manager',
  'unit_manager',
  'coordinator',
  'care_staff',
  'licensed_staff',
  'alarm_manager',
  'administrator',
] as const;
export type Role = (typeof ROLES)[number];

/** The deciding side: sees the cases of its whole service area. */
export const AUTHORITY_ROLES: readonly Role[] = ['case_officer', 'authority_manager'];
/** Verksamhetschef and enhetschef/gruppchef: see the units below them. */
export const MANAGER_ROLES: readonly Role[] = ['operations_manager', 'unit_manager'];
/** Provider staff who work with the persons of their unit. */
export const PROVIDER_STAFF_ROLES: readonly Role[] = ['coordinator', 'care_staff', 'licensed_staff', 'alarm_manager'];

/** Register persons and keep their personal details: the authority, provider management and coordinators. */
export const PERSON_CORE_EDITOR_ROLES: readonly Role[] = [...AUTHORITY_ROLES, ...MANAGER_ROLES, 'coordinator'];

export function hasAnyRole(roles: readonly Role[], wanted: readonly Role[]): boolean {
  return roles.some((role) => wanted.includes(role));
}

export function isRole(value: string): value is Role {
  return (ROLES as readonly string[]).includes(value);
}
