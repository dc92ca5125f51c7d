/**
 * The server process and its database going away (issue 13, defect 13). The real process
 * (`tsx src/server/main.ts`, as `npm start` runs it) with an embedded PostgreSQL of its own in a
 * folder of its own: killed or frozen under it, SIGTERM still ends the process in bounded time.
 * And an app whose PostgreSQL restarts under it answers again within two seconds, sessions
 * included. Never the run's database: every PostgreSQL here is a throwaway one.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { readdir, readFile, rm } from 'node:fs/promises';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildApp } from '../src/server/app.ts';
import { appUrlFrom } from '../src/server/platform/db/connection.ts';
import { createDb } from '../src/server/platform/db/database.ts';
import { startEmbeddedPostgres } from '../src/server/platform/db/embedded.ts';
import { migrate } from '../src/server/platform/db/migrator.ts';
import { loadConfig } from '../src/server/platform/config.ts';
import { createTestWorld } from './factories.ts';
import { freePort, scratchFolder } from './scratch.ts';

const ROOT = path.resolve(import.meta.dirname, '..');
const APP_DB_PASSWORD = 'vardag_app';

let folder: string;
beforeAll(async () => {
  folder = await scratchFolder('server-stop-');
});
afterAll(async () => {
  if (folder) await rm(folder, { recursive: true, force: true });
});

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** The status of GET path, or 0 when nothing answered within the time. */
async function statusOf(url: string, timeoutMs = 2_000): Promise<number> {
  try {
    return (await fetch(url, { signal: AbortSignal.timeout(timeoutMs) })).status;
  } catch {
    return 0;
  }
}

interface ServerProcess {
  child: ChildProcess;
  baseUrl: string;
  /** What it printed so far, stdout and stderr. */
  output(): string;
  /** Resolves when it exits: its code, and how long after `since` (performance.now()). */
  exit(since: number): Promise<{ code: number | null; signal: NodeJS.Signals | null; afterMs: number }>;
}

/** Starts `tsx src/server/main.ts` on the data folder (its own embedded PostgreSQL) and waits for /readyz. */
async function startServerProcess(dataDir: string, pgPort: number): Promise<ServerProcess> {
  const port = await freePort();
  const env: NodeJS.ProcessEnv = {
    ...process.env,
    DATA_DIR: dataDir,
    EMBEDDED_PG_PORT: String(pgPort),
    PORT: String(port),
    HOST: '127.0.0.1',
    SEED_DEMO: 'false',
  };
  delete env.DATABASE_URL;
  delete env.APP_DATABASE_URL;
  const child = spawn(process.execPath, ['--import', 'tsx', 'src/server/main.ts'], {
    cwd: ROOT,
    env,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  child.stdout!.on('data', (chunk: Buffer) => {
    output += chunk.toString();
  });
  child.stderr!.on('data', (chunk: Buffer) => {
    output += chunk.toString();
  });
  const exited = new Promise<{ code: number | null; signal: NodeJS.Signals | null; at: number }>((resolve) => {
    // 'close', not 'exit': its output may still be on the way when 'exit' comes.
    child.once('close', (code, signal) => resolve({ code, signal, at: performance.now() }));
  });
  const baseUrl = `http://127.0.0.1:${port}`;
  const startedBy = performance.now() + 120_000;
  while ((await statusOf(`${baseUrl}/readyz`)) !== 200) {
    if (child.exitCode !== null || performance.now() > startedBy) {
      child.kill('SIGKILL');
      throw new Error(`The server did not become ready:\n${output}`);
    }
    await sleep(200);
  }
  return {
    child,
    baseUrl,
    output: () => output,
    exit: async (since) => {
      const { code, signal, at } = await exited;
      return { code, signal, afterMs: Math.round(at - since) };
    },
  };
}

/** The postmaster's pid (first line of postmaster.pid) and its children's (backends, checkpointer …). */
async function postgresPids(dataDir: string): Promise<number[]> {
  const postmaster = Number((await readFile(path.join(dataDir, 'pg', 'postmaster.pid'), 'utf8')).split('\n')[0]);
  const children: number[] = [];
  for (const entry of await readdir('/proc')) {
    if (!/^\d+$/.test(entry)) continue;
    const stat = await readFile(`/proc/${entry}/stat`, 'utf8').catch(() => '');
    // pid (comm) state ppid …: comm may hold spaces, so read after its closing parenthesis.
    const ppid = Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[1]);
    if (ppid === postmaster) children.push(Number(entry));
  }
  return [postmaster, ...children];
}

function signalAll(pids: number[], signal: NodeJS.Signals): void {
  for (const pid of pids) {
    try {
      process.kill(pid, signal);
    } catch {
      /* already gone */
    }
  }
}

describe('stopping the server process', () => {
  it('stops cleanly on SIGTERM, exit code 0, its PostgreSQL shut down with it', { timeout: 180_000 }, async () => {
    const dataDir = path.join(folder, 'healthy');
    const server = await startServerProcess(dataDir, await freePort());
    try {
      const [postmaster] = await postgresPids(dataDir);
      const since = performance.now();
      server.child.kill('SIGTERM');
      const exit = await server.exit(since);
      expect(exit, server.output()).toMatchObject({ code: 0 });
      expect(exit.afterMs, server.output()).toBeLessThan(5_000);
      expect(() => process.kill(postmaster!, 0)).toThrow();
    } finally {
      server.child.kill('SIGKILL');
    }
  });

  it('ends at once on SIGTERM when its embedded PostgreSQL was killed under it', { timeout: 180_000 }, async () => {
    const dataDir = path.join(folder, 'killed');
    const server = await startServerProcess(dataDir, await freePort());
    try {
      const [postmaster] = await postgresPids(dataDir);
      process.kill(postmaster!, 'SIGKILL');
      await expect
        .poll(() => statusOf(`${server.baseUrl}/readyz`), { timeout: 20_000 })
        .toBe(503)
        .catch((error: Error) => {
          throw new Error(`${error.message}\nThe server said:\n${server.output()}`);
        });
      const since = performance.now();
      server.child.kill('SIGTERM');
      const exit = await server.exit(since);
      expect(exit, server.output()).toMatchObject({ code: 0 });
      expect(exit.afterMs, server.output()).toBeLessThan(5_000);
      expect(server.output()).toContain('The embedded PostgreSQL had already stopped (SIGKILL).');
    } finally {
      server.child.kill('SIGKILL');
    }
  });

  it('ends by its deadline, with exit code 1, when its PostgreSQL froze with a request waiting on it', {
    timeout: 180_000,
  }, async () => {
    const dataDir = path.join(folder, 'frozen');
    const server = await startServerProcess(dataDir, await freePort());
    const pids = await postgresPids(dataDir);
    try {
      signalAll(pids, 'SIGSTOP');
      // A request that now waits on the database, as one would when it froze.
      expect(await statusOf(`${server.baseUrl}/readyz`, 1_000)).toBe(0);
      void statusOf(`${server.baseUrl}/readyz`, 60_000);
      await sleep(200);
      const since = performance.now();
      server.child.kill('SIGTERM');
      const exit = await server.exit(since);
      // Each step is bounded (5 s, 2 s, the embedded server's own 9 s) and all of it by 20 s.
      expect(exit, server.output()).toMatchObject({ code: 1 });
      expect(exit.afterMs, server.output()).toBeLessThan(21_000);
      expect(server.output()).toContain('Closing the HTTP server: not done within 5 s');
    } finally {
      server.child.kill('SIGKILL');
      signalAll(pids, 'SIGKILL');
    }
  });

  it('exits at once, with exit code 1, on a second signal while stopping', { timeout: 180_000 }, async () => {
    const dataDir = path.join(folder, 'second-signal');
    const server = await startServerProcess(dataDir, await freePort());
    const pids = await postgresPids(dataDir);
    try {
      signalAll(pids, 'SIGSTOP');
      void statusOf(`${server.baseUrl}/readyz`, 60_000);
      await sleep(200);
      server.child.kill('SIGTERM');
      await expect.poll(() => server.output()).toContain('SIGTERM: stopping');
      const since = performance.now();
      server.child.kill('SIGINT');
      const exit = await server.exit(since);
      expect(exit, server.output()).toMatchObject({ code: 1 });
      expect(exit.afterMs, server.output()).toBeLessThan(1_000);
      expect(server.output()).toContain('SIGINT again: exiting at once.');
    } finally {
      server.child.kill('SIGKILL');
      signalAll(pids, 'SIGKILL');
    }
  });
});

describe('a PostgreSQL restarted under a running app', () => {
  it('is survived: /readyz and the same session answer 200 again within two seconds', {
    timeout: 180_000,
  }, async () => {
    const dataDir = path.join(folder, 'restarted');
    const pgPort = await freePort();
    const first = await startEmbeddedPostgres(dataDir, pgPort, () => undefined);
    await first.ensureDatabase('vardag');
    const ownerUrl = first.ownerUrl('vardag');
    await migrate(ownerUrl, APP_DB_PASSWORD);
    const appDb = createDb({ connectionString: appUrlFrom(ownerUrl, APP_DB_PASSWORD), max: 3 });
    const ownerDb = createDb({ connectionString: ownerUrl, max: 2 });
    const app = await buildApp(
      { db: appDb, config: loadConfig({ NODE_ENV: 'test', LOG_LEVEL: 'silent' }) },
      { logger: false },
    );
    await app.listen({ port: 0, host: '127.0.0.1' });
    const baseUrl = `http://127.0.0.1:${(app.server.address() as AddressInfo).port}`;
    let second: Awaited<ReturnType<typeof startEmbeddedPostgres>> | undefined;
    try {
      const world = await createTestWorld(ownerDb, baseUrl);
      await ownerDb.destroy();
      const officer = await world.signIn('caseOfficer');
      expect((await officer.get('/api/session')).status).toBe(200);

      await first.stop();
      expect(await statusOf(`${baseUrl}/readyz`)).toBe(503);
      expect((await officer.get('/api/session')).status).toBeGreaterThanOrEqual(500);

      second = await startEmbeddedPostgres(dataDir, pgPort, () => undefined);
      const since = performance.now();
      await expect.poll(() => statusOf(`${baseUrl}/readyz`), { timeout: 10_000, interval: 50 }).toBe(200);
      await expect
        .poll(async () => (await officer.get('/api/session')).status, { timeout: 10_000, interval: 50 })
        .toBe(200);
      const afterMs = performance.now() - since;
      expect(afterMs).toBeLessThan(2_000);
      expect((await officer.get('/api/persons?q=test')).status).toBe(200);
    } finally {
      await app.close();
      await appDb.destroy();
      await ownerDb.destroy().catch(() => undefined);
      await (second ?? first).stop();
    }
  });
});
