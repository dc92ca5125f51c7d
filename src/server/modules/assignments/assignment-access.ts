/**
 * Loading an assignment, a decision or a case for an actor, or answering 404: missing, another
 * municipality's, out of the person's scope, another service area's, or a provider's reader
 * without the need to know (assignment.policy.ts assignmentReadScope) all look the same (ADR 0004).
 */
import type { PositionedActor } from '../../platform/access/actor.ts';
import type { Trx } from '../../platform/db/tenant.ts';
import { NotFoundError } from '../../platform/errors.ts';
import * as repo from './assignment.repository.ts';
import * as context from './assignment-context.repository.ts';
import { listAlarmAreasHandledFrom, listProvidersOfUnits } from './assignment-receivers.repository.ts';
import * as policy from './assignment.policy.ts';
import type { AssignmentReadScope } from './assignment.policy.ts';
import { isPersonVisible } from '../../platform/access/person-scope.ts';
import { AUTHORITY_ROLES, type Role } from '../../../domain/roles.ts';

const isAuthorityRole = (role: Role) => AUTHORITY_ROLES.includes(role);

const NOT_FOUND = 'Uppdraget hittades inte.';

export interface ReadableAssignment {
  record: repo.AssignmentRecord;
  interventions: repo.AssignmentInterventionRecord[];
  /** The authority that may write in the case, rather than the provider it was sent to. */
  isWriter: boolean;
  /** What the reader reads of assignments, for what the page links to. */
  scope: AssignmentReadScope;
}

/** The authority of the case's service area, with the person in scope. */
async function isWriterOf(trx: Trx, actor: PositionedActor, target: { serviceArea: repo.AssignmentRecord['serviceArea']; personId: string }): Promise<boolean> {
  if (!policy.canWriteAssignments(actor.position, target.serviceArea)) return false;
  return isPersonVisible(trx, target.personId, actor.position.personScopeUnitIds);
}

/**
 * What the actor reads of assignments (assignment.policy.ts assignmentReadScope), for the SQL of
 * every query that loads or lists them: the providers of the position's units are looked up only
 * for provider-side positions, the alarm areas only for alarm managers.
 */
export async function loadAssignmentScope(trx: Trx, actor: PositionedActor): Promise<AssignmentReadScope> {
  const providers = policy.readsAsProvider(actor.position) ? await listProvidersOfUnits(trx, actor.position.unitsBelow) : [];
  return policy.assignmentReadScope(actor.position, providers, await alarmAreasOf(trx, actor));
}

/** The writer's part of the scope alone: no provider-side lookups for what only the authority may change. */
function writerScope(actor: PositionedActor): AssignmentReadScope {
  return policy.assignmentReadScope({ ...actor.position, roles: actor.position.roles.filter(isAuthorityRole) }, [], []);
}

/** For reading: the authority always, the provider side on a need to know; out of scope is 404. */
export async function getReadableAssignment(trx: Trx, actor: PositionedActor, assignmentId: string): Promise<ReadableAssignment> {
  const scope = await loadAssignmentScope(trx, actor);
  const found = await repo.findReadableAssignment(trx, assignmentId, scope);
  if (!found) throw new NotFoundError(NOT_FOUND);
  return { ...found, interventions: await repo.listAssignmentInterventions(trx, assignmentId), scope };
}

/** The service areas whose personal alarms the actor reads as an alarm manager; none for others (no query). */
export async function alarmAreasOf(trx: Trx, actor: PositionedActor): Promise<repo.AssignmentRecord['serviceArea'][]> {
  return policy.isAlarmReader(actor.position) ? listAlarmAreasHandledFrom(trx, actor.position.serviceArea) : [];
}

/** For changing: only the authority that may write in the case. */
export async function getWritableAssignment(trx: Trx, actor: PositionedActor, assignmentId: string): Promise<repo.AssignmentRecord> {
  const found = await repo.findReadableAssignment(trx, assignmentId, writerScope(actor));
  if (!found?.isWriter) throw new NotFoundError(NOT_FOUND);
  return found.record;
}

/** A decision to write an assignment from. */
export async function getWritableDecision(trx: Trx, actor: PositionedActor, decisionId: string): Promise<context.DecisionContext> {
  const decision = await context.findDecisionContext(trx, decisionId);
  if (!decision || !(await isWriterOf(trx, actor, { serviceArea: decision.serviceArea, personId: decision.person.id }))) {
    throw new NotFoundError('Beslutet hittades inte.');
  }
  return decision;
}

/** A case whose assignments the authority reads. */
export async function getReadableCase(trx: Trx, actor: PositionedActor, caseId: string): Promise<context.CaseContext> {
  const found = await context.findCaseContext(trx, caseId);
  if (!found || !(await isWriterOf(trx, actor, { serviceArea: found.serviceArea, personId: found.personId }))) {
    throw new NotFoundError('Ärendet hittades inte.');
  }
  return found;
}
