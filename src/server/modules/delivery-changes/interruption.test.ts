import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { TestServer } from '../../../../test/harness.ts';
import { startModuleTest } from '../../../../test/module-setup.ts';
import type { TestWorld } from '../../../../test/factories.ts';
import { TestClient } from '../../../../test/http-client.ts';
import { todayInSweden } from '../../../domain/dates.ts';
import { addDays, addMonths } from '../../../domain/periods.ts';
import { createSentRows, deliveryVersion } from '../../../../test/fixtures/delivery-change-fixtures.ts';

let server: TestServer;
let world: TestWorld;
let foreign: TestWorld;
let manager: TestClient;
const today = todayInSweden();

beforeAll(async () => {
  ({ server, world, foreign } = await startModuleTest());
  manager = await world.signIn('unitManager');
});
afterAll(async () => server?.close());

describe('interruptions (avbrott)', () => {
  it('registers, lists newest first and resumes, flagging those not resumed within three months for IVO', async () => {
    const { deliveryIds, personId } = await createSentRows(server.ownerDb, world);
    const id = deliveryIds[0]!;
    // Long enough ago that three months have passed, and recent enough that they have not.
    const longAgo = addMonths(today, -4);
    const recent = addDays(today, -10);
    const old = await manager.post(`/api/deliveries/${id}/interruptions`, {
      fromDate: longAgo,
      toDate: null,
      reason: 'Sjukhusvistelse',
    });
    expect(old.status, JSON.stringify(old.body)).toBe(200);
    expect(old.body).toMatchObject({
      deliveryId: id,
      fromDate: longAgo,
      toDate: null,
      reason: 'Sjukhusvistelse',
      isReportable: true,
      reportDeadline: addMonths(longAgo, 3),
      version: 1,
    });

    const resumedLate = await manager.put(`/api/interruptions/${old.body.id}`, {
      toDate: addDays(recent, -2),
      reason: 'Sjukhusvistelse',
      version: 1,
    });
    expect(resumedLate.status, JSON.stringify(resumedLate.body)).toBe(200);
    expect(resumedLate.body).toMatchObject({ toDate: addDays(recent, -2), isReportable: true, version: 2 });

    const fresh = await manager.post(`/api/deliveries/${id}/interruptions`, {
      fromDate: recent,
      reason: 'Brukaren har tackat nej tillfälligt',
    });
    expect(fresh.body).toMatchObject({ toDate: null, isReportable: false });

    const list = await (await world.signIn('careStaff')).get(`/api/deliveries/${id}/interruptions`);
    expect(list.status).toBe(200);
    expect(list.body).toMatchObject({ deliveryId: id, interventionName: 'Personlig omvårdnad', canRegister: false });
    expect(list.body.items.map((item: { fromDate: string }) => item.fromDate)).toEqual([recent, longAgo]);
    expect((await manager.get(`/api/deliveries/${id}/interruptions`)).body.canRegister).toBe(true);
    const reads = await server.ownerDb
      .selectFrom('audit_events')
      .select('person_id')
      .where('action', '=', 'delivery.interruptions.read')
      .where('entity_id', '=', id)
      .execute();
    expect(reads.map((row) => row.person_id)).toEqual([personId, personId]);
    const writes = await server.ownerDb
      .selectFrom('audit_events')
      .select('action')
      .where('person_id', '=', personId)
      .where('action', 'like', 'interruption.%')
      .execute();
    expect(writes.map((row) => row.action).sort()).toEqual([
      'interruption.create',
      'interruption.create',
      'interruption.update',
    ]);
  });

  it('an interruption resumed in time is not reportable', async () => {
    const { deliveryIds } = await createSentRows(server.ownerDb, world);
    const from = addMonths(today, -5);
    const response = await manager.post(`/api/deliveries/${deliveryIds[0]}/interruptions`, {
      fromDate: from,
      toDate: addDays(addMonths(from, 3), -1),
      reason: 'Korttidsvistelse',
    });
    expect(response.body.isReportable).toBe(false);
  });

  it('refuses bad periods with 400 on the field: outside the row, end before start, overlap, impossible days', async () => {
    const { deliveryIds } = await createSentRows(server.ownerDb, world, { periodTo: '2026-12-31' });
    const id = deliveryIds[0]!;
    const post = (body: object) =>
      manager.post(`/api/deliveries/${id}/interruptions`, { reason: 'Sjukhusvistelse', ...body });
    expect((await post({ fromDate: '2026-03-01', toDate: '2026-03-31' })).status).toBe(200);
    const cases: [object, Record<string, string>][] = [
      [{ fromDate: '2026-01-31' }, { fromDate: 'Avbrottet kan inte börja före radens första dag, 2026-02-01.' }],
      [
        { fromDate: '2027-01-01' },
        { fromDate: 'Raden gäller till och med 2026-12-31; avbrottet måste börja senast då.' },
      ],
      [
        { fromDate: '2026-12-01', toDate: '2027-01-10' },
        { toDate: 'Raden gäller till och med 2026-12-31; avbrottet kan inte pågå efter det.' },
      ],
      [{ fromDate: '2026-05-10', toDate: '2026-05-01' }, { toDate: 'Avbrottet kan inte sluta före det börjar.' }],
      [
        { fromDate: '2026-03-31', toDate: '2026-04-05' },
        { fromDate: 'Avbrottet överlappar ett annat avbrott (från 2026-03-01 till 2026-03-31).' },
      ],
    ];
    for (const [body, fieldErrors] of cases) {
      const response = await post(body);
      expect(response.status, JSON.stringify(body)).toBe(400);
      expect(response.body.fieldErrors).toEqual(fieldErrors);
    }
    for (const fromDate of ['2026-02-29', '2026-06-31', '']) {
      const response = await post({ fromDate });
      expect(response.status).toBe(400);
      expect(Object.keys(response.body.fieldErrors)).toEqual(['fromDate']);
    }
    expect((await post({ fromDate: '2026-04-01', reason: '' })).body.fieldErrors).toEqual({ reason: 'Obligatoriskt.' });
  });

  it("resuming checks the version and the row's other interruptions", async () => {
    const { deliveryIds } = await createSentRows(server.ownerDb, world);
    const id = deliveryIds[0]!;
    const first = await manager.post(`/api/deliveries/${id}/interruptions`, {
      fromDate: '2026-03-01',
      reason: 'Sjukhusvistelse',
    });
    const second = await manager.post(`/api/deliveries/${id}/interruptions`, {
      fromDate: '2026-02-10',
      toDate: '2026-02-20',
      reason: 'Resa',
    });
    expect(second.status).toBe(200);
    expect(
      (
        await manager.put(`/api/interruptions/${first.body.id}`, {
          toDate: '2026-03-05',
          reason: 'Sjukhusvistelse',
          version: 2,
        })
      ).status,
    ).toBe(409);
    const before = await manager.put(`/api/interruptions/${first.body.id}`, {
      toDate: '2026-02-28',
      reason: 'Sjukhusvistelse',
      version: 1,
    });
    expect(before.status).toBe(400);
    expect(before.body.fieldErrors).toEqual({ toDate: 'Avbrottet kan inte sluta före det börjar.' });
    expect(
      (
        await manager.put(`/api/interruptions/${first.body.id}`, {
          toDate: '2026-03-05',
          reason: 'Sjukhusvistelse',
          version: 1,
        })
      ).status,
    ).toBe(200);
    const overlap = await manager.put(`/api/interruptions/${second.body.id}`, {
      toDate: '2026-03-02',
      reason: 'Resa',
      version: 1,
    });
    expect(overlap.body.fieldErrors).toEqual({
      fromDate: 'Avbrottet överlappar ett annat avbrott (från 2026-03-01 till 2026-03-05).',
    });
  });

  it('a row under distribution has no interruptions; ended rows may get them afterwards', async () => {
    const { deliveryIds } = await createSentRows(server.ownerDb, world);
    const withdrawn = await manager.post(`/api/deliveries/${deliveryIds[0]}/withdraw`, {
      changeFrom: '2026-06-01',
      version: await deliveryVersion(server.ownerDb, deliveryIds[0]!),
    });
    const continuation = withdrawn.body.continuation.id;
    const refused = await manager.post(`/api/deliveries/${continuation}/interruptions`, {
      fromDate: '2026-06-10',
      reason: 'Sjukhusvistelse',
    });
    expect(refused.status).toBe(400);
    expect(refused.body.fieldErrors).toEqual({
      fromDate: 'Raden är inte skickad till genomförande; den kan inte ha avbrott.',
    });
    expect((await manager.get(`/api/deliveries/${continuation}/interruptions`)).body.canRegister).toBe(false);
    const onWithdrawn = await manager.post(`/api/deliveries/${deliveryIds[0]}/interruptions`, {
      fromDate: '2026-04-01',
      toDate: '2026-04-10',
      reason: 'Sjukhusvistelse',
    });
    expect(onWithdrawn.status).toBe(200);
  });

  it("who may: everyone who reads the row lists; the unit's management registers and resumes", async () => {
    const { deliveryIds } = await createSentRows(server.ownerDb, world);
    const id = deliveryIds[0]!;
    const created = await manager.post(`/api/deliveries/${id}/interruptions`, {
      fromDate: '2026-03-01',
      reason: 'Sjukhusvistelse',
    });
    const signedOut = new TestClient(server.baseUrl);
    expect((await signedOut.get(`/api/deliveries/${id}/interruptions`)).status).toBe(401);
    expect(
      (await signedOut.post(`/api/deliveries/${id}/interruptions`, { fromDate: '2026-05-01', reason: 'x' })).status,
    ).toBe(401);
    expect(
      (await signedOut.put(`/api/interruptions/${created.body.id}`, { toDate: null, reason: 'x', version: 1 })).status,
    ).toBe(401);
    for (const key of ['caseOfficer', 'careStaff', 'licensedStaff', 'alarmManager'] as const) {
      const client = await world.signIn(key);
      expect((await client.get(`/api/deliveries/${id}/interruptions`)).status, key).toBe(200);
      expect(
        (await client.post(`/api/deliveries/${id}/interruptions`, { fromDate: '2026-05-01', reason: 'x' })).status,
        key,
      ).toBe(403);
      expect(
        (await client.put(`/api/interruptions/${created.body.id}`, { toDate: '2026-03-02', reason: 'x', version: 1 }))
          .status,
        key,
      ).toBe(403);
    }
    for (const key of ['otherUnitManager', 'otherCareStaff', 'administrator'] as const) {
      const client = await world.signIn(key);
      expect((await client.get(`/api/deliveries/${id}/interruptions`)).status, key).toBe(404);
      expect(
        (await client.put(`/api/interruptions/${created.body.id}`, { toDate: '2026-03-02', reason: 'x', version: 1 }))
          .status,
        key,
      ).toBe(404);
    }
    const elsewhere = await createSentRows(server.ownerDb, foreign);
    const foreignManager = await foreign.signIn('unitManager');
    const foreignInterruption = await foreignManager.post(`/api/deliveries/${elsewhere.deliveryIds[0]}/interruptions`, {
      fromDate: '2026-03-01',
      reason: 'Sjukhusvistelse',
    });
    expect(foreignInterruption.status).toBe(200);
    expect((await manager.get(`/api/deliveries/${elsewhere.deliveryIds[0]}/interruptions`)).status).toBe(404);
    expect(
      (
        await manager.put(`/api/interruptions/${foreignInterruption.body.id}`, {
          toDate: '2026-03-02',
          reason: 'x',
          version: 1,
        })
      ).status,
    ).toBe(404);
    expect(
      (await manager.put(`/api/interruptions/${crypto.randomUUID()}`, { toDate: null, reason: 'x', version: 1 }))
        .status,
    ).toBe(404);
  });
});
