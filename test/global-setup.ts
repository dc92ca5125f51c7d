/**
 * Once per `npm test`: a PostgreSQL to test against (DATABASE_URL, else an embedded one with a
 * fresh database) with the migrations applied. Test files get the URLs through inject().
 */
import path from 'node:path';
import type { TestProject } from 'vitest/node';
import pg from 'pg';
import { startEmbeddedPostgres, type EmbeddedDatabase } from '../src/server/platform/db/embedded.ts';
import { appUrlFrom } from '../src/server/platform/db/connection.ts';
import { migrate } from '../src/server/platform/db/migrator.ts';

declare module 'vitest' {
  export interface ProvidedContext {
    ownerUrl: string;
    appUrl: string;
  }
}

export const TEST_APP_DB_PASSWORD = 'vardag_app';

export default async function setup(project: TestProject) {
  let embedded: EmbeddedDatabase | undefined;
  let ownerUrl = process.env.DATABASE_URL;
  let dropAfter: string | undefined;
  if (!ownerUrl) {
    const port = Number(process.env.TEST_EMBEDDED_PG_PORT ?? 5434);
    embedded = await startEmbeddedPostgres(path.resolve('.vardag-test'), port, (line) => console.log(line));
    const database = `vardag_test_${process.pid}_${Date.now()}`;
    await embedded.ensureDatabase(database);
    ownerUrl = embedded.ownerUrl(database);
    dropAfter = database;
  }
  await migrate(ownerUrl, TEST_APP_DB_PASSWORD);
  project.provide('ownerUrl', ownerUrl);
  project.provide('appUrl', appUrlFrom(ownerUrl, TEST_APP_DB_PASSWORD));

  return async () => {
    if (embedded && dropAfter) {
      const client = new pg.Client({ connectionString: embedded.ownerUrl('postgres') });
      await client.connect();
      await client.query(`drop database if exists ${client.escapeIdentifier(dropAfter)} with (force)`);
      await client.end();
      await embedded.stop();
    }
  };
}
