/**
 * What ending and withdrawing a row do to its interruptions (src/domain/interruption-rules.ts):
 * ending shortens and removes, a change of time is refused during an interruption and removes
 * those from the change day on.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { TestServer } from '../../../../test/harness.ts';
import { startModuleTest } from '../../../../test/module-setup.ts';
import type { TestWorld } from '../../../../test/factories.ts';
import type { TestClient } from '../../../../test/http-client.ts';
import { todayInSweden } from '../../../domain/dates.ts';
import { addDays, addMonths } from '../../../domain/periods.ts';
import {
  createSentRows,
  deliveryVersion,
  interrupt as registerInterruption,
  interruptionsOf as storedInterruptions,
} from '../../../../test/fixtures/delivery-change-fixtures.ts';

let server: TestServer;
let world: TestWorld;
let manager: TestClient;

beforeAll(async () => {
  ({ server, world } = await startModuleTest());
  manager = await world.signIn('unitManager');
});
afterAll(async () => server?.close());

const interrupt = (deliveryId: string, fromDate: string, toDate: string | null, reason?: string) =>
  registerInterruption(manager, deliveryId, fromDate, toDate, reason);
const interruptionsOf = (deliveryId: string) => storedInterruptions(server.ownerDb, deliveryId);

const auditOf = (action: string, entityId: string) =>
  server.ownerDb
    .selectFrom('audit_events')
    .select(['person_id', 'user_id', 'details'])
    .where('action', '=', action)
    .where('entity_id', '=', entityId)
    .execute();

describe('ending a row with interruptions', () => {
  it('keeps those over by the last day, ends open and longer ones on it, removes later ones, and says so', async () => {
    const { deliveryIds, personId } = await createSentRows(server.ownerDb, world, { periodTo: '2026-12-31' });
    const id = deliveryIds[0]!;
    const past = await interrupt(id, '2026-03-01', '2026-03-10', 'Resa');
    const long = await interrupt(id, '2026-05-01', '2026-06-20', 'Tackat nej tillfälligt');
    const late = await interrupt(id, '2026-07-01', null);
    const response = await manager.post(`/api/deliveries/${id}/end`, {
      endOn: '2026-06-10',
      endReason: 'Avliden',
      version: await deliveryVersion(server.ownerDb, id),
    });
    expect(response.status, JSON.stringify(response.body)).toBe(200);
    expect(response.body.delivery).toMatchObject({ status: 'ended', periodTo: '2026-06-10' });
    expect(response.body.interruptions).toEqual({
      shortened: [
        {
          id: long,
          fromDate: '2026-05-01',
          toDate: '2026-06-10',
          previousToDate: '2026-06-20',
          reason: 'Tackat nej tillfälligt',
        },
      ],
      removed: [{ id: late, fromDate: '2026-07-01', toDate: null, reason: 'Sjukhusvistelse' }],
    });
    expect(await interruptionsOf(id)).toEqual([
      { id: past, from_date: '2026-03-01', to_date: '2026-03-10', version: 1 },
      { id: long, from_date: '2026-05-01', to_date: '2026-06-10', version: 2 },
    ]);
    expect(await auditOf('interruption.update', long)).toEqual([
      {
        person_id: personId,
        user_id: world.users.unitManager.userId,
        details: { deliveryId: id, cause: 'delivery.end', toDate: '2026-06-10', previousToDate: '2026-06-20' },
      },
    ]);
    expect(await auditOf('interruption.delete', late)).toEqual([
      {
        person_id: personId,
        user_id: world.users.unitManager.userId,
        details: {
          deliveryId: id,
          cause: 'delivery.end',
          fromDate: '2026-07-01',
          toDate: null,
          reason: 'Sjukhusvistelse',
        },
      },
    ]);
    expect(await auditOf('interruption.update', past)).toEqual([]);
  });

  it('an interruption not resumed ends with the row and still counts for IVO when it lasted past three months', async () => {
    const today = todayInSweden();
    const { deliveryIds } = await createSentRows(server.ownerDb, world, { periodTo: null });
    const [longId, shortId] = deliveryIds as [string, string];
    // One from four months ago (its three months have passed), one from a month ago (they have not).
    await interrupt(longId, addMonths(today, -4), null);
    await interrupt(shortId, addMonths(today, -1), null);
    for (const id of deliveryIds) {
      const ended = await manager.post(`/api/deliveries/${id}/end`, {
        endOn: today,
        endReason: 'Avliden',
        version: await deliveryVersion(server.ownerDb, id),
      });
      expect(ended.status, JSON.stringify(ended.body)).toBe(200);
      expect(ended.body.interruptions.shortened).toHaveLength(1);
    }
    const [long, short] = await Promise.all(
      deliveryIds.map(async (id) => (await manager.get(`/api/deliveries/${id}/interruptions`)).body.items[0]),
    );
    expect(long).toMatchObject({ toDate: today, isReportable: true });
    expect(short).toMatchObject({ toDate: today, isReportable: false });
  });

  it('a row without interruptions reports none, and ending never fails for one', async () => {
    const { deliveryIds } = await createSentRows(server.ownerDb, world);
    const id = deliveryIds[0]!;
    const response = await manager.post(`/api/deliveries/${id}/end`, {
      endOn: '2026-02-01',
      endReason: 'Avliden',
      version: await deliveryVersion(server.ownerDb, id),
    });
    expect(response.status).toBe(200);
    expect(response.body.interruptions).toEqual({ shortened: [], removed: [] });
  });

  it('a refused ending leaves the interruptions as they were', async () => {
    const { deliveryIds } = await createSentRows(server.ownerDb, world, { periodTo: '2026-08-31' });
    const id = deliveryIds[0]!;
    const open = await interrupt(id, '2026-04-01', null);
    const version = await deliveryVersion(server.ownerDb, id);
    expect(
      (await manager.post(`/api/deliveries/${id}/end`, { endOn: '2026-09-01', endReason: 'Avliden', version })).status,
    ).toBe(400);
    expect(
      (
        await manager.post(`/api/deliveries/${id}/end`, {
          endOn: '2026-05-01',
          endReason: 'Avliden',
          version: version + 1,
        })
      ).status,
    ).toBe(409);
    expect(await interruptionsOf(id)).toEqual([{ id: open, from_date: '2026-04-01', to_date: null, version: 1 }]);
  });
});

describe('change of time (withdraw) with interruptions', () => {
  it('is refused with 400 on changeFrom during an interruption not resumed, and changes nothing', async () => {
    const { deliveryIds } = await createSentRows(server.ownerDb, world);
    const id = deliveryIds[0]!;
    const open = await interrupt(id, '2026-04-10', null);
    const response = await manager.post(`/api/deliveries/${id}/withdraw`, {
      changeFrom: '2026-05-01',
      version: await deliveryVersion(server.ownerDb, id),
    });
    expect(response.status).toBe(400);
    expect(response.body.fieldErrors).toEqual({
      changeFrom:
        'Insatsen har ett avbrott sedan 2026-04-10 som inte är återupptaget. Tiden kan inte ändras mitt i ett avbrott: ' +
        'registrera först när insatsen återupptogs (Avbrott) och ändra tiden tidigast dagen efter avbrottet.',
    });
    const row = await server.ownerDb
      .selectFrom('deliveries')
      .select(['status', 'period_to'])
      .where('id', '=', id)
      .executeTakeFirstOrThrow();
    expect(row).toEqual({ status: 'sent_to_delivery', period_to: null });
    expect(
      await server.ownerDb.selectFrom('deliveries').select('id').where('continues_delivery_id', '=', id).execute(),
    ).toEqual([]);
    expect(await interruptionsOf(id)).toEqual([{ id: open, from_date: '2026-04-10', to_date: null, version: 1 }]);
  });

  it('once resumed, names the earliest day, and the change from that day goes through', async () => {
    const { deliveryIds } = await createSentRows(server.ownerDb, world);
    const id = deliveryIds[0]!;
    const resumed = await interrupt(id, '2026-04-10', '2026-05-03');
    const refused = await manager.post(`/api/deliveries/${id}/withdraw`, {
      changeFrom: '2026-05-01',
      version: await deliveryVersion(server.ownerDb, id),
    });
    expect(refused.body.fieldErrors.changeFrom).toBe(
      'Insatsen har ett avbrott 2026-04-10–2026-05-03 som pågår på ändringsdagen. ' +
        'Tiden kan inte ändras mitt i ett avbrott: ändringen kan gälla tidigast 2026-05-04, dagen efter avbrottet.',
    );
    const response = await manager.post(`/api/deliveries/${id}/withdraw`, {
      changeFrom: '2026-05-04',
      version: await deliveryVersion(server.ownerDb, id),
    });
    expect(response.status, JSON.stringify(response.body)).toBe(200);
    expect(response.body.withdrawn.periodTo).toBe('2026-05-03');
    expect(response.body.interruptions).toEqual({ shortened: [], removed: [] });
    expect(await interruptionsOf(id)).toEqual([
      { id: resumed, from_date: '2026-04-10', to_date: '2026-05-03', version: 1 },
    ]);
  });

  it('removes interruptions from the change day on, tells which, and keeps earlier ones', async () => {
    const { deliveryIds, personId } = await createSentRows(server.ownerDb, world);
    const id = deliveryIds[0]!;
    const earlier = await interrupt(id, '2026-03-01', '2026-03-05');
    const onTheDay = await interrupt(id, '2026-06-01', '2026-06-03', 'Resa');
    const later = await interrupt(id, '2026-07-01', null);
    const response = await manager.post(`/api/deliveries/${id}/withdraw`, {
      changeFrom: '2026-06-01',
      version: await deliveryVersion(server.ownerDb, id),
    });
    expect(response.status, JSON.stringify(response.body)).toBe(200);
    expect(response.body.interruptions).toEqual({
      shortened: [],
      removed: [
        { id: onTheDay, fromDate: '2026-06-01', toDate: '2026-06-03', reason: 'Resa' },
        { id: later, fromDate: '2026-07-01', toDate: null, reason: 'Sjukhusvistelse' },
      ],
    });
    expect((await interruptionsOf(id)).map((row) => row.id)).toEqual([earlier]);
    expect(await interruptionsOf(response.body.continuation.id)).toEqual([]);
    expect(await auditOf('interruption.delete', later)).toMatchObject([
      { person_id: personId, details: { cause: 'delivery.withdraw', deliveryId: id } },
    ]);
    const withdraw = await auditOf('delivery.withdraw', id);
    expect(withdraw[0]!.details).toMatchObject({ removedInterruptions: 2 });
  });

  it('the interruption list of the withdrawn row shows what is left, within its period', async () => {
    const { deliveryIds } = await createSentRows(server.ownerDb, world);
    const id = deliveryIds[0]!;
    await interrupt(id, '2026-02-10', '2026-02-12');
    await interrupt(id, addDays('2026-08-01', 5), null);
    expect(
      (
        await manager.post(`/api/deliveries/${id}/withdraw`, {
          changeFrom: '2026-08-01',
          version: await deliveryVersion(server.ownerDb, id),
        })
      ).status,
    ).toBe(200);
    const list = await manager.get(`/api/deliveries/${id}/interruptions`);
    expect(list.body).toMatchObject({ periodTo: '2026-07-31' });
    expect(
      list.body.items.map((item: { fromDate: string; toDate: string | null }) => [item.fromDate, item.toDate]),
    ).toEqual([['2026-02-10', '2026-02-12']]);
  });
});
