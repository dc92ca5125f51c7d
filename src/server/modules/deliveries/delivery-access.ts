/**
 * Loading an assignment, a delivery row or a provider case for an actor, or answering 404 when
 * they may not read it (missing, another municipality's, another provider's, out of scope all
 * look the same, ADR 0004) and 403 when they read it but may not do this to it (care staff
 * reading an assignment they may not distribute).
 */
import type { PositionedActor } from '../../platform/access/actor.ts';
import type { Trx } from '../../platform/db/tenant.ts';
import { ForbiddenError, NotFoundError } from '../../platform/errors.ts';
import { isPersonVisible } from '../../platform/access/person-scope.ts';
import { loadAssignmentScope } from '../assignments/assignment-access.ts';
import type { AssignmentReadScope } from '../assignments/assignment.policy.ts';
import * as intake from './intake.repository.ts';
import * as repo from './delivery.repository.ts';
import * as cases from './provider-case.repository.ts';
import * as policy from './delivery.policy.ts';

export interface ReceivedAssignment {
  assignment: intake.IntakeAssignment;
  canDistribute: boolean;
  /** What the actor reads of assignments, for asking again after a change. */
  scope: AssignmentReadScope;
}

/**
 * A sent assignment the actor reads: the authority of the case, or at the provider on a need to
 * know (assignments/assignment.policy.ts assignmentReadScope, in the query's SQL). Otherwise 404.
 * `forDistribution`: the actor must also be one who may answer it (accept and distribute, or
 * stop): a manager or coordinator of the provider while it is undistributed, of a unit that
 * delivers it after; a reader who may not is 403.
 */
export async function getReceivedAssignment(trx: Trx, actor: PositionedActor, assignmentId: string, forDistribution: boolean): Promise<ReceivedAssignment> {
  const scope = await loadAssignmentScope(trx, actor);
  const found = await intake.findReceivedAssignment(trx, assignmentId, scope);
  if (!found?.assignment.sentAt) throw new NotFoundError('Uppdraget hittades inte.');
  if (forDistribution && !found.canAnswer) {
    throw new ForbiddenError('Bara verksamhetschef, enhetschef och samordnare hos utföraren kan ta emot, fördela och stoppa uppdrag.');
  }
  return { assignment: found.assignment, canDistribute: found.canAnswer, scope };
}

/** Whether the actor reads this row: at a unit in their scope, or under a decision of their service area with the person in scope. */
async function isDeliveryReadable(trx: Trx, actor: PositionedActor, row: repo.DeliveryContext): Promise<boolean> {
  const scope = policy.deliveryReadScope(actor.position);
  if (scope.unitIds.includes(row.providerUnit.id)) return true;
  return scope.authorityServiceArea === row.serviceArea && isPersonVisible(trx, row.personId, actor.position.personScopeUnitIds);
}

/** A delivery row the actor reads; `forManaging`: and may register, send and start rows at its unit. */
export async function getVisibleDelivery(trx: Trx, actor: PositionedActor, deliveryId: string, forManaging: boolean): Promise<repo.DeliveryContext> {
  const row = await repo.findDeliveryContext(trx, deliveryId);
  if (!row || !(await isDeliveryReadable(trx, actor, row))) throw new NotFoundError('Raden hittades inte.');
  if (forManaging && !policy.canManageDeliveriesAt(actor.position, row.providerUnit.id)) {
    throw new ForbiddenError('Bara verksamhetschef, enhetschef och samordnare för enheten kan registrera verkställighet.');
  }
  return row;
}

/** A provider case the actor reads (staff of its unit); `forAcknowledging`: and may acknowledge it. */
export async function getVisibleProviderCase(trx: Trx, actor: PositionedActor, providerCaseId: string, forAcknowledging: boolean): Promise<cases.ProviderCaseRecord> {
  const found = await cases.findProviderCase(trx, providerCaseId);
  if (!found || !policy.canReadProviderCase(actor.position, found.providerUnit.id)) throw new NotFoundError('Genomförandet hittades inte.');
  if (forAcknowledging && !policy.canAcknowledge(actor.position, found.providerUnit.id)) {
    throw new ForbiddenError('Bara personal på enheten kan kvittera uppdraget.');
  }
  return found;
}
