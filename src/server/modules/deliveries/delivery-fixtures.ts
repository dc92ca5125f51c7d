/**
 * Test data for the deliveries tests, the permission matrix and the browser test, written as the
 * owner through the seeds/lib builders: a sent assignment for a person, request bodies for the
 * distribution, and a manager at a provider no test user works at.
 */
import type { Db } from '../../platform/db/database.ts';
import { hashPassword } from '../../platform/auth/password.ts';
import { createUser } from '../../../../seeds/lib/builders.ts';
import { createDeliveries, type CreatedDeliveries, type DeliveryRowSpec } from '../../../../seeds/lib/deliveries.ts';
import { TEST_PASSWORD, type TestWorld } from '../../../../test/factories.ts';
import type { DistributionRequest } from '../../../contract/deliveries.ts';
import { createFixtureAssignment, createFixtureDecision, ensureProvider, type DecisionOptions, type FixtureDecision } from '../assignments/assignment-fixtures.ts';

export interface SentAssignment {
  decision: FixtureDecision;
  assignmentId: string;
  assignmentNumber: string;
  /** assignment_interventions ids in the decision's order: ÄO personal care, then meals (IFO: family support). */
  interventionIds: string[];
}

/** A decision for the person and an assignment of it sent to the provider (Hemtjänst egen regi unless said). */
export async function createSentAssignment(ownerDb: Db, world: TestWorld, personId: string, options: DecisionOptions & { providerId?: string; linkPerson?: boolean } = {}): Promise<SentAssignment> {
  const decision = await createFixtureDecision(ownerDb, world, personId, options);
  const providerId = options.providerId ?? world.units[decision.serviceArea === 'IFO' ? 'ifoProvider' : 'homeCare'];
  const created = await createFixtureAssignment(ownerDb, world, decision, providerId, { isSent: true, linkPerson: options.linkPerson ?? true });
  const rows = await ownerDb.selectFrom('assignment_interventions').select(['id', 'decision_intervention_id'])
    .where('municipality_id', '=', world.municipalityId).where('assignment_id', '=', created.id).execute();
  const byDecision = new Map(rows.map((row) => [row.decision_intervention_id, row.id]));
  return {
    decision, assignmentId: created.id, assignmentNumber: created.assignmentNumber,
    interventionIds: decision.interventions.map((row) => byDecision.get(row.id)!),
  };
}

/** The provider-side state's current version (the form reads it before answering). */
export async function stateVersionOf(ownerDb: Db, assignmentId: string): Promise<number> {
  const row = await ownerDb.selectFrom('assignment_states').select('version').where('assignment_id', '=', assignmentId).executeTakeFirstOrThrow();
  return row.version;
}

/** One row per intervention at the unit, from the decision's first day, tills vidare. */
export function distributionBody(sent: SentAssignment, unitId: string, overrides: Partial<DistributionRequest> = {}): DistributionRequest {
  return {
    stateVersion: 1,
    sendToDelivery: false,
    rows: sent.interventionIds.map((id, index) => ({
      assignmentInterventionId: id, providerUnitId: unitId, periodFrom: '2026-02-01', periodTo: null,
      formOfDelivery: 'Hemtjänst dag', resource: index === 0 ? 'Grupp 1' : null, hoursPerVisit: 0.5, days: 'whole_week', frequency: 2, frequencyUnit: 'times_per_day',
    })),
    ...overrides,
  };
}

/** Sent assignment rows straight into the database (accepted; sent to delivery at the unit unless said). */
export async function createDeliveryRows(ownerDb: Db, world: TestWorld, sent: SentAssignment, unitId: string, options: Partial<DeliveryRowSpec> & { acknowledgedById?: string; linkPerson?: boolean; accept?: boolean } = {}): Promise<CreatedDeliveries> {
  const { acknowledgedById, linkPerson, accept, ...row } = options;
  return createDeliveries(ownerDb, {
    municipalityId: world.municipalityId, assignmentId: sent.assignmentId, createdById: world.users.unitManager.userId,
    ...(acknowledgedById ? { acknowledgedById } : {}), ...(linkPerson === undefined ? {} : { linkPerson }), ...(accept === undefined ? {} : { accept }),
    rows: sent.interventionIds.map((id) => ({ assignmentInterventionId: id, providerUnitId: unitId, periodFrom: '2026-02-01', ...row })),
  });
}

let passwordHash: Promise<string> | undefined;

/** A unit manager at a provider of ÄO that none of the world's users works at. */
export async function createOtherProviderManager(ownerDb: Db, world: TestWorld): Promise<{ username: string; providerId: string; unitId: string }> {
  const providerId = await ensureProvider(ownerDb, world, { name: 'Annan Omsorg AB', serviceArea: 'AO', hasSystemAccess: true });
  const existing = await ownerDb.selectFrom('units').select('id').where('municipality_id', '=', world.municipalityId).where('name', '=', 'Annan Omsorg hemtjänst').executeTakeFirst();
  const unitId = existing?.id ?? (await ownerDb.insertInto('units').values({
    municipality_id: world.municipalityId, parent_id: providerId, kind: 'provider_unit', name: 'Annan Omsorg hemtjänst', service_area: 'AO',
  }).returning('id').executeTakeFirstOrThrow()).id;
  passwordHash ??= hashPassword(TEST_PASSWORD);
  const username = `annan-chef-${Math.random().toString(36).slice(2, 8)}`;
  await createUser(ownerDb, world.municipalityId, await passwordHash, { username, displayName: 'Chef Annan Omsorg', positions: [{ unitId, title: 'Enhetschef', roles: ['unit_manager'] }] });
  return { username, providerId, unitId };
}
