/**
 * SQL that writes assignments: drafts (insert, replace their rows, delete) and the writes of
 * sending. Once sent_at is set, the database refuses any further change to the assignment and its
 * rows (migration 0008's trigger), so the "where sent_at is null" below is the polite first line,
 * not the only one.
 */
import { sql } from 'kysely';
import type { Trx } from '../../platform/db/tenant.ts';
import type { LifeArea, Weekday } from '../../../contract/assignments.ts';
import type { GrantedIntervention } from './assignment-context.repository.ts';
import type { SentVia } from '../../../domain/vocabulary.ts';

export interface DraftRow {
  interventions: readonly {
    granted: GrantedIntervention;
    minutesPerOccasion: number | null;
    plannedDays: readonly Weekday[];
    plannedTimes: string | null;
    isTwoStaff: boolean;
    note: string | null;
  }[];
  lifeAreas: readonly { lifeArea: LifeArea; need: string | null; goal: string | null }[];
  providerId: string;
  instructions: string | null;
  isNewClient: boolean;
  handoverBy: string | null;
  handoverAt: Date | null;
  replacesAssignmentId: string | null;
  totalGrantedMinutes: number;
  totalStaffMinutes: number;
}

export interface NewDraft extends DraftRow {
  municipalityId: string;
  assignmentNumber: string;
  caseId: string;
  decisionId: string;
  personId: string;
  createdById: string;
}

export async function insertDraft(trx: Trx, draft: NewDraft): Promise<string> {
  const row = await trx
    .insertInto('assignments')
    .values({
      municipality_id: draft.municipalityId,
      assignment_number: draft.assignmentNumber,
      case_id: draft.caseId,
      decision_id: draft.decisionId,
      person_id: draft.personId,
      created_by_id: draft.createdById,
      ...draftColumns(draft),
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  await insertRows(trx, draft.municipalityId, row.id, draft);
  return row.id;
}

/** Saves a draft's fields and rows if the version still matches; false when stale or already sent. */
export async function updateDraft(
  trx: Trx,
  municipalityId: string,
  assignmentId: string,
  version: number,
  draft: DraftRow,
): Promise<boolean> {
  const updated = await trx
    .updateTable('assignments')
    .set({ ...draftColumns(draft), version: sql`version + 1`, updated_at: sql`now()` })
    .where('id', '=', assignmentId)
    .where('version', '=', version)
    .where('sent_at', 'is', null)
    .returning('id')
    .executeTakeFirst();
  if (!updated) return false;
  await trx.deleteFrom('assignment_interventions').where('assignment_id', '=', assignmentId).execute();
  await trx.deleteFrom('assignment_life_areas').where('assignment_id', '=', assignmentId).execute();
  await insertRows(trx, municipalityId, assignmentId, draft);
  return true;
}

/** Deletes a draft (its rows go with it); false when stale or already sent. */
export async function deleteDraft(trx: Trx, assignmentId: string, version: number): Promise<boolean> {
  const deleted = await trx
    .deleteFrom('assignments')
    .where('id', '=', assignmentId)
    .where('version', '=', version)
    .where('sent_at', 'is', null)
    .returning('id')
    .executeTakeFirst();
  return deleted !== undefined;
}

function draftColumns(draft: DraftRow) {
  return {
    provider_id: draft.providerId,
    replaces_assignment_id: draft.replacesAssignmentId,
    instructions: draft.instructions,
    is_new_client: draft.isNewClient,
    handover_by: draft.handoverBy,
    handover_at: draft.handoverAt,
    total_granted_minutes: draft.totalGrantedMinutes,
    total_staff_minutes: draft.totalStaffMinutes,
  };
}

async function insertRows(trx: Trx, municipalityId: string, assignmentId: string, draft: DraftRow): Promise<void> {
  if (draft.interventions.length) {
    await trx
      .insertInto('assignment_interventions')
      .values(
        draft.interventions.map((row) => ({
          municipality_id: municipalityId,
          assignment_id: assignmentId,
          decision_intervention_id: row.granted.id,
          intervention_type_id: row.granted.interventionTypeId,
          granted_amount: row.granted.grantedAmount,
          scope_unit: row.granted.scopeUnit,
          minutes_per_occasion: row.minutesPerOccasion,
          planned_days: [...row.plannedDays],
          planned_times: row.plannedTimes,
          is_two_staff: row.isTwoStaff,
          note: row.note,
        })),
      )
      .execute();
  }
  if (draft.lifeAreas.length) {
    await trx
      .insertInto('assignment_life_areas')
      .values(
        draft.lifeAreas.map((area) => ({
          municipality_id: municipalityId,
          assignment_id: assignmentId,
          life_area: area.lifeArea,
          need: area.need,
          goal: area.goal,
        })),
      )
      .execute();
  }
}

/** Sets sent_at, after which the row is frozen; the time it was sent, or undefined when stale or already sent. */
export async function markSent(
  trx: Trx,
  assignmentId: string,
  version: number,
  sentById: string,
  via: SentVia,
): Promise<Date | undefined> {
  const updated = await trx
    .updateTable('assignments')
    .set({
      sent_at: sql`now()`,
      sent_by_id: sentById,
      sent_via: via,
      version: sql`version + 1`,
      updated_at: sql`now()`,
    })
    .where('id', '=', assignmentId)
    .where('version', '=', version)
    .where('sent_at', 'is', null)
    .returning('sent_at')
    .executeTakeFirst();
  return updated?.sent_at ?? undefined;
}

export async function insertNewState(
  trx: Trx,
  municipalityId: string,
  assignmentId: string,
  actorId: string,
): Promise<void> {
  await trx
    .insertInto('assignment_states')
    .values({ municipality_id: municipalityId, assignment_id: assignmentId, status: 'new', changed_by_id: actorId })
    .execute();
}

export type AssignmentEventKind = 'sent' | 'sent_outside' | 'replaced';

/** Appends an event; returns when it happened. */
export async function insertEvent(
  trx: Trx,
  municipalityId: string,
  assignmentId: string,
  event: AssignmentEventKind,
  actorId: string,
  message: string | null = null,
): Promise<Date> {
  const row = await trx
    .insertInto('assignment_events')
    .values({ municipality_id: municipalityId, assignment_id: assignmentId, event, actor_id: actorId, message })
    .returning('occurred_at')
    .executeTakeFirstOrThrow();
  return row.occurred_at;
}

/**
 * Marks an earlier assignment replaced. One sent by mail has no state row yet and gets one.
 * False when it was already replaced (by another assignment sent first).
 */
export async function markReplaced(
  trx: Trx,
  municipalityId: string,
  assignmentId: string,
  actorId: string,
): Promise<boolean> {
  const { rows } = await sql<{ assignment_id: string }>`
    insert into assignment_states (municipality_id, assignment_id, status, changed_by_id)
    values (${municipalityId}, ${assignmentId}, 'replaced', ${actorId})
    on conflict (municipality_id, assignment_id) do update
       set status = 'replaced', changed_at = now(), changed_by_id = excluded.changed_by_id, version = assignment_states.version + 1
     where assignment_states.status <> 'replaced'
    returning assignment_id`.execute(trx);
  return rows.length > 0;
}

/** The provider may now see the person (ADR 0004): a link with source 'assignment'. */
export async function linkPersonToProvider(
  trx: Trx,
  municipalityId: string,
  personId: string,
  providerId: string,
  assignmentId: string,
): Promise<void> {
  await trx
    .insertInto('person_unit_links')
    .values({
      municipality_id: municipalityId,
      person_id: personId,
      unit_id: providerId,
      source: 'assignment',
      source_id: assignmentId,
    })
    .execute();
}
