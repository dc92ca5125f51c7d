/**
 * Sending rows under distribution to delivery (Till genomförande), shared by accepting and
 * distributing an assignment and by sending rows registered later: each row goes into the
 * person's open provider case at its unit — opened when there is none, unacknowledged, so it
 * waits under the unit staff's Nya uppdrag (an open case waits again for a new assignment's
 * rows) — and the person's link to the unit puts them under it.
 */
import type { PositionedActor } from '../../platform/access/actor.ts';
import type { Trx } from '../../platform/db/tenant.ts';
import { ConflictError } from '../../platform/errors.ts';
import { todayInSweden } from '../../../domain/dates.ts';
import type * as c from '../../../contract/deliveries.ts';
import { findOrOpenProviderCase, markSentToDelivery } from './delivery-write.repository.ts';
import * as repo from './delivery.repository.ts';
import { listConcerned } from './intake.repository.ts';
import { toDeliveryRows } from './delivery.presenter.ts';

export interface RowToSend {
  id: string;
  version: number;
  personId: string;
  providerUnitId: string;
}

/** Sends the rows (all or none: a stale one is a conflict) and answers what was sent and whom it may concern. */
export async function sendRows(
  trx: Trx,
  actor: PositionedActor,
  rows: readonly RowToSend[],
): Promise<c.SentToDelivery> {
  const groups = new Map<string, RowToSend[]>();
  for (const row of rows) {
    const key = `${row.personId}:${row.providerUnitId}`;
    groups.set(key, [...(groups.get(key) ?? []), row]);
  }
  const today = todayInSweden();
  for (const group of groups.values()) {
    const { personId, providerUnitId } = group[0]!;
    const providerCaseId = await findOrOpenProviderCase(trx, {
      municipalityId: actor.municipalityId,
      personId,
      providerUnitId,
      openedOn: today,
      deliveryIds: group.map((row) => row.id),
    });
    const sent = await markSentToDelivery(trx, group, providerCaseId, actor.userId);
    if (sent.length !== group.length)
      throw new ConflictError('Någon annan har ändrat eller skickat raden. Läs in uppgifterna igen.');
  }
  const unitIds = [...new Set(rows.map((row) => row.providerUnitId))];
  // The sender just sent them: they read the result whatever their own unit, as they chose the units.
  const views = await repo.listDeliveries(trx, { ids: rows.map((row) => row.id) }, { unitIds, authority: null });
  return {
    personId: rows[0]!.personId,
    rows: toDeliveryRows(
      views,
      await repo.listInterruptions(
        trx,
        views.map((view) => view.id),
      ),
      actor.position,
    ),
    concerned: await listConcerned(trx, unitIds, actor.userId),
  };
}
