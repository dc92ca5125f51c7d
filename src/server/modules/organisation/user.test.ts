import { randomBytes } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { TestServer } from '../../../../test/harness.ts';
import { startModuleTest } from '../../../../test/module-setup.ts';
import { auditRows } from '../../../../test/audit.ts';
import { TEST_PASSWORD, type TestWorld } from '../../../../test/factories.ts';
import { TestClient } from '../../../../test/http-client.ts';
import type { User } from '../../../contract/organisation.ts';

let server: TestServer;
let world: TestWorld;
let otherWorld: TestWorld;
let admin: TestClient;

beforeAll(async () => {
  ({ server, world, foreign: otherWorld } = await startModuleTest());
  admin = await world.signIn('administrator');
});
afterAll(async () => server?.close());

const MISSING = '00000000-0000-4000-8000-000000000000';
const PASSWORD = 'ett-långt-lösenord';

/** A new user through the API, optionally with a position, and their user name. */
async function createUser(position?: { unitId: string; title: string; roles: string[] }): Promise<User> {
  const username = `anna.ny-${randomBytes(3).toString('hex')}`;
  const created = await admin.post<User>('/api/organisation/users', {
    username,
    displayName: 'Anna Ny',
    email: 'anna@example.se',
    password: PASSWORD,
  });
  expect(created.status, JSON.stringify(created.body)).toBe(200);
  if (!position) return created.body;
  const withPosition = await admin.post<User>(`/api/organisation/users/${created.body.id}/positions`, position);
  expect(withPosition.status, JSON.stringify(withPosition.body)).toBe(200);
  return withPosition.body;
}

const signInStatus = async (username: string, password: string) =>
  (await new TestClient(server.baseUrl).post('/api/auth/sign-in', { username, password })).status;

function editBody(user: User, changes: Partial<User> = {}) {
  const { version, username, displayName, email, isActive } = { ...user, ...changes };
  return { version, username, displayName, email, isActive };
}

describe('creating a user', () => {
  it('creates a user who can sign in at once; the audit row holds no password', async () => {
    const username = `Nya.Berit-${randomBytes(3).toString('hex')}`;
    const response = await admin.post('/api/organisation/users', {
      username: ` ${username} `,
      displayName: 'Berit Ny',
      email: '',
      password: PASSWORD,
    });
    expect(response.status).toBe(200);
    expect(response.body).toMatchObject({
      username: username.toLowerCase(),
      displayName: 'Berit Ny',
      email: null,
      isActive: true,
      hasPassword: true,
      lastSignInAt: null,
      version: 1,
      positions: [],
    });
    const client = await new TestClient(server.baseUrl).signIn(username.toLowerCase(), PASSWORD);
    expect((await client.get('/api/session')).body.positions).toEqual([]);
    const audit = await auditRows(server.ownerDb, { entityId: response.body.id, action: 'user.create' });
    expect(audit).toHaveLength(1);
    expect(JSON.stringify(audit[0]!.details)).not.toContain(PASSWORD);
  });

  it('refuses a user name already taken, here or in another municipality, with 409', async () => {
    for (const username of [world.users.careStaff.username, otherWorld.users.careStaff.username]) {
      const response = await admin.post('/api/organisation/users', {
        username,
        displayName: 'Dubblett',
        password: PASSWORD,
      });
      expect(response.status, username).toBe(409);
      expect(response.body).toMatchObject({
        message: 'Användarnamnet är upptaget.',
        fieldErrors: { username: 'Användarnamnet är upptaget.' },
      });
    }
  });

  it('answers bad input with 400 and a message per field', async () => {
    const cases: [Record<string, unknown>, string][] = [
      [{ username: 'å!', displayName: 'X', password: PASSWORD }, 'username'],
      [{ username: 'kort-lösen', displayName: 'X', password: 'kort' }, 'password'],
      [{ username: 'utan-namn', displayName: ' ', password: PASSWORD }, 'displayName'],
      [{ username: 'fel-post', displayName: 'X', email: 'inte-en-adress', password: PASSWORD }, 'email'],
    ];
    for (const [body, field] of cases) {
      const response = await admin.post('/api/organisation/users', body);
      expect(response.status, field).toBe(400);
      expect(response.body.fieldErrors[field], field).toBeTruthy();
    }
  });
});

describe('reading users', () => {
  it("lists the municipality's users with their positions, and shows one", async () => {
    const list = await admin.get<{ users: User[] }>('/api/organisation/users');
    expect(list.status).toBe(200);
    const staff = list.body.users.find((user) => user.id === world.users.careStaff.userId);
    expect(staff).toMatchObject({
      hasPassword: true,
      isActive: true,
      positions: [
        { unitId: world.units.homeCareNorth, unitName: 'Hemtjänst Norr', roles: ['care_staff'], isActive: true },
      ],
    });
    expect(list.body.users.some((user) => user.id === otherWorld.users.careStaff.userId)).toBe(false);
    const one = await admin.get(`/api/organisation/users/${world.users.careStaff.userId}`);
    expect(one.body).toEqual(staff);
  });

  it("answers 403 for others, 404 for another municipality's or a missing user, 401 signed out", async () => {
    const staff = await world.signIn('careStaff');
    expect((await staff.get('/api/organisation/users')).status).toBe(403);
    expect((await staff.get(`/api/organisation/users/${world.users.coordinator.userId}`)).status).toBe(403);
    expect((await admin.get(`/api/organisation/users/${otherWorld.users.careStaff.userId}`)).status).toBe(404);
    expect((await admin.get(`/api/organisation/users/${MISSING}`)).status).toBe(404);
    expect((await admin.get('/api/organisation/users/nope')).status).toBe(400);
    expect((await new TestClient(server.baseUrl).get('/api/organisation/users')).status).toBe(401);
  });
});

describe('changing a user', () => {
  it('changes the user name: the new one signs in, the old one no longer; a stale version gets 409', async () => {
    const user = await createUser();
    const renamed = `${user.username}-ny`;
    const response = await admin.put(
      `/api/organisation/users/${user.id}`,
      editBody(user, { username: renamed, displayName: 'Anna Nyström' }),
    );
    expect(response.status).toBe(200);
    expect(response.body).toMatchObject({ username: renamed, displayName: 'Anna Nyström', version: 2 });
    expect(await signInStatus(renamed, PASSWORD)).toBe(200);
    expect(await signInStatus(user.username, PASSWORD)).toBe(401);
    expect((await admin.put(`/api/organisation/users/${user.id}`, editBody(user))).status).toBe(409);
    expect((await auditRows(server.ownerDb, { entityId: user.id, action: 'user.update' }))[0]!.details).toEqual({
      changed: ['username', 'displayName'],
    });
  });

  it('refuses a user name that is taken (409)', async () => {
    const user = await createUser();
    const response = await admin.put(
      `/api/organisation/users/${user.id}`,
      editBody(user, { username: otherWorld.users.coordinator.username }),
    );
    expect(response.status).toBe(409);
    expect(response.body.message).toBe('Användarnamnet är upptaget.');
  });

  it('switching a user off ends their sessions at once and stops sign-in', async () => {
    const user = await createUser({
      unitId: world.units.homeCareSouth,
      title: 'Undersköterska',
      roles: ['care_staff'],
    });
    const client = await new TestClient(server.baseUrl).signIn(user.username, PASSWORD);
    expect((await client.get('/api/desk')).status).toBe(200);
    const response = await admin.put(`/api/organisation/users/${user.id}`, editBody(user, { isActive: false }));
    expect(response.status).toBe(200);
    expect((await client.get('/api/desk')).status).toBe(401);
    expect(await server.ownerDb.selectFrom('sessions').select('id').where('user_id', '=', user.id).execute()).toEqual(
      [],
    );
    expect(await signInStatus(user.username, PASSWORD)).toBe(401);
    expect((await auditRows(server.ownerDb, { entityId: user.id, action: 'user.update' }))[0]!.details).toEqual({
      changed: ['isActive'],
      sessionsEnded: 1,
    });
  });

  it('does not let administrators switch themselves off (400)', async () => {
    const self = (await admin.get<User>(`/api/organisation/users/${world.users.administrator.userId}`)).body;
    const response = await admin.put(`/api/organisation/users/${self.id}`, editBody(self, { isActive: false }));
    expect(response.status).toBe(400);
    expect(response.body.fieldErrors.isActive).toBe('Du kan inte inaktivera ditt eget konto.');
  });

  it('answers 403 for others and 404 across municipalities', async () => {
    const user = await createUser();
    expect(
      (await (await world.signIn('unitManager')).put(`/api/organisation/users/${user.id}`, editBody(user))).status,
    ).toBe(403);
    const foreign = await server.ownerDb
      .selectFrom('users')
      .select(['version'])
      .where('id', '=', otherWorld.users.careStaff.userId)
      .executeTakeFirstOrThrow();
    const response = await admin.put(`/api/organisation/users/${otherWorld.users.careStaff.userId}`, {
      version: foreign.version,
      username: 'kapad',
      displayName: 'Kapad',
      isActive: false,
    });
    expect(response.status).toBe(404);
  });
});

describe('setting a password', () => {
  it('sets a new password that signs in; the old one no longer does; the audit row holds no password', async () => {
    const user = await createUser();
    const response = await admin.put(`/api/organisation/users/${user.id}/password`, {
      password: 'ett-helt-nytt-lösen',
    });
    expect(response.status).toBe(200);
    expect(response.body).toMatchObject({ id: user.id, hasPassword: true, version: user.version + 1 });
    expect(await signInStatus(user.username, 'ett-helt-nytt-lösen')).toBe(200);
    expect(await signInStatus(user.username, PASSWORD)).toBe(401);
    const audit = await auditRows(server.ownerDb, { entityId: user.id, action: 'user.set_password' });
    expect(audit).toHaveLength(1);
    expect(JSON.stringify(audit[0])).not.toContain('ett-helt-nytt-lösen');
  });

  it("ends the user's sessions at once, audited; administrators setting their own keep only the session they are in", async () => {
    const user = await createUser({
      unitId: world.units.homeCareSouth,
      title: 'Undersköterska',
      roles: ['care_staff'],
    });
    const [desk, laptop] = [
      await new TestClient(server.baseUrl).signIn(user.username, PASSWORD),
      await new TestClient(server.baseUrl).signIn(user.username, PASSWORD),
    ];
    expect((await desk.get('/api/desk')).status).toBe(200);
    expect(
      (await admin.put(`/api/organisation/users/${user.id}/password`, { password: 'ett-helt-nytt-lösen' })).status,
    ).toBe(200);
    for (const client of [desk, laptop]) expect((await client.get('/api/desk')).status).toBe(401);
    expect(await server.ownerDb.selectFrom('sessions').select('id').where('user_id', '=', user.id).execute()).toEqual(
      [],
    );
    expect((await auditRows(server.ownerDb, { entityId: user.id, action: 'user.set_password' }))[0]!.details).toEqual({
      sessionsEnded: 2,
    });

    const self = world.users.administrator;
    const elsewhere = await world.signIn('administrator');
    expect(
      (await admin.put(`/api/organisation/users/${self.userId}/password`, { password: TEST_PASSWORD })).status,
    ).toBe(200);
    expect((await elsewhere.get('/api/desk')).status).toBe(401);
    expect((await admin.get('/api/desk')).status).toBe(200);
    expect(
      (await auditRows(server.ownerDb, { entityId: self.userId, action: 'user.set_password' })).at(-1)!.details,
    ).toMatchObject({ sessionsEnded: expect.any(Number) });
  });

  it('answers 400 for a short password, 403 for others, 404 across municipalities', async () => {
    const short = await admin.put(`/api/organisation/users/${world.users.careStaff.userId}/password`, {
      password: 'kort',
    });
    expect(short.status).toBe(400);
    expect(short.body.fieldErrors.password).toBe('Lösenordet måste ha minst 10 tecken.');
    expect(
      (
        await (
          await world.signIn('careStaff')
        ).put(`/api/organisation/users/${world.users.careStaff.userId}/password`, { password: PASSWORD })
      ).status,
    ).toBe(403);
    expect(
      (await admin.put(`/api/organisation/users/${otherWorld.users.careStaff.userId}/password`, { password: PASSWORD }))
        .status,
    ).toBe(404);
  });
});

describe('positions', () => {
  it('gives a user a position with fitting roles, in which they can then work; audited', async () => {
    const user = await createUser({
      unitId: world.units.homeCareSouth,
      title: 'Undersköterska',
      roles: ['care_staff', 'care_staff'],
    });
    expect(user.positions).toMatchObject([
      {
        unitId: world.units.homeCareSouth,
        unitName: 'Hemtjänst Söder',
        title: 'Undersköterska',
        roles: ['care_staff'],
        isActive: true,
        version: 1,
      },
    ]);
    const client = await new TestClient(server.baseUrl).signIn(user.username, PASSWORD);
    expect((await client.get('/api/session')).body.currentPositionId).toBe(user.positions[0]!.id);
    const audit = await auditRows(server.ownerDb, { entityId: user.positions[0]!.id, action: 'position.create' });
    expect(audit[0]!.details).toEqual({ userId: user.id, unitId: world.units.homeCareSouth, roles: ['care_staff'] });
  });

  it('refuses roles that do not fit the unit and empty or unknown roles (400), a unit elsewhere (404)', async () => {
    const user = await createUser();
    const add = (body: Record<string, unknown>) => admin.post(`/api/organisation/users/${user.id}/positions`, body);
    const misfit = await add({ unitId: world.units.homeCareNorth, title: 'Handläggare', roles: ['case_officer'] });
    expect(misfit.status).toBe(400);
    expect(misfit.body.fieldErrors.roles).toBe('Rollen biståndshandläggare passar inte i en utförarenhet.');
    expect(
      (await add({ unitId: world.units.homeCareNorth, title: 'Ingen roll', roles: [] })).body.fieldErrors.roles,
    ).toBe('Välj minst en roll.');
    expect((await add({ unitId: world.units.homeCareNorth, title: 'Pirat', roles: ['pirate'] })).status).toBe(400);
    expect(
      (await add({ unitId: otherWorld.units.homeCareNorth, title: 'Undersköterska', roles: ['care_staff'] })).status,
    ).toBe(404);
    expect(
      (
        await admin.post(`/api/organisation/users/${otherWorld.users.careStaff.userId}/positions`, {
          unitId: world.units.homeCareNorth,
          title: 'X',
          roles: ['care_staff'],
        })
      ).status,
    ).toBe(404);
    expect(
      (
        await (
          await world.signIn('unitManager')
        ).post(`/api/organisation/users/${user.id}/positions`, {
          unitId: world.units.homeCareNorth,
          title: 'X',
          roles: ['care_staff'],
        })
      ).status,
    ).toBe(403);
  });

  it("changes a position with optimistic concurrency; ending it takes effect on the holder's next request", async () => {
    const user = await createUser({
      unitId: world.units.homeCareSouth,
      title: 'Undersköterska',
      roles: ['care_staff'],
    });
    const position = user.positions[0]!;
    const client = await new TestClient(server.baseUrl).signIn(user.username, PASSWORD);
    const body = {
      unitId: position.unitId,
      title: 'Samordnare',
      roles: ['coordinator', 'care_staff'],
      isActive: true,
      version: position.version,
    };
    const changed = await admin.put(`/api/organisation/positions/${position.id}`, body);
    expect(changed.status).toBe(200);
    expect(changed.body.positions[0]).toMatchObject({
      title: 'Samordnare',
      roles: ['coordinator', 'care_staff'],
      version: 2,
    });
    expect((await admin.put(`/api/organisation/positions/${position.id}`, body)).status).toBe(409);
    expect((await auditRows(server.ownerDb, { entityId: position.id, action: 'position.update' }))[0]!.details).toEqual(
      { userId: user.id, changed: ['title', 'roles'] },
    );
    expect(
      (await admin.put(`/api/organisation/positions/${position.id}`, { ...body, isActive: false, version: 2 })).status,
    ).toBe(200);
    const after = await client.get('/api/desk');
    expect(after.status).toBe(403);
    expect(after.body.error).toBe('position_required');
  });

  it('keeps administrators from removing their own administration (400)', async () => {
    const { positionId } = world.users.administrator;
    const position = await server.ownerDb
      .selectFrom('positions')
      .selectAll()
      .where('id', '=', positionId)
      .executeTakeFirstOrThrow();
    const body = {
      unitId: position.unit_id,
      title: position.title,
      roles: ['unit_manager'],
      isActive: true,
      version: position.version,
    };
    expect((await admin.put(`/api/organisation/positions/${positionId}`, body)).body.fieldErrors.roles).toMatch(
      /administratörsrollen/,
    );
    expect(
      (
        await admin.put(`/api/organisation/positions/${positionId}`, {
          ...body,
          roles: ['administrator'],
          isActive: false,
        })
      ).body.fieldErrors.isActive,
    ).toMatch(/befattningen du arbetar i/);
  });

  it("answers 404 for another municipality's position and 403 for others", async () => {
    const foreign = {
      unitId: otherWorld.units.homeCareNorth,
      title: 'X',
      roles: ['care_staff'],
      isActive: true,
      version: 1,
    };
    expect(
      (await admin.put(`/api/organisation/positions/${otherWorld.users.careStaff.positionId}`, foreign)).status,
    ).toBe(404);
    const own = { unitId: world.units.homeCareNorth, title: 'X', roles: ['care_staff'], isActive: true, version: 1 };
    expect(
      (
        await (
          await world.signIn('careStaff')
        ).put(`/api/organisation/positions/${world.users.careStaff.positionId}`, own)
      ).status,
    ).toBe(403);
    expect(
      (await new TestClient(server.baseUrl).put(`/api/organisation/positions/${world.users.careStaff.positionId}`, own))
        .status,
    ).toBe(401);
  });
});
