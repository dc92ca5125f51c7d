/** `npm run db:migrate`: apply pending migrations to DATABASE_URL or the embedded PostgreSQL. */
import { loadConfig } from '../src/server/platform/config.ts';
import { resolveDatabase } from '../src/server/platform/db/connection.ts';
import { migrate } from '../src/server/platform/db/migrator.ts';

const config = loadConfig();
const target = await resolveDatabase(config, console.log);
try {
  const { applied } = await migrate(target.ownerUrl, config.appDbPassword);
  console.log(applied.length ? `Applied: ${applied.join(', ')}` : 'The database is up to date.');
} finally {
  await target.stop();
}
