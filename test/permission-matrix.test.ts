/// <reference types="vite/client" />
/**
 * The permission matrix: every row of every test/permissions/<area>.permissions.ts, run
 * for every test user against a target in their own scope, one outside it (persons only), one in
 * another municipality, and signed out. Expected: signed out 401; outside the scope or in another
 * municipality 404 (the same as missing); in scope but not allowed the row's deniedStatus (403),
 * or, where the row says who reads the target (readableBy), 403 for those and 404 for the rest;
 * allowed the row's successStatus (200). A second test fails for any API route without a row.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestServer, type TestServer } from './harness.ts';
import { createTestUser, createTestWorld, TEST_USERS, USER_KEYS, type TestWorld, type UserKey } from './factories.ts';
import { TestClient } from './http-client.ts';
import type { MatrixTarget, PermissionRow } from './permission-matrix.types.ts';

const modules = import.meta.glob<{ permissionRows?: PermissionRow[] }>('./permissions/*.permissions.ts', {
  eager: true,
});
const rows = Object.entries(modules).flatMap(([file, module]) =>
  (module.permissionRows ?? []).map((row) => ({ ...row, file: file.replace('./permissions/', '') })),
);

/** Fixture persons, the same in both municipalities: `ao` is linked to ÄO myndighet and Hemtjänst Norr. */
type FixturePerson = 'ao' | 'south' | 'ifo';
const FIXTURE_LINKS = {
  ao: ['aoAuthority', 'homeCareNorth'],
  south: ['homeCareSouth'],
  ifo: ['ifoAuthority'],
} as const;

/**
 * Which fixture person each user sees ("own") and one they must not ("outside"), by the rules in
 * src/domain/access.ts, written out so that a change in those rules fails here.
 */
const PERSON_SCOPE: Record<UserKey, { own: FixturePerson | null; outside: FixturePerson }> = {
  caseOfficer: { own: 'ao', outside: 'south' },
  authorityManager: { own: 'ao', outside: 'ifo' },
  ifoCaseOfficer: { own: 'ifo', outside: 'ao' },
  operationsManager: { own: 'south', outside: 'ifo' },
  unitManager: { own: 'ao', outside: 'south' },
  otherUnitManager: { own: 'south', outside: 'ao' },
  coordinator: { own: 'ao', outside: 'south' },
  careStaff: { own: 'ao', outside: 'south' },
  otherCareStaff: { own: 'south', outside: 'ao' },
  licensedStaff: { own: 'ao', outside: 'ifo' },
  alarmManager: { own: 'ao', outside: 'south' },
  // The administrator keeps the organisation and sees no person: every person is outside.
  administrator: { own: null, outside: 'ao' },
};

interface Fixtures {
  world: TestWorld;
  persons: Record<FixturePerson, string>;
  /** A user none of the test users is, for 'user' and 'position' rows to act on. */
  targetUser: { userId: string; positionId: string };
}

type Where = 'own' | 'outside' | 'foreign';

let server: TestServer;
let home: Fixtures;
let foreign: Fixtures;
const clients = {} as Record<UserKey, TestClient>;

async function buildFixtures(): Promise<Fixtures> {
  const world = await createTestWorld(server.ownerDb, server.baseUrl);
  const persons = {} as Record<FixturePerson, string>;
  for (const key of Object.keys(FIXTURE_LINKS) as FixturePerson[]) {
    persons[key] = (await world.createPerson([...FIXTURE_LINKS[key]], { lastName: `Matris-${key}` })).id;
  }
  const user = await createTestUser(server.ownerDb, world, {
    name: 'matrix-target',
    positions: [{ unit: 'homeCareNorth', title: 'Undersköterska', roles: ['care_staff'] }],
  });
  return { world, persons, targetUser: { userId: user.userId, positionId: user.positionIds[0]! } };
}

beforeAll(async () => {
  server = await startTestServer();
  [home, foreign] = await Promise.all([buildFixtures(), buildFixtures()]);
  await Promise.all(
    USER_KEYS.map(async (key) => {
      clients[key] = await home.world.signIn(key);
    }),
  );
});
afterAll(async () => server?.close());

/** The target a row acts on for a user, or undefined when the combination does not apply. */
function targetFor(row: PermissionRow, user: UserKey, where: Where): MatrixTarget | undefined {
  const fixtures = where === 'foreign' ? foreign : home;
  const base = { world: fixtures.world, actor: user };
  switch (row.target) {
    case 'none':
      return where === 'own' ? { ...base, id: '' } : undefined;
    case 'person': {
      const scope = PERSON_SCOPE[user];
      const fixture = where === 'outside' ? scope.outside : (scope.own ?? (where === 'foreign' ? scope.outside : null));
      return fixture ? { ...base, id: fixtures.persons[fixture] } : undefined;
    }
    case 'unit':
      return where === 'outside' ? undefined : { ...base, id: fixtures.world.units[TEST_USERS[user].unit] };
    case 'user':
      return where === 'outside' ? undefined : { ...base, id: fixtures.targetUser.userId };
    case 'position':
      return where === 'outside' ? undefined : { ...base, id: fixtures.targetUser.positionId };
  }
}

function expectedStatus(row: PermissionRow, user: UserKey | null, where: Where): number {
  if (!user) return 401;
  if (where !== 'own') return 404;
  if (row.allowed.includes(user)) return row.successStatus ?? 200;
  if (row.readableBy) return row.readableBy.includes(user) ? 403 : 404;
  return row.deniedStatus ?? 403;
}

/** 'PUT /api/persons/:personId/core' matches PUT /api/persons/<id>/core, whatever the query string. */
function matchesRoute(route: string, method: string, path: string): boolean {
  const [routeMethod, routePath] = route.split(' ');
  const pattern = new RegExp(`^${routePath!.replace(/:[A-Za-z]+/g, '[^/?]+')}$`);
  return routeMethod === method && pattern.test(path.split('?')[0]!);
}

describe('permission matrix', () => {
  it('has rows', () => {
    for (const [file, module] of Object.entries(modules)) {
      expect(Array.isArray(module.permissionRows), `${file} must export permissionRows`).toBe(true);
    }
    expect(rows.length).toBeGreaterThan(0);
  });

  for (const row of rows) {
    it(`${row.route}${row.variant ? ` — ${row.variant}` : ''} (${row.file})`, async () => {
      const problems: string[] = [];
      if (row.target === 'person' && row.allowed.includes('administrator')) {
        problems.push('administrator is listed as allowed, but has no person scope');
      }
      const check = async (user: UserKey | null, where: Where, target: MatrixTarget) => {
        const request = await row.request(target, server.ownerDb);
        if (!matchesRoute(row.route, request.method, request.path)) {
          problems.push(`request ${request.method} ${request.path} is not the route ${row.route}`);
          return;
        }
        const client = !user
          ? new TestClient(server.baseUrl)
          : row.endsSession
            ? await home.world.signIn(user)
            : clients[user];
        const response = await client.request(request.method, request.path, request.body);
        const expected = expectedStatus(row, user, where);
        if (response.status !== expected) {
          problems.push(
            `${user ?? 'signed out'} × ${where}: expected ${expected}, got ${response.status} ${JSON.stringify(response.body).slice(0, 160)}`,
          );
        }
      };

      // Signed out, with a target that a signed-in user could reach.
      await check(null, 'own', {
        ...(targetFor(row, 'caseOfficer', 'own') ?? targetFor(row, 'caseOfficer', 'outside')!),
        actor: undefined,
      });
      for (const user of USER_KEYS) {
        for (const where of ['own', 'outside', 'foreign'] as const) {
          const target = targetFor(row, user, where);
          if (target) await check(user, where, target);
        }
      }
      expect(problems, `${row.route}:\n${problems.join('\n')}`).toEqual([]);
    });
  }

  it('covers every API route in the OpenAPI document', async () => {
    const response = await new TestClient(server.baseUrl).get('/api/openapi.json');
    expect(response.status).toBe(200);
    const documented = Object.entries(response.body.paths as Record<string, Record<string, unknown>>)
      .filter(([path]) => path.startsWith('/api/') && !path.startsWith('/api/docs') && path !== '/api/auth/sign-in')
      .flatMap(([path, operations]) =>
        Object.keys(operations)
          .filter((method) => ['get', 'post', 'put', 'patch', 'delete'].includes(method))
          .map((method) => `${method.toUpperCase()} ${path.replace(/\{(\w+)\}/g, ':$1')}`),
      );
    expect(documented.length).toBeGreaterThan(0);
    const covered = new Set(rows.map((row) => row.route));
    const missing = documented.filter((route) => !covered.has(route));
    expect(
      missing,
      `Routes without a permission-matrix row (add rows to the module's test/permissions/<area>.permissions.ts):\n${missing.join('\n')}`,
    ).toEqual([]);
    const stale = [...covered].filter((route) => !documented.includes(route));
    expect(stale, `Rows for routes the app does not have:\n${stale.join('\n')}`).toEqual([]);
  });
});
