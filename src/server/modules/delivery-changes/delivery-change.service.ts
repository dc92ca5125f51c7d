/**
 * The change of time (Återkalla), ending (Rätta/Avsluta) and cancelling before the start (Avbryt
 * före start) of a delivery row. Each runs in one transaction: the row is locked, the rule checked
 * (src/domain/delivery-rules.ts), the row and its history written, the case officer told when an
 * intervention ends, and the audit row written.
 */
import type { Db } from '../../platform/db/database.ts';
import { inTenant, type Trx } from '../../platform/db/tenant.ts';
import type { PositionedActor } from '../../platform/access/actor.ts';
import { writeAudit } from '../../platform/audit/audit.ts';
import { ConflictError, ForbiddenError, NotFoundError, ValidationError } from '../../platform/errors.ts';
import { todayInSweden } from '../../../domain/dates.ts';
import { dayBefore } from '../../../domain/periods.ts';
import {
  cancelProblem,
  deliveryRowName,
  endProblem,
  planWithdrawal,
  statusChangeProblem,
  withdrawalProblem,
} from '../../../domain/delivery-rules.ts';
import { withdrawalInterruptionProblem, type InterruptionChanges } from '../../../domain/interruption-rules.ts';
import type * as c from '../../../contract/delivery-changes.ts';
import { insertDeliveries } from '../deliveries/index.ts';
import { toNumber } from '../deliveries/index.ts';
import { writeMessage } from '../messages/index.ts';
import { findDeliveryForChange, hasOtherOngoingRows, type DeliveryForChange } from './delivery-change.repository.ts';
import { NOT_YOURS_TO_CHANGE, canChangeDeliveryRow, deliveryRowReadScope } from './delivery-change.policy.ts';
import {
  cancelDelivery as cancelRow,
  endDelivery as endRow,
  withdrawDelivery as withdrawRow,
} from './delivery-history.repository.ts';
import { listRowsInPendingChanges } from './provider-change.repository.ts';
import { listInterruptions } from './interruption.repository.ts';
import { fitInterruptionsToLastDay } from './interruption.service.ts';
import { toChangedRow } from './delivery-change.presenter.ts';

/** A row the actor reads (its scope in the query: 404 otherwise) and may change (403 otherwise), locked until the end. */
async function getChangeableDelivery(trx: Trx, actor: PositionedActor, deliveryId: string): Promise<DeliveryForChange> {
  const row = await findDeliveryForChange(trx, deliveryId, deliveryRowReadScope(actor.position), true);
  if (!row) throw new NotFoundError();
  if (!canChangeDeliveryRow(actor.position, row)) throw new ForbiddenError(NOT_YOURS_TO_CHANGE);
  return row;
}

/** Withdraws the row from the day: it ends the day before, and a new row "Under fördelning" continues it with the same fields. */
export async function withdrawDelivery(
  db: Db,
  actor: PositionedActor,
  deliveryId: string,
  input: c.WithdrawDeliveryRequest,
): Promise<c.WithdrawalResult> {
  return inTenant(db, actor.municipalityId, async (trx) => {
    const row = await getChangeableDelivery(trx, actor, deliveryId);
    await assertChangeable(trx, row, input.version, 'withdrawn');
    const problem = withdrawalProblem(row, row.decision, input.changeFrom);
    if (problem) throw new ValidationError({ changeFrom: problem }, problem);
    // An interruption running on the change day refuses it; see src/domain/interruption-rules.ts.
    const interruptionProblem = withdrawalInterruptionProblem(input.changeFrom, await listInterruptions(trx, row.id));
    if (interruptionProblem) throw new ValidationError({ changeFrom: interruptionProblem }, interruptionProblem);
    const plan = planWithdrawal(row, row.decision, input.changeFrom);

    const withdrawn = await withdrawRow(
      trx,
      row.id,
      row.version,
      plan.withdrawnTo,
      actor.userId,
      `Ändring av tid fr.o.m. ${input.changeFrom}.`,
    );
    if (!withdrawn) throw new ConflictError();
    const interruptions = await fitInterruptionsToLastDay(trx, actor, row, plan.withdrawnTo, 'delivery.withdraw');
    const { record } = row;
    // The new row starts as a copy: the manager then registers the new time on it and sends it on.
    const [continuation] = await insertDeliveries(
      trx,
      [
        {
          municipalityId: actor.municipalityId,
          assignmentId: record.assignment_id,
          assignmentInterventionId: record.assignment_intervention_id,
          decisionId: record.decision_id,
          personId: record.person_id,
          createdById: actor.userId,
          continuesDeliveryId: record.id,
          providerUnitId: record.provider_unit_id,
          label: record.label,
          formOfDelivery: record.form_of_delivery,
          resource: record.resource,
          resourceUse: record.resource_use,
          watchDate: record.watch_date,
          periodFrom: plan.continuation.from,
          periodTo: plan.continuation.to,
          hoursPerVisit: toNumber(record.hours_per_visit),
          extraHoursTwoStaff: toNumber(record.extra_hours_two_staff),
          days: record.days,
          frequency: toNumber(record.frequency),
          frequencyUnit: record.frequency_unit,
        },
      ],
      actor.userId,
    );
    await writeAudit(trx, actor, {
      action: 'delivery.withdraw',
      entityType: 'delivery',
      entityId: row.id,
      personId: row.personId,
      details: {
        changeFrom: input.changeFrom,
        withdrawnTo: plan.withdrawnTo,
        continuationId: continuation!.id,
        removedInterruptions: interruptions.removed.length,
      },
    });
    return {
      withdrawn: toChangedRow(withdrawn, row.interventionName),
      continuation: toChangedRow(continuation!, row.interventionName),
      interruptions: toInterruptionChanges(interruptions),
    };
  });
}

/** Ends the row on the day and tells the case officer, who may then end the decision and the case. */
export async function endDelivery(
  db: Db,
  actor: PositionedActor,
  deliveryId: string,
  input: c.EndDeliveryRequest,
): Promise<c.EndResult> {
  return inTenant(db, actor.municipalityId, async (trx) => {
    const row = await getChangeableDelivery(trx, actor, deliveryId);
    await assertChangeable(trx, row, input.version, 'ended');
    const problem = endProblem(row, input.endOn);
    if (problem) throw new ValidationError({ endOn: problem }, problem);
    const endReason = input.endReason.trim();

    const ended = await endRow(trx, row.id, row.version, input.endOn, endReason, actor.userId);
    if (!ended) throw new ConflictError();
    // Ending is never refused for an interruption: those past the last day are made to fit it.
    const interruptions = await fitInterruptionsToLastDay(trx, actor, row, input.endOn, 'delivery.end');
    const hasOther = await hasOtherOngoingRows(trx, row.decision.id, row.id, input.endOn);
    const name = deliveryRowName(row.interventionName, row.record.label);
    await tellCaseOfficer(trx, actor, row, `${name} avslutas ${input.endOn} (uppdrag ${row.assignmentNumber})`, [
      `Insatsen ${name} hos ${row.providerUnitName} avslutas ${input.endOn}; avsluta beslut och ärende om inget annat pågår.`,
      `Orsak: ${endReason}.`,
      `Uppdrag ${row.assignmentNumber}, beslut ${row.decision.decisionNumber}.`,
      hasOther
        ? 'Andra insatser enligt beslutet pågår eller är planerade efter slutdatumet.'
        : `Ingen annan verkställighet enligt beslutet pågår efter ${input.endOn}.`,
    ]);
    await writeAudit(trx, actor, {
      action: 'delivery.end',
      entityType: 'delivery',
      entityId: row.id,
      personId: row.personId,
      details: { endOn: input.endOn, endReason, previousStatus: row.status },
    });
    return {
      delivery: toChangedRow(ended, row.interventionName),
      caseOfficerName: row.caseOfficerName,
      hasOtherOngoingRows: hasOther,
      interruptions: toInterruptionChanges(interruptions),
    };
  });
}

/**
 * Tells the row's case officer what happened to it. The subject names the intervention and the
 * assignment, never the person: the message sits in inboxes and lists.
 */
async function tellCaseOfficer(
  trx: Trx,
  actor: PositionedActor,
  row: Pick<DeliveryForChange, 'assignmentId' | 'caseOfficerId' | 'caseOfficerName'>,
  subject: string,
  lines: string[],
): Promise<void> {
  await writeMessage(trx, {
    municipalityId: actor.municipalityId,
    senderId: null,
    assignmentId: row.assignmentId,
    recipientUserIds: [row.caseOfficerId],
    addressedTo: `${row.caseOfficerName} (handläggare)`,
    subject,
    body: lines.join('\n'),
  });
}

/**
 * Cancels a row that has not begun (Avbryt före start): it ends the day before its first day, so
 * it covers no day, and the case officer is told the intervention will not be delivered by it. A
 * row that has begun (a start date, an interruption, a continuation past its first day) is a
 * conflict: it is ended with a last day instead.
 */
export async function cancelDelivery(
  db: Db,
  actor: PositionedActor,
  deliveryId: string,
  input: c.CancelDeliveryRequest,
): Promise<c.CancelResult> {
  return inTenant(db, actor.municipalityId, async (trx) => {
    const row = await getChangeableDelivery(trx, actor, deliveryId);
    await assertChangeable(trx, row, input.version, 'ended');
    const today = todayInSweden();
    const problem = cancelProblem(
      {
        ...row,
        continuesDeliveryId: row.record.continues_delivery_id,
        hasInterruptions: (await listInterruptions(trx, row.id)).length > 0,
      },
      today,
    );
    if (problem) throw new ConflictError(problem);
    const endReason = input.endReason.trim();

    const cancelled = await cancelRow(trx, row.id, row.version, endReason, actor.userId, 'Avbruten före start.');
    if (!cancelled) throw new ConflictError();
    // Rows still running today or planned: the officer reads whether anything else of the decision goes on.
    const hasOther = await hasOtherOngoingRows(trx, row.decision.id, row.id, dayBefore(today));
    const name = deliveryRowName(row.interventionName, row.record.label);
    await tellCaseOfficer(trx, actor, row, `${name} avbruten före start (uppdrag ${row.assignmentNumber})`, [
      `Insatsen ${name} hos ${row.providerUnitName}, planerad från ${row.periodFrom}, är avbruten innan den började och verkställs inte.`,
      `Orsak: ${endReason}.`,
      `Uppdrag ${row.assignmentNumber}, beslut ${row.decision.decisionNumber}.`,
      hasOther
        ? 'Andra insatser enligt beslutet pågår eller är planerade.'
        : 'Ingen annan verkställighet enligt beslutet pågår eller är planerad.',
    ]);
    await writeAudit(trx, actor, {
      action: 'delivery.cancel',
      entityType: 'delivery',
      entityId: row.id,
      personId: row.personId,
      details: { periodFrom: row.periodFrom, endReason, previousStatus: row.status },
    });
    return {
      delivery: toChangedRow(cancelled, row.interventionName),
      caseOfficerName: row.caseOfficerName,
      hasOtherOngoingRows: hasOther,
    };
  });
}

/** Only the contract's fields: the records carry who registered them and their version too. */
function toInterruptionChanges(changes: InterruptionChanges): c.InterruptionChanges {
  return {
    shortened: changes.shortened.map(({ id, fromDate, toDate, previousToDate, reason }) => ({
      id,
      fromDate,
      toDate,
      previousToDate,
      reason,
    })),
    removed: changes.removed.map(({ id, fromDate, toDate, reason }) => ({ id, fromDate, toDate, reason })),
  };
}

/**
 * The version must be the one the form was read with; a row on its way to another provider waits
 * for the answer; and the status must allow the change. Each is a conflict: the row is not as the
 * reader saw it, and reading it again shows why.
 */
async function assertChangeable(
  trx: Trx,
  row: DeliveryForChange,
  version: number,
  to: 'withdrawn' | 'ended',
): Promise<void> {
  if (row.version !== version) throw new ConflictError();
  const statusProblem = statusChangeProblem(row.status, to);
  if (statusProblem) throw new ConflictError(statusProblem);
  if ((await listRowsInPendingChanges(trx, [row.id])).length) {
    throw new ConflictError('Raden ingår i ett byte av utförare som väntar på svar från den nya utföraren.');
  }
}
