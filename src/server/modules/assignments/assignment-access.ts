/**
 * Loading an assignment, a decision or a case for an actor, or answering 404: missing, another
 * municipality's, out of the person's scope, another service area's, or a provider's that was not
 * sent it all look the same (ADR 0004).
 */
import type { PositionedActor } from '../../platform/access/actor.ts';
import type { Trx } from '../../platform/db/tenant.ts';
import { NotFoundError } from '../../platform/errors.ts';
import * as repo from './assignment.repository.ts';
import * as context from './assignment-context.repository.ts';
import { listAlarmAreasHandledFrom, listProvidersOfUnits } from './assignment-receivers.repository.ts';
import * as policy from './assignment.policy.ts';
import { isPersonVisible } from '../../platform/access/person-scope.ts';

const NOT_FOUND = 'Uppdraget hittades inte.';

export interface ReadableAssignment {
  record: repo.AssignmentRecord;
  interventions: repo.AssignmentInterventionRecord[];
  /** The authority that may write in the case, rather than the provider it was sent to. */
  isWriter: boolean;
}

/** The authority of the case's service area, with the person in scope. */
async function isWriterOf(trx: Trx, actor: PositionedActor, target: { serviceArea: repo.AssignmentRecord['serviceArea']; personId: string }): Promise<boolean> {
  if (!policy.canWriteAssignments(actor.position, target.serviceArea)) return false;
  return isPersonVisible(trx, target.personId, actor.position.personScopeUnitIds);
}

/** For reading: the authority always, the provider once it is sent to them. */
export async function getReadableAssignment(trx: Trx, actor: PositionedActor, assignmentId: string): Promise<ReadableAssignment> {
  const record = await repo.findAssignment(trx, assignmentId);
  if (!record) throw new NotFoundError(NOT_FOUND);
  if (await isWriterOf(trx, actor, { serviceArea: record.serviceArea, personId: record.person.id })) {
    return { record, interventions: await repo.listAssignmentInterventions(trx, assignmentId), isWriter: true };
  }
  if (!record.sentAt) throw new NotFoundError(NOT_FOUND);
  const interventions = await repo.listAssignmentInterventions(trx, assignmentId);
  const facts = { isSent: true, providerId: record.provider.id, serviceArea: record.serviceArea, hasPersonalAlarm: interventions.some((row) => row.isPersonalAlarm) };
  const providers = await listProvidersOfUnits(trx, actor.position.unitsBelow);
  if (!policy.canReadAsProvider(actor.position, facts, providers, await alarmAreasOf(trx, actor))) throw new NotFoundError(NOT_FOUND);
  return { record, interventions, isWriter: false };
}

/** The service areas whose personal alarms the actor reads as an alarm manager; none for others (no query). */
export async function alarmAreasOf(trx: Trx, actor: PositionedActor): Promise<repo.AssignmentRecord['serviceArea'][]> {
  return policy.isAlarmReader(actor.position) ? listAlarmAreasHandledFrom(trx, actor.position.serviceArea) : [];
}

/** For changing: only the authority that may write in the case. */
export async function getWritableAssignment(trx: Trx, actor: PositionedActor, assignmentId: string): Promise<repo.AssignmentRecord> {
  const record = await repo.findAssignment(trx, assignmentId);
  if (!record || !(await isWriterOf(trx, actor, { serviceArea: record.serviceArea, personId: record.person.id }))) throw new NotFoundError(NOT_FOUND);
  return record;
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
