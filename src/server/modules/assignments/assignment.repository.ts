/**
 * All SQL for reading and writing one assignment and its rows. An assignment is loaded for a
 * reader with the reader's scope in the WHERE (platform/access/assignment-scope.ts), so out of scope is
 * missing; its rows, events and life areas are then read by id. Row-level security adds the
 * tenant. Rows become domain records here and go no further.
 */
import { sql } from 'kysely';
import type { Trx } from '../../platform/db/tenant.ts';
import type { AssignmentReadScope } from '../../platform/access/assignment-scope.ts';
import { isAssignmentReadable, isWriterOfAssignment, isWriterOfCase } from '../../platform/access/assignment-scope.ts';
import type { ServiceAreaCode, Ownership } from '../../../domain/organisation.ts';
import type { TimeScopeUnit } from '../../../domain/assignment-time.ts';
import type { AssignmentStatus, LifeArea, Weekday } from '../../../contract/assignments.ts';
import type { SentVia } from '../../../domain/vocabulary.ts';

export interface PersonRecordRef {
  id: string;
  identityNumber: string;
  firstName: string;
  lastName: string;
  protectedIdentity: boolean;
}

export interface DecisionRecord {
  id: string;
  decisionNumber: string;
  outcome: 'granted' | 'refused';
  legalBasisCode: string;
  decisionDate: string;
  periodFrom: string;
  periodTo: string | null;
  endedOn: string | null;
}

export interface ProviderRecord {
  id: string;
  name: string;
  kind: string;
  serviceArea: ServiceAreaCode;
  ownership: Ownership;
  hasSystemAccess: boolean;
  isActive: boolean;
}

export interface AssignmentRecord {
  id: string;
  assignmentNumber: string;
  caseId: string;
  caseNumber: string;
  caseClosedOn: string | null;
  serviceArea: ServiceAreaCode;
  authorityUnitName: string;
  decision: DecisionRecord;
  person: PersonRecordRef;
  provider: ProviderRecord;
  replacesAssignment: { id: string; assignmentNumber: string } | null;
  instructions: string | null;
  isNewClient: boolean;
  handoverBy: string | null;
  handoverAt: Date | null;
  totalGrantedMinutes: number;
  totalStaffMinutes: number;
  createdByName: string;
  createdAt: Date;
  updatedAt: Date;
  sentAt: Date | null;
  sentByName: string | null;
  sentVia: SentVia | null;
  state: {
    status: Exclude<AssignmentStatus, 'draft' | 'sent_outside'>;
    changedAt: Date;
    message: string | null;
  } | null;
  version: number;
}

export interface AssignmentInterventionRecord {
  id: string;
  decisionInterventionId: string;
  interventionTypeId: string;
  name: string;
  keyCode: string | null;
  isPersonalAlarm: boolean;
  grantedAmount: number | null;
  scopeUnit: TimeScopeUnit;
  minutesPerOccasion: number | null;
  plannedDays: Weekday[];
  plannedTimes: string | null;
  isTwoStaff: boolean;
  note: string | null;
}

export interface LifeAreaRecord {
  lifeArea: LifeArea;
  need: string | null;
  goal: string | null;
}

export interface AssignmentEventRecord {
  event: 'sent' | 'sent_outside' | 'accepted' | 'stopped' | 'acknowledged' | 'replaced' | 'withdrawn';
  occurredAt: Date;
  actorName: string | null;
  message: string | null;
}

/** The status as staff see it: a draft until sent; then the provider-side state, or "sent outside" by mail. */
export function statusOf(record: Pick<AssignmentRecord, 'sentAt' | 'sentVia' | 'state'>): AssignmentStatus {
  if (!record.sentAt) return 'draft';
  return record.state?.status ?? 'sent_outside';
}

export const toNumber = (value: string | number | null): number | null => (value === null ? null : Number(value));

/** An assignment as a reader loads it: the record, and whether the reader is the authority that may write in the case. */
export interface ReaderAssignment {
  record: AssignmentRecord;
  isWriter: boolean;
}

/** One assignment the reader reads; undefined when missing, in another municipality or out of the reader's scope. */
export async function findReadableAssignment(
  trx: Trx,
  assignmentId: string,
  scope: AssignmentReadScope,
): Promise<ReaderAssignment | undefined> {
  return loadAssignment(trx, assignmentId, scope);
}

/**
 * One assignment whatever the reader, for the system's own work once access to something else
 * was decided (a change of provider copies the assignment behind rows the manager may change);
 * undefined when missing.
 */
export async function findAssignment(trx: Trx, assignmentId: string): Promise<AssignmentRecord | undefined> {
  return (await loadAssignment(trx, assignmentId, null))?.record;
}

/**
 * One assignment with what it is read with; undefined when missing (or in another municipality),
 * or, for a reader's scope, out of it. Two queries of five and six tables rather than one of
 * eleven: planning eleven joins costs the planner more (about 20 ms) than running both queries does.
 */
async function loadAssignment(
  trx: Trx,
  assignmentId: string,
  scope: AssignmentReadScope | null,
): Promise<ReaderAssignment | undefined> {
  const row = await trx
    .selectFrom('assignments as a')
    .innerJoin('units as pr', (join) =>
      join.onRef('pr.municipality_id', '=', 'a.municipality_id').onRef('pr.id', '=', 'a.provider_id'),
    )
    .innerJoin('users as cu', (join) =>
      join.onRef('cu.municipality_id', '=', 'a.municipality_id').onRef('cu.id', '=', 'a.created_by_id'),
    )
    .leftJoin('users as su', (join) =>
      join.onRef('su.municipality_id', '=', 'a.municipality_id').onRef('su.id', '=', 'a.sent_by_id'),
    )
    .leftJoin('assignment_states as st', (join) =>
      join.onRef('st.municipality_id', '=', 'a.municipality_id').onRef('st.assignment_id', '=', 'a.id'),
    )
    .leftJoin('assignments as ra', (join) =>
      join.onRef('ra.municipality_id', '=', 'a.municipality_id').onRef('ra.id', '=', 'a.replaces_assignment_id'),
    )
    .select([
      'a.id',
      'a.assignment_number',
      'a.case_id',
      'a.decision_id',
      'pr.id as provider_id',
      'pr.name as provider_name',
      'pr.kind as provider_kind',
      'pr.service_area as provider_service_area',
      'pr.ownership as provider_ownership',
      'pr.has_system_access',
      'pr.is_active as provider_is_active',
      'ra.id as replaces_id',
      'ra.assignment_number as replaces_number',
      'a.instructions',
      'a.is_new_client',
      'a.handover_by',
      'a.handover_at',
      'a.total_granted_minutes',
      'a.total_staff_minutes',
      'cu.display_name as created_by_name',
      'a.created_at',
      'a.updated_at',
      'a.sent_at',
      'su.display_name as sent_by_name',
      'a.sent_via',
      'st.status as state_status',
      'st.changed_at as state_changed_at',
      'st.message as state_message',
      'a.version',
      (scope ? isWriterOfAssignment('a', scope) : sql<boolean>`false`).as('is_writer'),
    ])
    .where('a.id', '=', assignmentId)
    .$if(scope !== null, (query) => query.where(isAssignmentReadable('a', scope!)))
    .executeTakeFirst();
  if (!row) return undefined;
  const origin = await findOrigin(trx, row.decision_id);
  if (!origin) return undefined;
  const record: AssignmentRecord = {
    ...origin,
    id: row.id,
    assignmentNumber: row.assignment_number,
    provider: {
      id: row.provider_id,
      name: row.provider_name,
      kind: row.provider_kind,
      serviceArea: row.provider_service_area as ServiceAreaCode,
      ownership: (row.provider_ownership ?? 'municipal') as Ownership,
      hasSystemAccess: row.has_system_access,
      isActive: row.provider_is_active,
    },
    replacesAssignment:
      row.replaces_id && row.replaces_number ? { id: row.replaces_id, assignmentNumber: row.replaces_number } : null,
    instructions: row.instructions,
    isNewClient: row.is_new_client,
    handoverBy: row.handover_by,
    handoverAt: row.handover_at,
    totalGrantedMinutes: row.total_granted_minutes,
    totalStaffMinutes: row.total_staff_minutes,
    createdByName: row.created_by_name,
    createdAt: row.created_at,
    updatedAt: row.updated_at,
    sentAt: row.sent_at,
    sentByName: row.sent_by_name,
    sentVia: row.sent_via as AssignmentRecord['sentVia'],
    state:
      row.state_status && row.state_changed_at
        ? {
            status: row.state_status as NonNullable<AssignmentRecord['state']>['status'],
            changedAt: row.state_changed_at,
            message: row.state_message,
          }
        : null,
    version: row.version,
  };
  return { record, isWriter: row.is_writer === true };
}

export type AssignmentOrigin = Pick<
  AssignmentRecord,
  'caseId' | 'caseNumber' | 'caseClosedOn' | 'serviceArea' | 'authorityUnitName' | 'decision' | 'person'
>;

/**
 * The decision an assignment (or a draft to be) is written from, with its case and person;
 * undefined when missing or, with `writer`, not of its service area or its person out of its scope.
 */
export async function findOrigin(
  trx: Trx,
  decisionId: string,
  writer?: AssignmentReadScope['writer'],
): Promise<AssignmentOrigin | undefined> {
  if (writer === null) return undefined;
  const row = await trx
    .selectFrom('decisions as d')
    .innerJoin('cases as c', (join) =>
      join.onRef('c.municipality_id', '=', 'd.municipality_id').onRef('c.id', '=', 'd.case_id'),
    )
    .innerJoin('units as au', (join) =>
      join.onRef('au.municipality_id', '=', 'c.municipality_id').onRef('au.id', '=', 'c.authority_unit_id'),
    )
    .innerJoin('legal_bases as lb', (join) =>
      join.onRef('lb.municipality_id', '=', 'd.municipality_id').onRef('lb.id', '=', 'd.legal_basis_id'),
    )
    .innerJoin('persons as p', (join) =>
      join.onRef('p.municipality_id', '=', 'c.municipality_id').onRef('p.id', '=', 'c.person_id'),
    )
    .select([
      'd.id',
      'd.decision_number',
      'd.outcome',
      'lb.code',
      'd.decision_date',
      'd.period_from',
      'd.period_to',
      'd.ended_on',
      'c.id as case_id',
      'c.case_number',
      'c.closed_on',
      'c.service_area',
      'au.name as authority_unit_name',
      'p.id as person_id',
      'p.identity_number',
      'p.first_name',
      'p.last_name',
      'p.protected_identity',
    ])
    .where('d.id', '=', decisionId)
    .$if(writer !== undefined, (query) => query.where(isWriterOfCase('c', writer!)))
    .executeTakeFirst();
  return (
    row && {
      caseId: row.case_id,
      caseNumber: row.case_number,
      caseClosedOn: row.closed_on,
      serviceArea: row.service_area as ServiceAreaCode,
      authorityUnitName: row.authority_unit_name,
      decision: {
        id: row.id,
        decisionNumber: row.decision_number,
        outcome: row.outcome as DecisionRecord['outcome'],
        legalBasisCode: row.code,
        decisionDate: row.decision_date,
        periodFrom: row.period_from,
        periodTo: row.period_to,
        endedOn: row.ended_on,
      },
      person: {
        id: row.person_id,
        identityNumber: row.identity_number,
        firstName: row.first_name,
        lastName: row.last_name,
        protectedIdentity: row.protected_identity,
      },
    }
  );
}

export async function listAssignmentInterventions(
  trx: Trx,
  assignmentId: string,
): Promise<AssignmentInterventionRecord[]> {
  const rows = await trx
    .selectFrom('assignment_interventions as ai')
    .innerJoin('intervention_types as it', (join) =>
      join.onRef('it.municipality_id', '=', 'ai.municipality_id').onRef('it.id', '=', 'ai.intervention_type_id'),
    )
    .innerJoin('decision_interventions as di', (join) =>
      join.onRef('di.municipality_id', '=', 'ai.municipality_id').onRef('di.id', '=', 'ai.decision_intervention_id'),
    )
    .select([
      'ai.id',
      'ai.decision_intervention_id',
      'ai.intervention_type_id',
      'it.name',
      'it.key_code',
      'it.is_personal_alarm',
      'ai.granted_amount',
      'ai.scope_unit',
      'ai.minutes_per_occasion',
      'ai.planned_days',
      'ai.planned_times',
      'ai.is_two_staff',
      'ai.note',
    ])
    .where('ai.assignment_id', '=', assignmentId)
    // As the decision lists them: in the order decided, by name when decided together.
    .orderBy('di.created_at')
    .orderBy(sql`it.name collate "sv-x-icu"`)
    .orderBy('di.id')
    .execute();
  return rows.map((row) => ({
    id: row.id,
    decisionInterventionId: row.decision_intervention_id,
    interventionTypeId: row.intervention_type_id,
    name: row.name,
    keyCode: row.key_code,
    isPersonalAlarm: row.is_personal_alarm,
    grantedAmount: toNumber(row.granted_amount),
    scopeUnit: row.scope_unit as TimeScopeUnit,
    minutesPerOccasion: toNumber(row.minutes_per_occasion),
    plannedDays: row.planned_days as Weekday[],
    plannedTimes: row.planned_times,
    isTwoStaff: row.is_two_staff,
    note: row.note,
  }));
}

export async function listLifeAreas(trx: Trx, assignmentId: string): Promise<LifeAreaRecord[]> {
  const rows = await trx
    .selectFrom('assignment_life_areas')
    .select(['life_area', 'need', 'goal'])
    .where('assignment_id', '=', assignmentId)
    .execute();
  return rows.map((row) => ({ lifeArea: row.life_area as LifeArea, need: row.need, goal: row.goal }));
}

export async function listAssignmentEvents(trx: Trx, assignmentId: string): Promise<AssignmentEventRecord[]> {
  const rows = await trx
    .selectFrom('assignment_events as e')
    .leftJoin('users as u', (join) =>
      join.onRef('u.municipality_id', '=', 'e.municipality_id').onRef('u.id', '=', 'e.actor_id'),
    )
    .select(['e.event', 'e.occurred_at', 'u.display_name', 'e.message'])
    .where('e.assignment_id', '=', assignmentId)
    .orderBy('e.id')
    .execute();
  return rows.map((row) => ({
    event: row.event as AssignmentEventRecord['event'],
    occurredAt: row.occurred_at,
    actorName: row.display_name,
    message: row.message,
  }));
}

/** The sent assignment that replaced this one, if any. */
export async function findReplacement(
  trx: Trx,
  assignmentId: string,
): Promise<{ id: string; assignmentNumber: string } | undefined> {
  const row = await trx
    .selectFrom('assignments')
    .select(['id', 'assignment_number'])
    .where('replaces_assignment_id', '=', assignmentId)
    .where('sent_at', 'is not', null)
    .orderBy('sent_at', 'desc')
    .limit(1)
    .executeTakeFirst();
  return row && { id: row.id, assignmentNumber: row.assignment_number };
}
