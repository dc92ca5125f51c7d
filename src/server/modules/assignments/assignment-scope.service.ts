/**
 * What an actor reads of assignments (assignment.policy.ts assignmentReadScope), as the sets the
 * SQL of every query that loads or lists assignments tests them against
 * (assignment-scope.repository.ts). Looked up once per request inside the caller's transaction:
 * the providers of the position's units only for provider-side positions, the alarm areas only
 * for alarm managers. Other modules ask here (deliveries, messages, desk), never the SQL itself.
 */
import type { PositionedActor } from '../../platform/access/actor.ts';
import type { Trx } from '../../platform/db/tenant.ts';
import { AUTHORITY_ROLES, type Role } from '../../../domain/roles.ts';
import type { ServiceAreaCode } from '../../../domain/organisation.ts';
import { listAlarmAreasHandledFrom, listProvidersOfUnits } from './assignment-receivers.repository.ts';
import * as policy from './assignment.policy.ts';
import type { AssignmentReadScope } from './assignment.policy.ts';

const isAuthorityRole = (role: Role) => AUTHORITY_ROLES.includes(role);

/** The whole read scope: the authority's part and the provider side's. */
export async function loadAssignmentScope(trx: Trx, actor: PositionedActor): Promise<AssignmentReadScope> {
  const providers = policy.readsAsProvider(actor.position) ? await listProvidersOfUnits(trx, actor.position.unitsBelow) : [];
  return policy.assignmentReadScope(actor.position, providers, await alarmAreasOf(trx, actor));
}

/** The writer's part of the scope alone, with no lookups: for what only the authority may change. */
export function writerScope(actor: PositionedActor): AssignmentReadScope {
  return policy.assignmentReadScope({ ...actor.position, roles: actor.position.roles.filter(isAuthorityRole) }, [], []);
}

/** The service areas whose personal alarms the actor reads as an alarm manager; none for others (no query). */
export async function alarmAreasOf(trx: Trx, actor: PositionedActor): Promise<ServiceAreaCode[]> {
  return policy.isAlarmReader(actor.position) ? listAlarmAreasHandledFrom(trx, actor.position.serviceArea) : [];
}
