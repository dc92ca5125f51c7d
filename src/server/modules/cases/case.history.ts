/**
 * The case history (the timeline on the case page): a read model built from the case, its
 * decisions, its changes of officer, its assignments with their events (written by the
 * assignments module) and the delivery rows' start and end (written by the provider side). Holds
 * the assembly, over what case-history.repository.ts reads; nothing here changes data.
 */
import { deliveryRowName } from '../../../domain/delivery-rules.ts';
import type { CaseHistoryEvent } from '../../../contract/cases.ts';
import type { CaseRecord } from './case.repository.ts';
import type { AssignmentHistoryEvent, CaseHistorySources } from './case-history.repository.ts';

const OUTCOME_TITLES = { granted: 'bifall', refused: 'avslag' } as const;

/** assignment_events.event → the history's kind. */
const EVENT_KINDS = {
  sent: 'assignment_sent',
  sent_outside: 'assignment_sent_outside',
  accepted: 'assignment_accepted',
  stopped: 'assignment_stopped',
  acknowledged: 'assignment_acknowledged',
  replaced: 'assignment_replaced',
  withdrawn: 'assignment_withdrawn',
} as const satisfies Record<AssignmentHistoryEvent, CaseHistoryEvent['kind']>;

/** Every event of the case, oldest first by when it was recorded. */
export function buildCaseHistory(
  caseRecord: CaseRecord,
  { decisions, assignments, officerChanges, deliveries }: CaseHistorySources,
): CaseHistoryEvent[] {
  const none = { decisionId: null, assignmentId: null, message: null };
  const events: (Omit<CaseHistoryEvent, 'occurredAt'> & { sortAt: Date })[] = [
    {
      ...none,
      kind: 'case_opened',
      sortAt: caseRecord.createdAt,
      date: caseRecord.openedOn,
      actorName: null,
      title: `${caseRecord.caseNumber} vid ${caseRecord.authorityUnit.name}`,
    },
  ];
  for (const decision of decisions) {
    events.push({
      ...none,
      kind: 'decision_recorded',
      sortAt: decision.createdAt,
      date: decision.decisionDate,
      actorName: decision.decidedBy.name,
      title: `${decision.decisionNumber}, ${OUTCOME_TITLES[decision.outcome]} (${decision.legalBasis.code})`,
      decisionId: decision.id,
    });
    if (decision.endedOn !== null) {
      events.push({
        ...none,
        kind: 'decision_ended',
        sortAt: decision.updatedAt,
        date: decision.endedOn,
        actorName: decision.endedBy?.name ?? null,
        title: decision.decisionNumber,
        message: decision.endReason,
        decisionId: decision.id,
      });
    }
  }
  for (const assignment of assignments) {
    const base = {
      ...none,
      assignmentId: assignment.id,
      date: null,
      title: `${assignment.number} till ${assignment.providerName}`,
    };
    events.push({
      ...base,
      kind: 'assignment_written',
      sortAt: assignment.createdAt,
      actorName: assignment.createdByName,
    });
    for (const event of assignment.events) {
      events.push({
        ...base,
        kind: EVENT_KINDS[event.event],
        sortAt: event.occurredAt,
        actorName: event.actorName,
        message: event.message,
      });
    }
  }
  for (const change of officerChanges) {
    events.push({
      ...none,
      kind: 'case_officer_changed',
      sortAt: change.changedAt,
      date: null,
      actorName: change.changedByName,
      title: `${change.fromName} → ${change.toName}`,
    });
  }
  for (const row of deliveries) {
    const base = {
      ...none,
      assignmentId: row.assignmentId,
      sortAt: row.occurredAt,
      actorName: row.actorName,
      title: `${deliveryRowName(row.interventionName, row.label)} hos ${row.unitName}, uppdrag ${row.assignmentNumber}`,
    };
    if (row.event === 'started') events.push({ ...base, kind: 'delivery_started', date: row.startedOn });
    else events.push({ ...base, kind: 'delivery_ended', date: row.periodTo, message: row.endReason });
  }
  if (caseRecord.closedOn !== null) {
    events.push({
      ...none,
      kind: 'case_closed',
      sortAt: caseRecord.updatedAt,
      date: caseRecord.closedOn,
      actorName: caseRecord.closedByName,
      title: caseRecord.caseNumber,
      message: caseRecord.endReason,
    });
  }
  // Stable: events recorded in the same transaction keep the order they were pushed in.
  return events
    .map((event, index) => ({ event, index }))
    .sort((a, b) => a.event.sortAt.getTime() - b.event.sortAt.getTime() || a.index - b.index)
    .map(({ event: { sortAt, ...event } }) => ({ ...event, occurredAt: sortAt.toISOString() }));
}
