import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { TestServer } from '../../../../test/harness.ts';
import { startModuleTest } from '../../../../test/module-setup.ts';
import { auditRows } from '../../../../test/audit.ts';
import { createTestUser, type TestWorld } from '../../../../test/factories.ts';
import { TestClient } from '../../../../test/http-client.ts';

let server: TestServer;
let world: TestWorld;
let otherWorld: TestWorld;

const MISSING = '00000000-0000-4000-8000-000000000000';

beforeAll(async () => {
  ({ server, world, foreign: otherWorld } = await startModuleTest());
});
afterAll(async () => server?.close());

/** Active alarm groups of the world, as the assignments module looks them up. */
async function alarmGroupIds(): Promise<string[]> {
  const rows = await server.ownerDb
    .selectFrom('send_lists')
    .select('id')
    .where('municipality_id', '=', world.municipalityId)
    .where('purpose', '=', 'alarm_group')
    .where('is_active', '=', true)
    .execute();
  return rows.map((row) => row.id);
}

describe('keeping a send list', () => {
  it('creates, renames, switches off and on with versions; a stale version is 409 and a taken name 400; each change audited', async () => {
    const manager = await world.signIn('unitManager');
    const created = await manager.post('/api/send-lists', { unitId: world.units.homeCareNorth, name: 'Nattpatrullen' });
    expect(created.status).toBe(200);
    expect(created.body).toMatchObject({
      name: 'Nattpatrullen',
      unitId: world.units.homeCareNorth,
      unitName: 'Hemtjänst Norr',
      purpose: null,
      isActive: true,
      memberCount: 0,
      version: 1,
      permissions: { canManage: true, canSetPurpose: true },
      members: [],
    });
    const id = created.body.id as string;
    expect((await auditRows(server.ownerDb, { response: created }))[0]).toMatchObject({
      action: 'send_list.create',
      entity_id: id,
      user_id: world.users.unitManager.userId,
    });

    const renamed = await manager.put(`/api/send-lists/${id}`, {
      name: 'Nattpatrullen Norr',
      purpose: null,
      isActive: true,
      version: 1,
    });
    expect(renamed.body).toMatchObject({ name: 'Nattpatrullen Norr', version: 2 });
    expect((await auditRows(server.ownerDb, { response: renamed }))[0]).toMatchObject({
      action: 'send_list.update',
      details: { changed: ['name'] },
    });
    expect(
      (await manager.put(`/api/send-lists/${id}`, { name: 'Annat', purpose: null, isActive: true, version: 1 })).status,
    ).toBe(409);

    await manager.post('/api/send-lists', { unitId: world.units.homeCareNorth, name: 'Dagpatrullen' });
    const taken = await manager.put(`/api/send-lists/${id}`, {
      name: 'Dagpatrullen',
      purpose: null,
      isActive: true,
      version: 2,
    });
    expect(taken.status).toBe(400);
    expect(taken.body.fieldErrors).toEqual({ name: 'Enheten har redan en sändlista med det namnet.' });
    expect(
      (await manager.post('/api/send-lists', { unitId: world.units.homeCareNorth, name: 'Dagpatrullen' })).body
        .fieldErrors,
    ).toEqual({ name: 'Enheten har redan en sändlista med det namnet.' });

    const off = await manager.put(`/api/send-lists/${id}`, {
      name: 'Nattpatrullen Norr',
      purpose: null,
      isActive: false,
      version: 2,
    });
    expect(off.body).toMatchObject({ isActive: false, version: 3 });
    const active = (await manager.get('/api/send-lists')).body.sendLists.map((list: { id: string }) => list.id);
    expect(active).not.toContain(id);
    expect(
      (await manager.get('/api/send-lists?includeInactive=true')).body.sendLists.map((list: { id: string }) => list.id),
    ).toContain(id);
    expect(
      (
        await manager.put(`/api/send-lists/${id}`, {
          name: 'Nattpatrullen Norr',
          purpose: null,
          isActive: true,
          version: 3,
        })
      ).body.isActive,
    ).toBe(true);
  });

  it('keeps members: active users of the municipality only, adding twice changes nothing, removing a non-member is 404', async () => {
    const coordinator = await world.signIn('coordinator');
    const list = (
      await coordinator.post('/api/send-lists', { unitId: world.units.homeCareNorth, name: 'Medlemslistan' })
    ).body;
    const added = await coordinator.post(`/api/send-lists/${list.id}/members`, {
      userId: world.users.careStaff.userId,
    });
    expect(added.body.members).toEqual([
      {
        userId: world.users.careStaff.userId,
        displayName: 'Undersköterska careStaff',
        description: 'Undersköterska, Hemtjänst Norr',
        isActive: true,
      },
    ]);
    expect((await auditRows(server.ownerDb, { response: added }))[0]).toMatchObject({
      action: 'send_list.add_member',
      details: { userId: world.users.careStaff.userId },
    });
    const again = await coordinator.post(`/api/send-lists/${list.id}/members`, {
      userId: world.users.careStaff.userId,
    });
    expect(again.body.memberCount).toBe(1);
    expect(await auditRows(server.ownerDb, { response: again })).toEqual([]);

    const gone = await createTestUser(server.ownerDb, world, {
      name: 'inaktiv',
      positions: [{ unit: 'homeCareNorth', title: 'Vikarie', roles: ['care_staff'] }],
    });
    await server.ownerDb.updateTable('users').set({ is_active: false }).where('id', '=', gone.userId).execute();
    const inactive = await coordinator.post(`/api/send-lists/${list.id}/members`, { userId: gone.userId });
    expect(inactive.status).toBe(400);
    expect(inactive.body.fieldErrors.userId).toContain('inte längre aktiv');
    expect(
      (await coordinator.post(`/api/send-lists/${list.id}/members`, { userId: otherWorld.users.careStaff.userId }))
        .status,
    ).toBe(404);
    expect((await coordinator.post(`/api/send-lists/${list.id}/members`, { userId: 'nope' })).status).toBe(400);

    const removed = await coordinator.delete(`/api/send-lists/${list.id}/members/${world.users.careStaff.userId}`);
    expect(removed.body.members).toEqual([]);
    expect((await auditRows(server.ownerDb, { response: removed }))[0]).toMatchObject({
      action: 'send_list.remove_member',
    });
    expect(
      (await coordinator.delete(`/api/send-lists/${list.id}/members/${world.users.careStaff.userId}`)).status,
    ).toBe(404);
  });
});

describe('who keeps which lists', () => {
  it('lets managers and coordinators keep lists below them, the alarm manager only their own unit, administrators any; others 403', async () => {
    const expectations: [Parameters<TestWorld['signIn']>[0], keyof TestWorld['units'], number][] = [
      ['coordinator', 'homeCareSouth', 403],
      ['unitManager', 'homeCareSouth', 403],
      ['operationsManager', 'homeCareSouth', 200],
      ['alarmManager', 'homeCareNorth', 200],
      ['alarmManager', 'homeCare', 403],
      ['careStaff', 'homeCareNorth', 403],
      ['caseOfficer', 'aoAuthority', 403],
      ['authorityManager', 'aoAuthority', 200],
      ['authorityManager', 'homeCareNorth', 403],
      ['administrator', 'familyTeam', 200],
    ];
    for (const [user, unit, status] of expectations) {
      const response = await (await world.signIn(user)).post('/api/send-lists', {
        unitId: world.units[unit],
        name: `Lista ${user} ${unit}`,
      });
      expect(response.status, `${user} in ${unit}`).toBe(status);
    }
    const staff = await world.signIn('careStaff');
    expect((await staff.post('/api/send-lists', { unitId: otherWorld.units.homeCareNorth, name: 'x' })).status).toBe(
      404,
    );
    expect((await staff.post('/api/send-lists', { unitId: MISSING, name: 'x' })).status).toBe(404);
    const overview = (await (await world.signIn('alarmManager')).get('/api/send-lists?manageable=true')).body;
    expect(overview.unitsForNewLists).toEqual([
      { id: world.units.homeCareNorth, name: 'Hemtjänst Norr', canSetPurpose: false },
    ]);
    expect(overview.sendLists.every((list: { unitId: string }) => list.unitId === world.units.homeCareNorth)).toBe(
      true,
    );
  });

  it("lets only the unit's manager or an administrator make or stop the alarm group; the alarm manager keeps its members", async () => {
    const alarmManager = await world.signIn('alarmManager');
    const refused = await alarmManager.post('/api/send-lists', {
      unitId: world.units.homeCareNorth,
      name: 'Jourlarmgruppen',
      purpose: 'alarm_group',
    });
    expect(refused.status).toBe(403);
    const list = (
      await (
        await world.signIn('unitManager')
      ).post('/api/send-lists', { unitId: world.units.homeCareNorth, name: 'Jourlarmgruppen', purpose: 'alarm_group' })
    ).body;
    expect(list.purpose).toBe('alarm_group');
    expect(await alarmGroupIds()).toEqual([list.id]);

    expect(
      (await alarmManager.post(`/api/send-lists/${list.id}/members`, { userId: world.users.alarmManager.userId }))
        .status,
    ).toBe(200);
    expect(
      (
        await alarmManager.put(`/api/send-lists/${list.id}`, {
          name: 'Jourlarmgruppen Norr',
          purpose: 'alarm_group',
          isActive: true,
          version: 1,
        })
      ).status,
    ).toBe(200);
    expect(
      (
        await alarmManager.put(`/api/send-lists/${list.id}`, {
          name: 'Jourlarmgruppen Norr',
          purpose: null,
          isActive: true,
          version: 2,
        })
      ).status,
    ).toBe(403);
    expect(
      (
        await alarmManager.put(`/api/send-lists/${list.id}`, {
          name: 'Jourlarmgruppen Norr',
          purpose: 'alarm_group',
          isActive: false,
          version: 2,
        })
      ).status,
    ).toBe(403);
    const detail = (await alarmManager.get(`/api/send-lists/${list.id}`)).body;
    expect(detail.permissions).toEqual({ canManage: true, canSetPurpose: false });
    expect(
      (
        await (
          await world.signIn('administrator')
        ).put(`/api/send-lists/${list.id}`, {
          name: 'Jourlarmgruppen Norr',
          purpose: 'alarm_group',
          isActive: false,
          version: 2,
        })
      ).status,
    ).toBe(200);
    expect(await alarmGroupIds()).toEqual([]);
    expect(
      (
        await alarmManager.put(`/api/send-lists/${list.id}`, {
          name: 'x',
          purpose: 'other',
          isActive: true,
          version: 3,
        })
      ).body.fieldErrors,
    ).toHaveProperty('purpose');
  });

  it("answers 404 for another municipality's list before any role check, and 401 signed out", async () => {
    const foreign = (
      await (
        await otherWorld.signIn('unitManager')
      ).post('/api/send-lists', { unitId: otherWorld.units.homeCareNorth, name: 'Utländsk' })
    ).body;
    for (const user of ['careStaff', 'unitManager', 'administrator'] as const) {
      const client = await world.signIn(user);
      expect((await client.get(`/api/send-lists/${foreign.id}`)).status, user).toBe(404);
      expect(
        (await client.put(`/api/send-lists/${foreign.id}`, { name: 'x', purpose: null, isActive: true, version: 1 }))
          .status,
        user,
      ).toBe(404);
      expect(
        (await client.post(`/api/send-lists/${foreign.id}/members`, { userId: world.users.careStaff.userId })).status,
        user,
      ).toBe(404);
      expect(
        (await client.delete(`/api/send-lists/${foreign.id}/members/${world.users.careStaff.userId}`)).status,
        user,
      ).toBe(404);
    }
    expect(
      (await (await world.signIn('careStaff')).get('/api/send-lists')).body.sendLists.map(
        (list: { id: string }) => list.id,
      ),
    ).not.toContain(foreign.id);
    const anonymous = new TestClient(server.baseUrl);
    expect((await anonymous.get('/api/send-lists')).status).toBe(401);
    expect((await anonymous.get(`/api/send-lists/${foreign.id}`)).status).toBe(401);
  });
});
