/**
 * Read limits through HTTP against the real database (ADR 0016): bulk reading of personal data meets
 * a 429 with Retry-After, per session and per user, across app servers sharing the database; each
 * passing is audited once per window; other users are untouched; a window ends.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestServer, type TestServer } from '../../../../test/harness.ts';
import { createTestWorld, type TestWorld } from '../../../../test/factories.ts';
import type { TestClient, TestResponse } from '../../../../test/http-client.ts';
import { createPersons } from '../../../../seeds/lib/builders.ts';
import { testPersonnummer } from '../../../../seeds/lib/test-numbers.ts';
import type { ReadLimits } from './read-limits.ts';

/** Small enough for a test to pass them in a few requests; a minute and ten minutes, so no window ends mid-test. */
const LIMITS: ReadLimits = {
  sessionWindowSeconds: 60,
  userWindowSeconds: 600,
  personRecord: { perSession: 3, perUser: 5 },
  personList: { perSession: 100, perUser: 150 },
};

let server: TestServer;
let otherServer: TestServer;

beforeAll(async () => {
  // Two app servers on the same database, as behind a load balancer.
  [server, otherServer] = await Promise.all([
    startTestServer({ readLimits: LIMITS }),
    startTestServer({ readLimits: LIMITS }),
  ]);
});
afterAll(async () => {
  await server?.close();
  await otherServer?.close();
});

/** A fresh municipality per test, so no test inherits another's counts for the same user. */
async function worldWithPersons(count: number): Promise<{ world: TestWorld; personIds: string[]; unitPath: string }> {
  const world = await createTestWorld(server.ownerDb, server.baseUrl);
  const offset = 5000 + Math.floor(Math.random() * 20_000);
  const personIds = await createPersons(
    server.ownerDb,
    world.municipalityId,
    testPersonnummer()
      .slice(offset, offset + count)
      .map((identityNumber, index) => ({
        identityNumber,
        firstName: 'Mätt',
        lastName: `Läsning${String(index).padStart(3, '0')}`,
        unitIds: [world.units.homeCareNorth],
      })),
  );
  return { world, personIds, unitPath: `/api/desk/units/${world.units.homeCareNorth}/persons` };
}

function passings(world: TestWorld, userId: string) {
  return server.ownerDb
    .selectFrom('audit_events')
    .select(['action', 'entity_id', 'details'])
    .where('municipality_id', '=', world.municipalityId)
    .where('user_id', '=', userId)
    .where('action', '=', 'read_limit.exceeded')
    .orderBy('id')
    .execute();
}

function auditRowsOf(response: TestResponse) {
  return server.ownerDb
    .selectFrom('audit_events')
    .select('action')
    .where('request_id', '=', response.headers.get('x-request-id'))
    .execute();
}

function expectRefused(response: TestResponse, maxWaitSeconds: number): void {
  expect(response.status).toBe(429);
  const retryAfter = Number(response.headers.get('retry-after'));
  expect(retryAfter).toBeGreaterThanOrEqual(1);
  expect(retryAfter).toBeLessThanOrEqual(maxWaitSeconds);
  expect(response.body).toMatchObject({ error: 'too_many_requests' });
  expect(response.body.message).toMatch(
    /^Du har .* på kort tid\. Av säkerhetsskäl kan du .* om \d+ (sekunder|sekund|minuter|minut)\.$/,
  );
}

async function openPersons(client: TestClient, personIds: readonly string[]): Promise<number[]> {
  const statuses: number[] = [];
  for (const id of personIds) statuses.push((await client.get(`/api/persons/${id}`)).status);
  return statuses;
}

describe('the read limits', () => {
  it("refuse paging a unit's persons past the session's limit with 429, Retry-After and a Swedish message, and show and audit no one", async () => {
    const { world, unitPath } = await worldWithPersons(120);
    const staff = await world.signIn('careStaff');
    // Each page costs its size, 50: two pages fill the session's 100.
    expect((await staff.get(unitPath)).status).toBe(200);
    expect((await staff.get(`${unitPath}?page=2`)).status).toBe(200);
    const refused = await staff.get(`${unitPath}?page=3`);
    expectRefused(refused, LIMITS.sessionWindowSeconds);
    expect(refused.body.message).toContain('listat eller sökt fram');
    expect(refused.body.persons).toBeUndefined();
    expect(await auditRowsOf(refused)).toEqual([{ action: 'read_limit.exceeded' }]);
    // The search draws on the same budget: it can show 50 persons too.
    expectRefused(await staff.get('/api/persons?q=l%C3%A4sning'), LIMITS.sessionWindowSeconds);
  });

  it("refuse opening person records past the session's limit, the tabs counting as reads of the person too", async () => {
    const { world, personIds } = await worldWithPersons(4);
    const staff = await world.signIn('careStaff');
    expect(await openPersons(staff, personIds.slice(0, 2))).toEqual([200, 200]);
    expect((await staff.get(`/api/persons/${personIds[0]}/relatives`)).status).toBe(200);
    const refused = await staff.get(`/api/persons/${personIds[3]}`);
    expectRefused(refused, LIMITS.sessionWindowSeconds);
    expect(refused.body.message).toContain('öppnat ovanligt många personer');
    expect(await auditRowsOf(refused)).toEqual([{ action: 'read_limit.exceeded' }]);
    // Records and lists are separate budgets: the unit's list still answers.
    expect((await staff.get(`/api/desk/units/${world.units.homeCareNorth}/persons`)).status).toBe(200);
  });

  it('hold across two app servers on the same database for one session', async () => {
    const { world, personIds } = await worldWithPersons(4);
    const onFirst = await world.signIn('careStaff');
    const onSecond = onFirst.onServer(otherServer.baseUrl);
    expect((await onFirst.get(`/api/persons/${personIds[0]}`)).status).toBe(200);
    expect((await onSecond.get(`/api/persons/${personIds[1]}`)).status).toBe(200);
    expect((await onFirst.get(`/api/persons/${personIds[2]}`)).status).toBe(200);
    expectRefused(await onSecond.get(`/api/persons/${personIds[3]}`), LIMITS.sessionWindowSeconds);
    expectRefused(await onFirst.get(`/api/persons/${personIds[3]}`), LIMITS.sessionWindowSeconds);
  });

  it("hold per user across the user's sessions, on either server", async () => {
    const { world, personIds } = await worldWithPersons(4);
    const first = await world.signIn('careStaff');
    const second = (await world.signIn('careStaff')).onServer(otherServer.baseUrl);
    expect(await openPersons(first, personIds.slice(0, 3))).toEqual([200, 200, 200]);
    // The second session has room of its own (3) but the user has only 2 left of 5.
    expect(await openPersons(second, personIds.slice(0, 2))).toEqual([200, 200]);
    const refused = await second.get(`/api/persons/${personIds[2]}`);
    // The user's window is ten minutes: the wait is longer than any session window.
    expectRefused(refused, LIMITS.userWindowSeconds);
    expect(Number(refused.headers.get('retry-after'))).toBeGreaterThan(LIMITS.sessionWindowSeconds);
    expect(refused.body.message).toMatch(/om (9|10) minuter\.$/);
    // A new session does not help either.
    expectRefused(
      await (await world.signIn('careStaff')).get(`/api/persons/${personIds[3]}`),
      LIMITS.userWindowSeconds,
    );
    expect((await passings(world, world.users.careStaff.userId)).map((row) => row.details)).toEqual([
      {
        budget: 'person_record',
        window: 'user',
        limit: 5,
        windowSeconds: 600,
        used: 5,
        route: '/api/persons/:personId',
      },
    ]);
  });

  it('audit a passing once per window, however many requests are refused after it', async () => {
    const { world, personIds, unitPath } = await worldWithPersons(4);
    const staff = await world.signIn('careStaff');
    expect(await openPersons(staff, [...personIds, ...personIds])).toEqual([200, 200, 200, 429, 429, 429, 429, 429]);
    for (let page = 1; page <= 5; page += 1) await staff.get(`${unitPath}?page=${page}`);
    const rows = await passings(world, world.users.careStaff.userId);
    expect(rows).toEqual([
      {
        action: 'read_limit.exceeded',
        entity_id: world.users.careStaff.userId,
        details: {
          budget: 'person_record',
          window: 'session',
          limit: 3,
          windowSeconds: 60,
          used: 3,
          route: '/api/persons/:personId',
        },
      },
      {
        action: 'read_limit.exceeded',
        entity_id: world.users.careStaff.userId,
        details: {
          budget: 'person_list',
          window: 'session',
          limit: 100,
          windowSeconds: 60,
          used: 100,
          route: '/api/desk/units/:unitId/persons',
        },
      },
    ]);
  });

  it('leave a different user of the same unit unaffected', async () => {
    const { world, personIds } = await worldWithPersons(4);
    const staff = await world.signIn('careStaff');
    expect(await openPersons(staff, personIds)).toEqual([200, 200, 200, 429]);
    const coordinator = await world.signIn('coordinator');
    expect(await openPersons(coordinator, personIds.slice(0, 3))).toEqual([200, 200, 200]);
    expect(await passings(world, world.users.coordinator.userId)).toEqual([]);
  });

  it('let reading go on when the window ends, and audit a passing in the new window again', async () => {
    const short = await startTestServer({ readLimits: { ...LIMITS, sessionWindowSeconds: 1, userWindowSeconds: 2 } });
    try {
      const { world, personIds } = await worldWithPersons(4);
      const staff = (await world.signIn('careStaff')).onServer(short.baseUrl);
      expect(await openPersons(staff, personIds)).toEqual([200, 200, 200, 429]);
      await new Promise((resolve) => setTimeout(resolve, 1100));
      // A new session window: two more fit the user's 5, the third passes the user's limit.
      expect(await openPersons(staff, personIds.slice(0, 3))).toEqual([200, 200, 429]);
      await new Promise((resolve) => setTimeout(resolve, 2100));
      expect(await openPersons(staff, personIds)).toEqual([200, 200, 200, 429]);
      expect(
        (await passings(world, world.users.careStaff.userId)).map((row) => (row.details as { window: string }).window),
      ).toEqual(['session', 'user', 'session']);
    } finally {
      await short.close();
    }
  });
});
