/**
 * The change of provider (Byt utförare): chosen rows of one assignment at a unit the manager runs
 * move to a unit of another provider from a day. In one transaction: a new assignment is written
 * and sent to the new provider (assignments/change-of-provider-assignment.ts), and a pending provider_changes row
 * records which rows move. The rows stay as they are until the new provider answers: accepting
 * ends them the day before, stopping leaves them (provider-change.settle.ts).
 */
import type { Db } from '../../platform/db/database.ts';
import { inTenant } from '../../platform/db/tenant.ts';
import type { PositionedActor } from '../../platform/access/actor.ts';
import { writeAudit } from '../../platform/audit/audit.ts';
import { ConflictError, ForbiddenError, NotFoundError, ValidationError } from '../../platform/errors.ts';
import { decisionLastDay } from '../../../domain/decision-rules.ts';
import { deliveryRowName, providerChangeLastDay, providerChangeProblem } from '../../../domain/delivery-rules.ts';
import type * as c from '../../../contract/delivery-changes.ts';
import { findAssignment } from '../assignments/index.ts';
import { listConcerned } from '../deliveries/index.ts';
import { writeBlockedReason } from '../assignments/index.ts';
import {
  findDeliveryForChange,
  listPersonDeliveriesForChange,
  type DeliveryForChange,
} from './delivery-change.repository.ts';
import { NOT_YOURS_TO_CHANGE, canChangeDeliveryRow, deliveryRowReadScope } from './delivery-change.policy.ts';
import * as changes from './provider-change.repository.ts';
import { sendChangeAssignment } from '../assignments/index.ts';
import { findTargetUnit, listTargetProviders, type TargetUnit } from './provider-change-targets.repository.ts';
import { isPersonVisible } from '../../platform/access/person-scope.ts';

/** Sends the new assignment and records the pending change. */
export async function requestProviderChange(
  db: Db,
  actor: PositionedActor,
  personId: string,
  input: c.ProviderChangeRequest,
): Promise<c.ProviderChangeResult> {
  return inTenant(db, actor.municipalityId, async (trx) => {
    if (!(await isPersonVisible(trx, personId, actor.position.personScopeUnitIds))) throw new NotFoundError();
    const found = await listPersonDeliveriesForChange(
      trx,
      personId,
      input.deliveryIds,
      deliveryRowReadScope(actor.position),
    );
    const readable = new Map(found.map((row) => [row.id, row]));
    const missing = Object.fromEntries(
      input.deliveryIds.flatMap((id, index) =>
        readable.has(id) ? [] : [[`deliveryIds.${index}`, 'Raden finns inte hos personen.']],
      ),
    );
    if (Object.keys(missing).length) throw new ValidationError(missing);
    const rows = input.deliveryIds.map((id) => readable.get(id)!);
    if (rows.some((row) => !canChangeDeliveryRow(actor.position, row)))
      throw new ForbiddenError('Bara enhetens chefer och samordnare kan byta utförare.');

    const first = rows[0]!;
    assertOneAssignmentAndUnit(rows);
    if ((await changes.listRowsInPendingChanges(trx, input.deliveryIds)).length) {
      throw new ConflictError('En eller flera rader ingår redan i ett byte av utförare som väntar på svar.');
    }
    assertRowsMove(rows, input.changeDate);
    const from = await findAssignment(trx, first.assignmentId);
    if (!from) throw new NotFoundError();
    const blocked = writeBlockedReason(from);
    if (blocked)
      throw new ValidationError(
        { deliveryIds: blocked },
        `${blocked} Inget nytt uppdrag kan skickas; kontakta handläggaren.`,
      );
    const lastDay = decisionLastDay(from.decision);
    if (lastDay !== null && input.changeDate > lastDay) {
      const message = `Beslutet gäller till och med ${lastDay}; bytet kan gälla senast den dagen.`;
      throw new ValidationError({ changeDate: message }, message);
    }
    const target = await findTargetUnit(trx, input.toProviderUnitId);
    const toProvider = assertTarget(target, from.serviceArea, from.provider.id);

    const sent = await sendChangeAssignment(trx, actor, {
      from,
      assignmentInterventionIds: new Set(rows.map((row) => row.record.assignment_intervention_id)),
      fromUnitName: first.providerUnitName,
      toProvider,
      toUnitName: target!.name,
      changeDate: input.changeDate,
      note: input.note ?? null,
    });
    const changeId = await changes.insertProviderChange(trx, {
      municipalityId: actor.municipalityId,
      personId,
      fromAssignmentId: from.id,
      toAssignmentId: sent.id,
      fromUnitId: first.providerUnitId,
      toUnitId: target!.id,
      changeDate: input.changeDate,
      deliveryIds: input.deliveryIds,
      requestedById: actor.userId,
    });
    await writeAudit(trx, actor, {
      action: 'provider_change.request',
      entityType: 'provider_change',
      entityId: changeId,
      personId,
      details: {
        deliveryIds: input.deliveryIds,
        toProviderUnitId: target!.id,
        changeDate: input.changeDate,
        assignmentNumber: sent.assignmentNumber,
      },
    });
    await writeAudit(trx, actor, {
      action: 'assignment.send',
      entityType: 'assignment',
      entityId: sent.id,
      personId,
      details: {
        assignmentNumber: sent.assignmentNumber,
        providerId: toProvider.id,
        recipientCount: sent.recipientCount,
        providerChangeId: changeId,
      },
    });
    const view = (await changes.listPersonChanges(trx, personId)).find((change) => change.id === changeId)!;
    return {
      change: toView(view, await changes.listRowNameMap(trx, view.deliveryIds)),
      recipientCount: sent.recipientCount,
      personId,
      concerned: await listConcerned(trx, [first.providerUnitId], actor.userId),
    };
  });
}

/** The person's changes of provider, newest first, for those who see the person. */
export async function listProviderChanges(
  db: Db,
  actor: PositionedActor,
  personId: string,
): Promise<c.ProviderChangeList> {
  return inTenant(db, actor.municipalityId, async (trx) => {
    if (!(await isPersonVisible(trx, personId, actor.position.personScopeUnitIds))) throw new NotFoundError();
    const records = await changes.listPersonChanges(trx, personId);
    const names = await changes.listRowNameMap(
      trx,
      records.flatMap((record) => record.deliveryIds),
    );
    await writeAudit(trx, actor, {
      action: 'provider_change.list',
      entityType: 'person',
      entityId: personId,
      personId,
    });
    return { items: records.map((record) => toView(record, names)) };
  });
}

/** Where the row may move: other providers of its service area with their units. */
export async function listProviderChangeTargets(
  db: Db,
  actor: PositionedActor,
  deliveryId: string,
): Promise<c.ProviderChangeTargets> {
  return inTenant(db, actor.municipalityId, async (trx) => {
    const row = await findDeliveryForChange(trx, deliveryId, deliveryRowReadScope(actor.position), true);
    if (!row) throw new NotFoundError();
    if (!canChangeDeliveryRow(actor.position, row)) throw new ForbiddenError(NOT_YOURS_TO_CHANGE);
    const from = await findAssignment(trx, row.assignmentId);
    if (!from) throw new NotFoundError();
    return {
      serviceArea: row.serviceArea,
      providers: await listTargetProviders(trx, row.serviceArea, from.provider.id),
    };
  });
}

function assertOneAssignmentAndUnit(rows: readonly DeliveryForChange[]): void {
  if (new Set(rows.map((row) => row.assignmentId)).size > 1)
    throw new ValidationError({ deliveryIds: 'Välj rader från samma uppdrag.' });
  if (new Set(rows.map((row) => row.providerUnitId)).size > 1)
    throw new ValidationError({ deliveryIds: 'Välj rader från samma utförarenhet.' });
}

/** Each row must be sent to delivery and the day must fall after its first day and not after its last. */
function assertRowsMove(rows: readonly DeliveryForChange[], changeDate: string): void {
  const fieldErrors: Record<string, string> = {};
  rows.forEach((row, index) => {
    const problem = providerChangeProblem(row, changeDate);
    if (!problem) return;
    if (row.status !== 'sent_to_delivery') fieldErrors[`deliveryIds.${index}`] = problem;
    else fieldErrors.changeDate ??= `${deliveryRowName(row.interventionName, row.record.label)}: ${problem}`;
  });
  if (Object.keys(fieldErrors).length) throw new ValidationError(fieldErrors);
}

/** The unit must be an active provider unit of another active provider with system access in the same area. */
function assertTarget(
  target: TargetUnit | undefined,
  serviceArea: string,
  fromProviderId: string,
): { id: string; name: string } {
  const fail = (message: string): never => {
    throw new ValidationError({ toProviderUnitId: message }, message);
  };
  if (target?.kind !== 'provider_unit' || !target.provider) return fail('Välj en utförarenhet i listan.');
  if (target.serviceArea !== serviceArea) fail('Enheten hör till ett annat verksamhetsområde än ärendet.');
  if (target.provider.id === fromProviderId)
    fail(
      'Enheten hör till samma utförare. Byt utförare gäller en annan utförare; inom utföraren återkallar du raden och fördelar om den.',
    );
  if (!target.isActive || !target.provider.isActive) fail('Enheten är inte längre aktiv.');
  if (!target.provider.hasSystemAccess)
    fail('Utföraren har inte tillgång till Vardag. Kontakta handläggaren, som skickar uppdraget med säker e-post.');
  return { id: target.provider.id, name: target.provider.name };
}

function toView(record: changes.ProviderChangeRecord, names: ReadonlyMap<string, string>): c.ProviderChangeView {
  return {
    id: record.id,
    status: record.status,
    changeDate: record.changeDate,
    lastDayWithOldProvider: providerChangeLastDay(record.changeDate),
    fromUnit: { id: record.fromUnitId, name: record.fromUnitName },
    toUnit: { id: record.toUnitId, name: record.toUnitName },
    fromAssignment: { id: record.fromAssignmentId, assignmentNumber: record.fromAssignmentNumber },
    toAssignment: { id: record.toAssignmentId, assignmentNumber: record.toAssignmentNumber },
    rows: record.deliveryIds.map((id) => ({ id, name: names.get(id) ?? 'Okänd rad' })),
    requestedByName: record.requestedByName,
    decidedByName: record.decidedByName,
    decidedAt: record.decidedAt?.toISOString() ?? null,
    createdAt: record.createdAt.toISOString(),
  };
}
