/**
 * What other modules read of an assignment they reached through a row already scoped in their own
 * SQL (a delivery row, a pending change of provider, an ending decision's rows): the assignment,
 * its interventions, and who at a provider receives new assignments. Each runs in the caller's
 * transaction; none checks access again.
 */
import type { Trx } from '../../platform/db/tenant.ts';
import * as repo from './assignment.repository.ts';
import * as receivers from './assignment-receivers.repository.ts';

export function findAssignment(trx: Trx, assignmentId: string): Promise<repo.AssignmentRecord | undefined> {
  return repo.findAssignment(trx, assignmentId);
}

export function listAssignmentInterventions(
  trx: Trx,
  assignmentId: string,
): Promise<repo.AssignmentInterventionRecord[]> {
  return repo.listAssignmentInterventions(trx, assignmentId);
}

/** Verksamhetschef, enhetschef and samordnare at the provider or below it: told of what happens to its assignments. */
export function listProviderReceivers(trx: Trx, providerId: string): Promise<receivers.Receiver[]> {
  return receivers.listProviderReceivers(trx, providerId);
}
