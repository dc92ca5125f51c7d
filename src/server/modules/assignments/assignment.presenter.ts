/**
 * Domain records to the API's shapes (src/contract/assignments.ts). Protected identities are
 * masked here, for every reader: names are shown through the person's reveal, never in passing.
 */
import { monthlyMinutes } from '../../../domain/assignment-time.ts';
import type * as c from '../../../contract/assignments.ts';
import {
  statusOf,
  type AssignmentEventRecord,
  type AssignmentInterventionRecord,
  type AssignmentRecord,
  type LifeAreaRecord,
  type PersonRecordRef,
} from './assignment.repository.ts';
import { LIFE_AREAS } from '../../../contract/assignments.ts';

export function toPersonRef(person: PersonRecordRef): c.AssignmentDetail['person'] {
  return person.protectedIdentity ? { ...person, firstName: null, lastName: null } : person;
}

export function toDecisionSummary(decision: AssignmentRecord['decision']): c.AssignmentDetail['decision'] {
  return { ...decision };
}

export function toInterventions(rows: readonly AssignmentInterventionRecord[]): c.AssignmentIntervention[] {
  return rows.map((row) => ({ ...row, monthlyMinutes: monthlyMinutes(row) }));
}

/** Life areas in IBIC order, whatever order they were stored in. */
export function inLifeAreaOrder<T extends { lifeArea: c.LifeArea }>(areas: readonly T[]): T[] {
  return [...areas].sort((a, b) => LIFE_AREAS.indexOf(a.lifeArea) - LIFE_AREAS.indexOf(b.lifeArea));
}

export interface DetailParts {
  record: AssignmentRecord;
  interventions: readonly AssignmentInterventionRecord[];
  lifeAreas: readonly LifeAreaRecord[];
  events: readonly AssignmentEventRecord[];
  replacedBy: { id: string; assignmentNumber: string } | undefined;
  receivers: readonly string[];
  /** For a draft with a personal alarm that its writer reads: the alarm groups it would tell. */
  alarmGroups: readonly string[];
  /** The reader is the authority that may write in the case. */
  isWriter: boolean;
  /** Of the assignments it replaces and is replaced by, those a provider-side reader may open (the writer opens both: same case). */
  openableIds?: ReadonlySet<string>;
  /** The person's address and phones, where the reader may have them (assignment.policy.ts canReadPersonContact). */
  personContact: c.AssignmentDetail['personContact'];
}

export function toDetail({
  record,
  interventions,
  lifeAreas,
  events,
  replacedBy,
  receivers,
  alarmGroups,
  isWriter,
  openableIds,
  personContact,
}: DetailParts): c.AssignmentDetail {
  const status = statusOf(record);
  const isDraft = status === 'draft';
  const linked = (ref: { id: string; assignmentNumber: string } | null | undefined) =>
    ref ? { ...ref, canOpen: isWriter || (openableIds?.has(ref.id) ?? false) } : null;
  return {
    id: record.id,
    assignmentNumber: record.assignmentNumber,
    status,
    caseId: record.caseId,
    caseNumber: record.caseNumber,
    serviceArea: record.serviceArea,
    authorityUnitName: record.authorityUnitName,
    decision: toDecisionSummary(record.decision),
    person: toPersonRef(record.person),
    personContact,
    provider: {
      id: record.provider.id,
      name: record.provider.name,
      ownership: record.provider.ownership,
      hasSystemAccess: record.provider.hasSystemAccess,
    },
    replacesAssignment: linked(record.replacesAssignment),
    replacedBy: linked(replacedBy),
    interventions: toInterventions(interventions),
    lifeAreas: inLifeAreaOrder(lifeAreas),
    instructions: record.instructions,
    isNewClient: record.isNewClient,
    handoverBy: record.handoverBy,
    handoverAt: record.handoverAt?.toISOString() ?? null,
    totalGrantedMinutes: record.totalGrantedMinutes,
    totalStaffMinutes: record.totalStaffMinutes,
    createdByName: record.createdByName,
    createdAt: record.createdAt.toISOString(),
    updatedAt: record.updatedAt.toISOString(),
    sentAt: record.sentAt?.toISOString() ?? null,
    sentByName: record.sentByName,
    sentVia: record.sentVia,
    stateChangedAt: record.state?.changedAt.toISOString() ?? null,
    stateMessage: record.state?.message ?? null,
    events: events.map((event) => ({ ...event, occurredAt: event.occurredAt.toISOString() })),
    receivers: [...receivers],
    alarmGroups: [...alarmGroups],
    version: record.version,
    permissions: {
      canEdit: isWriter && isDraft,
      canSend: isWriter && isDraft && record.provider.hasSystemAccess,
      canRecordSentOutside: isWriter && isDraft && !record.provider.hasSystemAccess,
      canWriteReplacement:
        isWriter && !isDraft && status !== 'replaced' && status !== 'withdrawn' && record.caseClosedOn === null,
      canOpenCase: isWriter,
    },
  };
}
