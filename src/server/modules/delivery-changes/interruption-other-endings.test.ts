/**
 * A row's interruptions end with it however the row ends: when the new provider accepts a change
 * of provider (the old row ends the day before) and when the officer ends the decision (the row
 * ends on the decision's last day) — as when the provider ends it (interruption-fit.test.ts).
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { TestServer } from '../../../../test/harness.ts';
import { signInOtherProvider, startModuleTest } from '../../../../test/module-setup.ts';
import type { TestWorld } from '../../../../test/factories.ts';
import type { TestClient } from '../../../../test/http-client.ts';
import { todayInSweden } from '../../../domain/dates.ts';
import { addDays } from '../../../domain/periods.ts';
import {
  createSentRows,
  interrupt as registerInterruption,
  interruptionsOf as storedInterruptions,
} from '../../../../test/fixtures/delivery-change-fixtures.ts';

let server: TestServer;
let world: TestWorld;
let manager: TestClient;
let other: { unitId: string; client: TestClient };

beforeAll(async () => {
  ({ server, world } = await startModuleTest());
  manager = await world.signIn('unitManager');
  other = await signInOtherProvider(server, world);
});
afterAll(async () => server?.close());

const interrupt = (deliveryId: string, fromDate: string, toDate: string | null, reason?: string) =>
  registerInterruption(manager, deliveryId, fromDate, toDate, reason);
const interruptionsOf = async (deliveryId: string) =>
  (await storedInterruptions(server.ownerDb, deliveryId)).map(({ version: _version, ...rest }) => rest);

const auditOf = (action: string, entityId: string) =>
  server.ownerDb
    .selectFrom('audit_events')
    .select(['user_id', 'details'])
    .where('action', '=', action)
    .where('entity_id', '=', entityId)
    .execute();

async function messageBodies(userId: string, subjectStart: string): Promise<string[]> {
  const rows = await server.ownerDb
    .selectFrom('messages as m')
    .innerJoin('message_recipients as r', 'r.message_id', 'm.id')
    .select('m.body')
    .where('r.user_id', '=', userId)
    .where('m.subject', 'like', `${subjectStart}%`)
    .execute();
  return rows.map((row) => row.body);
}

describe('interruptions when a row ends by another hand', () => {
  it('a change of provider accepted: an interruption at the old unit running past the change ends the day before, a later one is removed, the old unit is told', async () => {
    const { personId, deliveryIds } = await createSentRows(server.ownerDb, world);
    const id = deliveryIds[0]!;
    const open = await interrupt(id, '2026-05-10', '2026-06-10');
    const later = await interrupt(id, '2026-06-15', '2026-06-20', 'Resa');
    const requested = await manager.post(`/api/persons/${personId}/provider-changes`, {
      deliveryIds: [id],
      toProviderUnitId: other.unitId,
      changeDate: '2026-06-01',
    });
    expect(requested.status, JSON.stringify(requested.body)).toBe(200);
    const toId = requested.body.change.toAssignment.id as string;
    const options = await other.client.get(`/api/assignments/${toId}/distribution`);
    const accepted = await other.client.post(`/api/assignments/${toId}/distribution`, {
      stateVersion: options.body.assignment.stateVersion,
      sendToDelivery: true,
      rows: options.body.interventions.map((row: { id: string }) => ({
        assignmentInterventionId: row.id,
        providerUnitId: other.unitId,
        periodFrom: '2026-06-01',
        periodTo: null,
        hoursPerVisit: 0.5,
        days: 'whole_week',
        frequency: 2,
        frequencyUnit: 'times_per_day',
      })),
    });
    expect(accepted.status, JSON.stringify(accepted.body)).toBe(200);

    expect(await interruptionsOf(id)).toEqual([{ id: open, from_date: '2026-05-10', to_date: '2026-05-31' }]);
    expect(await auditOf('interruption.update', open)).toMatchObject([
      {
        details: {
          cause: 'provider_change.accept',
          deliveryId: id,
          toDate: '2026-05-31',
          previousToDate: '2026-06-10',
        },
      },
    ]);
    expect(await auditOf('interruption.delete', later)).toMatchObject([
      { details: { cause: 'provider_change.accept', deliveryId: id, fromDate: '2026-06-15' } },
    ]);
    const told = await messageBodies(world.users.unitManager.userId, 'Byte av utförare genomfört');
    expect(told.at(-1)).toContain(
      'Avbrottet ”Sjukhusvistelse” (2026-05-10–2026-06-10) slutar nu 2026-05-31, radens sista dag.',
    );
    expect(told.at(-1)).toContain(
      'Avbrottet ”Resa” (2026-06-15–2026-06-20) började efter radens sista dag och har tagits bort.',
    );
  });

  it('a decision ended: an interruption running past it ends on its last day, a later one is removed, the provider unit is told', async () => {
    const today = todayInSweden();
    const lastDay = addDays(today, -3);
    const { sent, deliveryIds } = await createSentRows(server.ownerDb, world);
    const id = deliveryIds[0]!;
    const open = await interrupt(id, addDays(today, -20), addDays(today, -2));
    const later = await interrupt(id, addDays(today, -1), null, 'Resa');
    const officer = await world.signIn('caseOfficer');
    const ended = await officer.post(`/api/decisions/${sent.decision.decisionId}/end`, {
      endedOn: lastDay,
      endReason: 'Avliden',
      version: 1,
    });
    expect(ended.status, JSON.stringify(ended.body)).toBe(200);

    expect(await interruptionsOf(id)).toEqual([{ id: open, from_date: addDays(today, -20), to_date: lastDay }]);
    expect(await auditOf('interruption.update', open)).toMatchObject([
      { user_id: world.users.caseOfficer.userId, details: { cause: 'decision.end', toDate: lastDay } },
    ]);
    expect(await auditOf('interruption.delete', later)).toMatchObject([
      { details: { cause: 'decision.end', fromDate: addDays(today, -1) } },
    ]);
    const told = await messageBodies(world.users.unitManager.userId, 'Beslut ');
    expect(told.at(-1)).toContain(`slutar nu ${lastDay}, radens sista dag.`);
    expect(told.at(-1)).toContain('Avbrottet ”Resa”');
  });
});
