/**
 * SQL for what an assignment is written from and to: the decision and its case, the decision's
 * granted interventions, the providers of a service area, and the case's sent assignments that a
 * new one may replace. The decision and the case are found only for their writer — the authority
 * of the case's service area with the person in scope — in the query's WHERE.
 */
import { sql } from 'kysely';
import type { Trx } from '../../platform/db/tenant.ts';
import type { ServiceAreaCode, Ownership } from '../../../domain/organisation.ts';
import type { TimeScopeUnit } from '../../../domain/assignment-time.ts';
import type { AssignmentStatus } from '../../../contract/assignments.ts';
import {
  findOrigin,
  toNumber,
  type DecisionRecord,
  type PersonRecordRef,
  type ProviderRecord,
} from './assignment.repository.ts';
import type { SentVia } from '../../../domain/vocabulary.ts';
import type { AssignmentReadScope } from '../../platform/access/assignment-scope.ts';
import { isWriterOfCase } from '../../platform/access/assignment-scope.ts';

export interface DecisionContext {
  decision: DecisionRecord;
  caseId: string;
  caseNumber: string;
  caseClosedOn: string | null;
  serviceArea: ServiceAreaCode;
  person: PersonRecordRef;
}

export interface GrantedIntervention {
  id: string;
  interventionTypeId: string;
  name: string;
  isPersonalAlarm: boolean;
  grantedAmount: number | null;
  scopeUnit: TimeScopeUnit;
  note: string | null;
}

/** A decision with its case and person; undefined when missing, not the writer's or in another municipality. */
export async function findDecisionContext(
  trx: Trx,
  decisionId: string,
  writer: AssignmentReadScope['writer'],
): Promise<DecisionContext | undefined> {
  return findOrigin(trx, decisionId, writer);
}

export interface CaseContext {
  caseId: string;
  personId: string;
  serviceArea: ServiceAreaCode;
  closedOn: string | null;
}

export async function findCaseContext(
  trx: Trx,
  caseId: string,
  writer: AssignmentReadScope['writer'],
): Promise<CaseContext | undefined> {
  if (!writer) return undefined;
  const row = await trx
    .selectFrom('cases as c')
    .select(['c.id', 'c.person_id', 'c.service_area', 'c.closed_on'])
    .where('c.id', '=', caseId)
    .where(isWriterOfCase('c', writer))
    .executeTakeFirst();
  return (
    row && {
      caseId: row.id,
      personId: row.person_id,
      serviceArea: row.service_area as ServiceAreaCode,
      closedOn: row.closed_on,
    }
  );
}

/** The decision's granted interventions, in the order decided. */
export async function listGrantedInterventions(trx: Trx, decisionId: string): Promise<GrantedIntervention[]> {
  const rows = await trx
    .selectFrom('decision_interventions as di')
    .innerJoin('intervention_types as it', (join) =>
      join.onRef('it.municipality_id', '=', 'di.municipality_id').onRef('it.id', '=', 'di.intervention_type_id'),
    )
    .select([
      'di.id',
      'di.intervention_type_id',
      'it.name',
      'it.is_personal_alarm',
      'di.granted_amount',
      'di.scope_unit',
      'di.note',
    ])
    .where('di.decision_id', '=', decisionId)
    .orderBy('di.created_at')
    .orderBy(sql`it.name collate "sv-x-icu"`)
    .orderBy('di.id')
    .execute();
  return rows.map((row) => ({
    id: row.id,
    interventionTypeId: row.intervention_type_id,
    name: row.name,
    isPersonalAlarm: row.is_personal_alarm,
    grantedAmount: toNumber(row.granted_amount),
    scopeUnit: row.scope_unit as TimeScopeUnit,
    note: row.note,
  }));
}

const PROVIDER_COLUMNS = ['id', 'name', 'kind', 'service_area', 'ownership', 'has_system_access', 'is_active'] as const;

function toProvider(row: {
  id: string;
  name: string;
  kind: string;
  service_area: string;
  ownership: string | null;
  has_system_access: boolean;
  is_active: boolean;
}): ProviderRecord {
  return {
    id: row.id,
    name: row.name,
    kind: row.kind,
    serviceArea: row.service_area as ServiceAreaCode,
    ownership: (row.ownership ?? 'municipal') as Ownership,
    hasSystemAccess: row.has_system_access,
    isActive: row.is_active,
  };
}

/** Any unit by id, to check that it is an active provider of the right service area. */
export async function findUnitAsProvider(trx: Trx, unitId: string): Promise<ProviderRecord | undefined> {
  const row = await trx.selectFrom('units').select(PROVIDER_COLUMNS).where('id', '=', unitId).executeTakeFirst();
  return row && toProvider(row);
}

/** Active providers of the service area, by name. */
export async function listProviders(trx: Trx, serviceArea: ServiceAreaCode): Promise<ProviderRecord[]> {
  const rows = await trx
    .selectFrom('units')
    .select(PROVIDER_COLUMNS)
    .where('kind', '=', 'provider')
    .where('service_area', '=', serviceArea)
    .where('is_active', '=', true)
    .orderBy(sql`name collate "sv-x-icu"`)
    .execute();
  return rows.map(toProvider);
}

export interface ReplaceableAssignment {
  id: string;
  assignmentNumber: string;
  providerName: string;
  status: AssignmentStatus;
}

/** Sent assignments of the case not yet replaced: a new assignment may replace one of them. */
export async function listReplaceable(trx: Trx, caseId: string): Promise<ReplaceableAssignment[]> {
  const rows = await trx
    .selectFrom('assignments as a')
    .innerJoin('units as pr', (join) =>
      join.onRef('pr.municipality_id', '=', 'a.municipality_id').onRef('pr.id', '=', 'a.provider_id'),
    )
    .leftJoin('assignment_states as st', (join) =>
      join.onRef('st.municipality_id', '=', 'a.municipality_id').onRef('st.assignment_id', '=', 'a.id'),
    )
    .select(['a.id', 'a.assignment_number', 'pr.name', 'st.status'])
    .where('a.case_id', '=', caseId)
    .where('a.sent_at', 'is not', null)
    .where((eb) => eb.or([eb('st.status', 'is', null), eb('st.status', '<>', 'replaced')]))
    .orderBy('a.sent_at', 'desc')
    .execute();
  return rows.map((row) => ({
    id: row.id,
    assignmentNumber: row.assignment_number,
    providerName: row.name,
    status: (row.status ?? 'sent_outside') as AssignmentStatus,
  }));
}

export interface CaseAssignmentRecord {
  id: string;
  assignmentNumber: string;
  status: AssignmentStatus;
  decisionId: string;
  decisionNumber: string;
  providerName: string;
  createdAt: Date;
  sentAt: Date | null;
  sentVia: SentVia | null;
  totalGrantedMinutes: number;
  stateChangedAt: Date | null;
  stateMessage: string | null;
  replacesAssignmentNumber: string | null;
}

/** Every assignment of the case, drafts and sent, newest first. */
export async function listCaseAssignments(trx: Trx, caseId: string): Promise<CaseAssignmentRecord[]> {
  const rows = await trx
    .selectFrom('assignments as a')
    .innerJoin('decisions as d', (join) =>
      join.onRef('d.municipality_id', '=', 'a.municipality_id').onRef('d.id', '=', 'a.decision_id'),
    )
    .innerJoin('units as pr', (join) =>
      join.onRef('pr.municipality_id', '=', 'a.municipality_id').onRef('pr.id', '=', 'a.provider_id'),
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
      'a.decision_id',
      'd.decision_number',
      'pr.name',
      'a.created_at',
      'a.sent_at',
      'a.sent_via',
      'a.total_granted_minutes',
      'st.status',
      'st.changed_at',
      'st.message',
      'ra.assignment_number as replaces_number',
    ])
    .where('a.case_id', '=', caseId)
    .orderBy('a.created_at', 'desc')
    .orderBy('a.id')
    .execute();
  return rows.map((row) => ({
    id: row.id,
    assignmentNumber: row.assignment_number,
    status: (row.sent_at ? (row.status ?? 'sent_outside') : 'draft') as AssignmentStatus,
    decisionId: row.decision_id,
    decisionNumber: row.decision_number,
    providerName: row.name,
    createdAt: row.created_at,
    sentAt: row.sent_at,
    sentVia: row.sent_via as CaseAssignmentRecord['sentVia'],
    totalGrantedMinutes: row.total_granted_minutes,
    stateChangedAt: row.changed_at,
    stateMessage: row.message,
    replacesAssignmentNumber: row.replaces_number,
  }));
}
