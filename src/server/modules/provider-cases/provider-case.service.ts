/**
 * A person's case at a provider unit (genomförande): the staff view — the person and how to reach
 * them (address and phone while the case is open), the rows sent there and the assignments behind
 * them, each acknowledged or new; acknowledging it (kvittera), which takes the person out of the
 * unit staff's Nya uppdrag and, if chosen, puts them under the acknowledger's Mina personer; and
 * closing it from "Ej aktuella – att avsluta", only when the
 * person has nothing ongoing or planned at the unit (src/domain/delivery-rules.ts
 * isOngoingOrPlanned), on a day the policy allows. Each runs in one transaction with its audit row.
 */
import type { Db } from '../../platform/db/database.ts';
import { inTenant, type Trx } from '../../platform/db/tenant.ts';
import type { PositionedActor } from '../../platform/access/actor.ts';
import { writeAudit } from '../../platform/audit/audit.ts';
import { ConflictError, ForbiddenError, NotFoundError, ValidationError } from '../../platform/errors.ts';
import { todayInSweden } from '../../../domain/dates.ts';
import { isOngoingOrPlanned } from '../../../domain/delivery-rules.ts';
import type * as c from '../../../contract/provider-cases.ts';
import { toPersonRef } from '../assignments/index.ts';
import { listProviderCaseRows } from '../deliveries/index.ts';
import { recordAcknowledged } from '../deliveries/index.ts';
import { findPersonContact } from '../persons/index.ts';
import * as repo from './provider-case.repository.ts';
import * as policy from './provider-case.policy.ts';

const NOT_FOUND = 'Genomförandet hittades inte.';

/**
 * A case the reader knows of (the read scope in the query's WHERE) and reads as staff of its
 * unit: the authority, which knows the case from its rows, gets 404 here as for any other reader
 * of the provider's record. `forAcknowledging`: and may acknowledge it (403 otherwise).
 */
async function getStaffProviderCase(
  trx: Trx,
  actor: PositionedActor,
  providerCaseId: string,
  forAcknowledging: boolean,
): Promise<repo.ProviderCaseRecord> {
  const found = await repo.findProviderCase(trx, providerCaseId, policy.providerCaseReadScope(actor.position));
  if (!found || !policy.isStaffOfCase(actor.position, found.providerUnit.id)) throw new NotFoundError(NOT_FOUND);
  if (forAcknowledging && !policy.canAcknowledge(actor.position, found.providerUnit.id)) {
    throw new ForbiddenError('Bara personal på enheten kan kvittera uppdraget.');
  }
  return found;
}

/**
 * For a module that links to a provider case (a personal watch): the case if the reader opens it
 * as staff of its unit (the page a link leads to), else undefined, never an error.
 */
export async function findStaffProviderCase(
  trx: Trx,
  actor: PositionedActor,
  providerCaseId: string,
): Promise<{ id: string; personId: string; unitName: string } | undefined> {
  const found = await repo.findProviderCase(trx, providerCaseId, policy.providerCaseReadScope(actor.position));
  if (!found || !policy.isStaffOfCase(actor.position, found.providerUnit.id)) return undefined;
  return { id: found.id, personId: found.person.id, unitName: found.providerUnit.name };
}

/**
 * Each assignment's acknowledgement in the case. One without its own record is acknowledged by
 * the case's acknowledgement while that stands (cases acknowledged before assignments had their
 * own records, or built so by the seeds) and waits while the case waits.
 */
function acknowledgementsOf(
  found: repo.ProviderCaseRecord,
  assignments: readonly repo.ProviderCaseAssignment[],
): c.ProviderCaseView['acknowledgements'] {
  return assignments.map((assignment) => {
    const own = assignment.acknowledgedAt !== null;
    return {
      assignmentId: assignment.id,
      acknowledgedAt: (own ? assignment.acknowledgedAt : found.acknowledgedAt)?.toISOString() ?? null,
      acknowledgedByName: own
        ? assignment.acknowledgedByName
        : found.acknowledgedAt !== null
          ? found.acknowledgedByName
          : null,
    };
  });
}

async function view(trx: Trx, actor: PositionedActor, found: repo.ProviderCaseRecord): Promise<c.ProviderCaseView> {
  // Everything sent into the case is at its unit, which the reader's scope holds.
  const rows = await listProviderCaseRows(trx, actor, found.id, found.providerUnit.id);
  const assignments = await repo.listProviderCaseAssignments(trx, found.id);
  return {
    id: found.id,
    person: toPersonRef(found.person),
    // Where the staff go, while the case is theirs: an open case at their unit (need to know).
    personContact: found.closedOn === null ? ((await findPersonContact(trx, found.person.id)) ?? null) : null,
    providerUnit: found.providerUnit,
    openedOn: found.openedOn,
    acknowledgedAt: found.acknowledgedAt?.toISOString() ?? null,
    acknowledgedByName: found.acknowledgedByName,
    closedOn: found.closedOn,
    isInMyPersons: await repo.isInMyPersons(trx, actor.userId, found.person.id),
    assignments: assignments.map(({ id, assignmentNumber }) => ({ id, assignmentNumber })),
    acknowledgements: acknowledgementsOf(found, assignments),
    rows,
    version: found.version,
    permissions: {
      canAcknowledge:
        policy.canAcknowledge(actor.position, found.providerUnit.id) &&
        found.acknowledgedAt === null &&
        found.closedOn === null,
    },
  };
}

export async function getProviderCase(
  db: Db,
  actor: PositionedActor,
  providerCaseId: string,
): Promise<c.ProviderCaseView> {
  return inTenant(db, actor.municipalityId, async (trx) => {
    const found = await getStaffProviderCase(trx, actor, providerCaseId, false);
    await writeAudit(trx, actor, {
      action: 'person.read',
      entityType: 'provider_case',
      entityId: providerCaseId,
      personId: found.person.id,
      details: { section: 'provider_case' },
    });
    return view(trx, actor, found);
  });
}

/**
 * Kvittera, by staff of the unit: the assignments in the case not yet acknowledged there — all of
 * them in a new case, the new one when a later assignment's rows came into an acknowledged case —
 * are recorded as acknowledged and each gets an 'acknowledged' event.
 */
export async function acknowledgeProviderCase(
  db: Db,
  actor: PositionedActor,
  providerCaseId: string,
  request: { version: number; moveToMyPersons: boolean },
): Promise<c.ProviderCaseView> {
  return inTenant(db, actor.municipalityId, async (trx) => {
    const found = await getStaffProviderCase(trx, actor, providerCaseId, true);
    if (found.closedOn !== null) throw new ConflictError(`Genomförandet avslutades ${found.closedOn}.`);
    if (found.acknowledgedAt !== null)
      throw new ConflictError(`Uppdraget är redan kvitterat av ${found.acknowledgedByName ?? 'någon annan'}.`);
    const acknowledged = await repo.markAcknowledged(trx, providerCaseId, request.version, actor.userId);
    if (!acknowledged) throw new ConflictError();
    // Read under the case's lock, which sending rows into it takes too: nothing arrives meanwhile.
    const waiting = (await repo.listProviderCaseAssignments(trx, providerCaseId))
      .filter((assignment) => assignment.acknowledgedAt === null)
      .map((assignment) => assignment.id);
    await repo.insertAcknowledgements(trx, actor.municipalityId, providerCaseId, waiting, actor.userId);
    if (request.moveToMyPersons) await repo.addToMyPersons(trx, actor.municipalityId, actor.userId, found.person.id);
    await recordAcknowledged(trx, actor, waiting, found.providerUnit.name);
    await writeAudit(trx, actor, {
      action: 'provider_case.acknowledge',
      entityType: 'provider_case',
      entityId: providerCaseId,
      personId: found.person.id,
      details: {
        providerUnitId: found.providerUnit.id,
        assignmentIds: waiting,
        moveToMyPersons: request.moveToMyPersons,
      },
    });
    return view(trx, actor, {
      ...found,
      acknowledgedAt: acknowledged.acknowledgedAt,
      acknowledgedByName: actor.displayName,
      version: acknowledged.version,
    });
  });
}

export async function closeProviderCase(
  db: Db,
  actor: PositionedActor,
  providerCaseId: string,
  request: c.CloseProviderCaseRequest,
): Promise<c.ClosedProviderCase> {
  return inTenant(db, actor.municipalityId, async (trx) => {
    // Seeing the person is not enough: another provider's staff do not know this case exists.
    const providerCase = await repo.findProviderCase(
      trx,
      providerCaseId,
      policy.providerCaseReadScope(actor.position),
      true,
    );
    if (!providerCase) throw new NotFoundError(NOT_FOUND);
    const unitId = providerCase.providerUnit.id;
    const personId = providerCase.person.id;
    if (!policy.canCloseProviderCase(actor.position, unitId)) {
      throw new ForbiddenError('Genomförandet avslutas av enhetens chef eller samordnare.');
    }
    if (providerCase.closedOn !== null)
      throw new ConflictError(`Genomförandet avslutades redan ${providerCase.closedOn}.`);
    if (providerCase.version !== request.version) throw new ConflictError();

    const today = todayInSweden();
    const periods = await repo.listDeliveryPeriods(trx, personId, unitId);
    if (periods.some((period) => isOngoingOrPlanned(period, today))) {
      throw new ConflictError(
        'Genomförandet kan inte avslutas: personen har insatser på enheten som pågår eller är planerade. Avsluta dem först.',
      );
    }
    const lastDeliveryEnd = periods.reduce<string | null>(
      (last, period) => (last === null || period.periodTo! > last ? period.periodTo : last),
      null,
    );
    const problem = policy.closingDateProblem(request.closedOn, {
      today,
      openedOn: providerCase.openedOn,
      lastDeliveryEnd,
    });
    if (problem) throw new ValidationError({ closedOn: problem });

    const version = await repo.markClosed(trx, providerCase.id, request.version, request.closedOn, actor.userId);
    if (version === undefined) throw new ConflictError();
    await repo.endProviderCaseLinks(trx, personId, unitId, request.closedOn);
    // The journal (genomförandejournal) is closed here too once it exists (a later issue), in this
    // transaction: a closed provider case takes no new entries.
    await writeAudit(trx, actor, {
      action: 'provider_case.close',
      entityType: 'provider_case',
      entityId: providerCase.id,
      personId,
      details: { unitId, closedOn: request.closedOn, lastDeliveryEnd },
    });
    return { providerCaseId: providerCase.id, closedOn: request.closedOn, version };
  });
}
