import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { TestServer } from '../../../../test/harness.ts';
import { startModuleTest } from '../../../../test/module-setup.ts';
import type { TestWorld } from '../../../../test/factories.ts';
import { inTenant } from '../../platform/db/tenant.ts';
import type { PositionedActor } from '../../platform/access/actor.ts';
import { createOtherProviderManager, createSentAssignment } from '../../../../test/fixtures/delivery-fixtures.ts';
import { createSentRows, deliveryEvents } from '../../../../test/fixtures/delivery-change-fixtures.ts';
import { settleProviderChange } from './provider-change.settle.ts';

let server: TestServer;
let world: TestWorld;
let actor: PositionedActor;
let otherUnitId: string;

beforeAll(async () => {
  ({ server, world } = await startModuleTest());
  const other = await createOtherProviderManager(server.ownerDb, world);
  otherUnitId = other.unitId;
  const user = await server.ownerDb
    .selectFrom('users as u')
    .innerJoin('positions as p', 'p.user_id', 'u.id')
    .select(['u.id', 'u.display_name', 'p.id as position_id'])
    .where('u.username', '=', other.username)
    .executeTakeFirstOrThrow();
  // The new provider's manager as the deliveries module would pass them in.
  actor = {
    municipalityId: world.municipalityId,
    userId: user.id,
    displayName: user.display_name,
    sessionId: 'test',
    csrfToken: 'test',
    requestId: 'settle-test',
    clientAddress: '127.0.0.1',
    position: {
      id: user.position_id,
      title: 'Enhetschef',
      unitId: other.unitId,
      unitName: 'Annan Omsorg hemtjänst',
      serviceArea: 'AO',
      roles: ['unit_manager'],
      personScopeUnitIds: [other.unitId],
      unitsBelow: [other.unitId],
    },
  };
});
afterAll(async () => server?.close());

const settle = (assignmentId: string, outcome: 'accepted' | 'stopped') =>
  inTenant(server.appDb, world.municipalityId, (trx) => settleProviderChange(trx, actor, assignmentId, outcome));

async function pendingChange() {
  const fixture = await createSentRows(server.ownerDb, world);
  const client = await world.signIn('unitManager');
  const response = await client.post(`/api/persons/${fixture.personId}/provider-changes`, {
    deliveryIds: [fixture.deliveryIds[0]],
    toProviderUnitId: otherUnitId,
    changeDate: '2026-09-01',
  });
  expect(response.status, JSON.stringify(response.body)).toBe(200);
  return { ...fixture, toAssignmentId: response.body.change.toAssignment.id as string };
}

describe('settleProviderChange', () => {
  it('does nothing for an assignment that came from no change of provider', async () => {
    const person = await world.createPerson(['aoAuthority']);
    const sent = await createSentAssignment(server.ownerDb, world, person.id);
    const messagesBefore = await server.ownerDb
      .selectFrom('messages')
      .select('id')
      .where('municipality_id', '=', world.municipalityId)
      .execute();
    await settle(sent.assignmentId, 'accepted');
    await settle(sent.assignmentId, 'stopped');
    const messagesAfter = await server.ownerDb
      .selectFrom('messages')
      .select('id')
      .where('municipality_id', '=', world.municipalityId)
      .execute();
    expect(messagesAfter).toHaveLength(messagesBefore.length);
    expect(
      await server.ownerDb
        .selectFrom('audit_events')
        .select('id')
        .where('municipality_id', '=', world.municipalityId)
        .where('request_id', '=', 'settle-test')
        .execute(),
    ).toEqual([]);
  });

  it('accepted: ends the moved row the day before once, however often it is called', async () => {
    const { deliveryIds, toAssignmentId, personId } = await pendingChange();
    await settle(toAssignmentId, 'accepted');
    await settle(toAssignmentId, 'accepted');
    await settle(toAssignmentId, 'stopped');
    const row = await server.ownerDb
      .selectFrom('deliveries')
      .selectAll()
      .where('id', '=', deliveryIds[0]!)
      .executeTakeFirstOrThrow();
    expect(row).toMatchObject({ status: 'ended', period_to: '2026-08-31', end_reason: 'Byte av utförare' });
    expect(
      (await deliveryEvents(server.ownerDb, deliveryIds[0]!)).filter((event) => event.event === 'moved_to_provider'),
    ).toHaveLength(1);
    const change = await server.ownerDb
      .selectFrom('provider_changes')
      .selectAll()
      .where('to_assignment_id', '=', toAssignmentId)
      .executeTakeFirstOrThrow();
    expect(change).toMatchObject({ status: 'accepted', decided_by_id: actor.userId });
    const audits = await server.ownerDb
      .selectFrom('audit_events')
      .select(['action', 'person_id'])
      .where('entity_id', '=', change.id)
      .where('action', 'like', 'provider_change.%')
      .orderBy('id')
      .execute();
    expect(audits).toEqual([
      { action: 'provider_change.request', person_id: personId },
      { action: 'provider_change.accept', person_id: personId },
    ]);
  });

  it('stopped: leaves the rows as they were', async () => {
    const { deliveryIds, toAssignmentId } = await pendingChange();
    await settle(toAssignmentId, 'stopped');
    const row = await server.ownerDb
      .selectFrom('deliveries')
      .selectAll()
      .where('id', '=', deliveryIds[0]!)
      .executeTakeFirstOrThrow();
    expect(row).toMatchObject({ status: 'sent_to_delivery', period_to: null, end_reason: null });
    expect(
      (
        await server.ownerDb
          .selectFrom('provider_changes')
          .select('status')
          .where('to_assignment_id', '=', toAssignmentId)
          .executeTakeFirstOrThrow()
      ).status,
    ).toBe('stopped');
  });
});
