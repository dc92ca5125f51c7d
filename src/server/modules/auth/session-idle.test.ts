/**
 * The idle timeout to the second (migration 0031): a session used within the idle time never
 * ends, one left alone ends within a second after it, and the row is written at most once a second,
 * not on every request. A background poll of the web app is answered but keeps no session alive.
 */
import { setTimeout as sleep } from 'node:timers/promises';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'kysely';
import { startTestServer, type TestServer } from '../../../../test/harness.ts';
import { createTestWorld, TEST_PASSWORD, type TestWorld } from '../../../../test/factories.ts';
import { sessionIdOf } from '../../platform/auth/session-token.ts';
import { BACKGROUND_REQUEST_HEADER } from '../../../domain/user-activity.ts';

let server: TestServer;
let world: TestWorld;

beforeAll(async () => {
  server = await startTestServer();
  world = await createTestWorld(server.ownerDb, server.baseUrl);
});
afterAll(async () => server?.close());

async function signIn(target: TestServer) {
  const response = await fetch(`${target.baseUrl}/api/auth/sign-in`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ username: world.users.careStaff.username, password: TEST_PASSWORD }),
  });
  expect(response.status).toBe(200);
  const token = response.headers.getSetCookie()[0]!.split(';')[0]!.slice('vardag_session='.length);
  return { token, sessionId: sessionIdOf(token) };
}

/** A request that needs the session (and its position); GET /api/desk reads nothing personal. */
const use = async (target: TestServer, token: string, headers: Record<string, string> = {}) =>
  (await fetch(`${target.baseUrl}/api/desk`, { headers: { cookie: `vardag_session=${token}`, ...headers } })).status;
/** The same request as the web app's poll of the desk's counts sends it. */
const poll = (target: TestServer, token: string) => use(target, token, { [BACKGROUND_REQUEST_HEADER]: '1' });

/** The touch interval: last_seen_at is written when it is at least this old (migration 0031). */
const TOUCH_SECONDS = 1;

const setLastSeen = (sessionId: string, secondsAgo: number) =>
  server.ownerDb
    .updateTable('sessions')
    .set({ last_seen_at: sql`now() - make_interval(secs => ${secondsAgo})` })
    .where('id', '=', sessionId)
    .execute();

const lastSeen = async (sessionId: string) =>
  await server.ownerDb
    .selectFrom('sessions')
    .select(['last_seen_at', sql<number>`extract(epoch from now() - last_seen_at)::float8`.as('age')])
    .where('id', '=', sessionId)
    .executeTakeFirstOrThrow();

describe('the idle timeout', () => {
  it('never ends a session used within the idle time, though a request inside the touch interval does not write the row', async () => {
    const idle = server.config.sessionIdleMinutes * 60;
    const { token, sessionId } = await signIn(server);
    await setLastSeen(sessionId, TOUCH_SECONDS / 3);
    const before = (await lastSeen(sessionId)).last_seen_at;
    expect(await use(server, token)).toBe(200);
    expect((await lastSeen(sessionId)).last_seen_at).toEqual(before);
    // That request was the last use; the idle time less two seconds later the session must still work.
    await server.ownerDb
      .updateTable('sessions')
      .set({ last_seen_at: sql`last_seen_at - make_interval(secs => ${idle - 2})` })
      .where('id', '=', sessionId)
      .execute();
    expect(await use(server, token)).toBe(200);
    expect((await lastSeen(sessionId)).age).toBeLessThan(2);
  });

  it('writes the row once it is older than the touch interval', async () => {
    const { token, sessionId } = await signIn(server);
    await setLastSeen(sessionId, TOUCH_SECONDS + 0.5);
    expect(await use(server, token)).toBe(200);
    expect((await lastSeen(sessionId)).age).toBeLessThan(2);
  });

  it('ends a session left alone within a second after the idle time, not before', async () => {
    const idle = server.config.sessionIdleMinutes * 60;
    const touch = TOUCH_SECONDS;
    const almost = await signIn(server);
    await setLastSeen(almost.sessionId, idle - 2);
    expect(await use(server, almost.token)).toBe(200);
    const gone = await signIn(server);
    await setLastSeen(gone.sessionId, idle + touch + 1);
    expect(await use(server, gone.token)).toBe(401);
  });

  it('with a 4-second idle time: used every half second the session outlives it; left alone it ends right after it', async () => {
    const short = await startTestServer({ sessionIdleMinutes: 4 / 60 });
    try {
      const [active, leftAlone, checkedEarly] = [await signIn(short), await signIn(short), await signIn(short)];
      const started = Date.now();
      const statuses: number[] = [];
      let early = 0;
      let late = 0;
      while (Date.now() - started < 6_000) {
        statuses.push(await use(short, active.token));
        if (!early && Date.now() - started > 1_500) early = await use(short, checkedEarly.token);
        if (!late && Date.now() - started > 5_200) late = await use(short, leftAlone.token);
        await sleep(500);
      }
      expect(statuses.length).toBeGreaterThan(8);
      expect(
        statuses.every((status) => status === 200),
        statuses.join(),
      ).toBe(true);
      expect(early).toBe(200);
      expect(late).toBe(401);
    } finally {
      await short.close();
    }
  });

  it('answers a background poll without keeping the session alive', async () => {
    const idle = server.config.sessionIdleMinutes * 60;
    const { token, sessionId } = await signIn(server);
    await setLastSeen(sessionId, 10);
    expect(await poll(server, token)).toBe(200);
    expect((await lastSeen(sessionId)).age).toBeGreaterThanOrEqual(10);
    // Polled all along, the session still ends its idle time after the user's last own request.
    await setLastSeen(sessionId, idle + TOUCH_SECONDS + 1);
    expect(await poll(server, token)).toBe(401);
  });

  it('with a 4-second idle time: a tab left open, polled every half second, ends as if left alone', async () => {
    const short = await startTestServer({ sessionIdleMinutes: 4 / 60 });
    try {
      const polled = await signIn(short);
      const started = Date.now();
      const statuses: number[] = [];
      while (Date.now() - started < 6_500) {
        statuses.push(await poll(short, polled.token));
        await sleep(500);
      }
      // Alive while its idle time and the touch interval run, then gone for good.
      expect(statuses[0]).toBe(200);
      expect(statuses.at(-1)).toBe(401);
      expect(
        statuses.slice(statuses.indexOf(401)).every((status) => status === 401),
        statuses.join(),
      ).toBe(true);
    } finally {
      await short.close();
    }
  });
});
