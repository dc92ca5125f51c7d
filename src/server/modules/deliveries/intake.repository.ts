/**
 * SQL for receiving an assignment at the provider: the assignment with its provider-side state
 * (loaded with the reader's scope in the WHERE, platform/access/assignment-scope.ts),
 * locking and changing that state, its events, the provider's person link, the change of provider
 * that sent it, and who may want a message when rows are sent to delivery.
 */
import { sql } from 'kysely';
import type { Trx } from '../../platform/db/tenant.ts';
import type { ServiceAreaCode } from '../../../domain/organisation.ts';
import type { PersonRecordRef } from '../assignments/index.ts';
import type { AssignmentReadScope } from '../../platform/access/assignment-scope.ts';
import { canAnswerAssignment, isAssignmentReadable } from '../../platform/access/assignment-scope.ts';

export type StateStatus = 'new' | 'accepted' | 'stopped' | 'replaced' | 'withdrawn';

export interface IntakeAssignment {
  id: string;
  assignmentNumber: string;
  caseId: string;
  caseOfficerId: string;
  sentById: string | null;
  sentAt: Date | null;
  serviceArea: ServiceAreaCode;
  person: PersonRecordRef;
  provider: { id: string; name: string };
  decision: { id: string; decisionNumber: string; periodFrom: string; periodTo: string | null; endedOn: string | null };
  hasPersonalAlarm: boolean;
  state: {
    status: StateStatus;
    version: number;
    changedAt: Date;
    changedByName: string | null;
    message: string | null;
  } | null;
}

/** An assignment a reader reads at intake, and whether they may answer it (accept and distribute, or stop). */
export interface ReceivedAssignment {
  assignment: IntakeAssignment;
  canAnswer: boolean;
}

/**
 * The assignment as the provider receives it, with the reader's scope in the WHERE; undefined
 * when missing, in another municipality or not the reader's to read.
 */
export async function findReceivedAssignment(
  trx: Trx,
  assignmentId: string,
  scope: AssignmentReadScope,
): Promise<ReceivedAssignment | undefined> {
  const row = await trx
    .selectFrom('assignments as a')
    .innerJoin('cases as c', (join) =>
      join.onRef('c.municipality_id', '=', 'a.municipality_id').onRef('c.id', '=', 'a.case_id'),
    )
    .innerJoin('decisions as d', (join) =>
      join.onRef('d.municipality_id', '=', 'a.municipality_id').onRef('d.id', '=', 'a.decision_id'),
    )
    .innerJoin('persons as p', (join) =>
      join.onRef('p.municipality_id', '=', 'a.municipality_id').onRef('p.id', '=', 'a.person_id'),
    )
    .innerJoin('units as pr', (join) =>
      join.onRef('pr.municipality_id', '=', 'a.municipality_id').onRef('pr.id', '=', 'a.provider_id'),
    )
    .leftJoin('assignment_states as st', (join) =>
      join.onRef('st.municipality_id', '=', 'a.municipality_id').onRef('st.assignment_id', '=', 'a.id'),
    )
    .leftJoin('users as su', (join) =>
      join.onRef('su.municipality_id', '=', 'st.municipality_id').onRef('su.id', '=', 'st.changed_by_id'),
    )
    .select([
      'a.id',
      'a.assignment_number',
      'a.case_id',
      'c.case_officer_id',
      'a.sent_by_id',
      'a.sent_at',
      'c.service_area',
      'p.id as person_id',
      'p.identity_number',
      'p.first_name',
      'p.last_name',
      'p.protected_identity',
      'pr.id as provider_id',
      'pr.name as provider_name',
      'd.id as decision_id',
      'd.decision_number',
      'd.period_from',
      'd.period_to',
      'd.ended_on',
      'st.status',
      'st.version as state_version',
      'st.changed_at',
      'su.display_name as changed_by_name',
      'st.message',
      sql<boolean>`exists (select 1 from assignment_interventions ai join intervention_types it on it.municipality_id = ai.municipality_id and it.id = ai.intervention_type_id
                           where ai.municipality_id = a.municipality_id and ai.assignment_id = a.id and it.is_personal_alarm)`.as(
        'has_personal_alarm',
      ),
      canAnswerAssignment('a', scope).as('can_answer'),
    ])
    .where('a.id', '=', assignmentId)
    .where(isAssignmentReadable('a', scope))
    .executeTakeFirst();
  if (!row) return undefined;
  const assignment: IntakeAssignment = {
    id: row.id,
    assignmentNumber: row.assignment_number,
    caseId: row.case_id,
    caseOfficerId: row.case_officer_id,
    sentById: row.sent_by_id,
    sentAt: row.sent_at,
    serviceArea: row.service_area as ServiceAreaCode,
    person: {
      id: row.person_id,
      identityNumber: row.identity_number,
      firstName: row.first_name,
      lastName: row.last_name,
      protectedIdentity: row.protected_identity,
    },
    provider: { id: row.provider_id, name: row.provider_name },
    decision: {
      id: row.decision_id,
      decisionNumber: row.decision_number,
      periodFrom: row.period_from,
      periodTo: row.period_to,
      endedOn: row.ended_on,
    },
    hasPersonalAlarm: row.has_personal_alarm,
    state:
      row.status && row.state_version !== null && row.changed_at
        ? {
            status: row.status as StateStatus,
            version: row.state_version,
            changedAt: row.changed_at,
            changedByName: row.changed_by_name,
            message: row.message,
          }
        : null,
  };
  return { assignment, canAnswer: row.can_answer === true };
}

/**
 * Locks the provider-side state until the transaction ends, so two managers answering the same
 * assignment at once are served one after the other: the second sees what the first did.
 */
export async function lockState(
  trx: Trx,
  assignmentId: string,
): Promise<{ status: StateStatus; version: number; changedByName: string | null; changedAt: Date } | undefined> {
  const locked = await trx
    .selectFrom('assignment_states')
    .select(['status', 'version', 'changed_by_id', 'changed_at'])
    .where('assignment_id', '=', assignmentId)
    .forUpdate()
    .executeTakeFirst();
  if (!locked) return undefined;
  const by = locked.changed_by_id
    ? await trx.selectFrom('users').select('display_name').where('id', '=', locked.changed_by_id).executeTakeFirst()
    : undefined;
  return {
    status: locked.status as StateStatus,
    version: locked.version,
    changedByName: by?.display_name ?? null,
    changedAt: locked.changed_at,
  };
}

/** Moves a locked 'new' state on; returns the new version. */
export async function markState(
  trx: Trx,
  assignmentId: string,
  status: 'accepted' | 'stopped',
  actorId: string,
  message: string | null,
): Promise<number> {
  const row = await trx
    .updateTable('assignment_states')
    .set({ status, message, changed_by_id: actorId, changed_at: sql`now()`, version: sql`version + 1` })
    .where('assignment_id', '=', assignmentId)
    .where('status', '=', 'new')
    .returning('version')
    .executeTakeFirstOrThrow();
  return row.version;
}

/** Appends the same event to each assignment. */
export async function insertAssignmentEvents(
  trx: Trx,
  municipalityId: string,
  assignmentIds: readonly string[],
  event: 'accepted' | 'stopped' | 'acknowledged',
  actorId: string,
  message: string | null = null,
): Promise<void> {
  if (assignmentIds.length === 0) return;
  await trx
    .insertInto('assignment_events')
    .values(
      assignmentIds.map((assignmentId) => ({
        municipality_id: municipalityId,
        assignment_id: assignmentId,
        event,
        actor_id: actorId,
        message,
      })),
    )
    .execute();
}

/** A stopped assignment no longer brings the person to the provider: its link ends today (still "recent" for a while, ADR 0004). */
export async function endAssignmentLink(trx: Trx, assignmentId: string, today: string): Promise<void> {
  await trx
    .updateTable('person_unit_links')
    .set({ valid_to: sql`greatest(valid_from, ${today}::date)` })
    .where('source', '=', 'assignment')
    .where('source_id', '=', assignmentId)
    .where('valid_to', 'is', null)
    .execute();
}

/**
 * The change of provider that sent this assignment, pending or accepted (a stopped one has no rows
 * here to guard); undefined when it came from the case officer. Its date is the rows' earliest start.
 */
export async function findProviderChangeOf(
  trx: Trx,
  assignmentId: string,
): Promise<{ changeDate: string; fromUnitName: string } | undefined> {
  return trx
    .selectFrom('provider_changes as pc')
    .innerJoin('units as u', (join) =>
      join.onRef('u.municipality_id', '=', 'pc.municipality_id').onRef('u.id', '=', 'pc.from_provider_unit_id'),
    )
    .select(['pc.change_date as changeDate', 'u.name as fromUnitName'])
    .where('pc.to_assignment_id', '=', assignmentId)
    .where('pc.status', 'in', ['pending', 'accepted'])
    .executeTakeFirst();
}

export interface Concerned {
  kind: 'user' | 'sendList';
  id: string;
  label: string;
  detail: string;
}

/**
 * Who at the units may want to hear that rows were sent there: the units' active send lists and
 * the active staff positioned at them, the sender left out. The compose form starts from these;
 * the manager removes whom they like.
 */
export async function listConcerned(trx: Trx, unitIds: readonly string[], exceptUserId: string): Promise<Concerned[]> {
  if (unitIds.length === 0) return [];
  const lists = await trx
    .selectFrom('send_lists as sl')
    .innerJoin('units as u', (join) =>
      join.onRef('u.municipality_id', '=', 'sl.municipality_id').onRef('u.id', '=', 'sl.unit_id'),
    )
    .select(['sl.id', 'sl.name', 'u.name as unit_name'])
    .where('sl.unit_id', 'in', [...unitIds])
    .where('sl.is_active', '=', true)
    .orderBy(sql`sl.name collate "sv-x-icu"`)
    .execute();
  const staff = await trx
    .selectFrom('positions as p')
    .innerJoin('users as u', (join) =>
      join.onRef('u.municipality_id', '=', 'p.municipality_id').onRef('u.id', '=', 'p.user_id'),
    )
    .innerJoin('units as un', (join) =>
      join.onRef('un.municipality_id', '=', 'p.municipality_id').onRef('un.id', '=', 'p.unit_id'),
    )
    .select(['u.id', 'u.display_name', 'p.title', 'un.name as unit_name'])
    .where('p.unit_id', 'in', [...unitIds])
    .where('p.is_active', '=', true)
    .where('u.is_active', '=', true)
    .where('u.id', '<>', exceptUserId)
    .orderBy(sql`u.display_name collate "sv-x-icu"`)
    .orderBy('u.id')
    .execute();
  const seen = new Set<string>();
  return [
    ...lists.map(
      (list): Concerned => ({
        kind: 'sendList',
        id: list.id,
        label: list.name,
        detail: `Sändlista, ${list.unit_name}`,
      }),
    ),
    ...staff
      .filter((user) => !seen.has(user.id) && seen.add(user.id))
      .map(
        (user): Concerned => ({
          kind: 'user',
          id: user.id,
          label: user.display_name,
          detail: `${user.title}, ${user.unit_name}`,
        }),
      ),
  ];
}
