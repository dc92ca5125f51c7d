/** Delivery records to the API's shapes (src/contract/deliveries.ts), with what the reader may do with each row. */
import type { ActorPosition } from '../../platform/access/actor.ts';
import type * as c from '../../../contract/deliveries.ts';
import { todayInSweden } from '../../../domain/dates.ts';
import type { DeliveryView, InterruptionRecord } from './delivery.repository.ts';
import { deliveryRowPermissions } from './delivery.policy.ts';

export function toDeliveryRow(
  view: DeliveryView,
  interruptions: readonly InterruptionRecord[],
  actor: Pick<ActorPosition, 'roles' | 'unitsBelow'>,
  today: string = todayInSweden(),
): c.DeliveryRow {
  const own = interruptions
    .filter((row) => row.deliveryId === view.id)
    .map(({ id, fromDate, toDate, reason, version }) => ({ id, fromDate, toDate, reason, version }));
  return {
    ...view,
    sentToDeliveryAt: view.sentToDeliveryAt?.toISOString() ?? null,
    interruptions: own,
    permissions: deliveryRowPermissions(
      actor,
      {
        providerUnitId: view.providerUnit.id,
        status: view.status,
        periodFrom: view.periodFrom,
        startedOn: view.startedOn,
        continuesDeliveryId: view.continuesDeliveryId,
        wasSentToDelivery: view.sentToDeliveryAt !== null,
        hasInterruptions: own.length > 0,
      },
      today,
    ),
  };
}

export function toDeliveryRows(
  views: readonly DeliveryView[],
  interruptions: readonly InterruptionRecord[],
  actor: Pick<ActorPosition, 'roles' | 'unitsBelow'>,
): c.DeliveryRow[] {
  const today = todayInSweden();
  return views.map((view) => toDeliveryRow(view, interruptions, actor, today));
}
