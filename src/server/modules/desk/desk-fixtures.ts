/**
 * Test data for the desk's provider folders and for closing provider cases: a person with a sent
 * assignment distributed to a unit of Hemtjänst egen regi through the seed builder
 * (seeds/lib/deliveries.ts), so the provider case, its link and the delivery rows are exactly
 * what the app writes. An ended row is ended in place here, as the delivery-changes module does.
 */
import type { Db } from '../../platform/db/database.ts';
import { addDays } from '../../../domain/periods.ts';
import { todayInSweden } from '../../../domain/dates.ts';
import { createDeliveries } from '../../../../seeds/lib/deliveries.ts';
import type { TestWorld } from '../../../../test/factories.ts';
import { createFixtureAssignment, createFixtureDecision } from '../assignments/assignment-fixtures.ts';

export interface ProviderCaseFixture {
  personId: string;
  providerCaseId: string;
  deliveryIds: string[];
}

export interface ProviderCaseOptions {
  unit?: 'homeCareNorth' | 'homeCareSouth';
  /** The row's first day; defaults to 2026-02-01, the fixture decision's. */
  periodFrom?: string;
  /** Null (default): tills vidare. */
  periodTo?: string | null;
  /** Ends the row with this reason (status 'ended'); needs periodTo. */
  endReason?: string;
  /** Acknowledged (kvitterad) by this test user. */
  acknowledgedBy?: keyof TestWorld['users'];
  /** The day the case was opened; defaults to the row's first day. */
  sentOn?: string;
}

/** Days from today in Sweden, e.g. -5 for five days ago. */
export function dayFromToday(days: number): string {
  return addDays(todayInSweden(), days);
}

/** A person's provider case at the unit with one delivery row (personal care), made through the builders. */
export async function createProviderCaseFixture(ownerDb: Db, world: TestWorld, personId: string, options: ProviderCaseOptions = {}): Promise<ProviderCaseFixture> {
  const unitId = world.units[options.unit ?? 'homeCareNorth'];
  const decision = await createFixtureDecision(ownerDb, world, personId);
  const assignment = await createFixtureAssignment(ownerDb, world, decision, world.units.homeCare, { isSent: true });
  const intervention = await ownerDb.selectFrom('assignment_interventions').select('id')
    .where('assignment_id', '=', assignment.id).where('decision_intervention_id', '=', decision.interventions[0]!.id).executeTakeFirstOrThrow();
  const periodFrom = options.periodFrom ?? '2026-02-01';
  const created = await createDeliveries(ownerDb, {
    municipalityId: world.municipalityId, assignmentId: assignment.id, createdById: world.users.unitManager.userId,
    sentOn: options.sentOn ?? periodFrom,
    rows: [{ assignmentInterventionId: intervention.id, providerUnitId: unitId, periodFrom, periodTo: options.periodTo ?? null, hoursPerVisit: 0.5, days: 'whole_week', frequency: 2, frequencyUnit: 'times_per_day' }],
    ...(options.acknowledgedBy ? { acknowledgedById: world.users[options.acknowledgedBy].userId } : {}),
  });
  if (options.endReason) {
    await ownerDb.updateTable('deliveries').set({ status: 'ended', end_reason: options.endReason })
      .where('id', '=', created.deliveryIds[0]!).execute();
  }
  return { personId, providerCaseId: created.providerCaseIds[0]!, deliveryIds: created.deliveryIds };
}
