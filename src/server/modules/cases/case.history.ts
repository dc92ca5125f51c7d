/**
 * The case history (the timeline on the case page): a read model built from the case, its
 * decisions, and its assignments with their events (written by the assignments module). Holds the
 * one query over assignments it needs and the assembly; nothing here changes data.
 */
import type { Trx } from '../../platform/db/tenant.ts';
import type { CaseHistoryEvent } from '../../../contract/cases.ts';
import type { CaseRecord } from './case.repository.ts';
import type { DecisionRecord } from './decision.repository.ts';

const OUTCOME_TITLES = { granted: 'bifall', refused: 'avslag' } as const;

/** assignment_events.event → the history's kind. */
const EVENT_KINDS = {
  sent: 'assignment_sent',
  sent_outside: 'assignment_sent_outside',
  accepted: 'assignment_accepted',
  stopped: 'assignment_stopped',
  acknowledged: 'assignment_acknowledged',
  replaced: 'assignment_replaced',
} as const satisfies Record<string, CaseHistoryEvent['kind']>;

interface AssignmentHistoryRow {
  id: string;
  number: string;
  providerName: string;
  createdAt: Date;
  createdByName: string;
  events: { event: keyof typeof EVENT_KINDS; occurredAt: Date; actorName: string | null; message: string | null }[];
}

/** The case's assignments with their events, oldest first. */
export async function listAssignmentHistory(trx: Trx, caseId: string): Promise<AssignmentHistoryRow[]> {
  const assignments = await trx.selectFrom('assignments')
    .innerJoin('units', 'units.id', 'assignments.provider_id')
    .innerJoin('users', 'users.id', 'assignments.created_by_id')
    .select(['assignments.id', 'assignments.assignment_number', 'units.name as provider_name', 'assignments.created_at', 'users.display_name'])
    .where('assignments.case_id', '=', caseId).orderBy('assignments.created_at').execute();
  if (assignments.length === 0) return [];
  const events = await trx.selectFrom('assignment_events')
    .leftJoin('users', 'users.id', 'assignment_events.actor_id')
    .select(['assignment_events.assignment_id', 'assignment_events.event', 'assignment_events.occurred_at', 'users.display_name', 'assignment_events.message'])
    .where('assignment_events.assignment_id', 'in', assignments.map((row) => row.id))
    .orderBy('assignment_events.id').execute();
  return assignments.map((row) => ({
    id: row.id, number: row.assignment_number, providerName: row.provider_name, createdAt: row.created_at, createdByName: row.display_name,
    events: events.filter((event) => event.assignment_id === row.id && event.event in EVENT_KINDS).map((event) => ({
      event: event.event as keyof typeof EVENT_KINDS, occurredAt: event.occurred_at, actorName: event.display_name, message: event.message,
    })),
  }));
}

/** Every event of the case, oldest first by when it was recorded. */
export function buildCaseHistory(caseRecord: CaseRecord, decisions: readonly DecisionRecord[], assignments: readonly AssignmentHistoryRow[]): CaseHistoryEvent[] {
  const none = { decisionId: null, assignmentId: null, message: null };
  const events: (Omit<CaseHistoryEvent, 'occurredAt'> & { sortAt: Date })[] = [{
    ...none, kind: 'case_opened', sortAt: caseRecord.createdAt, date: caseRecord.openedOn, actorName: null,
    title: `${caseRecord.caseNumber} vid ${caseRecord.authorityUnit.name}`,
  }];
  for (const decision of decisions) {
    events.push({
      ...none, kind: 'decision_recorded', sortAt: decision.createdAt, date: decision.decisionDate, actorName: decision.decidedBy.name,
      title: `${decision.decisionNumber}, ${OUTCOME_TITLES[decision.outcome]} (${decision.legalBasis.code})`, decisionId: decision.id,
    });
    if (decision.endedOn !== null) {
      events.push({
        ...none, kind: 'decision_ended', sortAt: decision.updatedAt, date: decision.endedOn, actorName: decision.endedBy?.name ?? null,
        title: decision.decisionNumber, message: decision.endReason, decisionId: decision.id,
      });
    }
  }
  for (const assignment of assignments) {
    const base = { ...none, assignmentId: assignment.id, date: null, title: `${assignment.number} till ${assignment.providerName}` };
    events.push({ ...base, kind: 'assignment_written', sortAt: assignment.createdAt, actorName: assignment.createdByName });
    for (const event of assignment.events) {
      events.push({ ...base, kind: EVENT_KINDS[event.event], sortAt: event.occurredAt, actorName: event.actorName, message: event.message });
    }
  }
  if (caseRecord.closedOn !== null) {
    events.push({
      ...none, kind: 'case_closed', sortAt: caseRecord.updatedAt, date: caseRecord.closedOn, actorName: caseRecord.closedByName,
      title: caseRecord.caseNumber, message: caseRecord.endReason,
    });
  }
  // Stable: events recorded in the same transaction keep the order they were pushed in.
  return events
    .map((event, index) => ({ event, index }))
    .sort((a, b) => a.event.sortAt.getTime() - b.event.sortAt.getTime() || a.index - b.index)
    .map(({ event: { sortAt, ...event } }) => ({ ...event, occurredAt: sortAt.toISOString() }));
}
