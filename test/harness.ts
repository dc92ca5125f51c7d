/**
 * Starts the real app on a free port against the test database, signed in as nobody. Tests talk
 * to it over HTTP with TestClient and build data with the factories.
 */
import { inject } from 'vitest';
import type { AddressInfo } from 'node:net';
import { buildApp } from '../src/server/app.ts';
import { createDb, type Db } from '../src/server/platform/db/database.ts';
import { loadConfig, type Config } from '../src/server/platform/config.ts';
import type { App } from '../src/server/platform/http/types.ts';

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

export async function startTestServer(overrides: Partial<Config> = {}): Promise<TestServer> {
  const config = { ...loadConfig({ NODE_ENV: 'test', LOG_LEVEL: 'silent' }), ...overrides };
  const appDb = createDb({ connectionString: inject('appUrl'), max: 5 });
  const ownerDb = createDb({ connectionString: inject('ownerUrl'), max: 3 });
  const app = await buildApp({ db: appDb, config }, { logger: false });
  await app.listen({ port: 0, host: '127.0.0.1' });
  const { port } = app.server.address() as AddressInfo;
  return {
    baseUrl: `http://127.0.0.1:${port}`,
    app, appDb, ownerDb, config,
    async close() {
      await app.close();
      await appDb.destroy();
      await ownerDb.destroy();
    },
  };
}
