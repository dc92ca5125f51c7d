/**
 * The start the module tests share, for their beforeAll: the real app on a free port and two test
 * worlds, one to work in and the same municipality again for "someone else's" checks (404).
 *
 *   let server: TestServer;
 *   let world: TestWorld;
 *   let foreign: TestWorld;
 *   beforeAll(async () => { ({ server, world, foreign } = await startModuleTest()); });
 *   afterAll(async () => server?.close());
 *
 * The hooks stay in the test file, so a reader sees what runs before it; this only builds.
 */
import { createTestWorld, TEST_PASSWORD, type TestWorld } from './factories.ts';
import { startTestServer, type TestServer } from './harness.ts';
import { TestClient } from './http-client.ts';
import { createOtherProviderManager } from './fixtures/delivery-fixtures.ts';

export interface ModuleTest {
  server: TestServer;
  /** A municipality with units on both sides and a user for every role (factories.ts). */
  world: TestWorld;
  /** Another municipality built the same way: nothing of it may reach a user of `world`. */
  foreign: TestWorld;
}

export async function startModuleTest(): Promise<ModuleTest> {
  const server = await startTestServer();
  const [world, foreign] = await Promise.all([
    createTestWorld(server.ownerDb, server.baseUrl),
    createTestWorld(server.ownerDb, server.baseUrl),
  ]);
  return { server, world, foreign };
}

/**
 * The unit manager at Annan Omsorg AB, a provider no test user works at, signed in
 * (createOtherProviderManager in fixtures/delivery-fixtures.ts).
 */
export async function signInOtherProvider(server: TestServer, world: TestWorld) {
  const created = await createOtherProviderManager(server.ownerDb, world);
  return { ...created, client: await new TestClient(server.baseUrl).signIn(created.username, TEST_PASSWORD) };
}

/**
 * The deliveries tests' cast: both sides of Hemtjänst egen regi, the authority, another provider
 * and another municipality, each signed in.
 */
export interface DeliveryTest extends ModuleTest {
  /** Enhetschef, Hemtjänst Norr. */
  manager: TestClient;
  /** Undersköterska, Hemtjänst Norr. */
  careStaff: TestClient;
  /** Undersköterska, Hemtjänst Söder. */
  otherCareStaff: TestClient;
  /** Biståndshandläggare, ÄO myndighet. */
  officer: TestClient;
  /** The unit manager at another provider (signInOtherProvider). */
  otherProvider: TestClient;
  /** The unit manager of Hemtjänst Norr in the foreign municipality. */
  foreignManager: TestClient;
}

export async function startDeliveryTest(): Promise<DeliveryTest> {
  const started = await startModuleTest();
  const { server, world, foreign } = started;
  const [manager, careStaff, otherCareStaff, officer, other, foreignManager] = await Promise.all([
    world.signIn('unitManager'),
    world.signIn('careStaff'),
    world.signIn('otherCareStaff'),
    world.signIn('caseOfficer'),
    signInOtherProvider(server, world),
    foreign.signIn('unitManager'),
  ]);
  return { ...started, manager, careStaff, otherCareStaff, officer, otherProvider: other.client, foreignManager };
}
