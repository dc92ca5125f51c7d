import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { TestServer } from '../../../../test/harness.ts';
import { startModuleTest } from '../../../../test/module-setup.ts';
import { auditRows } from '../../../../test/audit.ts';
import type { TestWorld } from '../../../../test/factories.ts';
import { TestClient } from '../../../../test/http-client.ts';
import { MY_PERSONS_MAX } from './my-persons.service.ts';

let server: TestServer;
let world: TestWorld;
let otherWorld: TestWorld;

beforeAll(async () => {
  ({ server, world, foreign: otherWorld } = await startModuleTest());
});
afterAll(async () => server?.close());

describe('Mina personer', () => {
  it('adds, lists in name order with protected last and masked, tells the toggle, removes; every step audited', async () => {
    const staff = await world.signIn('careStaff');
    const ostlund = await world.createPerson(['homeCareNorth'], { firstName: 'Greta', lastName: 'Östlund' });
    const berg = await world.createPerson(['homeCareNorth'], { firstName: 'Anna', lastName: 'Berg' });
    const hidden = await world.createPerson(['homeCareNorth'], {
      firstName: 'Skyddad',
      lastName: 'Hemligsson',
      protectedIdentity: true,
    });
    for (const person of [ostlund, hidden, berg]) {
      const added = await staff.post('/api/desk/my-persons', { personId: person.id });
      expect(added.status).toBe(200);
      expect(added.body).toEqual({ personId: person.id, isMyPerson: true });
      expect(await auditRows(server.ownerDb, { response: added })).toMatchObject([
        { action: 'my_persons.add', person_id: person.id },
      ]);
    }
    const again = await staff.post('/api/desk/my-persons', { personId: berg.id });
    expect(again.body.isMyPerson).toBe(true);
    expect(await auditRows(server.ownerDb, { response: again })).toHaveLength(0);

    const list = await staff.get('/api/desk/my-persons');
    expect(list.status).toBe(200);
    expect(list.body.persons.map((person: { id: string }) => person.id)).toEqual([berg.id, ostlund.id, hidden.id]);
    expect(list.body.persons[2]).toMatchObject({
      firstName: null,
      lastName: null,
      protectedIdentity: true,
      addedAt: expect.any(String),
    });
    expect(JSON.stringify(list.body)).not.toContain('Hemligsson');
    const hits = await auditRows(server.ownerDb, { response: list });
    expect(hits.map((hit) => hit.person_id).sort()).toEqual([berg.id, ostlund.id, hidden.id].sort());
    expect(hits[0]).toMatchObject({ action: 'person.list_hit', details: { list: 'my_persons' } });
    expect((await staff.get('/api/desk')).body.counts.myPersons).toBe(3);
    expect((await staff.get(`/api/desk/my-persons/${berg.id}`)).body).toEqual({ personId: berg.id, isMyPerson: true });

    // The list is the user's own: the coordinator of the same unit has none.
    expect((await (await world.signIn('coordinator')).get('/api/desk/my-persons')).body.persons).toEqual([]);

    const removed = await staff.delete(`/api/desk/my-persons/${berg.id}`);
    expect(removed.body).toEqual({ personId: berg.id, isMyPerson: false });
    expect(await auditRows(server.ownerDb, { response: removed })).toMatchObject([
      { action: 'my_persons.remove', person_id: berg.id },
    ]);
    expect((await staff.delete(`/api/desk/my-persons/${berg.id}`)).status).toBe(200);
    expect((await staff.get(`/api/desk/my-persons/${berg.id}`)).body.isMyPerson).toBe(false);
  });

  it("never lists a person who left the user's scope, and lists them again if they come back", async () => {
    const staff = await world.signIn('careStaff');
    const person = await world.createPerson(['homeCareNorth'], { lastName: 'Flyttade' });
    await staff.post('/api/desk/my-persons', { personId: person.id });
    await server.ownerDb
      .updateTable('person_unit_links')
      .set({ valid_to: '2020-01-31' })
      .where('person_id', '=', person.id)
      .execute();
    expect((await staff.get('/api/desk/my-persons')).body.persons.map((row: { id: string }) => row.id)).not.toContain(
      person.id,
    );
    expect((await staff.get(`/api/desk/my-persons/${person.id}`)).status).toBe(404);
    await server.ownerDb
      .updateTable('person_unit_links')
      .set({ valid_to: null })
      .where('person_id', '=', person.id)
      .execute();
    expect((await staff.get('/api/desk/my-persons')).body.persons.map((row: { id: string }) => row.id)).toContain(
      person.id,
    );
  });

  it("answers 404 for a person outside the scope, another municipality's or a missing one, 400 for a bad id, 401 signed out", async () => {
    const staff = await world.signIn('careStaff');
    const south = await world.createPerson(['homeCareSouth'], { lastName: 'Söder' });
    const foreign = await otherWorld.createPerson(['homeCareNorth'], { lastName: 'Annanstans' });
    for (const personId of [south.id, foreign.id, '00000000-0000-4000-8000-000000000000']) {
      expect((await staff.post('/api/desk/my-persons', { personId })).status, personId).toBe(404);
      expect((await staff.get(`/api/desk/my-persons/${personId}`)).status, personId).toBe(404);
      expect((await staff.delete(`/api/desk/my-persons/${personId}`)).status, personId).toBe(404);
    }
    const rows = await server.ownerDb
      .selectFrom('my_persons')
      .select('person_id')
      .where('user_id', '=', world.users.careStaff.userId)
      .execute();
    expect(rows.map((row) => row.person_id)).not.toContain(south.id);
    const bad = await staff.post('/api/desk/my-persons', { personId: 'nej' });
    expect(bad.status).toBe(400);
    expect(bad.body.fieldErrors).toEqual({ personId: 'Ogiltigt id.' });
    const anonymous = new TestClient(server.baseUrl);
    expect((await anonymous.post('/api/desk/my-persons', { personId: south.id })).status).toBe(401);
    expect((await anonymous.delete(`/api/desk/my-persons/${south.id}`)).status).toBe(401);
  });

  it(`holds at most ${MY_PERSONS_MAX} persons`, async () => {
    const staff = await world.signIn('licensedStaff');
    const persons = await Promise.all(
      Array.from({ length: MY_PERSONS_MAX + 1 }, (_, index) =>
        world.createPerson(['homeCareNorth'], { lastName: `Många${index}` }),
      ),
    );
    await server.ownerDb
      .insertInto('my_persons')
      .values(
        persons.slice(0, MY_PERSONS_MAX).map((person) => ({
          municipality_id: world.municipalityId,
          user_id: world.users.licensedStaff.userId,
          person_id: person.id,
        })),
      )
      .execute();
    const full = await staff.post('/api/desk/my-persons', { personId: persons.at(-1)!.id });
    expect(full.status).toBe(409);
    expect(full.body.message).toBe(`Mina personer rymmer högst ${MY_PERSONS_MAX} personer. Ta bort någon först.`);
    expect((await staff.get('/api/desk/my-persons')).body.persons).toHaveLength(MY_PERSONS_MAX);
  });
});
