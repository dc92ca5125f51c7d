/**
 * Once per `npm test`: a PostgreSQL to test against (DATABASE_URL, else an embedded one with a
 * fresh database) with the migrations applied. Test files get the URLs through inject().
 */
import path from 'node:path';
import { rm } from 'node:fs/promises';
import type { TestProject } from 'vitest/node';
import { startEmbeddedPostgres, type EmbeddedDatabase } from '../src/server/platform/db/embedded.ts';
import { appUrlFrom } from '../src/server/platform/db/connection.ts';
import { migrate } from '../src/server/platform/db/migrator.ts';
import { buildWebIfStale } from '../scripts/web-build.ts';
import { findChromium, isBrowserRequired } from '../e2e/chromium.ts';
import { freePort } from './scratch.ts';

declare module 'vitest' {
  export interface ProvidedContext {
    ownerUrl: string;
    appUrl: string;
    /** Why the web app could not be built for the browser tests; empty when it was. */
    webBuildError: string;
  }
}

export const TEST_APP_DB_PASSWORD = 'vardag_app';

export default async function setup(project: TestProject) {
  let embedded: EmbeddedDatabase | undefined;
  let ownerUrl = process.env.DATABASE_URL;
  let dataDir: string | undefined;
  if (!ownerUrl) {
    // A cluster of its own per run (own folder, free port), so runs started side by side never share one.
    const port = process.env.TEST_EMBEDDED_PG_PORT ? Number(process.env.TEST_EMBEDDED_PG_PORT) : await freePort();
    dataDir = path.resolve('.vardag-test', `run-${process.pid}`);
    embedded = await startEmbeddedPostgres(dataDir, port, (line) => console.log(line));
    const database = 'vardag_test';
    await embedded.ensureDatabase(database);
    ownerUrl = embedded.ownerUrl(database);
  }
  await migrate(ownerUrl, TEST_APP_DB_PASSWORD);
  // Browser tests need the built web app; Vite builds it in about a second.
  // A failed build fails the browser tests only (e2e/harness.ts), not every test of the run.
  let webBuildError = '';
  if (findChromium() || isBrowserRequired) {
    await buildWebIfStale().catch((error: { stderr?: string; message: string }) => {
      webBuildError = error.stderr || error.message;
    });
  }
  project.provide('webBuildError', webBuildError);
  project.provide('ownerUrl', ownerUrl);
  project.provide('appUrl', appUrlFrom(ownerUrl, TEST_APP_DB_PASSWORD));

  return async () => {
    await embedded?.stop();
    if (dataDir) await rm(dataDir, { recursive: true, force: true });
  };
}
