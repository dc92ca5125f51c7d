/**
 * Runs the watch checks on a schedule through pg-boss, the PostgreSQL-backed job queue (ADR 0020).
 * Every app server starts a worker; pg-boss's cron puts one job in the queue per tick whatever
 * the number of servers, the queue's "stately" policy keeps at most one waiting and one running,
 * and a starting server asks for a check at once, so what fell due while every server was down is
 * sent on start. Exactly once per item and step is the claim's business (watch.service.ts), not
 * the queue's: a job retried after a crash finds its steps claimed.
 */
import PgBoss from 'pg-boss';
import type { Db } from '../../platform/db/database.ts';
import { createDb } from '../../platform/db/database.ts';
import type { Clock } from '../../platform/clock.ts';
import { runWatchChecks, type CheckReport } from './watch.service.ts';
import { listMunicipalityIds } from './watch.repository.ts';

export const WATCH_QUEUE = 'watch-checks';

export interface WatchWorker {
  /** Queues a check now (skipped when one is already waiting); the job's id, or null when skipped. */
  requestCheck(): Promise<string | null>;
  /** Waits until no check waits or runs (tests, and a tool that must know the checks are done). */
  settle(timeoutMs?: number): Promise<void>;
  stop(): Promise<void>;
}

export interface WatchWorkerOptions {
  /** The owner's connection: pg-boss keeps its own schema, and the checks list every municipality. */
  ownerUrl: string;
  /** The app's connection, under row-level security, for the checks themselves. */
  db: Db;
  clock?: Clock;
  /** Cron in Swedish time; default every five minutes. */
  cron?: string;
  /** How often an idle worker looks for a job, in seconds (pg-boss's minimum is 0.5). */
  pollingIntervalSeconds?: number;
  /** Whether this worker schedules the cron; tests turn it off. */
  schedule?: boolean;
  onReport?: (reports: readonly CheckReport[]) => void;
  onError?: (error: unknown) => void;
}

export async function startWatchWorker(options: WatchWorkerOptions): Promise<WatchWorker> {
  const boss = new PgBoss({
    connectionString: options.ownerUrl,
    schema: 'pgboss',
    max: 2,
    application_name: 'vardag-watches',
    schedule: options.schedule ?? true,
  });
  boss.on('error', (error) => options.onError?.(error));
  await boss.start();
  await ensureQueue(boss);
  const ownerDb = createDb({ connectionString: options.ownerUrl, max: 1 });

  if (options.schedule ?? true) {
    await boss.schedule(WATCH_QUEUE, options.cron ?? '*/5 * * * *', {}, { tz: 'Europe/Stockholm' });
  }
  await boss.work(WATCH_QUEUE, { pollingIntervalSeconds: options.pollingIntervalSeconds ?? 2 }, async () => {
    const reports: CheckReport[] = [];
    for (const municipalityId of await listMunicipalityIds(ownerDb)) {
      reports.push(await runWatchChecks(options.db, municipalityId, options.clock));
    }
    options.onReport?.(reports);
  });

  const worker: WatchWorker = {
    requestCheck: () => boss.send(WATCH_QUEUE, {}),
    async settle(timeoutMs = 30_000) {
      const deadline = Date.now() + timeoutMs;
      while ((await boss.getQueueSize(WATCH_QUEUE, { before: 'completed' })) > 0) {
        if (Date.now() > deadline) throw new Error(`The watch checks did not settle in ${timeoutMs} ms`);
        await new Promise((resolve) => setTimeout(resolve, 100));
      }
    },
    async stop() {
      await boss.stop({ graceful: true, timeout: 2_000, wait: true });
      await ownerDb.destroy();
    },
  };
  // Catch up at once: whatever fell due while no server ran.
  await worker.requestCheck();
  return worker;
}

async function ensureQueue(boss: PgBoss): Promise<void> {
  if (await boss.getQueue(WATCH_QUEUE)) return;
  try {
    await boss.createQueue(WATCH_QUEUE, { name: WATCH_QUEUE, policy: 'stately', retryLimit: 2, retryDelay: 30 });
  } catch (error) {
    // Another server created it between the look and the create.
    if (!(await boss.getQueue(WATCH_QUEUE))) throw error;
  }
}
