/**
 * A delivery row's history (delivery_events) is an official record: the database refuses UPDATE
 * and DELETE on it for the owner and for the app role inside its tenant (migration 0014).
 */
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { TestServer } from '../../../../test/harness.ts';
import { startModuleTest } from '../../../../test/module-setup.ts';
import type { TestWorld } from '../../../../test/factories.ts';
import type { Db } from '../../platform/db/database.ts';
import { inTenant } from '../../platform/db/tenant.ts';
import { createDeliveryRows, createSentAssignment } from '../../../../test/fixtures/delivery-fixtures.ts';

let server: TestServer;
let world: TestWorld;

beforeAll(async () => {
  ({ server, world } = await startModuleTest());
});
afterAll(async () => server?.close());

async function historyOfNewRow(): Promise<string> {
  const person = await world.createPerson(['aoAuthority']);
  const sent = await createSentAssignment(server.ownerDb, world, person.id);
  const { deliveryIds } = await createDeliveryRows(server.ownerDb, world, sent, world.units.homeCareNorth);
  return deliveryIds[0]!;
}

const attempts = (deliveryId: string): [string, (db: Db) => Promise<unknown>][] => [
  ['update', (db) => sql`update delivery_events set event = 'ended' where delivery_id = ${deliveryId}`.execute(db)],
  ['delete', (db) => sql`delete from delivery_events where delivery_id = ${deliveryId}`.execute(db)],
];

async function refusals(
  deliveryId: string,
  run: (change: (db: Db) => Promise<unknown>) => Promise<unknown>,
): Promise<string[]> {
  const refused: string[] = [];
  for (const [name, change] of attempts(deliveryId)) {
    try {
      await run(change);
    } catch (error) {
      refused.push(`${name}: ${(error as Error).message}`);
    }
  }
  return refused;
}

const eventsOf = async (deliveryId: string) =>
  await server.ownerDb
    .selectFrom('delivery_events')
    .select(['id', 'event'])
    .where('delivery_id', '=', deliveryId)
    .orderBy('id')
    .execute();

describe('the history of a delivery row is append-only', () => {
  it('refuses UPDATE and DELETE for the owner', async () => {
    const deliveryId = await historyOfNewRow();
    const before = await eventsOf(deliveryId);
    expect(before.length).toBeGreaterThan(0);
    const refused = await refusals(deliveryId, (change) => change(server.ownerDb));
    expect(refused).toHaveLength(2);
    for (const message of refused) expect(message).toMatch(/official record/);
    expect(await eventsOf(deliveryId)).toEqual(before);
  });

  it('refuses them for the app role inside its tenant, where it has no such grant', async () => {
    const deliveryId = await historyOfNewRow();
    const before = await eventsOf(deliveryId);
    const refused = await refusals(deliveryId, (change) =>
      inTenant(server.appDb, world.municipalityId, (trx) => change(trx)),
    );
    expect(refused).toHaveLength(2);
    for (const message of refused) expect(message).toMatch(/permission denied|official record/);
    expect(await eventsOf(deliveryId)).toEqual(before);
  });
});
