/**
 * Inför besöket: the person as staff need them at the door — contact, the way in, keys, what is
 * important to know, who to call — and what the reader's units do for them today, with each
 * assignment's instructions and needs. One transaction: the person found in the reader's units'
 * scope (404 like missing otherwise), the rows scoped in their SQL, and the `person.read` audit row.
 */
import type { Db } from '../../platform/db/database.ts';
import { inTenant } from '../../platform/db/tenant.ts';
import type { PositionedActor } from '../../platform/access/actor.ts';
import { loadAssignmentScope } from '../../platform/access/assignment-scope.ts';
import { writeAudit } from '../../platform/audit/audit.ts';
import { NotFoundError } from '../../platform/errors.ts';
import { todayInSweden } from '../../../domain/dates.ts';
import { deliveryRowName } from '../../../domain/delivery-rules.ts';
import { interruptionOn, isVisitDay } from '../../../domain/visit-rules.ts';
import { LIFE_AREAS } from '../../../domain/vocabulary.ts';
import type * as c from '../../../contract/visits.ts';
import { getPersonVisitDetails } from '../persons/index.ts';
import { visitSummaryUnitIds } from './visit-summary.policy.ts';
import * as repo from './visit-summary.repository.ts';

export async function getVisitSummary(db: Db, actor: PositionedActor, personId: string): Promise<c.VisitSummary> {
  const unitIds = visitSummaryUnitIds(actor.position);
  if (unitIds.length === 0) throw new NotFoundError('Personen hittades inte.');
  const today = todayInSweden();
  return inTenant(db, actor.municipalityId, async (trx) => {
    const details = await getPersonVisitDetails(trx, unitIds, personId);
    const rows = await repo.listVisitRows(trx, personId, unitIds, await loadAssignmentScope(trx, actor), today);
    const assignmentIds = [...new Set(rows.map((row) => row.assignmentId))];
    const needs = await repo.listNeeds(trx, assignmentIds);
    await writeAudit(trx, actor, {
      action: 'person.read',
      entityType: 'person',
      entityId: personId,
      personId,
      details: { section: 'visit_summary', assignmentIds },
    });
    return { today, ...details, assignments: toAssignments(rows, needs, today) };
  });
}

/** Rows grouped by their assignment (by number), today's first within each. */
function toAssignments(
  rows: readonly repo.VisitRow[],
  needs: readonly repo.NeedRecord[],
  today: string,
): c.VisitAssignment[] {
  const byAssignment = new Map<string, c.VisitAssignment>();
  for (const row of rows) {
    let assignment = byAssignment.get(row.assignmentId);
    if (!assignment) {
      assignment = {
        id: row.assignmentId,
        assignmentNumber: row.assignmentNumber,
        instructions: row.instructions,
        needs: needs
          .filter((need) => need.assignmentId === row.assignmentId)
          .sort((a, b) => LIFE_AREAS.indexOf(a.lifeArea) - LIFE_AREAS.indexOf(b.lifeArea))
          .map(({ lifeArea, need, goal }) => ({ lifeArea, need, goal })),
        interventions: [],
      };
      byAssignment.set(row.assignmentId, assignment);
    }
    assignment.interventions.push(toIntervention(row, today));
  }
  const assignments = [...byAssignment.values()].sort((a, b) => a.assignmentNumber.localeCompare(b.assignmentNumber));
  // Stable: within today's and the others, the rows keep the repository's order (by name).
  for (const assignment of assignments) assignment.interventions.sort((a, b) => Number(b.isToday) - Number(a.isToday));
  return assignments;
}

function toIntervention(row: repo.VisitRow, today: string): c.VisitIntervention {
  const interruption = interruptionOn(today, row.interruptions);
  return {
    deliveryId: row.deliveryId,
    name: deliveryRowName(row.interventionName, row.label),
    providerUnitName: row.providerUnitName,
    periodFrom: row.periodFrom,
    periodTo: row.periodTo,
    hoursPerVisit: row.hoursPerVisit,
    extraHoursTwoStaff: row.extraHoursTwoStaff,
    days: row.days,
    frequency: row.frequency,
    frequencyUnit: row.frequencyUnit,
    plannedDays: row.plannedDays,
    plannedTimes: row.plannedTimes,
    minutesPerOccasion: row.minutesPerOccasion,
    isTwoStaff: row.isTwoStaff,
    note: row.note,
    isToday: isVisitDay(today, row.days, row.plannedDays) && interruption === undefined,
    interruption: interruption ?? null,
  };
}
