/** The case history shows changes of officer and the start and end of delivery, with date, who and what. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'kysely';
import { inTenant } from '../../platform/db/tenant.ts';
import type { TestServer } from '../../../../test/harness.ts';
import { startModuleTest } from '../../../../test/module-setup.ts';
import { createTestUser, type TestWorld } from '../../../../test/factories.ts';
import { createDeliveryRows, createSentAssignment } from '../../../../test/fixtures/delivery-fixtures.ts';

let server: TestServer;
let world: TestWorld;

beforeAll(async () => {
  ({ server, world } = await startModuleTest());
});
afterAll(async () => server?.close());

interface HistoryEvent {
  kind: string;
  date: string | null;
  actorName: string | null;
  title: string;
  message: string | null;
  assignmentId: string | null;
}

async function historyOf(caseId: string): Promise<HistoryEvent[]> {
  const response = await (await world.signIn('caseOfficer')).get(`/api/cases/${caseId}`);
  expect(response.status).toBe(200);
  return response.body.history;
}

async function versionOf(deliveryId: string): Promise<number> {
  return (
    await server.ownerDb
      .selectFrom('deliveries')
      .select('version')
      .where('id', '=', deliveryId)
      .executeTakeFirstOrThrow()
  ).version;
}

describe('the case history', () => {
  it('shows a change of case officer: from whom to whom, and who changed it; choosing the same officer again adds nothing', async () => {
    const person = await world.createPerson(['aoAuthority']);
    const officer = await world.signIn('caseOfficer');
    const caseId = (await officer.post(`/api/persons/${person.id}/cases`, {})).body.id as string;
    const other = await createTestUser(server.ownerDb, world, {
      name: 'ny-handl',
      positions: [{ unit: 'aoAuthority', title: 'Biståndshandläggare', roles: ['case_officer'] }],
    });
    const manager = await world.signIn('authorityManager');
    expect(
      (await manager.put(`/api/cases/${caseId}/case-officer`, { caseOfficerId: other.userId, version: 1 })).status,
    ).toBe(200);
    expect(
      (await manager.put(`/api/cases/${caseId}/case-officer`, { caseOfficerId: other.userId, version: 2 })).status,
    ).toBe(200);

    const changes = (await historyOf(caseId)).filter((event) => event.kind === 'case_officer_changed');
    expect(changes).toEqual([
      {
        kind: 'case_officer_changed',
        occurredAt: expect.any(String),
        date: null,
        decisionId: null,
        assignmentId: null,
        message: null,
        actorName: 'Enhetschef myndighet authorityManager',
        title: `Biståndshandläggare caseOfficer → Testanvändare ${other.username}`,
      },
    ]);
    // The record of the change is append-only: the app may not change it, nor may the owner.
    const asApp = (statement: ReturnType<typeof sql>) =>
      inTenant(server.appDb, world.municipalityId, (trx) => statement.execute(trx));
    await expect(
      asApp(sql`update case_officer_changes set to_officer_id = from_officer_id where case_id = ${caseId}`),
    ).rejects.toThrow(/permission denied/);
    await expect(asApp(sql`delete from case_officer_changes where case_id = ${caseId}`)).rejects.toThrow(
      /permission denied/,
    );
    await expect(
      sql`delete from case_officer_changes where case_id = ${caseId}`.execute(server.ownerDb),
    ).rejects.toThrow(/official record/);
  });

  it('shows when delivery started (verkställighetsdatum) and ended, at which unit, for which assignment, by whom and why', async () => {
    const person = await world.createPerson(['aoAuthority', 'homeCareNorth']);
    const sent = await createSentAssignment(server.ownerDb, world, person.id);
    const { deliveryIds } = await createDeliveryRows(server.ownerDb, world, sent, world.units.homeCareNorth, {
      hoursPerVisit: 0.5,
    });
    const [care] = deliveryIds as [string, string];
    const manager = await world.signIn('unitManager');
    expect(
      (await manager.post(`/api/deliveries/${care}/start`, { startedOn: '2026-02-03', version: await versionOf(care) }))
        .status,
    ).toBe(200);
    expect(
      (
        await manager.post(`/api/deliveries/${care}/end`, {
          endOn: '2026-10-31',
          endReason: 'Avliden',
          version: await versionOf(care),
        })
      ).status,
    ).toBe(200);

    const history = await historyOf(sent.decision.caseId);
    const delivery = history.filter((event) => event.kind.startsWith('delivery_'));
    const title = `Personlig omvårdnad hos Hemtjänst Norr, uppdrag ${sent.assignmentNumber}`;
    expect(delivery).toEqual([
      expect.objectContaining({
        kind: 'delivery_started',
        date: '2026-02-03',
        actorName: 'Enhetschef unitManager',
        title,
        message: null,
        assignmentId: sent.assignmentId,
      }),
      expect.objectContaining({
        kind: 'delivery_ended',
        date: '2026-10-31',
        actorName: 'Enhetschef unitManager',
        title,
        message: 'Avliden',
        assignmentId: sent.assignmentId,
      }),
    ]);
    // In the order things happened, after the assignment's own events.
    const kinds = history.map((event) => event.kind);
    expect(kinds.indexOf('delivery_started')).toBeGreaterThan(kinds.indexOf('assignment_accepted'));
  });

  it("shows nothing of another case's rows", async () => {
    const person = await world.createPerson(['aoAuthority', 'homeCareNorth', 'familyTeam', 'ifoAuthority']);
    const ao = await createSentAssignment(server.ownerDb, world, person.id);
    const ifo = await createSentAssignment(server.ownerDb, world, person.id, { serviceArea: 'IFO' });
    const { deliveryIds } = await createDeliveryRows(server.ownerDb, world, ifo, world.units.familyTeam, {
      startedOn: '2026-02-02',
    });
    expect(deliveryIds).toHaveLength(1);
    expect((await historyOf(ao.decision.caseId)).filter((event) => event.kind.startsWith('delivery_'))).toEqual([]);
  });
});
