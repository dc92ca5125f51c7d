/**
 * Delivery rows after the assignment is accepted: registering a row under distribution (also the
 * new row a change of time leaves), sending rows to delivery, registering the day support
 * actually started (and telling the case officer), correcting a row sent to delivery (Rätta), and
 * reading a person's rows and a row's history. Every change and read writes its audit row in the same transaction.
 */
import type { Db } from '../../platform/db/database.ts';
import { inTenant, type Trx } from '../../platform/db/tenant.ts';
import type { PositionedActor } from '../../platform/access/actor.ts';
import { writeAudit } from '../../platform/audit/audit.ts';
import { ConflictError, ForbiddenError, NotFoundError, ValidationError } from '../../platform/errors.ts';
import { todayInSweden } from '../../../domain/dates.ts';
import { deliveryPeriodProblem } from '../../../domain/decision-rules.ts';
import {
  correctionProblem,
  deliveryRowName,
  startDateCorrectionProblem,
  startDateProblem,
  startRegistrationProblem,
} from '../../../domain/delivery-rules.ts';
import type * as c from '../../../contract/deliveries.ts';
import { writeMessage } from '../messages/index.ts';
import { isPersonVisible } from '../../platform/access/person-scope.ts';
import { correctDeliveryFields, markStarted, updateDeliveryFields } from './delivery-write.repository.ts';
import * as repo from './delivery.repository.ts';
import { deliveryFieldProblems, timeFieldProblems } from '../../../domain/delivery-fields.ts';
import { sendRows } from './delivery-sending.ts';
import { toDeliveryRow, toDeliveryRows } from './delivery.presenter.ts';
import { canManageDeliveriesAt, deliveryReadScope, unitReadScope } from './delivery.policy.ts';

/**
 * A row the actor reads, its scope in the query's WHERE: missing and out of scope are the same
 * 404 (ADR 0004). `forManaging`: and may register, send, start and correct rows at its unit (403
 * for a reader who may not); `lock`: the row stays locked until the transaction ends.
 */
async function getVisibleDelivery(
  trx: Trx,
  actor: PositionedActor,
  deliveryId: string,
  forManaging: boolean,
  lock = false,
): Promise<repo.DeliveryContext> {
  const row = await repo.findDeliveryContext(trx, deliveryId, deliveryReadScope(actor.position), lock);
  if (!row) throw new NotFoundError('Raden hittades inte.');
  if (forManaging && !canManageDeliveriesAt(actor.position, row.providerUnit.id)) {
    throw new ForbiddenError(
      'Bara verksamhetschef, enhetschef och samordnare för enheten kan registrera verkställighet.',
    );
  }
  return row;
}

/** One row as the API shows it, read after a change by the one who made it. */
async function readRow(trx: Trx, actor: PositionedActor, deliveryId: string, unitId: string): Promise<c.DeliveryRow> {
  const [view] = await repo.listDeliveries(trx, { ids: [deliveryId] }, unitReadScope(unitId));
  if (!view) throw new NotFoundError('Raden hittades inte.');
  return toDeliveryRow(view, await repo.listInterruptions(trx, [deliveryId]), actor.position);
}

/**
 * The rows of a provider case at its unit as the API shows them, each with its interruptions:
 * for the provider case's staff view (../provider-cases/), whose reader was found to be the unit's.
 */
export async function listProviderCaseRows(
  trx: Trx,
  actor: PositionedActor,
  providerCaseId: string,
  unitId: string,
): Promise<c.DeliveryRow[]> {
  const views = await repo.listDeliveries(trx, { providerCaseId }, unitReadScope(unitId));
  return toDeliveryRows(
    views,
    await repo.listInterruptions(
      trx,
      views.map((row) => row.id),
    ),
    actor.position,
  );
}

/** "Personlig omvårdnad (Morgon)" when the provider named the row: what a message says is given. */
const rowName = (row: repo.DeliveryContext) => deliveryRowName(row.interventionName, row.label);

const audit = (action: string, row: repo.DeliveryContext, details: Record<string, unknown> = {}) => ({
  action,
  entityType: 'delivery',
  entityId: row.id,
  personId: row.personId,
  details: { assignmentNumber: row.assignmentNumber, ...details },
});

/** Registers (changes) the fields of a row under distribution. */
export async function updateDelivery(
  db: Db,
  actor: PositionedActor,
  deliveryId: string,
  input: c.UpdateDeliveryInput,
): Promise<c.DeliveryRow> {
  return inTenant(db, actor.municipalityId, async (trx) => {
    const row = await getVisibleDelivery(trx, actor, deliveryId, true);
    if (row.status !== 'under_distribution')
      throw new ConflictError('Raden är inte längre under fördelning. Läs in uppgifterna igen.');
    if (row.version !== input.version) throw new ConflictError();
    const { version, ...fields } = input;
    const units = await repo.listProviderUnits(trx, row.providerId);
    const problems = deliveryFieldProblems(fields, {
      decision: row.decision,
      providerUnitIds: new Set(units.map((unit) => unit.id)),
      continuesAfter: row.continuesAfter,
      providerChangeFrom: row.providerChangeFrom,
    });
    if (Object.keys(problems).length) throw new ValidationError(problems);
    const updated = await updateDeliveryFields(trx, deliveryId, version, fields, actor.userId);
    if (!updated) throw new ConflictError();
    await writeAudit(trx, actor, audit('delivery.update', row, { providerUnitId: fields.providerUnitId }));
    return readRow(trx, actor, deliveryId, updated.provider_unit_id);
  });
}

/** Till genomförande for rows registered earlier: all of one person, all under distribution, all or none. */
export async function sendToDelivery(
  db: Db,
  actor: PositionedActor,
  request: c.SendToDeliveryRequest,
): Promise<c.SentToDelivery> {
  return inTenant(db, actor.municipalityId, async (trx) => {
    const rows: repo.DeliveryContext[] = [];
    for (const requested of request.rows) rows.push(await getVisibleDelivery(trx, actor, requested.deliveryId, true));
    if (new Set(rows.map((row) => row.personId)).size > 1)
      throw new ValidationError({ rows: 'Skicka raderna för en person i taget.' });
    const problems: Record<string, string> = {};
    rows.forEach((row, index) => {
      if (row.status !== 'under_distribution')
        throw new ConflictError('En av raderna är inte längre under fördelning. Läs in uppgifterna igen.');
      // The decision may have been ended since the row was registered.
      const period = deliveryPeriodProblem({ from: row.periodFrom, to: row.periodTo }, row.decision);
      if (period) problems[`rows.${index}.deliveryId`] = `${row.interventionName}: ${period}`;
    });
    if (Object.keys(problems).length) throw new ValidationError(problems);
    const sent = await sendRows(
      trx,
      actor,
      request.rows.map((requested, index) => ({
        id: requested.deliveryId,
        version: requested.version,
        personId: rows[index]!.personId,
        providerUnitId: rows[index]!.providerUnit.id,
      })),
    );
    await writeAudit(trx, actor, {
      action: 'delivery.send_to_delivery',
      entityType: 'person',
      entityId: rows[0]!.personId,
      personId: rows[0]!.personId,
      details: { deliveryIds: rows.map((row) => row.id) },
    });
    return sent;
  });
}

/** Registers the day support actually started (verkställighetsdatum) and tells the case officer. */
export async function startDelivery(
  db: Db,
  actor: PositionedActor,
  deliveryId: string,
  request: { startedOn: string; version: number },
): Promise<c.DeliveryRow> {
  return inTenant(db, actor.municipalityId, async (trx) => {
    const row = await getVisibleDelivery(trx, actor, deliveryId, true);
    // Not sent, already started, or a continuation after a change of time (its start is on the row it continues).
    const refusal = startRegistrationProblem(row);
    if (refusal) throw new ConflictError(refusal);
    if (row.version !== request.version) throw new ConflictError();
    const problem = startDateProblem(row, request.startedOn, todayInSweden());
    if (problem) throw new ValidationError({ startedOn: problem });
    if (!(await markStarted(trx, deliveryId, request.version, request.startedOn, actor.userId)))
      throw new ConflictError();
    const what = rowName(row);
    // Names the intervention and the assignment, not the person: the link shows the person to those
    // who may see them. Two rows started the same day are told apart by their subjects.
    await writeMessage(trx, {
      municipalityId: actor.municipalityId,
      senderId: null,
      assignmentId: row.assignmentId,
      recipientUserIds: [row.caseOfficerId],
      subject: `${what}: verkställighet påbörjad ${request.startedOn} (uppdrag ${row.assignmentNumber})`,
      body: [
        `Verkställighet påbörjad ${request.startedOn}: ${row.providerUnit.name} har börjat ge ${what}.`,
        `Uppdrag ${row.assignmentNumber}, beslut ${row.decisionNumber}. Period ${row.periodFrom}–${row.periodTo ?? 't.v.'}.`,
        `Registrerat av ${actor.displayName}, ${actor.position.title}.`,
      ].join('\n'),
      addressedTo: 'Handläggaren',
    });
    await writeAudit(trx, actor, audit('delivery.start', row, { startedOn: request.startedOn }));
    return readRow(trx, actor, deliveryId, row.providerUnit.id);
  });
}

/** The fields a correction may change, in the order the form shows them. */
const CORRECTABLE = [
  'label',
  'formOfDelivery',
  'resource',
  'resourceUse',
  'watchDate',
  'hoursPerVisit',
  'extraHoursTwoStaff',
  'days',
  'frequency',
  'frequencyUnit',
  'startedOn',
] as const;

/**
 * Rätta: corrects a row that was delivered (sent to delivery, or since withdrawn or ended) — its
 * start date and the fields registered on it, never its unit, period or status — with the reason
 * in its history. A changed start date is told to the case
 * officer, as the start itself was.
 */
export async function correctDelivery(
  db: Db,
  actor: PositionedActor,
  deliveryId: string,
  input: c.CorrectDeliveryInput,
): Promise<c.DeliveryRow> {
  return inTenant(db, actor.municipalityId, async (trx) => {
    // Locked: the interruptions it was read with stay as they are until the correction commits.
    const row = await getVisibleDelivery(trx, actor, deliveryId, true, true);
    const notCorrectable = correctionProblem({ status: row.status, wasSentToDelivery: row.sentToDeliveryAt !== null });
    if (notCorrectable) throw new ConflictError(notCorrectable);
    if (row.version !== input.version) throw new ConflictError();
    // The new provider's assignment was written from the row as it stands: it waits for their answer.
    if (row.isInPendingChange) {
      throw new ConflictError(
        'Raden väntar på svar om byte av utförare och kan rättas först när den nya utföraren har svarat.',
      );
    }
    const { version, note, ...fields } = input;
    const problems = timeFieldProblems(fields);
    const startProblem = startDateCorrectionProblem(
      { ...row, hasInterruptions: row.interruptions.length > 0 },
      fields.startedOn,
      todayInSweden(),
    );
    if (startProblem) problems.startedOn = startProblem;
    if (Object.keys(problems).length) throw new ValidationError(problems);
    const changed = CORRECTABLE.filter((key) => fields[key] !== row[key]);
    if (!changed.length) throw new ValidationError({}, 'Inget är ändrat. Rätta minst en uppgift, eller avbryt.');

    const corrected = await correctDeliveryFields(trx, deliveryId, version, fields, note, actor.userId);
    if (!corrected) throw new ConflictError();
    if (fields.startedOn !== row.startedOn) await tellStartCorrected(trx, actor, row, fields.startedOn, note);
    await writeAudit(
      trx,
      actor,
      audit('delivery.correct', row, { changed, startedOnBefore: row.startedOn, startedOn: fields.startedOn }),
    );
    // The row as read, with the fields just written: its unit, period and status do not change.
    return toDeliveryRow(
      { ...repo.viewOf(row), ...fields, version: corrected.version },
      row.interruptions,
      actor.position,
    );
  });
}

/** The case officer hears of a corrected start date as of the start: naming the assignment and the unit, never the person. */
async function tellStartCorrected(
  trx: Trx,
  actor: PositionedActor,
  row: repo.DeliveryContext,
  startedOn: string | null,
  note: string,
): Promise<void> {
  const what = rowName(row);
  await writeMessage(trx, {
    municipalityId: actor.municipalityId,
    senderId: null,
    assignmentId: row.assignmentId,
    recipientUserIds: [row.caseOfficerId],
    subject: startedOn
      ? `${what}: verkställighetsdatum rättat till ${startedOn} (uppdrag ${row.assignmentNumber})`
      : `${what}: verkställighetsdatum borttaget (uppdrag ${row.assignmentNumber})`,
    body: [
      startedOn
        ? `Verkställighetsdatum rättat från ${row.startedOn} till ${startedOn}: ${row.providerUnit.name} ger ${what} från ${startedOn}.`
        : `Verkställighetsdatum ${row.startedOn} borttaget: ${row.providerUnit.name} har ännu inte börjat ge ${what}.`,
      `Uppdrag ${row.assignmentNumber}, beslut ${row.decisionNumber}. Period ${row.periodFrom}–${row.periodTo ?? 't.v.'}.`,
      `Orsak: ${note}`,
      `Rättat av ${actor.displayName}, ${actor.position.title}.`,
    ].join('\n'),
    addressedTo: 'Handläggaren',
  });
}

/** The person's rows the reader may see, each with its interruptions. */
export async function listPersonDeliveries(
  db: Db,
  actor: PositionedActor,
  personId: string,
): Promise<c.PersonDeliveries> {
  return inTenant(db, actor.municipalityId, async (trx) => {
    if (!(await isPersonVisible(trx, personId, actor.position.personScopeUnitIds)))
      throw new NotFoundError('Personen hittades inte.');
    const views = await repo.listDeliveries(trx, { personId }, deliveryReadScope(actor.position));
    await writeAudit(trx, actor, {
      action: 'person.read',
      entityType: 'person',
      entityId: personId,
      personId,
      details: { section: 'deliveries' },
    });
    return {
      rows: toDeliveryRows(
        views,
        await repo.listInterruptions(
          trx,
          views.map((view) => view.id),
        ),
        actor.position,
      ),
    };
  });
}

/** A row's history: every event with the row as it stood after it. */
export async function getDeliveryHistory(
  db: Db,
  actor: PositionedActor,
  deliveryId: string,
): Promise<c.DeliveryHistory> {
  return inTenant(db, actor.municipalityId, async (trx) => {
    const row = await getVisibleDelivery(trx, actor, deliveryId, false);
    const events = await repo.listDeliveryEvents(trx, deliveryId);
    await writeAudit(trx, actor, {
      ...audit('person.read', row),
      details: { section: 'delivery_history', assignmentNumber: row.assignmentNumber },
    });
    return {
      deliveryId,
      interventionName: row.interventionName,
      events: events.map((event) => ({ ...event, occurredAt: event.occurredAt.toISOString() })),
    };
  });
}
