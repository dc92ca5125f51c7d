/**
 * Reading one assignment whole (for the API and after each change) — with the person's contact
 * where the reader needs it (assignment.policy.ts canReadPersonContact) — and who its new-assignment
 * message reaches: the provider's receivers, and the alarm groups when it holds a personal alarm
 * (picked by service area: src/domain/alarm-groups.ts).
 */
import type { PositionedActor } from '../../platform/access/actor.ts';
import type { Trx } from '../../platform/db/tenant.ts';
import type { ServiceAreaCode } from '../../../domain/organisation.ts';
import type * as c from '../../../contract/assignments.ts';
import * as repo from './assignment.repository.ts';
import { listAlarmGroups, listProviderReceivers, type Receiver } from './assignment-receivers.repository.ts';
import { NotFoundError } from '../../platform/errors.ts';
import type { AssignmentReadScope } from '../../platform/access/assignment-scope.ts';
import { toDetail } from './assignment.presenter.ts';
import { listReadableAssignmentNumbers } from '../../platform/access/assignment-scope.ts';
import { loadAssignmentScope } from '../../platform/access/assignment-scope.ts';
import { findPersonContact } from '../persons/index.ts';
import { canReadPersonContact } from './assignment.policy.ts';

export interface ReadableAssignment {
  record: repo.AssignmentRecord;
  interventions: repo.AssignmentInterventionRecord[];
  /** The authority that may write in the case, rather than the provider it was sent to. */
  isWriter: boolean;
  /** What the reader reads of assignments, for what the page links to. */
  scope: AssignmentReadScope;
}

/** For reading: the authority always, the provider side on a need to know, in the query's WHERE; out of scope is 404 like missing. */
async function getReadableAssignment(
  trx: Trx,
  actor: PositionedActor,
  assignmentId: string,
): Promise<ReadableAssignment> {
  const scope = await loadAssignmentScope(trx, actor);
  const found = await repo.findReadableAssignment(trx, assignmentId, scope);
  if (!found) throw new NotFoundError('Uppdraget hittades inte.');
  return { ...found, interventions: await repo.listAssignmentInterventions(trx, assignmentId), scope };
}

export interface Receivers {
  users: Receiver[];
  alarmGroups: Receiver[];
}

export async function resolveReceivers(
  trx: Trx,
  providerId: string,
  serviceArea: ServiceAreaCode,
  hasPersonalAlarm: boolean,
): Promise<Receivers> {
  return {
    users: await listProviderReceivers(trx, providerId),
    alarmGroups: hasPersonalAlarm ? await listAlarmGroups(trx, serviceArea) : [],
  };
}

/** The receivers as readers see them: people by name, then send lists. */
export function receiverNames(receivers: Receivers): string[] {
  return [
    ...receivers.users.map((user) => user.name),
    ...receivers.alarmGroups.map((group) => `${group.name} (sändlista)`),
  ];
}

/** The assignment for this reader, with its rows, events and (for a draft the writer reads) its receivers. */
export async function readDetail(trx: Trx, actor: PositionedActor, assignmentId: string): Promise<c.AssignmentDetail> {
  return (await readAssignment(trx, actor, assignmentId)).detail;
}

/** As readDetail, with the person unmasked for those few who may print a protected name. */
export async function readAssignment(
  trx: Trx,
  actor: PositionedActor,
  assignmentId: string,
): Promise<{ detail: c.AssignmentDetail; person: repo.PersonRecordRef }> {
  return detailOf(trx, await getReadableAssignment(trx, actor, assignmentId));
}

/** The detail of an assignment already loaded with the reader's access decided (e.g. its writer, just after sending). */
export async function detailOf(
  trx: Trx,
  { record, interventions, isWriter, scope }: ReadableAssignment,
): Promise<{ detail: c.AssignmentDetail; person: repo.PersonRecordRef }> {
  const assignmentId = record.id;
  const lifeAreas = await repo.listLifeAreas(trx, assignmentId);
  const events = await repo.listAssignmentEvents(trx, assignmentId);
  const replacedBy = await repo.findReplacement(trx, assignmentId);
  // The assignments named beside this one may be another unit's: linked only where the reader may open them.
  const named = [record.replacesAssignment?.id, replacedBy?.id].filter((id): id is string => id !== undefined);
  const openableIds =
    isWriter || named.length === 0
      ? undefined
      : new Set((await listReadableAssignmentNumbers(trx, scope, named)).keys());
  // Who the message will reach, so the officer can check before sending.
  const isDraftOfWriter = isWriter && !record.sentAt;
  const hasPersonalAlarm = interventions.some((row) => row.isPersonalAlarm);
  const receivers =
    isDraftOfWriter && record.provider.hasSystemAccess
      ? receiverNames(await resolveReceivers(trx, record.provider.id, record.serviceArea, hasPersonalAlarm))
      : [];
  // Named whatever the provider's access, so the dialog can warn when none is told, or whom to tell by hand.
  const alarmGroups =
    isDraftOfWriter && hasPersonalAlarm
      ? (await listAlarmGroups(trx, record.serviceArea)).map((group) => group.name)
      : [];
  const personContact = canReadPersonContact({ isWriter, status: repo.statusOf(record) })
    ? ((await findPersonContact(trx, record.person.id)) ?? null)
    : null;
  return {
    detail: toDetail({
      record,
      interventions,
      lifeAreas,
      events,
      replacedBy,
      receivers,
      alarmGroups,
      isWriter,
      personContact,
      ...(openableIds ? { openableIds } : {}),
    }),
    person: record.person,
  };
}
