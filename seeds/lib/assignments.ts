/**
 * Builds assignments straight into the database as the owner role, the way the app writes them:
 * a running number, totals computed by src/domain/assignment-time.ts, the rows written while it
 * is a draft, and — when sent — sent_at set last (the database freezes it from then on), the
 * provider-side state 'new', the 'sent' event and the person linked to the provider. Event
 * messages are left to the app. Shared by tests and benchmarks.
 */
import { totalGrantedMinutes, totalStaffMinutes } from '../../src/domain/assignment-time.ts';
import { formatRunningNumber, takeNextNumber } from '../../src/server/platform/db/number-series.ts';
import type { Trx } from '../../src/server/platform/db/tenant.ts';
import type { LifeArea, Weekday } from '../../src/contract/assignments.ts';
import type { OwnerDb } from './builders.ts';
import type { ScopeUnit } from './catalogue.ts';

export interface AssignmentInterventionSpec {
  decisionInterventionId: string;
  interventionTypeId: string;
  grantedAmount: number | null;
  scopeUnit: ScopeUnit;
  minutesPerOccasion?: number | null;
  plannedDays?: Weekday[];
  plannedTimes?: string | null;
  isTwoStaff?: boolean;
  note?: string | null;
}

export interface AssignmentSpec {
  municipalityId: string;
  caseId: string;
  decisionId: string;
  personId: string;
  providerId: string;
  createdById: string;
  interventions: AssignmentInterventionSpec[];
  lifeAreas?: { lifeArea: LifeArea; need?: string | null; goal?: string | null }[];
  instructions?: string | null;
  isNewClient?: boolean;
  handoverBy?: string | null;
  handoverAt?: Date | null;
  replacesAssignmentId?: string | null;
  /** Defaults to the current year. */
  year?: number;
  /** Sent (by this user, through the system unless said): frozen, state 'new', event, link. Left out: a draft. */
  sent?: {
    byId: string;
    via?: 'system' | 'secure_mail';
    /** When; now unless said (a test's assignment left waiting for hours). */
    at?: Date;
  };
  /**
   * Defaults to true. False leaves person_unit_links alone: the permission matrix needs a sent
   * assignment for a person who must stay outside a provider's scope.
   */
  linkPerson?: boolean;
}

export interface CreatedAssignment {
  id: string;
  assignmentNumber: string;
}

export async function createAssignment(db: OwnerDb, spec: AssignmentSpec): Promise<CreatedAssignment> {
  return inTransaction(db, async (trx) => {
    const year = spec.year ?? new Date().getFullYear();
    const assignmentNumber = formatRunningNumber(
      'U',
      year,
      await takeNextNumber(trx, spec.municipalityId, 'assignment', year),
    );
    const times = spec.interventions.map((row) => ({
      scopeUnit: row.scopeUnit,
      grantedAmount: row.grantedAmount,
      minutesPerOccasion: row.minutesPerOccasion ?? null,
      isTwoStaff: row.isTwoStaff ?? false,
    }));
    const row = await trx
      .insertInto('assignments')
      .values({
        municipality_id: spec.municipalityId,
        assignment_number: assignmentNumber,
        case_id: spec.caseId,
        decision_id: spec.decisionId,
        person_id: spec.personId,
        provider_id: spec.providerId,
        created_by_id: spec.createdById,
        replaces_assignment_id: spec.replacesAssignmentId ?? null,
        instructions: spec.instructions ?? null,
        is_new_client: spec.isNewClient ?? false,
        handover_by: spec.handoverBy ?? null,
        handover_at: spec.handoverAt ?? null,
        total_granted_minutes: totalGrantedMinutes(times),
        total_staff_minutes: totalStaffMinutes(times),
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    if (spec.interventions.length) {
      await trx
        .insertInto('assignment_interventions')
        .values(
          spec.interventions.map((intervention) => ({
            municipality_id: spec.municipalityId,
            assignment_id: row.id,
            decision_intervention_id: intervention.decisionInterventionId,
            intervention_type_id: intervention.interventionTypeId,
            granted_amount: intervention.grantedAmount,
            scope_unit: intervention.scopeUnit,
            minutes_per_occasion: intervention.minutesPerOccasion ?? null,
            planned_days: intervention.plannedDays ?? [],
            planned_times: intervention.plannedTimes ?? null,
            is_two_staff: intervention.isTwoStaff ?? false,
            note: intervention.note ?? null,
          })),
        )
        .execute();
    }
    if (spec.lifeAreas?.length) {
      await trx
        .insertInto('assignment_life_areas')
        .values(
          spec.lifeAreas.map((area) => ({
            municipality_id: spec.municipalityId,
            assignment_id: row.id,
            life_area: area.lifeArea,
            need: area.need ?? null,
            goal: area.goal ?? null,
          })),
        )
        .execute();
    }
    if (spec.sent) await markSent(trx, spec, row.id, spec.sent);
    return { id: row.id, assignmentNumber };
  });
}

async function markSent(
  trx: Trx,
  spec: AssignmentSpec,
  assignmentId: string,
  sent: NonNullable<AssignmentSpec['sent']>,
): Promise<void> {
  const via = sent.via ?? 'system';
  await trx
    .updateTable('assignments')
    .set({ sent_at: sent.at ?? new Date(), sent_by_id: sent.byId, sent_via: via })
    .where('id', '=', assignmentId)
    .execute();
  if (via === 'system') {
    await trx
      .insertInto('assignment_states')
      .values({
        municipality_id: spec.municipalityId,
        assignment_id: assignmentId,
        status: 'new',
        changed_by_id: sent.byId,
      })
      .execute();
  }
  await trx
    .insertInto('assignment_events')
    .values({
      municipality_id: spec.municipalityId,
      assignment_id: assignmentId,
      event: via === 'system' ? 'sent' : 'sent_outside',
      actor_id: sent.byId,
    })
    .execute();
  if (spec.linkPerson ?? true) {
    await trx
      .insertInto('person_unit_links')
      .values({
        municipality_id: spec.municipalityId,
        person_id: spec.personId,
        unit_id: spec.providerId,
        source: 'assignment',
        source_id: assignmentId,
      })
      .execute();
  }
}

// The number, the rows and the sending belong together; a caller already in a transaction keeps its own.
function inTransaction<T>(db: OwnerDb, fn: (trx: Trx) => Promise<T>): Promise<T> {
  if (db.isTransaction) return fn(db as Trx);
  return db.transaction().execute(fn);
}
