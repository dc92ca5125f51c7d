/**
 * The staff view of a person's case at a unit (genomförande): the person, the rows sent there and
 * the assignments behind them, each acknowledged or new; and acknowledging it (kvittera), which
 * takes the person out of the unit staff's Nya uppdrag and, if chosen, puts them under the
 * acknowledger's Mina personer. Closing the case is in ../provider-cases/.
 */
import type { Db } from '../../platform/db/database.ts';
import { inTenant, type Trx } from '../../platform/db/tenant.ts';
import type { PositionedActor } from '../../platform/access/actor.ts';
import { writeAudit } from '../../platform/audit/audit.ts';
import { ConflictError } from '../../platform/errors.ts';
import type * as c from '../../../contract/deliveries.ts';
import { toPersonRef } from '../assignments/assignment.presenter.ts';
import { getVisibleProviderCase } from './delivery-access.ts';
import * as repo from './delivery.repository.ts';
import * as cases from './provider-case.repository.ts';
import { insertAssignmentEvents } from './intake.repository.ts';
import { toDeliveryRows } from './delivery.presenter.ts';
import { canAcknowledge } from './delivery.policy.ts';

/**
 * Each assignment's acknowledgement in the case. One without its own record is acknowledged by
 * the case's acknowledgement while that stands (cases acknowledged before assignments had their
 * own records, or built so by the seeds) and waits while the case waits.
 */
function acknowledgementsOf(found: cases.ProviderCaseRecord, assignments: readonly cases.ProviderCaseAssignment[]): c.ProviderCaseView['acknowledgements'] {
  return assignments.map((assignment) => {
    const own = assignment.acknowledgedAt !== null;
    return {
      assignmentId: assignment.id,
      acknowledgedAt: (own ? assignment.acknowledgedAt : found.acknowledgedAt)?.toISOString() ?? null,
      acknowledgedByName: own ? assignment.acknowledgedByName : found.acknowledgedAt !== null ? found.acknowledgedByName : null,
    };
  });
}

async function view(trx: Trx, actor: PositionedActor, found: cases.ProviderCaseRecord): Promise<c.ProviderCaseView> {
  // Everything sent into the case is at its unit, which the reader's scope holds.
  const views = await repo.listDeliveries(trx, { providerCaseId: found.id }, { unitIds: [found.providerUnit.id], authorityServiceArea: null });
  const assignments = await cases.listProviderCaseAssignments(trx, found.id);
  return {
    id: found.id, person: toPersonRef(found.person), providerUnit: found.providerUnit, openedOn: found.openedOn,
    acknowledgedAt: found.acknowledgedAt?.toISOString() ?? null, acknowledgedByName: found.acknowledgedByName, closedOn: found.closedOn,
    isInMyPersons: await cases.isInMyPersons(trx, actor.userId, found.person.id),
    assignments: assignments.map(({ id, assignmentNumber }) => ({ id, assignmentNumber })),
    acknowledgements: acknowledgementsOf(found, assignments),
    rows: toDeliveryRows(views, await repo.listInterruptions(trx, views.map((row) => row.id)), actor.position),
    version: found.version,
    permissions: { canAcknowledge: canAcknowledge(actor.position, found.providerUnit.id) && found.acknowledgedAt === null && found.closedOn === null },
  };
}

export async function getProviderCase(db: Db, actor: PositionedActor, providerCaseId: string): Promise<c.ProviderCaseView> {
  return inTenant(db, actor.municipalityId, async (trx) => {
    const found = await getVisibleProviderCase(trx, actor, providerCaseId, false);
    await writeAudit(trx, actor, { action: 'person.read', entityType: 'provider_case', entityId: providerCaseId, personId: found.person.id, details: { section: 'provider_case' } });
    return view(trx, actor, found);
  });
}

/**
 * Kvittera, by staff of the unit: the assignments in the case not yet acknowledged there — all of
 * them in a new case, the new one when a later assignment's rows came into an acknowledged case —
 * are recorded as acknowledged and each gets an 'acknowledged' event.
 */
export async function acknowledgeProviderCase(db: Db, actor: PositionedActor, providerCaseId: string, request: { version: number; moveToMyPersons: boolean }): Promise<c.ProviderCaseView> {
  return inTenant(db, actor.municipalityId, async (trx) => {
    const found = await getVisibleProviderCase(trx, actor, providerCaseId, true);
    if (found.closedOn !== null) throw new ConflictError(`Genomförandet avslutades ${found.closedOn}.`);
    if (found.acknowledgedAt !== null) throw new ConflictError(`Uppdraget är redan kvitterat av ${found.acknowledgedByName ?? 'någon annan'}.`);
    const acknowledged = await cases.markAcknowledged(trx, providerCaseId, request.version, actor.userId);
    if (!acknowledged) throw new ConflictError();
    // Read under the case's lock, which sending rows into it takes too: nothing arrives meanwhile.
    const waiting = (await cases.listProviderCaseAssignments(trx, providerCaseId)).filter((assignment) => assignment.acknowledgedAt === null).map((assignment) => assignment.id);
    await cases.insertAcknowledgements(trx, actor.municipalityId, providerCaseId, waiting, actor.userId);
    if (request.moveToMyPersons) await cases.addToMyPersons(trx, actor.municipalityId, actor.userId, found.person.id);
    await insertAssignmentEvents(trx, actor.municipalityId, waiting, 'acknowledged', actor.userId, `Kvitterat av ${found.providerUnit.name}.`);
    await writeAudit(trx, actor, {
      action: 'provider_case.acknowledge', entityType: 'provider_case', entityId: providerCaseId, personId: found.person.id,
      details: { providerUnitId: found.providerUnit.id, assignmentIds: waiting, moveToMyPersons: request.moveToMyPersons },
    });
    return view(trx, actor, { ...found, acknowledgedAt: acknowledged.acknowledgedAt, acknowledgedByName: actor.displayName, version: acknowledged.version });
  });
}
