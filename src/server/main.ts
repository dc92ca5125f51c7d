/**
 * Starts Vardag: the database (embedded when DATABASE_URL is unset), migrations, the demo
 * municipality on an empty database, then the HTTP server with the web app.
 */
import { loadConfig } from './platform/config.ts';
import { resolveDatabase } from './platform/db/connection.ts';
import { migrate } from './platform/db/migrator.ts';
import { createDb } from './platform/db/database.ts';
import { leaveStopSignalsToCaller } from './platform/db/embedded.ts';
import { STOP_SIGNALS, stopOnSignals } from './platform/shutdown.ts';
import { buildApp } from './app.ts';
import { startWatchWorker, type WatchWorker } from './modules/watches/index.ts';
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
log(
  `Vardag is running at http://${shownHost}:${config.port}/  (API docs: http://${shownHost}:${config.port}/api/docs)`,
);
log(target.isEmbedded ? `Database: embedded PostgreSQL in ${config.dataDir}/pg` : 'Database: DATABASE_URL');
if (seeded) {
  log(`Demo municipality "${seeded.municipalityName}" — every demo user has the password "${DEMO_PASSWORD}":`);
  for (const user of seeded.users) log(`  ${user.username.padEnd(14)} ${user.description}`);
}

// Bounded whatever the database's state (platform/shutdown.ts): requests stuck on a frozen
// database are cut after APP_CLOSE_MS, the pool is left after POOL_END_MS, and the embedded
// server is stopped in its own bounded way (embedded.ts); HARD_DEADLINE_MS caps it all.
const APP_CLOSE_MS = 5_000;
const POOL_END_MS = 2_000;
const WATCHES_STOP_MS = 3_000;
const DATABASE_STOP_MS = 10_000;
const HARD_DEADLINE_MS = 20_000;
leaveStopSignalsToCaller(STOP_SIGNALS);
stopOnSignals({
  log,
  hardDeadlineMs: HARD_DEADLINE_MS,
  steps: [
    {
      name: 'Closing the HTTP server',
      timeoutMs: APP_CLOSE_MS,
      run: () => app.close(),
      onTimeout: () => app.server.closeAllConnections(),
    },
    { name: 'Stopping the watch checks', timeoutMs: WATCHES_STOP_MS, run: async () => (await watches)?.stop() },
    { name: 'Closing the database connections', timeoutMs: POOL_END_MS, run: () => db.destroy() },
    { name: 'Stopping the embedded PostgreSQL', timeoutMs: DATABASE_STOP_MS, run: () => target.stop() },
  ],
});

// The statutory watches' checks and reminders (ADR 0020): on start, to catch up, then on the cron.
// Started once the stop signals are handled and not awaited by the start: a database that is slow
// or frozen must neither delay serving nor keep a stop from being heard.
const reportWatchError = (error: unknown) =>
  log(`Watch checks: ${error instanceof Error ? error.message : String(error)}`);
const watches: Promise<WatchWorker | null> = config.watchChecks
  ? startWatchWorker({ ownerUrl: target.ownerUrl, db, cron: config.watchCheckCron, onError: reportWatchError }).catch(
      (error: unknown) => {
        reportWatchError(error);
        return null;
      },
    )
  : Promise.resolve(null);
