/**
 * Sign-in throttling over HTTP against the real database (ADR 0015): growing delays per user name
 * and address, per address across names and per name across addresses, never a lock that an
 * attacker can put on someone else, and parallel sign-ins that are neither refused when right nor
 * let through when wrong. The server trusts X-Forwarded-For, so each test chooses its addresses;
 * they are random, so runs against a reused database never meet each other's failures.
 */
import { randomBytes, randomInt } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'kysely';
import { startTestServer, type TestServer } from '../../../../test/harness.ts';
import { createTestUser, createTestWorld, TEST_PASSWORD, type TestWorld } from '../../../../test/factories.ts';
import { delayAfter, throttledMessage } from './sign-in-throttle.ts';

const FREE_FAILURES = 3;
const ADDRESS_FREE_FAILURES = 8;
const NAME_FREE_FAILURES = 6;
// Long enough that no delay runs out while a test is still sending; tests let time pass with elapse().
const FIRST_DELAY_SECONDS = 60;
const MAX_DELAY_SECONDS = 480;
const WRONG = 'wrong-password-1';
let server: TestServer;
let world: TestWorld;

beforeAll(async () => {
  server = await startTestServer({
    trustProxy: true,
    loginFreeFailures: FREE_FAILURES,
    loginAddressFreeFailures: ADDRESS_FREE_FAILURES,
    loginNameFreeFailures: NAME_FREE_FAILURES,
    loginFirstDelaySeconds: FIRST_DELAY_SECONDS,
    loginMaxDelaySeconds: MAX_DELAY_SECONDS,
  });
  world = await createTestWorld(server.ownerDb, server.baseUrl);
});
afterAll(async () => server?.close());

/** An address no other test (or earlier run) has used. */
const newAddress = () => `10.${randomInt(256)}.${randomInt(256)}.${randomInt(1, 255)}`;
const newUser = async () =>
  (
    await createTestUser(server.ownerDb, world, {
      name: 'throttle',
      positions: [{ unit: 'homeCareNorth', title: 'Undersköterska', roles: ['care_staff'] }],
    })
  ).username;

async function signInFrom(address: string, username: string, password = TEST_PASSWORD) {
  const response = await fetch(`${server.baseUrl}/api/auth/sign-in`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', 'x-forwarded-for': address },
    body: JSON.stringify({ username, password }),
  });
  const body = (await response.json()) as { message?: string };
  return {
    status: response.status,
    retryAfter: response.headers.get('retry-after'),
    message: body.message,
    hasCookie: response.headers.getSetCookie().length > 0,
  };
}

/** Lets time pass for the throttle: its rows from the address move this many seconds into the past. */
async function elapse(address: string, seconds: number) {
  await server.ownerDb
    .updateTable('login_attempts')
    .set({ attempted_at: sql`attempted_at - make_interval(secs => ${seconds})` })
    .where('client_address', '=', address)
    .execute();
}

async function failFrom(address: string, username: string, times: number) {
  for (let attempt = 0; attempt < times; attempt++)
    expect((await signInFrom(address, username, WRONG)).status).toBe(401);
}

describe('throttling by user name and address', () => {
  it("an attacker's failures from one address do not stop the right password from another", async () => {
    const username = await newUser();
    const attacker = newAddress();
    await failFrom(attacker, username, FREE_FAILURES);
    const held = await signInFrom(attacker, username);
    expect(held.status).toBe(429);
    expect(held.hasCookie).toBe(false);
    const rightful = await signInFrom(newAddress(), username);
    expect(rightful.status).toBe(200);
    expect(rightful.hasCookie).toBe(true);
  });

  it('answers with growing delays, capped, never a lock: the right password works once the delay has passed', async () => {
    const username = await newUser();
    const address = newAddress();
    await failFrom(address, username, FREE_FAILURES);
    const delays: string[] = [];
    for (let round = 0; round < 4; round++) {
      const held = await signInFrom(address, username, WRONG);
      expect(held.status).toBe(429);
      delays.push(held.retryAfter!);
      await elapse(address, Number(held.retryAfter));
      expect((await signInFrom(address, username, WRONG)).status).toBe(401);
    }
    expect(delays).toEqual(['60', '120', '240', '480']);
    const held = await signInFrom(address, username);
    expect(held.status).toBe(429);
    expect(held.message).toBe('För många misslyckade inloggningsförsök. Vänta 8 minuter och försök igen.');
    await elapse(address, MAX_DELAY_SECONDS);
    expect((await signInFrom(address, username)).status).toBe(200);
    // A success ends the run: the next mistake is free again.
    expect((await signInFrom(address, username, WRONG)).status).toBe(401);
  });
});

describe('throttling an address across user names (password spray)', () => {
  it('slows one password tried on 40 user names from one address, but not a user who has signed in from there before', async () => {
    const address = newAddress();
    const regular = await newUser();
    expect((await signInFrom(address, regular)).status).toBe(200);
    const names = [
      ...Object.values(world.users).map((user) => user.username),
      ...Array.from({ length: 40 }, (_, index) => `spray-${index}-${randomBytes(3).toString('hex')}`),
    ].slice(0, 40);
    const statuses: number[] = [];
    for (const name of names) statuses.push((await signInFrom(address, name, 'Sommar2026!')).status);
    expect(statuses.slice(0, ADDRESS_FREE_FAILURES)).toEqual(Array(ADDRESS_FREE_FAILURES).fill(401));
    expect(statuses.slice(ADDRESS_FREE_FAILURES), statuses.join()).toEqual(Array(40 - ADDRESS_FREE_FAILURES).fill(429));
    // The office's own users, who have signed in from this address, are not held by the spray.
    expect((await signInFrom(address, regular)).status).toBe(200);
    // And the address gets its turn again once the delay has passed.
    await elapse(address, MAX_DELAY_SECONDS);
    expect((await signInFrom(address, names[0]!, TEST_PASSWORD)).status).toBe(200);
  });
});

describe('throttling a user name across addresses (a distributed attack)', () => {
  it('delays unknown addresses only, never the address the user signs in from', async () => {
    const username = await newUser();
    const home = newAddress();
    expect((await signInFrom(home, username)).status).toBe(200);
    // One guess each from many addresses: no single address reaches its own limit.
    for (let guess = 0; guess < NAME_FREE_FAILURES; guess++)
      expect((await signInFrom(newAddress(), username, WRONG)).status).toBe(401);
    const stranger = await signInFrom(newAddress(), username);
    expect(stranger.status).toBe(429);
    expect(Number(stranger.retryAfter)).toBeGreaterThan(0);
    expect((await signInFrom(home, username)).status).toBe(200);
  });
});

describe('parallel sign-ins', () => {
  it('14 parallel sign-ins with the right password all get in', async () => {
    const username = await newUser();
    const address = newAddress();
    const statuses = await Promise.all(
      Array.from({ length: 14 }, () => signInFrom(address, username).then((response) => response.status)),
    );
    expect(statuses).toEqual(Array(14).fill(200));
  });

  it('a burst of wrong guesses gets no more verifications than the limit allows', async () => {
    const username = await newUser();
    const address = newAddress();
    const burst = async (size: number) =>
      (await Promise.all(Array.from({ length: size }, () => signInFrom(address, username, WRONG))))
        .map((response) => response.status)
        .sort();
    expect(await burst(FREE_FAILURES + 7)).toEqual([...Array(FREE_FAILURES).fill(401), ...Array(7).fill(429)]);
    // Once the delay has passed, a burst gets one guess, not one each.
    await elapse(address, MAX_DELAY_SECONDS);
    expect(await burst(6)).toEqual([401, ...Array(5).fill(429)]);
    const failures = await server.ownerDb
      .selectFrom('login_attempts')
      .select('id')
      .where('client_address', '=', address)
      .execute();
    expect(failures).toHaveLength(FREE_FAILURES + 1);
  });
});

describe('the rule', () => {
  it('says in Swedish how long to wait, in seconds under a minute and whole minutes from one on', () => {
    expect([1, 45, 60, 61, 900].map(throttledMessage)).toEqual([
      'För många misslyckade inloggningsförsök. Vänta 1 sekund och försök igen.',
      'För många misslyckade inloggningsförsök. Vänta 45 sekunder och försök igen.',
      'För många misslyckade inloggningsförsök. Vänta 1 minut och försök igen.',
      'För många misslyckade inloggningsförsök. Vänta 2 minuter och försök igen.',
      'För många misslyckade inloggningsförsök. Vänta 15 minuter och försök igen.',
    ]);
  });

  it('has no delay for the free failures, then doubles it per failure up to the cap, even after very many', () => {
    const limits = { loginFirstDelaySeconds: 5, loginMaxDelaySeconds: 900 };
    expect([0, 4, 5, 6, 7, 12, 13, 1_000].map((failures) => delayAfter(failures, 5, limits))).toEqual([
      0, 0, 5, 10, 20, 640, 900, 900,
    ]);
  });
});
