/**
 * Loading a row for a change with its access decided: missing, out of scope and not readable are
 * 404; readable but not the reader's to change is 403.
 */
import type { Trx } from '../../platform/db/tenant.ts';
import type { PositionedActor } from '../../platform/access/actor.ts';
import { ForbiddenError, NotFoundError } from '../../platform/errors.ts';
import { findDeliveryForChange, type DeliveryForChange } from './delivery-change.repository.ts';
import { canChangeDeliveryRow, canReadDeliveryRow } from './delivery-change.policy.ts';

const NOT_YOURS = 'Bara enhetens chefer och samordnare kan ändra verkställigheten.';

/** A row the actor may read; 404 otherwise. */
export async function getReadableDelivery(trx: Trx, actor: PositionedActor, deliveryId: string): Promise<DeliveryForChange> {
  const row = await findDeliveryForChange(trx, deliveryId, actor.position.personScopeUnitIds);
  if (!row || !canReadDeliveryRow(actor.position, row)) throw new NotFoundError();
  return row;
}

/** A row the actor may change, locked until the transaction ends; 404 when unreadable, 403 when only readable. */
export async function getChangeableDelivery(trx: Trx, actor: PositionedActor, deliveryId: string): Promise<DeliveryForChange> {
  const row = await findDeliveryForChange(trx, deliveryId, actor.position.personScopeUnitIds, true);
  if (!row || !canReadDeliveryRow(actor.position, row)) throw new NotFoundError();
  if (!canChangeDeliveryRow(actor.position, row)) throw new ForbiddenError(NOT_YOURS);
  return row;
}

/** Refuses a row that is not the reader's to change (after it was found readable). */
export function assertCanChange(actor: PositionedActor, row: DeliveryForChange): void {
  if (!canChangeDeliveryRow(actor.position, row)) throw new ForbiddenError(NOT_YOURS);
}
