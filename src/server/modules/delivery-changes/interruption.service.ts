/**
 * Interruptions (avbrott) of a delivery row: listed for those who read the row, registered and
 * resumed by the unit's management. Each reports whether it must go to IVO (not resumed within
 * three months, src/domain/delivery-rules.ts). Writes lock the row, so two interruptions of one
 * row are checked for overlap one after the other.
 */
import type { Db } from '../../platform/db/database.ts';
import { inTenant } from '../../platform/db/tenant.ts';
import type { PositionedActor } from '../../platform/access/actor.ts';
import { writeAudit, writeAudits } from '../../platform/audit/audit.ts';
import type { Trx } from '../../platform/db/tenant.ts';
import { ConflictError, ForbiddenError, NotFoundError, ValidationError } from '../../platform/errors.ts';
import { todayInSweden } from '../../../domain/dates.ts';
import {
  interruptionProblems,
  interruptionReportDeadline,
  isInterruptionReportable,
} from '../../../domain/delivery-rules.ts';
import { interruptionsAtLastDay, type InterruptionChanges } from '../../../domain/interruption-rules.ts';
import type * as c from '../../../contract/delivery-changes.ts';
import { findDeliveryForChange, type DeliveryForChange } from './delivery-change.repository.ts';
import { NOT_YOURS_TO_CHANGE, canChangeDeliveryRow, deliveryRowReadScope } from './delivery-change.policy.ts';
import * as repo from './interruption.repository.ts';

/** A row the actor reads, its scope in the query (404 otherwise); `forChange`: and may change, locked until the end (403 otherwise). */
async function getDelivery(
  trx: Trx,
  actor: PositionedActor,
  deliveryId: string,
  forChange: boolean,
): Promise<DeliveryForChange> {
  const row = await findDeliveryForChange(trx, deliveryId, deliveryRowReadScope(actor.position), forChange);
  if (!row) throw new NotFoundError();
  if (forChange && !canChangeDeliveryRow(actor.position, row)) throw new ForbiddenError(NOT_YOURS_TO_CHANGE);
  return row;
}

/** The row's interruptions, newest first, each with its reporting deadline and whether it is reportable. */
export async function listDeliveryInterruptions(
  db: Db,
  actor: PositionedActor,
  deliveryId: string,
): Promise<c.InterruptionList> {
  return inTenant(db, actor.municipalityId, async (trx) => {
    const row = await getDelivery(trx, actor, deliveryId, false);
    const items = await repo.listInterruptions(trx, deliveryId);
    await writeAudit(trx, actor, {
      action: 'delivery.interruptions.read',
      entityType: 'delivery',
      entityId: deliveryId,
      personId: row.personId,
    });
    const today = todayInSweden();
    return {
      deliveryId,
      interventionName: row.interventionName,
      periodFrom: row.periodFrom,
      periodTo: row.periodTo,
      items: items.map((item) => toView(item, today)),
      canRegister: canChangeDeliveryRow(actor.position, row) && row.status !== 'under_distribution',
    };
  });
}

/** Registers an interruption of the row. */
export async function addInterruption(
  db: Db,
  actor: PositionedActor,
  deliveryId: string,
  input: c.NewInterruptionRequest,
): Promise<c.InterruptionView> {
  return inTenant(db, actor.municipalityId, async (trx) => {
    const row = await getDelivery(trx, actor, deliveryId, true);
    const period = { fromDate: input.fromDate, toDate: input.toDate ?? null };
    const others = await repo.listInterruptions(trx, deliveryId);
    assertFits(interruptionProblems(period, row, others));
    const id = await repo.insertInterruption(trx, {
      municipalityId: actor.municipalityId,
      deliveryId,
      ...period,
      reason: input.reason.trim(),
      createdById: actor.userId,
    });
    await writeAudit(trx, actor, {
      action: 'interruption.create',
      entityType: 'interruption',
      entityId: id,
      personId: row.personId,
      details: { deliveryId, ...period },
    });
    return toView((await repo.findInterruption(trx, id))!, todayInSweden());
  });
}

/** Records the resumption (or corrects it) and the reason. */
export async function updateInterruption(
  db: Db,
  actor: PositionedActor,
  interruptionId: string,
  input: c.UpdateInterruptionRequest,
): Promise<c.InterruptionView> {
  return inTenant(db, actor.municipalityId, async (trx) => {
    const found = await repo.findInterruption(trx, interruptionId);
    if (!found) throw new NotFoundError();
    const row = await getDelivery(trx, actor, found.deliveryId, true);
    // Read again under the row's lock: another resumption may have committed meanwhile.
    const all = await repo.listInterruptions(trx, row.id);
    const current = all.find((item) => item.id === interruptionId);
    if (!current || current.version !== input.version) throw new ConflictError();
    const period = { fromDate: current.fromDate, toDate: input.toDate };
    assertFits(
      interruptionProblems(
        period,
        row,
        all.filter((item) => item.id !== interruptionId),
      ),
    );
    if (
      !(await repo.updateInterruption(trx, interruptionId, input.version, {
        toDate: input.toDate,
        reason: input.reason.trim(),
      }))
    )
      throw new ConflictError();
    await writeAudit(trx, actor, {
      action: 'interruption.update',
      entityType: 'interruption',
      entityId: interruptionId,
      personId: row.personId,
      details: { deliveryId: row.id, toDate: input.toDate, previousToDate: current.toDate },
    });
    return toView((await repo.findInterruption(trx, interruptionId))!, todayInSweden());
  });
}

/**
 * Makes the row's interruptions fit its new last day (ending — by the provider, by the decision's
 * end or by a change of provider — or a change of time once checked by withdrawalInterruptionProblem): shortens those running past it and removes those starting after
 * it, each with its audit row. Call with the row locked. `cause` names the change, for the audit.
 */
export async function fitInterruptionsToLastDay(
  trx: Trx,
  actor: PositionedActor,
  row: { id: string; personId: string },
  lastDay: string,
  cause: 'delivery.end' | 'delivery.withdraw' | 'decision.end' | 'provider_change.accept',
): Promise<InterruptionChanges> {
  const changes = interruptionsAtLastDay(lastDay, await repo.listInterruptions(trx, row.id));
  for (const item of changes.shortened) await repo.shortenInterruption(trx, item.id, item.toDate);
  for (const item of changes.removed) await repo.deleteInterruption(trx, item.id);
  await writeAudits(trx, actor, [
    ...changes.shortened.map((item) => ({
      action: 'interruption.update',
      entityType: 'interruption',
      entityId: item.id,
      personId: row.personId,
      details: { deliveryId: row.id, cause, toDate: item.toDate, previousToDate: item.previousToDate },
    })),
    ...changes.removed.map((item) => ({
      action: 'interruption.delete',
      entityType: 'interruption',
      entityId: item.id,
      personId: row.personId,
      details: { deliveryId: row.id, cause, fromDate: item.fromDate, toDate: item.toDate, reason: item.reason },
    })),
  ]);
  return changes;
}

function assertFits(problems: Partial<Record<'fromDate' | 'toDate', string>>): void {
  const fieldErrors = Object.fromEntries(
    Object.entries(problems).filter((entry): entry is [string, string] => entry[1] !== undefined),
  );
  if (Object.keys(fieldErrors).length) throw new ValidationError(fieldErrors, Object.values(fieldErrors)[0]);
}

function toView(record: repo.InterruptionRecord, today: string): c.InterruptionView {
  return {
    id: record.id,
    deliveryId: record.deliveryId,
    fromDate: record.fromDate,
    toDate: record.toDate,
    reason: record.reason,
    reportDeadline: interruptionReportDeadline(record.fromDate),
    isReportable: isInterruptionReportable(record, today),
    createdByName: record.createdByName,
    createdAt: record.createdAt.toISOString(),
    version: record.version,
  };
}
