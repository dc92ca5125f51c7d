/**
 * Receiving a new assignment at the provider: reading what the distribution form needs, stopping
 * the assignment back to the case officer, or accepting and distributing it over delivery rows
 * (optionally sending them to delivery at once). Each answer locks the assignment's provider-side
 * state first and checks its version, so of two managers answering at once one wins and the
 * other is told who did — nothing half-written.
 */
import type { Db } from '../../platform/db/database.ts';
import { inTenant, type Trx } from '../../platform/db/tenant.ts';
import type { PositionedActor } from '../../platform/access/actor.ts';
import { writeAudit } from '../../platform/audit/audit.ts';
import { ConflictError, ForbiddenError, NotFoundError, ValidationError } from '../../platform/errors.ts';
import { todayInSweden } from '../../../domain/dates.ts';
import type * as c from '../../../contract/deliveries.ts';
import { writeMessage } from '../messages/index.ts';
import { listAssignmentInterventions } from '../assignments/index.ts';
import { toPersonRef } from '../assignments/index.ts';
import { listReadableAssignmentNumbers } from '../../platform/access/assignment-scope.ts';
import { managesAnyOf, type AssignmentReadScope } from '../../platform/access/assignment-scope.ts';
import { loadAssignmentScope } from '../../platform/access/assignment-scope.ts';
import { insertDeliveries } from './delivery-write.repository.ts';
import * as repo from './delivery.repository.ts';
import * as intake from './intake.repository.ts';
import { deliveryFieldProblems, type DeliveryFieldContext } from '../../../domain/delivery-fields.ts';
import { sendRows } from './delivery-sending.ts';
import { toDeliveryRows } from './delivery.presenter.ts';
import { deliveryReadScope } from './delivery.policy.ts';

interface ReceivedAssignment {
  assignment: intake.IntakeAssignment;
  canDistribute: boolean;
  /** What the actor reads of assignments, for asking again after a change. */
  scope: AssignmentReadScope;
}

/**
 * A sent assignment the actor reads: the authority of the case, or at the provider on a need to
 * know (../assignments/assignment.policy.ts assignmentReadScope, in the query's WHERE); otherwise
 * 404, missing or not (ADR 0004). `forDistribution`: the actor must also be one who may answer it
 * (accept and distribute, or stop): a manager or coordinator of the provider while it is
 * undistributed, of a unit that delivers it after; a reader who may not is 403.
 */
async function getReceivedAssignment(
  trx: Trx,
  actor: PositionedActor,
  assignmentId: string,
  forDistribution: boolean,
): Promise<ReceivedAssignment> {
  const scope = await loadAssignmentScope(trx, actor);
  const found = await intake.findReceivedAssignment(trx, assignmentId, scope);
  if (!found?.assignment.sentAt) throw new NotFoundError('Uppdraget hittades inte.');
  if (forDistribution && !found.canAnswer) {
    throw new ForbiddenError(
      'Bara verksamhetschef, enhetschef och samordnare hos utföraren kan ta emot, fördela och stoppa uppdrag.',
    );
  }
  return { assignment: found.assignment, canDistribute: found.canAnswer, scope };
}

/** The assignment, its interventions, the provider's units and the rows so far: what the form and the page show. */
export async function getDistributionOptions(
  db: Db,
  actor: PositionedActor,
  assignmentId: string,
): Promise<c.DistributionOptions> {
  return inTenant(db, actor.municipalityId, async (trx) => {
    const { assignment, canDistribute } = await getReceivedAssignment(trx, actor, assignmentId, false);
    const state = assignment.state;
    if (!state || !assignment.sentAt)
      throw new ConflictError('Uppdraget skickades utanför Vardag och fördelas inte här.');
    const interventions = await listAssignmentInterventions(trx, assignmentId);
    const views = await repo.listDeliveries(trx, { assignmentId }, deliveryReadScope(actor.position));
    const isNew = state.status === 'new';
    await writeAudit(trx, actor, {
      action: 'person.read',
      entityType: 'assignment',
      entityId: assignmentId,
      personId: assignment.person.id,
      details: { section: 'distribution' },
    });
    return {
      assignment: {
        id: assignment.id,
        assignmentNumber: assignment.assignmentNumber,
        status: state.status,
        stateVersion: state.version,
        stateChangedAt: state.changedAt.toISOString(),
        stateChangedByName: state.changedByName,
        stateMessage: state.message,
        sentAt: assignment.sentAt.toISOString(),
        provider: assignment.provider,
      },
      person: toPersonRef(assignment.person),
      decision: assignment.decision,
      interventions: interventions.map((row) => ({
        id: row.id,
        name: row.name,
        isPersonalAlarm: row.isPersonalAlarm,
        grantedAmount: row.grantedAmount,
        scopeUnit: row.scopeUnit,
        minutesPerOccasion: row.minutesPerOccasion,
        plannedDays: row.plannedDays,
        plannedTimes: row.plannedTimes,
        isTwoStaff: row.isTwoStaff,
      })),
      providerUnits: await repo.listProviderUnits(trx, assignment.provider.id),
      providerChange: (await intake.findProviderChangeOf(trx, assignmentId)) ?? null,
      rows: toDeliveryRows(
        views,
        await repo.listInterruptions(
          trx,
          views.map((view) => view.id),
        ),
        actor.position,
      ),
      permissions: { canDistribute: canDistribute && isNew, canStop: canDistribute && isNew },
    };
  });
}

/**
 * Locks the state and checks it is still new at the version the form read; a conflict says who
 * answered first, so the second manager knows their typing need not be redone.
 */
async function lockNewState(trx: Trx, assignmentId: string, stateVersion: number): Promise<void> {
  const state = await intake.lockState(trx, assignmentId);
  if (!state) throw new ConflictError('Uppdraget skickades utanför Vardag och tas inte emot här.');
  const by = state.changedByName ?? 'någon annan';
  if (state.status === 'accepted')
    throw new ConflictError(`Uppdraget har redan fördelats av ${by}.`, {
      status: state.status,
      changedByName: state.changedByName,
    });
  if (state.status === 'stopped')
    throw new ConflictError(`Uppdraget har redan stoppats av ${by}.`, {
      status: state.status,
      changedByName: state.changedByName,
    });
  if (state.status === 'replaced')
    throw new ConflictError('Uppdraget har ersatts av ett nyare uppdrag. Öppna det nya under Nya uppdrag.', {
      status: state.status,
    });
  if (state.status === 'withdrawn')
    throw new ConflictError(`Uppdraget har återkallats av ${by}: beslutet har avslutats.`, {
      status: state.status,
      changedByName: state.changedByName,
    });
  if (state.version !== stateVersion) throw new ConflictError();
}

/** Stops a new assignment: back to the case officer and the sender with the provider's message. */
/**
 * Settles the change of provider that sent the assignment, if one did, as accepted or stopped: the
 * delivery-changes module's, handed over by app.ts (ADR 0017: deliveries does not import it back).
 */
export type ProviderChangeSettler = (
  trx: Trx,
  actor: PositionedActor,
  assignmentId: string,
  outcome: 'accepted' | 'stopped',
) => Promise<void>;

/** Who at the units is told of something there (users and send lists), but the actor. */
export function listConcerned(trx: Trx, unitIds: readonly string[], exceptUserId: string): Promise<intake.Concerned[]> {
  return intake.listConcerned(trx, unitIds, exceptUserId);
}

export async function stopAssignment(
  db: Db,
  actor: PositionedActor,
  assignmentId: string,
  request: { stateVersion: number; message: string },
  settleProviderChange: ProviderChangeSettler,
): Promise<c.StopResult> {
  return inTenant(db, actor.municipalityId, async (trx) => {
    const { assignment } = await getReceivedAssignment(trx, actor, assignmentId, true);
    await lockNewState(trx, assignmentId, request.stateVersion);
    const stateVersion = await intake.markState(trx, assignmentId, 'stopped', actor.userId, request.message);
    await intake.insertAssignmentEvents(
      trx,
      actor.municipalityId,
      [assignmentId],
      'stopped',
      actor.userId,
      request.message,
    );
    await intake.endAssignmentLink(trx, assignmentId, todayInSweden());
    const recipients = [...new Set([assignment.caseOfficerId, ...(assignment.sentById ? [assignment.sentById] : [])])];
    // Names the assignment, not the person: the message sits in inboxes; the link shows the person to those who may see them.
    const { recipientCount } = await writeMessage(trx, {
      municipalityId: actor.municipalityId,
      senderId: null,
      assignmentId,
      recipientUserIds: recipients,
      subject: `Uppdrag ${assignment.assignmentNumber} stoppat av ${assignment.provider.name}`,
      body: [
        `${actor.displayName} (${actor.position.title}, ${actor.position.unitName}) har stoppat uppdrag ${assignment.assignmentNumber} i ärende och beslut ${assignment.decision.decisionNumber}.`,
        `Meddelande från utföraren:\n${request.message}`,
        'Öppna uppdraget för att läsa det och skriv vid behov ett nytt uppdrag.',
      ].join('\n\n'),
      addressedTo: 'Handläggaren och avsändaren av uppdraget',
    });
    await settleProviderChange(trx, actor, assignmentId, 'stopped');
    await writeAudit(trx, actor, {
      action: 'assignment.stop',
      entityType: 'assignment',
      entityId: assignmentId,
      personId: assignment.person.id,
      details: { assignmentNumber: assignment.assignmentNumber, recipientCount },
    });
    return { assignmentId, status: 'stopped', stateVersion, recipientCount };
  });
}

/** Accepts a new assignment and registers its delivery rows; with sendToDelivery they go on at once. */
export async function distributeAssignment(
  db: Db,
  actor: PositionedActor,
  assignmentId: string,
  request: c.DistributionInput,
  settleProviderChange: ProviderChangeSettler,
): Promise<c.DistributionResult> {
  return inTenant(db, actor.municipalityId, async (trx) => {
    const { assignment, scope } = await getReceivedAssignment(trx, actor, assignmentId, true);
    await lockNewState(trx, assignmentId, request.stateVersion);
    const interventions = await listAssignmentInterventions(trx, assignmentId);
    const units = await repo.listProviderUnits(trx, assignment.provider.id);
    const { rows } = request;
    // From a change of provider: the old rows end the day before its date, so no row may start earlier.
    const providerChange = await intake.findProviderChangeOf(trx, assignmentId);
    assertRows(rows, interventions, {
      decision: assignment.decision,
      providerUnitIds: new Set(units.map((unit) => unit.id)),
      providerChangeFrom: providerChange?.changeDate ?? null,
    });

    const stateVersion = await intake.markState(trx, assignmentId, 'accepted', actor.userId, null);
    await intake.insertAssignmentEvents(trx, actor.municipalityId, [assignmentId], 'accepted', actor.userId);
    const inserted = await insertDeliveries(
      trx,
      rows.map((row) => ({
        ...row,
        municipalityId: actor.municipalityId,
        assignmentId,
        decisionId: assignment.decision.id,
        personId: assignment.person.id,
        createdById: actor.userId,
      })),
      actor.userId,
    );
    await settleProviderChange(trx, actor, assignmentId, 'accepted');
    const sent = request.sendToDelivery
      ? await sendRows(
          trx,
          actor,
          inserted.map((row) => ({
            id: row.id,
            version: row.version,
            personId: row.person_id,
            providerUnitId: row.provider_unit_id,
          })),
        )
      : null;
    await writeAudit(trx, actor, {
      action: 'assignment.distribute',
      entityType: 'assignment',
      entityId: assignmentId,
      personId: assignment.person.id,
      details: {
        assignmentNumber: assignment.assignmentNumber,
        deliveryIds: inserted.map((row) => row.id),
        sentToDelivery: request.sendToDelivery,
      },
    });
    const unitIds = [...new Set(inserted.map((row) => row.provider_unit_id))];
    const views = sent
      ? null
      : await repo.listDeliveries(trx, { ids: inserted.map((row) => row.id) }, { unitIds, authority: null });
    // Distributed, it is read by those of the units delivering it: one who sent it all elsewhere no longer reads
    // it — unless by another part of the rule, which only the SQL answers (asked only then).
    const isReadableAfter =
      managesAnyOf(
        scope,
        inserted.map((row) => row.provider_unit_id),
      ) || (await listReadableAssignmentNumbers(trx, scope, [assignmentId])).has(assignmentId);
    return {
      assignmentId,
      stateVersion,
      sent,
      rows: sent?.rows ?? toDeliveryRows(views ?? [], [], actor.position),
      isReadableAfter,
    };
  });
}

type RowInput = c.DeliveryFields & { assignmentInterventionId: string };

/**
 * Every row within the decision (and from a change of provider's date) at a unit of the provider,
 * and every intervention of the assignment distributed.
 */
function assertRows(
  rows: readonly RowInput[],
  interventions: readonly { id: string; name: string }[],
  context: DeliveryFieldContext,
): void {
  const problems: Record<string, string> = {};
  const known = new Set(interventions.map((row) => row.id));
  rows.forEach((row, index) => {
    if (!known.has(row.assignmentInterventionId))
      problems[`rows.${index}.assignmentInterventionId`] = 'Insatsen finns inte i uppdraget.';
    for (const [field, message] of Object.entries(deliveryFieldProblems(row, context)))
      problems[`rows.${index}.${field}`] = message;
  });
  const missing = interventions.filter(
    (intervention) => !rows.some((row) => row.assignmentInterventionId === intervention.id),
  );
  if (missing.length)
    problems.rows = `Registrera minst en rad för varje insats i uppdraget. Saknas: ${missing.map((row) => row.name).join(', ')}.`;
  if (Object.keys(problems).length) throw new ValidationError(problems);
}

/** The 'acknowledged' event on each assignment staff of a unit acknowledged in a provider case (../provider-cases/). */
export async function recordAcknowledged(
  trx: Trx,
  actor: PositionedActor,
  assignmentIds: readonly string[],
  unitName: string,
): Promise<void> {
  await intake.insertAssignmentEvents(
    trx,
    actor.municipalityId,
    assignmentIds,
    'acknowledged',
    actor.userId,
    `Kvitterat av ${unitName}.`,
  );
}
