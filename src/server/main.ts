/**
 * Starts Vardag: the database (embedded when DATABASE_URL is unset), migrations, the demo
 * municipality on an empty database, then the HTTP server with the web app.
 */
import { loadConfig } from './platform/config.ts';
import { resolveDatabase } from './platform/db/connection.ts';
import { migrate } from './platform/db/migrator.ts';
import { createDb } from './platform/db/database.ts';
import { buildApp } from './app.ts';
import { seedDemoIfEmpty, DEMO_PASSWORD } from '../../seeds/demo/seed-demo.ts';

const log = (line: string) => console.log(line);
const config = loadConfig();
const target = await resolveDatabase(config, log);
await migrate(target.ownerUrl, config.appDbPassword);
const seeded = process.env.SEED_DEMO === 'false' ? undefined : await seedDemoIfEmpty(target.ownerUrl);

const db = createDb({ connectionString: target.appUrl });
const app = await buildApp({ db, config });
await app.listen({ port: config.port, host: config.host });

const shownHost = config.host === '0.0.0.0' ? 'localhost' : config.host;
log('');
log(`Vardag is running at http://${shownHost}:${config.port}/  (API docs: http://${shownHost}:${config.port}/api/docs)`);
log(target.isEmbedded ? `Database: embedded PostgreSQL in ${config.dataDir}/pg` : 'Database: DATABASE_URL');
if (seeded) {
  log(`Demo municipality "${seeded.municipalityName}" — every demo user has the password "${DEMO_PASSWORD}":`);
  for (const user of seeded.users) log(`  ${user.username.padEnd(14)} ${user.description}`);
}

let isStopping = false;
async function stop(signal: string) {
  if (isStopping) return;
  isStopping = true;
  log(`${signal}: stopping …`);
  await app.close();
  await db.destroy();
  await target.stop();
  process.exit(0);
}
process.on('SIGINT', () => void stop('SIGINT'));
process.on('SIGTERM', () => void stop('SIGTERM'));
