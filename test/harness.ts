/**
 * Starts the real app on a free port against the test database, signed in as nobody. Tests talk
 * to it over HTTP with TestClient and build data with the factories.
 */
import { inject } from 'vitest';
import type { AddressInfo } from 'node:net';
import { sql } from 'kysely';
import { buildApp } from '../src/server/app.ts';
import { createDb, type Db } from '../src/server/platform/db/database.ts';
import { loadConfig, type Config } from '../src/server/platform/config.ts';
import { appUrlFrom } from '../src/server/platform/db/connection.ts';
import { migrate } from '../src/server/platform/db/migrator.ts';
import type { App } from '../src/server/platform/http/types.ts';
import type { Clock } from '../src/server/platform/clock.ts';

export interface TestServer {
  baseUrl: string;
  app: App;
  /** Connected as the app role: row-level security applies. */
  appDb: Db;
  /** Connected as the owner: for factories and for checks the app role may not make. */
  ownerDb: Db;
  config: Config;
  close(): Promise<void>;
}

export interface DatabaseUrls {
  ownerUrl: string;
  appUrl: string;
}

export async function startTestServer(
  overrides: Partial<Config> = {},
  urls: DatabaseUrls = { ownerUrl: inject('ownerUrl'), appUrl: inject('appUrl') },
  options: { clock?: Clock } = {},
): Promise<TestServer> {
  // Every test signs in from 127.0.0.1 as users new to it, and a database reused between runs keeps
  // failed sign-ins for a day: the spray throttle would start delaying every test's first sign-in.
  // It is tested with addresses of its own (sign-in-throttle.test.ts), so here it is out of reach.
  const config = {
    ...loadConfig({ NODE_ENV: 'test', LOG_LEVEL: 'silent' }),
    loginAddressFreeFailures: 1_000_000,
    ...overrides,
  };
  const appDb = createDb({ connectionString: urls.appUrl, max: 5 });
  const ownerDb = createDb({ connectionString: urls.ownerUrl, max: 3 });
  const app = await buildApp({ db: appDb, config, clock: options.clock }, { logger: false });
  await app.listen({ port: 0, host: '127.0.0.1' });
  const { port } = app.server.address() as AddressInfo;
  return {
    baseUrl: `http://127.0.0.1:${port}`,
    app,
    appDb,
    ownerDb,
    config,
    async close() {
      await app.close();
      await appDb.destroy();
      await ownerDb.destroy();
    },
  };
}

/**
 * A database of its own, migrated, beside the run's shared one: for a test that takes table locks
 * (TRUNCATE … CASCADE) that would deadlock with other test files writing the shared database.
 */
export async function createIsolatedDatabase(label: string): Promise<DatabaseUrls & { drop(): Promise<void> }> {
  const adminDb = createDb({ connectionString: inject('ownerUrl'), max: 1 });
  const name = `${new URL(inject('ownerUrl')).pathname.slice(1)}_${label}_${process.pid}`.slice(0, 63);
  await sql`drop database if exists ${sql.id(name)} with (force)`.execute(adminDb);
  await sql`create database ${sql.id(name)}`.execute(adminDb);
  const url = new URL(inject('ownerUrl'));
  url.pathname = `/${name}`;
  const ownerUrl = url.toString();
  const appPassword = decodeURIComponent(new URL(inject('appUrl')).password);
  await migrate(ownerUrl, appPassword);
  return {
    ownerUrl,
    appUrl: appUrlFrom(ownerUrl, appPassword),
    async drop() {
      await sql`drop database if exists ${sql.id(name)} with (force)`.execute(adminDb);
      await adminDb.destroy();
    },
  };
}
