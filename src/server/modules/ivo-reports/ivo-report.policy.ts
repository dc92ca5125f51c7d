/**
 * Who works with the IVO report. It is the authority's duty (the board reports its decisions not
 * delivered), so the provider side has no part in it here:
 *
 * - the case officer records the details of their own cases' late items and previews and exports
 *   the report of their own cases;
 * - the authority manager (enhetschef myndighet) does the same for every case held by their units
 *   and is the one who marks a quarter reported — the report goes to IVO once, for the units;
 * - the administrator names the board the municipality reports as.
 *
 * Scope is sets, put in the SQL (ivo-report.repository.ts); out of scope is 404 like missing.
 */
import type { ActorPosition } from '../../platform/access/actor.ts';

export type IvoScope =
  | { kind: 'officer'; userId: string; personScopeUnitIds: readonly string[] }
  | { kind: 'authority_units'; unitIds: readonly string[]; personScopeUnitIds: readonly string[] };

type Position = Pick<ActorPosition, 'roles' | 'unitsBelow' | 'personScopeUnitIds'>;

/** The cases whose items the position sees; null for positions with no part in the report. */
export function ivoScopeOf(userId: string, position: Position): IvoScope | null {
  if (position.roles.includes('authority_manager')) {
    return { kind: 'authority_units', unitIds: position.unitsBelow, personScopeUnitIds: position.personScopeUnitIds };
  }
  if (position.roles.includes('case_officer')) {
    return { kind: 'officer', userId, personScopeUnitIds: position.personScopeUnitIds };
  }
  return null;
}

/** Record the reason for the delay, the consequences, interim support and offers (within the scope). */
export function canRecordLateDetails(position: Pick<ActorPosition, 'roles'>): boolean {
  return position.roles.includes('case_officer') || position.roles.includes('authority_manager');
}

/** Mark a quarter reported to IVO: the authority manager, for their units. */
export function canMarkIvoReport(position: Pick<ActorPosition, 'roles'>): boolean {
  return position.roles.includes('authority_manager');
}

export function canKeepIvoSettings(position: Pick<ActorPosition, 'roles'>): boolean {
  return position.roles.includes('administrator');
}
