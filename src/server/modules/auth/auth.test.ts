/**
 * Sign-in, sessions and positions over HTTP against the real database (ADR 0003): the cookie, the
 * same answer for a wrong password and an unknown user, idle and absolute expiry, sign-out, a new
 * sign-in ending the session it replaces, CSRF, choosing a position, and inactive users and
 * municipalities. Throttling has its own file (sign-in-throttle.test.ts), and so has the idle
 * timeout's precision (session-idle.test.ts).
 */
import { randomBytes, randomInt } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'kysely';
import { startTestServer, type TestServer } from '../../../../test/harness.ts';
import { createTestUser, createTestWorld, TEST_PASSWORD, type TestWorld } from '../../../../test/factories.ts';
import { TestClient } from '../../../../test/http-client.ts';
import { sessionIdOf } from '../../platform/auth/session-token.ts';

let server: TestServer;
let world: TestWorld;
/** This file's own client address, so its wrong passwords never count against other files' sign-ins. */
const ADDRESS = `10.${randomInt(256)}.${randomInt(256)}.${randomInt(1, 255)}`;

beforeAll(async () => {
  server = await startTestServer({ trustProxy: true });
  world = await createTestWorld(server.ownerDb, server.baseUrl);
});
afterAll(async () => server?.close());

/** Signs in with plain fetch, to see the raw cookie the browser gets; sends a session cookie if given one. */
async function signInRaw(username: string, password = TEST_PASSWORD, previousToken?: string) {
  const response = await fetch(`${server.baseUrl}/api/auth/sign-in`, {
    method: 'POST',
    body: JSON.stringify({ username, password }),
    headers: {
      'content-type': 'application/json',
      'x-forwarded-for': ADDRESS,
      ...(previousToken ? { cookie: `vardag_session=${previousToken}` } : {}),
    },
  });
  const setCookie = response.headers.getSetCookie().find((value) => value.startsWith('vardag_session='));
  const token = setCookie?.split(';')[0]?.slice('vardag_session='.length);
  return {
    status: response.status,
    body: await response.json(),
    headers: response.headers,
    setCookie,
    token,
    sessionId: token ? sessionIdOf(token) : '',
  };
}

/** A request carrying only the given session token (and CSRF token, if any). */
async function withToken(token: string, method: string, path: string, csrfToken?: string) {
  const response = await fetch(server.baseUrl + path, {
    method,
    headers: { cookie: `vardag_session=${token}`, ...(csrfToken ? { 'x-csrf-token': csrfToken } : {}) },
  });
  return { status: response.status, body: await response.json(), headers: response.headers };
}

const setSession = (sessionId: string, changes: { lastSeenMinutesAgo?: number; expiresSecondsAgo?: number }) =>
  server.ownerDb
    .updateTable('sessions')
    .set({
      ...(changes.lastSeenMinutesAgo !== undefined
        ? { last_seen_at: sql`now() - make_interval(mins => ${changes.lastSeenMinutesAgo})` }
        : {}),
      ...(changes.expiresSecondsAgo !== undefined
        ? { expires_at: sql`now() - make_interval(secs => ${changes.expiresSecondsAgo})` }
        : {}),
    })
    .where('id', '=', sessionId)
    .execute();

describe('signing in', () => {
  it('sets an httpOnly SameSite cookie whose token the database keeps only as a SHA-256', async () => {
    const signedIn = await signInRaw(world.users.careStaff.username);
    expect(signedIn.status).toBe(200);
    expect(signedIn.setCookie).toMatch(/; HttpOnly/i);
    expect(signedIn.setCookie).toMatch(/; SameSite=Lax/i);
    expect(signedIn.setCookie).toMatch(/; Path=\//);
    expect(signedIn.setCookie).toContain(`Max-Age=${server.config.sessionMaxHours * 3600}`);
    expect(signedIn.token).toMatch(/^[A-Za-z0-9_-]{43}$/);
    const sessions = await server.ownerDb
      .selectFrom('sessions')
      .selectAll()
      .where('user_id', '=', world.users.careStaff.userId)
      .execute();
    expect(sessions.map((row) => row.id)).toContain(signedIn.sessionId);
    expect(signedIn.sessionId).toMatch(/^[0-9a-f]{64}$/);
    expect(JSON.stringify(sessions)).not.toContain(signedIn.token!);
    const session = await withToken(signedIn.token!, 'GET', '/api/session');
    expect(session.status).toBe(200);
    expect(session.body).toMatchObject({
      user: { id: world.users.careStaff.userId },
      currentPositionId: world.users.careStaff.positionId,
    });
  });

  it('names the cookie __Host-vardag_session when it is secure (Path=/, Secure, no Domain) and reads no other name', async () => {
    const secure = await startTestServer({ cookieSecure: true });
    try {
      const response = await fetch(`${secure.baseUrl}/api/auth/sign-in`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ username: world.users.careStaff.username, password: TEST_PASSWORD }),
      });
      expect(response.status).toBe(200);
      const setCookie = response.headers.getSetCookie();
      expect(setCookie).toHaveLength(1);
      expect(setCookie[0]).toMatch(/^__Host-vardag_session=[A-Za-z0-9_-]{43}; /);
      for (const attribute of [/; Path=\/(;|$)/, /; Secure(;|$)/i, /; HttpOnly(;|$)/i, /; SameSite=Lax(;|$)/i])
        expect(setCookie[0]).toMatch(attribute);
      expect(setCookie[0]).not.toMatch(/Domain=/i);
      const token = setCookie[0]!.split(';')[0]!.slice('__Host-vardag_session='.length);
      const read = (cookie: string) => fetch(`${secure.baseUrl}/api/session`, { headers: { cookie } });
      expect((await read(`__Host-vardag_session=${token}`)).status).toBe(200);
      // The plain name could be planted by a sibling host over http; a secure server never reads it.
      expect((await read(`vardag_session=${token}`)).status).toBe(401);
      const { csrfToken } = (await (await read(`__Host-vardag_session=${token}`)).json()) as { csrfToken: string };
      const signOut = await fetch(`${secure.baseUrl}/api/auth/sign-out`, {
        method: 'POST',
        headers: { cookie: `__Host-vardag_session=${token}`, 'x-csrf-token': csrfToken },
      });
      expect(signOut.status).toBe(200);
      expect(signOut.headers.getSetCookie()[0]).toMatch(/^__Host-vardag_session=; .*Path=\/.*Secure/i);
    } finally {
      await secure.close();
    }
  });

  it('answers a wrong password and an unknown user with the same 401 and no cookie', async () => {
    const wrongPassword = await signInRaw(world.users.unitManager.username, 'wrong-password-1');
    const unknownUser = await signInRaw(`nobody-${randomBytes(4).toString('hex')}`, TEST_PASSWORD);
    for (const response of [wrongPassword, unknownUser]) {
      expect(response.status).toBe(401);
      expect(response.setCookie).toBeUndefined();
    }
    expect(unknownUser.body.message).toBe(wrongPassword.body.message);
    expect(unknownUser.body.error).toBe(wrongPassword.body.error);
  });

  it('is refused for an inactive user and in an inactive municipality, and their sessions end', async () => {
    const user = await createTestUser(server.ownerDb, world, {
      positions: [{ unit: 'homeCareNorth', title: 'Undersköterska', roles: ['care_staff'] }],
    });
    const before = await signInRaw(user.username);
    await server.ownerDb.updateTable('users').set({ is_active: false }).where('id', '=', user.userId).execute();
    const inactiveUser = await signInRaw(user.username);
    expect(inactiveUser.status).toBe(401);
    expect(inactiveUser.body.message).toBe('Fel användarnamn eller lösenord.');
    expect((await withToken(before.token!, 'GET', '/api/session')).status).toBe(401);

    const closed = await createTestWorld(server.ownerDb, server.baseUrl);
    const open = await signInRaw(closed.users.caseOfficer.username);
    expect(open.status).toBe(200);
    await server.ownerDb
      .updateTable('municipalities')
      .set({ is_active: false })
      .where('id', '=', closed.municipalityId)
      .execute();
    expect((await signInRaw(closed.users.careStaff.username)).status).toBe(401);
    expect((await withToken(open.token!, 'GET', '/api/session')).status).toBe(401);
  });
});

describe('the session', () => {
  it('ends after the idle timeout, and slides while in use', async () => {
    const idleMinutes = server.config.sessionIdleMinutes;
    const active = await signInRaw(world.users.careStaff.username);
    await setSession(active.sessionId, { lastSeenMinutesAgo: idleMinutes - 1 });
    expect((await withToken(active.token!, 'GET', '/api/session')).status).toBe(200);
    const touched = await server.ownerDb
      .selectFrom('sessions')
      .select(sql<boolean>`last_seen_at > now() - interval '1 minute'`.as('isFresh'))
      .where('id', '=', active.sessionId)
      .executeTakeFirstOrThrow();
    expect(touched.isFresh).toBe(true);

    const idle = await signInRaw(world.users.careStaff.username);
    await setSession(idle.sessionId, { lastSeenMinutesAgo: idleMinutes + 1 });
    expect((await withToken(idle.token!, 'GET', '/api/session')).status).toBe(401);
  });

  it('ends at its absolute expiry even while in use', async () => {
    const signedIn = await signInRaw(world.users.careStaff.username);
    await setSession(signedIn.sessionId, { expiresSecondsAgo: 1 });
    expect((await withToken(signedIn.token!, 'GET', '/api/session')).status).toBe(401);
  });

  it('ends at sign-out: the old cookie no longer works and the row is gone', async () => {
    const signedIn = await signInRaw(world.users.careStaff.username);
    const { csrfToken } = (await withToken(signedIn.token!, 'GET', '/api/session')).body;
    const signOut = await withToken(signedIn.token!, 'POST', '/api/auth/sign-out', csrfToken);
    expect(signOut.status).toBe(200);
    expect(signOut.headers.getSetCookie().find((value) => value.startsWith('vardag_session='))).toMatch(
      /^vardag_session=;/,
    );
    expect((await withToken(signedIn.token!, 'GET', '/api/session')).status).toBe(401);
    expect(
      await server.ownerDb.selectFrom('sessions').select('id').where('id', '=', signedIn.sessionId).execute(),
    ).toEqual([]);
    const audit = await server.ownerDb
      .selectFrom('audit_events')
      .select('action')
      .where('user_id', '=', world.users.careStaff.userId)
      .where('action', '=', 'session.sign_out')
      .execute();
    expect(audit.length).toBeGreaterThan(0);
  });

  it('ends at a new sign-in that carries its cookie, audited, even as another user of another municipality', async () => {
    const first = await signInRaw(world.users.careStaff.username);
    const second = await signInRaw(world.users.careStaff.username, TEST_PASSWORD, first.token);
    expect(second.status).toBe(200);
    expect(second.token).not.toBe(first.token);
    expect((await withToken(first.token!, 'GET', '/api/session')).status).toBe(401);
    expect(
      await server.ownerDb.selectFrom('sessions').select('id').where('id', '=', first.sessionId).execute(),
    ).toEqual([]);
    expect((await withToken(second.token!, 'GET', '/api/session')).status).toBe(200);

    // A wrong password ends nothing.
    expect((await signInRaw(world.users.careStaff.username, 'wrong-password-1', second.token)).status).toBe(401);
    expect((await withToken(second.token!, 'GET', '/api/session')).status).toBe(200);

    const elsewhere = await createTestWorld(server.ownerDb, server.baseUrl);
    const third = await signInRaw(elsewhere.users.caseOfficer.username, TEST_PASSWORD, second.token);
    expect(third.status).toBe(200);
    expect((await withToken(second.token!, 'GET', '/api/session')).status).toBe(401);
    expect((await withToken(third.token!, 'GET', '/api/session')).body.user.id).toBe(
      elsewhere.users.caseOfficer.userId,
    );

    const ended = await server.ownerDb
      .selectFrom('audit_events')
      .select(['municipality_id', 'user_id', 'details'])
      .where('action', '=', 'session.end')
      .where('user_id', '=', world.users.careStaff.userId)
      .orderBy('occurred_at')
      .execute();
    expect(ended).toEqual(
      [1, 2].map(() => ({
        municipality_id: world.municipalityId,
        user_id: world.users.careStaff.userId,
        details: { reason: 'new_sign_in' },
      })),
    );
  });

  it('refuses changes without the right X-CSRF-Token (403), and reads need none', async () => {
    const person = await world.createPerson(['homeCareNorth']);
    const staff = await world.signIn('careStaff');
    const { version } = (await staff.get(`/api/persons/${person.id}`)).body;
    staff.dropCsrfToken();
    expect((await staff.put(`/api/persons/${person.id}/contact`, { version, phone: '1' })).status).toBe(403);
    expect(
      (
        await staff.request(
          'PUT',
          `/api/persons/${person.id}/contact`,
          { version, phone: '1' },
          { 'x-csrf-token': 'x'.repeat(32) },
        )
      ).status,
    ).toBe(403);
    expect((await staff.put('/api/session/position', { positionId: world.users.careStaff.positionId })).status).toBe(
      403,
    );
    expect((await staff.post('/api/auth/sign-out')).status).toBe(403);
    expect((await staff.get('/api/session')).status).toBe(200);
    expect(
      (
        await server.ownerDb
          .selectFrom('persons')
          .select('version')
          .where('id', '=', person.id)
          .executeTakeFirstOrThrow()
      ).version,
    ).toBe(version);
  });
});

describe('choosing a position', () => {
  it('starts without one when the user has two, and allows only their own', async () => {
    const user = await createTestUser(server.ownerDb, world, {
      name: 'two-positions',
      positions: [
        { unit: 'homeCareNorth', title: 'Undersköterska', roles: ['care_staff'] },
        { unit: 'homeCareSouth', title: 'Enhetschef', roles: ['unit_manager'] },
      ],
    });
    const [north, south] = user.positionIds as [string, string];
    const person = await world.createPerson(['homeCareNorth']);
    const client = await new TestClient(server.baseUrl).signIn(user.username, TEST_PASSWORD);
    const session = await client.get('/api/session');
    expect(session.body.currentPositionId).toBeNull();
    expect(session.body.positions.map((position: { id: string }) => position.id).sort()).toEqual([north, south].sort());
    for (const path of ['/api/persons?q=Test', `/api/persons/${person.id}`]) {
      const response = await client.get(path);
      expect(response.status, path).toBe(403);
      expect(response.body.error, path).toBe('position_required');
    }
    expect(
      (await client.post('/api/persons', { identityNumber: '191212121212', firstName: 'A', lastName: 'B' })).body.error,
    ).toBe('position_required');

    const foreign = await createTestWorld(server.ownerDb, server.baseUrl);
    expect((await client.put('/api/session/position', { positionId: world.users.careStaff.positionId })).status).toBe(
      404,
    );
    expect((await client.put('/api/session/position', { positionId: foreign.users.careStaff.positionId })).status).toBe(
      404,
    );
    expect((await client.put('/api/session/position', { positionId: 'not-an-id' })).status).toBe(400);
    expect((await client.get('/api/session')).body.currentPositionId).toBeNull();

    expect((await client.put('/api/session/position', { positionId: north })).status).toBe(200);
    expect((await client.get('/api/session')).body.currentPositionId).toBe(north);
    expect((await client.get(`/api/persons/${person.id}`)).status).toBe(200);
    // What the user sees follows the position chosen.
    expect((await client.put('/api/session/position', { positionId: south })).status).toBe(200);
    expect((await client.get(`/api/persons/${person.id}`)).status).toBe(404);
  });
});
