/**
 * SQL for the case history (case.history.ts builds the timeline): the case's assignments with
 * their events (written by the assignments module), its changes of officer and its delivery rows'
 * start and end (written by the provider side). Nothing here changes data.
 */
import { sql } from 'kysely';
import type { Trx } from '../../platform/db/tenant.ts';
import type { DecisionRecord } from './decision.repository.ts';

/** assignment_events.event values the history shows. */
const HISTORY_EVENTS = [
  'sent',
  'sent_outside',
  'accepted',
  'stopped',
  'acknowledged',
  'replaced',
  'withdrawn',
] as const;
export type AssignmentHistoryEvent = (typeof HISTORY_EVENTS)[number];
const isHistoryEvent = (event: string): event is AssignmentHistoryEvent =>
  (HISTORY_EVENTS as readonly string[]).includes(event);

export interface AssignmentHistoryRow {
  id: string;
  number: string;
  providerName: string;
  createdAt: Date;
  createdByName: string;
  events: { event: AssignmentHistoryEvent; occurredAt: Date; actorName: string | null; message: string | null }[];
}

/** The case's assignments with their events, oldest first. */
export async function listAssignmentHistory(trx: Trx, caseId: string): Promise<AssignmentHistoryRow[]> {
  const assignments = await trx
    .selectFrom('assignments')
    .innerJoin('units', 'units.id', 'assignments.provider_id')
    .innerJoin('users', 'users.id', 'assignments.created_by_id')
    .select([
      'assignments.id',
      'assignments.assignment_number',
      'units.name as provider_name',
      'assignments.created_at',
      'users.display_name',
    ])
    .where('assignments.case_id', '=', caseId)
    .orderBy('assignments.created_at')
    .execute();
  if (assignments.length === 0) return [];
  const events = await trx
    .selectFrom('assignment_events')
    .leftJoin('users', 'users.id', 'assignment_events.actor_id')
    .select([
      'assignment_events.assignment_id',
      'assignment_events.event',
      'assignment_events.occurred_at',
      'users.display_name',
      'assignment_events.message',
    ])
    .where(
      'assignment_events.assignment_id',
      'in',
      assignments.map((row) => row.id),
    )
    .orderBy('assignment_events.id')
    .execute();
  return assignments.map((row) => ({
    id: row.id,
    number: row.assignment_number,
    providerName: row.provider_name,
    createdAt: row.created_at,
    createdByName: row.display_name,
    events: events
      .filter((event) => event.assignment_id === row.id && isHistoryEvent(event.event))
      .map((event) => ({
        event: event.event as AssignmentHistoryEvent,
        occurredAt: event.occurred_at,
        actorName: event.display_name,
        message: event.message,
      })),
  }));
}

export interface OfficerChangeRow {
  changedAt: Date;
  fromName: string;
  toName: string;
  changedByName: string | null;
}

/** The case's changes of officer (handläggarbyte), oldest first. */
export async function listOfficerChanges(trx: Trx, caseId: string): Promise<OfficerChangeRow[]> {
  const rows = await trx
    .selectFrom('case_officer_changes as cc')
    .innerJoin('users as fu', (join) =>
      join.onRef('fu.municipality_id', '=', 'cc.municipality_id').onRef('fu.id', '=', 'cc.from_officer_id'),
    )
    .innerJoin('users as tu', (join) =>
      join.onRef('tu.municipality_id', '=', 'cc.municipality_id').onRef('tu.id', '=', 'cc.to_officer_id'),
    )
    .leftJoin('users as bu', (join) =>
      join.onRef('bu.municipality_id', '=', 'cc.municipality_id').onRef('bu.id', '=', 'cc.changed_by_id'),
    )
    .select([
      'cc.changed_at',
      'fu.display_name as from_name',
      'tu.display_name as to_name',
      'bu.display_name as by_name',
    ])
    .where('cc.case_id', '=', caseId)
    .orderBy('cc.changed_at')
    .execute();
  return rows.map((row) => ({
    changedAt: row.changed_at,
    fromName: row.from_name,
    toName: row.to_name,
    changedByName: row.by_name,
  }));
}

/** The delivery events the case history shows: support started, and a row ended (also by a change of provider). */
const DELIVERY_EVENTS = ['started', 'ended', 'moved_to_provider'] as const;

export interface DeliveryHistoryRow {
  event: (typeof DELIVERY_EVENTS)[number];
  occurredAt: Date;
  actorName: string | null;
  assignmentId: string;
  assignmentNumber: string;
  interventionName: string;
  label: string | null;
  unitName: string;
  /** From the row as it stood after the event: the start date, or the last day and why. */
  startedOn: string | null;
  periodTo: string | null;
  endReason: string | null;
}

/** The start and end of the delivery rows of the case's assignments, oldest first. */
export async function listDeliveryHistory(trx: Trx, caseId: string): Promise<DeliveryHistoryRow[]> {
  const rows = await trx
    .selectFrom('delivery_events as e')
    .innerJoin('deliveries as d', (join) =>
      join.onRef('d.municipality_id', '=', 'e.municipality_id').onRef('d.id', '=', 'e.delivery_id'),
    )
    .innerJoin('assignments as a', (join) =>
      join.onRef('a.municipality_id', '=', 'd.municipality_id').onRef('a.id', '=', 'd.assignment_id'),
    )
    .innerJoin('assignment_interventions as ai', (join) =>
      join.onRef('ai.municipality_id', '=', 'd.municipality_id').onRef('ai.id', '=', 'd.assignment_intervention_id'),
    )
    .innerJoin('intervention_types as it', (join) =>
      join.onRef('it.municipality_id', '=', 'ai.municipality_id').onRef('it.id', '=', 'ai.intervention_type_id'),
    )
    .innerJoin('units as u', (join) =>
      join.onRef('u.municipality_id', '=', 'd.municipality_id').onRef('u.id', '=', 'd.provider_unit_id'),
    )
    .leftJoin('users as au', (join) =>
      join.onRef('au.municipality_id', '=', 'e.municipality_id').onRef('au.id', '=', 'e.actor_id'),
    )
    .select([
      'e.event',
      'e.occurred_at',
      'au.display_name as actor_name',
      'a.id as assignment_id',
      'a.assignment_number',
      'it.name as intervention_name',
      'd.label',
      'u.name as unit_name',
      sql<string | null>`e.snapshot ->> 'startedOn'`.as('started_on'),
      sql<string | null>`e.snapshot ->> 'periodTo'`.as('period_to'),
      sql<string | null>`e.snapshot ->> 'endReason'`.as('end_reason'),
    ])
    .where('a.case_id', '=', caseId)
    .where('e.event', 'in', [...DELIVERY_EVENTS])
    .orderBy('e.id')
    .execute();
  return rows.map((row) => ({
    event: row.event as DeliveryHistoryRow['event'],
    occurredAt: row.occurred_at,
    actorName: row.actor_name,
    assignmentId: row.assignment_id,
    assignmentNumber: row.assignment_number,
    interventionName: row.intervention_name,
    label: row.label,
    unitName: row.unit_name,
    startedOn: row.started_on,
    periodTo: row.period_to,
    endReason: row.end_reason,
  }));
}

export interface CaseHistorySources {
  decisions: readonly DecisionRecord[];
  assignments: readonly AssignmentHistoryRow[];
  officerChanges: readonly OfficerChangeRow[];
  deliveries: readonly DeliveryHistoryRow[];
}

/** Reads everything the history is built from. */
export async function listCaseHistorySources(
  trx: Trx,
  caseId: string,
  decisions: readonly DecisionRecord[],
): Promise<CaseHistorySources> {
  return {
    decisions,
    assignments: await listAssignmentHistory(trx, caseId),
    officerChanges: await listOfficerChanges(trx, caseId),
    deliveries: await listDeliveryHistory(trx, caseId),
  };
}
