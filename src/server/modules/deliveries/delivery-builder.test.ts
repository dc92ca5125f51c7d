import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { TestServer } from '../../../../test/harness.ts';
import { startModuleTest } from '../../../../test/module-setup.ts';
import type { TestWorld } from '../../../../test/factories.ts';
import { createDeliveries } from '../../../../seeds/lib/deliveries.ts';
import { createFixtureAssignment, createFixtureDecision } from '../../../../test/fixtures/assignment-fixtures.ts';

let server: TestServer;
let world: TestWorld;

beforeAll(async () => {
  ({ server, world } = await startModuleTest());
});
afterAll(async () => server?.close());

describe('the seed builder createDeliveries', () => {
  it('accepts the assignment, registers the rows and sends the sent ones into one provider case per unit', async () => {
    const person = await world.createPerson(['aoAuthority']);
    const decision = await createFixtureDecision(server.ownerDb, world, person.id);
    const assignment = await createFixtureAssignment(server.ownerDb, world, decision, world.units.homeCare, {
      isSent: true,
    });
    const interventions = await server.ownerDb
      .selectFrom('assignment_interventions')
      .select('id')
      .where('assignment_id', '=', assignment.id)
      .orderBy('id')
      .execute();
    const manager = world.users.unitManager.userId;
    const created = await createDeliveries(server.ownerDb, {
      municipalityId: world.municipalityId,
      assignmentId: assignment.id,
      createdById: manager,
      sentOn: '2026-02-01',
      rows: [
        {
          assignmentInterventionId: interventions[0]!.id,
          providerUnitId: world.units.homeCareNorth,
          periodFrom: '2026-02-01',
          hoursPerVisit: 0.5,
          days: 'whole_week',
          frequency: 2,
          frequencyUnit: 'times_per_day',
          startedOn: '2026-02-02',
        },
        {
          assignmentInterventionId: interventions[0]!.id,
          providerUnitId: world.units.homeCareNorth,
          periodFrom: '2026-02-01',
          label: 'Dusch',
        },
        {
          assignmentInterventionId: interventions[1]!.id,
          providerUnitId: world.units.homeCareSouth,
          periodFrom: '2026-02-01',
          status: 'under_distribution',
        },
      ],
    });
    expect(created.deliveryIds).toHaveLength(3);
    expect(created.providerCaseIds[0]).toBe(created.providerCaseIds[1]);
    expect(created.providerCaseIds[2]).toBeNull();
    const rows = await server.ownerDb
      .selectFrom('deliveries')
      .select(['id', 'status', 'started_on', 'hours_per_visit'])
      .where('assignment_id', '=', assignment.id)
      .execute();
    expect(rows.find((row) => row.id === created.deliveryIds[0])).toMatchObject({
      status: 'sent_to_delivery',
      started_on: '2026-02-02',
      hours_per_visit: '0.50',
    });
    expect(rows.find((row) => row.id === created.deliveryIds[2])?.status).toBe('under_distribution');
    const events = await server.ownerDb
      .selectFrom('delivery_events')
      .select('event')
      .where('delivery_id', '=', created.deliveryIds[0]!)
      .orderBy('id')
      .execute();
    expect(events.map((row) => row.event)).toEqual(['registered', 'sent_to_delivery', 'started']);
    const state = await server.ownerDb
      .selectFrom('assignment_states')
      .select(['status', 'version'])
      .where('assignment_id', '=', assignment.id)
      .executeTakeFirstOrThrow();
    expect(state).toEqual({ status: 'accepted', version: 2 });
    const links = await server.ownerDb
      .selectFrom('person_unit_links')
      .select(['unit_id', 'source', 'valid_from'])
      .where('person_id', '=', person.id)
      .where('source', '=', 'provider_case')
      .execute();
    expect(links).toEqual([{ unit_id: world.units.homeCareNorth, source: 'provider_case', valid_from: '2026-02-01' }]);
  });
});
