/**
 * Settling a change of provider when the new provider answers its assignment. Called by the
 * deliveries module inside the transaction that accepts or stops the assignment, so the answer,
 * the old rows' ending, the history and the messages commit together.
 *
 * Accepted: the moved rows end the day before the change date ("Byte av utförare"), their
 * interruptions are fitted to that last day as on any ending, and the old unit and the case
 * officer are told. Stopped: the rows stay with the old unit, which is told to
 * make the change again if needed. An assignment that came from no change settles nothing.
 */
import type { Trx } from '../../platform/db/tenant.ts';
import type { PositionedActor } from '../../platform/access/actor.ts';
import { writeAudit } from '../../platform/audit/audit.ts';
import { dayBefore } from '../../../domain/periods.ts';
import { writeMessage } from '../messages/index.ts';
import { listProviderReceivers } from '../assignments/index.ts';
import * as changes from './provider-change.repository.ts';
import { endMovedDeliveries } from './delivery-history.repository.ts';
import { fitInterruptionsToLastDay } from './interruption.service.ts';
import { describeInterruptionChanges } from '../../../domain/interruption-rules.ts';

/** The end reason the moved rows carry. */
export const PROVIDER_CHANGE_END_REASON = 'Byte av utförare';

/** Settles the pending change that sent this assignment, if any; see the file comment. */
export async function settleProviderChange(
  trx: Trx,
  actor: PositionedActor,
  toAssignmentId: string,
  outcome: 'accepted' | 'stopped',
): Promise<void> {
  const change = await changes.findPendingChangeForUpdate(trx, toAssignmentId);
  if (!change) return;
  const rowNames = await changes.listRowNames(trx, change.deliveryIds);
  let endedIds: string[] = [];
  const interruptionLines: string[] = [];
  if (outcome === 'accepted') {
    const note = `${PROVIDER_CHANGE_END_REASON} till ${change.toUnitName} fr.o.m. ${change.changeDate} (uppdrag ${change.toAssignmentNumber}).`;
    const ended = await endMovedDeliveries(
      trx,
      change.deliveryIds,
      dayBefore(change.changeDate),
      PROVIDER_CHANGE_END_REASON,
      actor.userId,
      note,
    );
    endedIds = ended.map((row) => row.id);
    // An interruption at the old unit cannot outlast its row: it ends with it (an ending, not a resumption).
    for (const row of ended) {
      const fitted = await fitInterruptionsToLastDay(
        trx,
        actor,
        { id: row.id, personId: change.personId },
        row.period_to!,
        'provider_change.accept',
      );
      interruptionLines.push(...describeInterruptionChanges(fitted, 'ended'));
    }
  }
  await changes.markChangeDecided(trx, change.id, outcome, actor.userId);

  const receivers = await listProviderReceivers(trx, change.fromUnitId);
  const recipientIds = new Set([...receivers.map((user) => user.id), change.requestedById]);
  if (outcome === 'accepted') recipientIds.add(change.caseOfficerId);
  await writeMessage(trx, {
    municipalityId: actor.municipalityId,
    senderId: null,
    assignmentId: change.fromAssignmentId,
    ...(outcome === 'accepted'
      ? acceptedMessage(change, rowNames, interruptionLines)
      : stoppedMessage(change, rowNames)),
    recipientUserIds: [...recipientIds],
    addressedTo:
      outcome === 'accepted'
        ? `${change.fromUnitName} (chefer och samordnare); handläggaren`
        : `${change.fromUnitName} (chefer och samordnare); ${change.requestedByName}`,
  });
  await writeAudit(trx, actor, {
    action: outcome === 'accepted' ? 'provider_change.accept' : 'provider_change.stop',
    entityType: 'provider_change',
    entityId: change.id,
    personId: change.personId,
    details: { toAssignmentId, changeDate: change.changeDate, endedDeliveryIds: endedIds },
  });
}

// The messages name assignments and units, never the person: they sit in inboxes and lists.
function acceptedMessage(
  change: changes.ProviderChangeRecord,
  rowNames: readonly string[],
  interruptionLines: readonly string[],
) {
  return {
    subject: `Byte av utförare genomfört (uppdrag ${change.fromAssignmentNumber})`,
    body: [
      `${change.toUnitName} har tagit emot uppdrag ${change.toAssignmentNumber} och tar över fr.o.m. ${change.changeDate}.`,
      `Insatser: ${rowNames.join(', ')}.`,
      `Verkställigheten hos ${change.fromUnitName} avslutas ${dayBefore(change.changeDate)} med orsak "${PROVIDER_CHANGE_END_REASON}".`,
      ...interruptionLines,
    ].join('\n'),
  };
}

function stoppedMessage(change: changes.ProviderChangeRecord, rowNames: readonly string[]) {
  return {
    subject: `Byte av utförare stoppat (uppdrag ${change.fromAssignmentNumber})`,
    body: [
      `${change.toUnitName} stoppade uppdraget ${change.toAssignmentNumber}; insatserna ligger kvar hos er, gör om bytet vid behov.`,
      `Insatser: ${rowNames.join(', ')}.`,
      `Bytet gällde fr.o.m. ${change.changeDate} från ${change.fromUnitName}.`,
    ].join('\n'),
  };
}

/** Records the pending change of provider as decided (an ending decision stops it: cases/decision-end.service.ts). */
export function markChangeDecided(
  trx: Trx,
  changeId: string,
  status: 'accepted' | 'stopped',
  decidedById: string,
): Promise<void> {
  return changes.markChangeDecided(trx, changeId, status, decidedById);
}
