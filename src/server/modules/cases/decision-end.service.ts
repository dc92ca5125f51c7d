/**
 * What ending a decision does at the provider, planned (the preview the end dialog shows) and
 * applied (inside the transaction that ends the decision or closes the case): the rows of its
 * assignments that run past its last day end on that day, those that would begin later end
 * without beginning (their interruptions fitted to the day as on any ending), assignments still
 * waiting in Nya uppdrag are withdrawn, and each provider unit concerned is told. The rules are src/domain/decision-ending.ts.
 */
import type { Trx } from '../../platform/db/tenant.ts';
import type { PositionedActor } from '../../platform/access/actor.ts';
import { writeAudits, type AuditEvent } from '../../platform/audit/audit.ts';
import { ValidationError } from '../../platform/errors.ts';
import {
  isWaitingAssignmentWithdrawn,
  rowEndingOnDecisionEnd,
  type RowEndingKind,
} from '../../../domain/decision-ending.ts';
import type * as contract from '../../../contract/cases.ts';
import { writeMessage } from '../messages/index.ts';
import { listProviderReceivers } from '../assignments/index.ts';
import { markChangeDecided } from '../delivery-changes/index.ts';
import { fitInterruptionsToLastDay } from '../delivery-changes/index.ts';
import { describeInterruptionChanges } from '../../../domain/interruption-rules.ts';
import { deliveryRowName } from '../../../domain/delivery-rules.ts';
import * as repo from './decision-end.repository.ts';

export interface EndingDecision {
  id: string;
  decisionNumber: string;
  personId: string;
}

type PlannedRow = repo.DecisionRow & { kind: RowEndingKind };

/** The rows to end and the assignments to withdraw or leave waiting; problems name the rows that stop the ending. */
export interface DecisionEndPlan {
  lastDay: string;
  rows: PlannedRow[];
  withdrawn: repo.WaitingAssignment[];
  waiting: repo.WaitingAssignment[];
  problems: string[];
}

/** What ending the decision on the day would do; with `lock` its rows and waiting states stay locked for applying it. */
export async function planDecisionEnd(
  trx: Trx,
  decisionId: string,
  lastDay: string,
  today: string,
  lock = false,
): Promise<DecisionEndPlan> {
  const plan: DecisionEndPlan = { lastDay, rows: [], withdrawn: [], waiting: [], problems: [] };
  // States before rows, the order in which a provider's answer locks them (accepting a change of
  // provider ends the old rows), so the two never wait on each other.
  const waiting = await repo.listWaitingAssignments(trx, decisionId, lock);
  for (const row of await repo.listDecisionRows(trx, decisionId, lock)) {
    const rowPlan = rowEndingOnDecisionEnd(row, lastDay);
    if (rowPlan.problem) plan.problems.push(`${rowTitle(row)} hos ${row.providerUnit.name}: ${rowPlan.problem}`);
    else if (rowPlan.ending) plan.rows.push({ ...row, kind: rowPlan.ending.kind });
  }
  for (const assignment of waiting) {
    const isWithdrawn = isWaitingAssignmentWithdrawn(lastDay, today, assignment.pendingChange?.changeDate ?? null);
    (isWithdrawn ? plan.withdrawn : plan.waiting).push(assignment);
  }
  return plan;
}

/** The plan as the API shows it. */
export function toEffects(plan: DecisionEndPlan): contract.DecisionEndEffects {
  const assignment = ({ id, assignmentNumber, provider }: repo.WaitingAssignment) => ({
    id,
    assignmentNumber,
    provider,
  });
  return {
    endedOn: plan.lastDay,
    rows: plan.rows.map(({ startedOn: _startedOn, ...row }) => row),
    withdrawnAssignments: plan.withdrawn.map(assignment),
    waitingAssignments: plan.waiting.map(assignment),
    problems: plan.problems,
  };
}

/**
 * Applies the plan for the decision's last day, in the caller's transaction; a problem is a 400
 * on `field` (the day the officer chose). Returns what was done.
 */
export async function applyDecisionEnd(
  trx: Trx,
  actor: PositionedActor,
  decision: EndingDecision,
  lastDay: string,
  reason: string,
  today: string,
  field: string,
): Promise<DecisionEndPlan> {
  const effects = await planDecisionEnd(trx, decision.id, lastDay, today, true);
  if (effects.problems.length)
    throw new ValidationError({ [field]: effects.problems.join(' ') }, effects.problems.join(' '));
  const audits: AuditEvent[] = [];

  const changed = await repo.endRowsOnDay(
    trx,
    effects.rows.map((row) => ({ id: row.id, keepsStatus: row.kind === 'cut' })),
    lastDay,
    reason,
    actor.userId,
    `Beslut ${decision.decisionNumber} avslutat ${lastDay}: ${reason}.`,
  );
  if (changed.length !== effects.rows.length) throw new Error('decision end: a locked row changed under the lock');
  for (const row of effects.rows) {
    audits.push({
      action: 'delivery.end',
      entityType: 'delivery',
      entityId: row.id,
      personId: decision.personId,
      details: {
        endOn: lastDay,
        endReason: reason,
        previousStatus: row.status,
        kind: row.kind,
        decisionId: decision.id,
      },
    });
  }
  // Interruptions end with their rows, as on any ending (src/domain/interruption-rules.ts).
  const interruptionLines = new Map<string, string[]>();
  for (const row of effects.rows) {
    const fitted = await fitInterruptionsToLastDay(
      trx,
      actor,
      { id: row.id, personId: decision.personId },
      lastDay,
      'decision.end',
    );
    interruptionLines.set(row.id, describeInterruptionChanges(fitted, 'ended'));
  }
  for (const [unitId, unitRows] of groupBy(effects.rows, (row) => row.providerUnit.id)) {
    const receivers = await listProviderReceivers(trx, unitId);
    await writeMessage(trx, {
      municipalityId: actor.municipalityId,
      senderId: null,
      assignmentId: unitRows[0]!.assignmentId,
      recipientUserIds: receivers.map((user) => user.id),
      addressedTo: `${unitRows[0]!.providerUnit.name} (chefer och samordnare)`,
      ...rowsMessage(
        actor,
        decision,
        lastDay,
        reason,
        unitRows,
        unitRows.flatMap((row) => interruptionLines.get(row.id) ?? []),
      ),
    });
  }

  const withdrawnMessage = `Beslut ${decision.decisionNumber} avslutat ${lastDay}: ${reason}.`;
  await repo.withdrawAssignments(
    trx,
    actor.municipalityId,
    effects.withdrawn.map((assignment) => assignment.id),
    actor.userId,
    withdrawnMessage,
    today,
  );
  for (const assignment of effects.withdrawn) {
    // The change of provider this assignment was sent for will not happen: nobody will answer it.
    if (assignment.pendingChange) await markChangeDecided(trx, assignment.pendingChange.id, 'stopped', actor.userId);
    const recipientCount = await messageProvider(
      trx,
      actor,
      assignment,
      withdrawnAssignmentMessage(actor, decision, lastDay, reason, assignment),
    );
    audits.push({
      action: 'assignment.withdraw',
      entityType: 'assignment',
      entityId: assignment.id,
      personId: decision.personId,
      details: {
        assignmentNumber: assignment.assignmentNumber,
        decisionId: decision.id,
        providerChangeId: assignment.pendingChange?.id ?? null,
        recipientCount,
      },
    });
  }
  for (const assignment of effects.waiting) {
    await messageProvider(trx, actor, assignment, waitingAssignmentMessage(decision, lastDay, reason, assignment));
  }
  await writeAudits(trx, actor, audits);
  return effects;
}

async function messageProvider(
  trx: Trx,
  actor: PositionedActor,
  assignment: repo.WaitingAssignment,
  content: { subject: string; body: string },
): Promise<number> {
  const receivers = await listProviderReceivers(trx, assignment.provider.id);
  const { recipientCount } = await writeMessage(trx, {
    municipalityId: actor.municipalityId,
    senderId: null,
    assignmentId: assignment.id,
    recipientUserIds: receivers.map((user) => user.id),
    addressedTo: `${assignment.provider.name} (mottagare av nya uppdrag)`,
    ...content,
  });
  return recipientCount;
}

const rowTitle = (row: { interventionName: string; label: string | null }): string =>
  deliveryRowName(row.interventionName, row.label);

const ROW_LINES: Record<RowEndingKind, (row: PlannedRow, lastDay: string) => string> = {
  end: (row, lastDay) =>
    `– ${rowTitle(row)}, uppdrag ${row.assignmentNumber}: från ${row.periodFrom}, avslutas ${lastDay}.`,
  never_begins: (row) =>
    `– ${rowTitle(row)}, uppdrag ${row.assignmentNumber}: skulle börja ${row.periodFrom} och påbörjas inte.`,
  cut: (row, lastDay) =>
    `– ${rowTitle(row)}, uppdrag ${row.assignmentNumber}: gällde till ${row.periodTo}, gäller nu till och med ${lastDay}.`,
};

// Messages name decisions, assignments and units, never the person: they sit in inboxes and lists.
function rowsMessage(
  actor: PositionedActor,
  decision: EndingDecision,
  lastDay: string,
  reason: string,
  rows: readonly PlannedRow[],
  interruptionLines: readonly string[],
) {
  return {
    subject: `Beslut ${decision.decisionNumber} avslutat: insatser avslutas ${lastDay}`,
    body: [
      `${actor.displayName} (${actor.position.unitName}) har avslutat beslut ${decision.decisionNumber}; det gäller till och med ${lastDay}. Orsak: ${reason}.`,
      `Verkställigheten hos ${rows[0]!.providerUnit.name} avslutas därför:`,
      ...rows.map((row) => ROW_LINES[row.kind](row, lastDay)),
      ...interruptionLines,
      'Avsluta genomförandet under Ej aktuella – att avsluta när inget annat pågår hos er.',
    ].join('\n'),
  };
}

function withdrawnAssignmentMessage(
  actor: PositionedActor,
  decision: EndingDecision,
  lastDay: string,
  reason: string,
  assignment: repo.WaitingAssignment,
) {
  return {
    subject: `Uppdrag ${assignment.assignmentNumber} återkallat: beslut ${decision.decisionNumber} avslutat`,
    body: [
      `Beslut ${decision.decisionNumber} gäller till och med ${lastDay}. Orsak: ${reason}.`,
      `${actor.displayName} (${actor.position.unitName}) har därför återkallat uppdrag ${assignment.assignmentNumber}. Det ligger inte längre under Nya uppdrag och ska inte fördelas.`,
      ...(assignment.pendingChange
        ? [
            `Bytet av utförare från ${assignment.pendingChange.fromUnitName} fr.o.m. ${assignment.pendingChange.changeDate} genomförs inte.`,
          ]
        : []),
    ].join('\n'),
  };
}

function waitingAssignmentMessage(
  decision: EndingDecision,
  lastDay: string,
  reason: string,
  assignment: repo.WaitingAssignment,
) {
  return {
    subject: `Uppdrag ${assignment.assignmentNumber}: beslut ${decision.decisionNumber} upphör ${lastDay}`,
    body: [
      `Beslut ${decision.decisionNumber} gäller till och med ${lastDay}. Orsak: ${reason}.`,
      `Uppdrag ${assignment.assignmentNumber} ligger kvar under Nya uppdrag; verkställigheten kan pågå längst till och med ${lastDay}.`,
    ].join('\n'),
  };
}

function groupBy<T>(items: readonly T[], key: (item: T) => string): Map<string, T[]> {
  const groups = new Map<string, T[]>();
  for (const item of items) groups.set(key(item), [...(groups.get(key(item)) ?? []), item]);
  return groups;
}
